import {
  tocEntries,
  type ExportBlock,
  type ExportDocument,
  type ExportInline,
  type ExportTable,
} from './export-document';

/**
 * Renders an {@link ExportDocument} as GitHub-flavoured Markdown: ATX headings, emphasis,
 * links, nested lists, pipe tables (cell paragraphs joined with `<br>`), measure sheets as
 * two-column tables. Page breaks and the running header have no Markdown form and are left out;
 * the title page becomes a heading with its lines, the table of contents a linked list.
 */
export function renderMarkdown(document: ExportDocument): string {
  const parts: string[] = [];
  if (document.titlePage) {
    parts.push(`# ${escapeText(document.titlePage.title)}`);
    if (document.titlePage.subtitle) parts.push(`**${escapeText(document.titlePage.subtitle)}**`);
    if (document.titlePage.lines.length > 0) {
      parts.push(document.titlePage.lines.map((line) => escapeText(line)).join('  \n'));
    }
  }
  if (document.tableOfContents) {
    const entries = tocEntries(document);
    if (entries.length > 0) {
      parts.push(`## ${escapeText(document.labels.contents)}`);
      parts.push(
        entries
          .map((entry) => {
            const label = entry.number ? `${entry.number} ${entry.text}` : entry.text;
            return `${'  '.repeat(entry.level - 1)}- [${escapeText(label)}](#${slug(label)})`;
          })
          .join('\n'),
      );
    }
  }
  // Headings move down one level under a title page, whose title is the only "#".
  const shift = document.titlePage ? 1 : 0;
  for (const block of document.blocks) {
    const rendered = renderBlock(block, shift, document);
    if (rendered) parts.push(rendered);
  }
  return `${parts.join('\n\n')}\n`;
}

/** The anchor GitHub gives a heading: lower case, spaces to dashes, punctuation dropped. */
export function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

/** Escapes characters that Markdown would read as syntax. */
export function escapeText(value: string): string {
  return value
    .replace(/([\\`*_[\]<>|~])/g, '\\$1')
    .replace(/^(\s*)([#+-]|\d+[.)])(\s)/gm, '$1\\$2$3');
}

function renderInlines(inlines: readonly ExportInline[]): string {
  return inlines
    .map((inline) => {
      if (inline.kind === 'break') return '  \n';
      if (inline.text.length === 0) return '';
      let out = inline.code ? codeSpan(inline.text) : escapeText(inline.text);
      // Emphasis must hug the text: move surrounding spaces outside the markers.
      const lead = /^\s*/.exec(out)?.[0] ?? '';
      const trail = /\s*$/.exec(out)?.[0] ?? '';
      let core = out.slice(lead.length, out.length - trail.length);
      if (core.length === 0) return out;
      if (inline.bold) core = `**${core}**`;
      if (inline.italic) core = `*${core}*`;
      if (inline.strike || inline.change === 'deleted') core = `~~${core}~~`;
      if (inline.underline || inline.change === 'inserted') core = `<ins>${core}</ins>`;
      if (inline.link) core = `[${core}](${inline.link.replace(/[()\s]/g, encodeURIComponent)})`;
      out = `${lead}${core}${trail}`;
      return out;
    })
    .join('');
}

function codeSpan(value: string): string {
  const fence = value.includes('`') ? '``' : '`';
  return `${fence}${value.includes('`') ? ` ${value} ` : value}${fence}`;
}

function indent(value: string, by: string): string {
  return value
    .split('\n')
    .map((line, index) => (index === 0 || line.length === 0 ? line : `${by}${line}`))
    .join('\n');
}

function renderBlock(block: ExportBlock, shift: number, document: ExportDocument): string {
  switch (block.kind) {
    case 'heading': {
      const label = block.number ? `${block.number} ${block.text}` : block.text;
      return `${'#'.repeat(Math.min(6, block.level + shift))} ${escapeText(label)}`;
    }
    case 'paragraph': {
      const body = renderInlines(block.inlines);
      if (!body.trim()) return '';
      return block.style === 'note' ? `*${body.trim()}*` : body;
    }
    case 'list':
      return block.items
        .map((item, index) => {
          const marker = block.ordered ? `${(block.start ?? 1) + index}.` : '-';
          const pad = ' '.repeat(marker.length + 1);
          const body = item
            .map((child) => renderBlock(child, shift, document))
            .filter((part) => part.length > 0)
            .join('\n\n');
          return `${marker} ${indent(body, pad)}`;
        })
        .join('\n');
    case 'table':
      return renderTable(block, shift, document);
    case 'quote':
      return block.blocks
        .map((child) => renderBlock(child, shift, document))
        .join('\n\n')
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n');
    case 'code': {
      const fence = block.text.includes('```') ? '~~~~' : '```';
      return `${fence}\n${block.text}\n${fence}`;
    }
    case 'rule':
      return '---';
    case 'pageBreak':
      return '';
    case 'measure':
      return renderTable(
        {
          kind: 'table',
          headerRows: 1,
          rows: [
            [{ blocks: [paragraphOf(block.code)] }, { blocks: [paragraphOf(block.title)] }],
            ...block.fields.map((field) => [
              { blocks: [paragraphOf(field.label, true)] },
              { blocks: field.blocks },
            ]),
          ],
        },
        shift,
        document,
      );
  }
}

function paragraphOf(value: string, bold = false): ExportBlock {
  return { kind: 'paragraph', inlines: [{ kind: 'text', text: value, ...(bold ? { bold } : {}) }] };
}

function cellText(blocks: readonly ExportBlock[], shift: number, document: ExportDocument): string {
  return blocks
    .flatMap((block) => {
      if (block.kind === 'paragraph') return [renderInlines(block.inlines)];
      if (block.kind === 'list') {
        return block.items.map(
          (item, index) =>
            `${block.ordered ? `${(block.start ?? 1) + index}.` : '•'} ${cellText(item, shift, document)}`,
        );
      }
      return [renderBlock(block, shift, document)];
    })
    .map((part) => part.replace(/\s*\n\s*/g, ' ').trim())
    .filter((part) => part.length > 0)
    .join('<br>');
}

function renderTable(block: ExportTable, shift: number, document: ExportDocument): string {
  const rows = block.rows.map((row) =>
    row.flatMap((cell) => {
      const content = cellText(cell.blocks, shift, document);
      // Markdown has no column spans: the spanned columns are left empty.
      return [content, ...Array.from({ length: (cell.colSpan ?? 1) - 1 }, () => '')];
    }),
  );
  const columns = Math.max(1, ...rows.map((row) => row.length));
  const pad = (row: string[]) => [
    ...row,
    ...Array.from({ length: columns - row.length }, () => ''),
  ];
  const line = (row: string[]) => `| ${pad(row).join(' | ')} |`;
  const header = block.headerRows > 0 ? (rows[0] ?? []) : Array.from({ length: columns }, () => '');
  const bodyRows = block.headerRows > 0 ? rows.slice(1) : rows;
  return [line(header), `|${' --- |'.repeat(columns)}`, ...bodyRows.map(line)].join('\n');
}
