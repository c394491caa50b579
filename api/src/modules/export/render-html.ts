import type { ExportBlock, ExportDocument, ExportInline } from './export-document';

/** One heading of the rendered HTML, for a table of contents that links to it. */
export interface HtmlTocEntry {
  anchor: string;
  level: number;
  number: string | null;
  text: string;
}

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function inlines(list: readonly ExportInline[]): string {
  return list
    .map((inline) => {
      if (inline.kind === 'break') return '<br>';
      let out = escapeHtml(inline.text);
      if (inline.code) out = `<code>${out}</code>`;
      if (inline.bold) out = `<strong>${out}</strong>`;
      if (inline.italic) out = `<em>${out}</em>`;
      if (inline.underline) out = `<u>${out}</u>`;
      if (inline.strike) out = `<s>${out}</s>`;
      if (inline.change === 'inserted') out = `<ins>${out}</ins>`;
      if (inline.change === 'deleted') out = `<del>${out}</del>`;
      if (inline.link && SAFE_LINK.test(inline.link)) {
        out = `<a href="${escapeHtml(inline.link)}" rel="noopener noreferrer">${out}</a>`;
      }
      return out;
    })
    .join('');
}

/**
 * Renders the body of an {@link ExportDocument} as HTML for the reading view: every text
 * escaped, links only http(s) and mailto, headings one level below the page's own `<h1>` with
 * anchors (`<anchorPrefix><n>`) returned as a table of contents. The title page and running
 * header are left to the page around it.
 */
export function renderHtml(
  document: ExportDocument,
  anchorPrefix = 'part-',
): { html: string; toc: HtmlTocEntry[] } {
  const toc: HtmlTocEntry[] = [];
  const render = (block: ExportBlock): string => {
    switch (block.kind) {
      case 'heading': {
        const anchor = block.anchor ?? `${anchorPrefix}${toc.length + 1}`;
        const level = Math.min(6, block.level + 1);
        if (block.inToc ?? block.level <= 3) {
          toc.push({ anchor, level: block.level, number: block.number ?? null, text: block.text });
        }
        const number = block.number
          ? `<span class="heading-number">${escapeHtml(block.number)}</span> `
          : '';
        return `<h${level} id="${anchor}" tabindex="-1">${number}${escapeHtml(block.text)}</h${level}>`;
      }
      case 'paragraph': {
        const cls =
          block.style === 'note' ? ' class="note"' : block.style === 'lead' ? ' class="lead"' : '';
        return `<p${cls}>${inlines(block.inlines)}</p>`;
      }
      case 'list': {
        const tag = block.ordered ? 'ol' : 'ul';
        const start =
          block.ordered && block.start && block.start !== 1 ? ` start="${block.start}"` : '';
        return `<${tag}${start}>${block.items.map((item) => `<li>${item.map(render).join('')}</li>`).join('')}</${tag}>`;
      }
      case 'table': {
        const rows = block.rows.map((row, index) => {
          const header = index < block.headerRows;
          const cells = row
            .map((cell) => {
              const tag = header ? 'th' : 'td';
              const span = cell.colSpan && cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : '';
              const scope = header ? ' scope="col"' : '';
              return `<${tag}${span}${scope}>${cell.blocks.map(render).join('')}</${tag}>`;
            })
            .join('');
          return `<tr>${cells}</tr>`;
        });
        const head = rows.slice(0, block.headerRows).join('');
        const body = rows.slice(block.headerRows).join('');
        const caption = block.caption ? `<caption>${escapeHtml(block.caption)}</caption>` : '';
        return `<div class="table-scroll"><table>${caption}${head ? `<thead>${head}</thead>` : ''}<tbody>${body}</tbody></table></div>`;
      }
      case 'quote':
        return `<blockquote>${block.blocks.map(render).join('')}</blockquote>`;
      case 'code':
        return `<pre><code>${escapeHtml(block.text)}</code></pre>`;
      case 'rule':
        return '<hr>';
      case 'pageBreak':
        return '';
      case 'measure': {
        const rows = block.fields
          .map(
            (field) =>
              `<tr><th scope="row">${escapeHtml(field.label)}</th><td>${field.blocks.map(render).join('')}</td></tr>`,
          )
          .join('');
        return `<div class="table-scroll"><table class="measure-sheet"><caption>${escapeHtml(`${block.code} · ${block.title}`)}</caption><tbody>${rows}</tbody></table></div>`;
      }
    }
  };
  const html = document.blocks.map(render).join('\n');
  return { html, toc };
}
