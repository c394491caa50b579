import type { Locale } from '@lip/common';

/** The content of a mail, as data; {@link renderMail} makes the text and HTML parts from it. */
export interface MailContent {
  locale: Locale;
  subject: string;
  greeting: string;
  /** Paragraphs of plain text (never HTML). */
  paragraphs: string[];
  /** Items of a list (a digest), each with an optional link. */
  items?: { text: string; url: string | null }[];
  action?: { label: string; url: string };
  /** Why the person gets this mail and how to stop it. */
  footer: string;
  unsubscribe?: { label: string; url: string };
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The plain-text and HTML parts of a mail; every piece of text is escaped in the HTML. */
export function renderMail(content: MailContent): { text: string; html: string } {
  const lines = [content.greeting, ''];
  for (const p of content.paragraphs) lines.push(p, '');
  for (const item of content.items ?? []) {
    lines.push(`- ${item.text}${item.url ? `\n  ${item.url}` : ''}`);
  }
  if (content.items?.length) lines.push('');
  if (content.action) lines.push(`${content.action.label}: ${content.action.url}`, '');
  lines.push('-- ', content.footer);
  if (content.unsubscribe) lines.push(`${content.unsubscribe.label}: ${content.unsubscribe.url}`);

  const e = escapeHtml;
  const items = content.items?.length
    ? `<ul>${content.items
        .map((i) => `<li>${i.url ? `<a href="${e(i.url)}">${e(i.text)}</a>` : e(i.text)}</li>`)
        .join('')}</ul>`
    : '';
  const html = [
    `<!doctype html><html lang="${content.locale}"><head><meta charset="utf-8">`,
    `<title>${e(content.subject)}</title></head>`,
    '<body style="font-family:system-ui,sans-serif;color:#1b1f24;line-height:1.5;max-width:40rem">',
    `<p>${e(content.greeting)}</p>`,
    ...content.paragraphs.map((p) => `<p>${e(p)}</p>`),
    items,
    content.action
      ? `<p><a href="${e(content.action.url)}" style="display:inline-block;padding:.5rem 1rem;background:#0b5cad;color:#fff;text-decoration:none;border-radius:4px">${e(content.action.label)}</a></p>`
      : '',
    `<hr><p style="font-size:.875rem;color:#4b5563">${e(content.footer)}`,
    content.unsubscribe
      ? ` <a href="${e(content.unsubscribe.url)}">${e(content.unsubscribe.label)}</a>`
      : '',
    '</p></body></html>',
  ].join('');
  return { text: lines.join('\n'), html };
}
