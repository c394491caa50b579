import type {
  ExportBlock,
  ExportHeading,
  ExportInline,
  ExportTableCell,
  ExportText,
} from './export-document';

/** A ProseMirror node as JSON (the editor schema's `toJSON`), read defensively. */
export interface ProseMirrorJson {
  type?: unknown;
  attrs?: Record<string, unknown> | null;
  content?: unknown;
  marks?: unknown;
  text?: unknown;
}

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

function children(node: ProseMirrorJson): ProseMirrorJson[] {
  return Array.isArray(node.content)
    ? node.content.filter((c): c is ProseMirrorJson => typeof c === 'object' && c !== null)
    : [];
}

function marksOf(node: ProseMirrorJson): Omit<ExportText, 'kind' | 'text'> {
  const out: Omit<ExportText, 'kind' | 'text'> = {};
  if (!Array.isArray(node.marks)) return out;
  for (const mark of node.marks as ProseMirrorJson[]) {
    switch (mark?.type) {
      case 'bold':
        out.bold = true;
        break;
      case 'italic':
        out.italic = true;
        break;
      case 'underline':
        out.underline = true;
        break;
      case 'strike':
        out.strike = true;
        break;
      case 'code':
        out.code = true;
        break;
      case 'link': {
        const href = mark.attrs?.href;
        // Only links a reader can follow safely are kept; others stay plain text.
        if (typeof href === 'string' && SAFE_LINK.test(href)) out.link = href;
        break;
      }
      default:
        break;
    }
  }
  return out;
}

function inlinesOf(node: ProseMirrorJson): ExportInline[] {
  const out: ExportInline[] = [];
  for (const child of children(node)) {
    if (child.type === 'text' && typeof child.text === 'string') {
      out.push({ kind: 'text', text: child.text, ...marksOf(child) });
    } else if (child.type === 'hardBreak') {
      out.push({ kind: 'break' });
    } else {
      // An inline node this model does not know: keep its text.
      out.push(...inlinesOf(child));
    }
  }
  return out;
}

function plainText(node: ProseMirrorJson): string {
  if (node.type === 'text' && typeof node.text === 'string') return node.text;
  if (node.type === 'hardBreak') return '\n';
  return children(node).map(plainText).join('');
}

/** Options of {@link fromProseMirror}. */
export interface FromProseMirrorOptions {
  /**
   * Added to every heading level, so a chapter's own headings sit below the chapter heading
   * (levels are capped at 6).
   */
  headingOffset?: number;
}

function clampLevel(level: number): ExportHeading['level'] {
  return Math.min(6, Math.max(1, Math.round(level))) as ExportHeading['level'];
}

function blocksOf(node: ProseMirrorJson, options: Required<FromProseMirrorOptions>): ExportBlock[] {
  const out: ExportBlock[] = [];
  for (const child of children(node)) out.push(...blockOf(child, options));
  return out;
}

function blockOf(node: ProseMirrorJson, options: Required<FromProseMirrorOptions>): ExportBlock[] {
  switch (node.type) {
    case 'paragraph':
      return [{ kind: 'paragraph', inlines: inlinesOf(node) }];
    case 'heading': {
      const level = typeof node.attrs?.level === 'number' ? node.attrs.level : 1;
      return [
        {
          kind: 'heading',
          level: clampLevel(level + options.headingOffset),
          text: plainText(node),
        },
      ];
    }
    case 'bulletList':
    case 'orderedList': {
      const start = node.attrs?.start;
      return [
        {
          kind: 'list',
          ordered: node.type === 'orderedList',
          ...(node.type === 'orderedList' && typeof start === 'number' && start !== 1
            ? { start }
            : {}),
          items: children(node).map((item) => blocksOf(item, options)),
        },
      ];
    }
    case 'blockquote':
      return [{ kind: 'quote', blocks: blocksOf(node, options) }];
    case 'codeBlock':
      return [{ kind: 'code', text: plainText(node) }];
    case 'horizontalRule':
      return [{ kind: 'rule' }];
    case 'table': {
      const rows = children(node).map((row) =>
        children(row).map((cell): ExportTableCell => {
          const colspan = cell.attrs?.colspan;
          return {
            blocks: blocksOf(cell, options),
            ...(typeof colspan === 'number' && colspan > 1 ? { colSpan: colspan } : {}),
          };
        }),
      );
      // Leading rows made only of header cells are the table's header rows.
      let headerRows = 0;
      for (const row of children(node)) {
        const cells = children(row);
        if (cells.length > 0 && cells.every((cell) => cell.type === 'tableHeader')) {
          headerRows += 1;
        } else break;
      }
      return [{ kind: 'table', headerRows, rows }];
    }
    case 'text':
    case 'hardBreak':
      return [{ kind: 'paragraph', inlines: inlinesOf({ content: [node] }) }];
    default: {
      // A block this model does not know: keep what it contains.
      const inner = blocksOf(node, options);
      if (inner.length > 0) return inner;
      const value = plainText(node);
      return value ? [{ kind: 'paragraph', inlines: [{ kind: 'text', text: value }] }] : [];
    }
  }
}

/**
 * Turns a ProseMirror document (the editor schema's JSON, as the collab server returns it) into
 * export blocks: headings, paragraphs with marks and links, lists, tables, quotes, code and
 * rules. Unknown nodes keep their text; anything that is not an object yields no blocks.
 */
export function fromProseMirror(doc: unknown, options: FromProseMirrorOptions = {}): ExportBlock[] {
  if (typeof doc !== 'object' || doc === null) return [];
  const resolved = { headingOffset: options.headingOffset ?? 0 };
  const root = doc as ProseMirrorJson;
  if (root.type === 'doc') return blocksOf(root, resolved);
  return blockOf(root, resolved);
}

/**
 * Blocks from plain text (the projection fallback when no structured content is available):
 * paragraphs split at blank lines, single line breaks kept.
 */
export function fromPlainText(value: string): ExportBlock[] {
  return value
    .split(/\n{2,}/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk.length > 0)
    .map((chunk) => ({
      kind: 'paragraph' as const,
      inlines: chunk
        .split('\n')
        .flatMap((line, index): ExportInline[] =>
          index === 0
            ? [{ kind: 'text', text: line }]
            : [{ kind: 'break' }, { kind: 'text', text: line }],
        ),
    }));
}
