import type { Locale } from '@lip/common';

/**
 * The one intermediate model every export is built as and every renderer reads (DOCX, Markdown;
 * ODT and PDF are converted from the DOCX). Builders turn ProseMirror JSON and records (paper,
 * measures, response tables) into it; renderers never see records. The shape is a stable
 * contract shared with the review work (response tables): add optional fields, never change
 * the meaning of existing ones, and bump {@link EXPORT_MODEL_VERSION} when a renderer must tell.
 */
export const EXPORT_MODEL_VERSION = 1;

/** A run of text with its marks; `link` is an absolute http(s) or mailto URL. */
export interface ExportText {
  kind: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: string;
  /** Inline change marks of a comparison ("text change" columns): shown inserted or deleted. */
  change?: 'inserted' | 'deleted';
}

/** A line break inside a paragraph. */
export interface ExportLineBreak {
  kind: 'break';
}

/** What a paragraph holds. */
export type ExportInline = ExportText | ExportLineBreak;

/** A heading; `number` ("2.1") is printed before the text, `level` 1 is a part or chapter. */
export interface ExportHeading {
  kind: 'heading';
  level: 1 | 2 | 3 | 4 | 5 | 6;
  number?: string;
  text: string;
  /** Whether the heading appears in the table of contents (default: levels 1 to 3). */
  inToc?: boolean;
  /** A stable anchor for links into the rendered document (HTML `id`). */
  anchor?: string;
}

/** A paragraph; `note` is a small grey line such as "Status: Entwurf · geändert am …". */
export interface ExportParagraph {
  kind: 'paragraph';
  inlines: ExportInline[];
  style?: 'normal' | 'note' | 'lead';
}

/** A bulleted or numbered list; each item is a list of blocks (nested lists allowed). */
export interface ExportList {
  kind: 'list';
  ordered: boolean;
  /** First number of an ordered list (default 1). */
  start?: number;
  items: ExportBlock[][];
}

/** One table cell. */
export interface ExportTableCell {
  blocks: ExportBlock[];
  /** Number of columns the cell spans (default 1). */
  colSpan?: number;
}

/**
 * A table. The first `headerRows` rows are header rows (repeated on every page, tagged as
 * headers in the PDF). `columnWidths` are relative weights, one per column.
 */
export interface ExportTable {
  kind: 'table';
  headerRows: number;
  rows: ExportTableCell[][];
  columnWidths?: number[];
  /** A short description of the table for assistive technology. */
  caption?: string;
}

/** A quotation. */
export interface ExportQuote {
  kind: 'quote';
  blocks: ExportBlock[];
}

/** Preformatted text. */
export interface ExportCode {
  kind: 'code';
  text: string;
}

/** A horizontal rule. */
export interface ExportRule {
  kind: 'rule';
}

/** Starts a new page (ignored by Markdown). */
export interface ExportPageBreak {
  kind: 'pageBreak';
}

/** One labelled row of a measure sheet. */
export interface ExportMeasureField {
  label: string;
  blocks: ExportBlock[];
}

/**
 * A measure as a uniform sheet: a two-column table headed by its code and title, one row per
 * field in a fixed order, so every measure of a paper looks the same.
 */
export interface ExportMeasureSheet {
  kind: 'measure';
  code: string;
  title: string;
  fields: ExportMeasureField[];
}

/** Every kind of block. */
export type ExportBlock =
  | ExportHeading
  | ExportParagraph
  | ExportList
  | ExportTable
  | ExportQuote
  | ExportCode
  | ExportRule
  | ExportPageBreak
  | ExportMeasureSheet;

/** Words the renderers print themselves, in the document's language. */
export interface ExportLabels {
  /** "Seite" → footer "Seite 3 von 12". */
  page: string;
  of: string;
  /** Heading of the table of contents. */
  contents: string;
}

/**
 * A whole exportable document: metadata (the PDF's title and language come from here), an
 * optional title page and table of contents, a running header printed on every page (the
 * edition name and date), and the body.
 */
export interface ExportDocument {
  version: typeof EXPORT_MODEL_VERSION;
  language: Locale;
  /** Document title (file metadata, PDF title). */
  title: string;
  titlePage: { title: string; subtitle?: string; lines: string[] } | null;
  tableOfContents: boolean;
  /** Printed in the header of every page, e.g. "Grundlagenpapier · Fassung „Beschlussfassung“ · 12.03.2027". */
  runningHeader: string;
  labels: ExportLabels;
  metadata: { author?: string; subject?: string; keywords?: string[]; createdAt: Date };
  /** Page orientation (default portrait); wide tables such as the response table use landscape. */
  orientation?: 'portrait' | 'landscape';
  blocks: ExportBlock[];
}

/** The labels of each language. */
export const EXPORT_LABELS: Record<Locale, ExportLabels> = {
  de: { page: 'Seite', of: 'von', contents: 'Inhalt' },
  en: { page: 'Page', of: 'of', contents: 'Contents' },
};

/** A plain text run. */
export function text(value: string, marks: Omit<ExportText, 'kind' | 'text'> = {}): ExportText {
  return { kind: 'text', text: value, ...marks };
}

/** A paragraph of plain text (or given inlines). */
export function paragraph(
  content: string | ExportInline[],
  style?: ExportParagraph['style'],
): ExportParagraph {
  const inlines = typeof content === 'string' ? (content ? [text(content)] : []) : content;
  return style ? { kind: 'paragraph', inlines, style } : { kind: 'paragraph', inlines };
}

/** Plain text of inlines (links and marks dropped). */
export function inlineText(inlines: readonly ExportInline[]): string {
  return inlines.map((inline) => (inline.kind === 'text' ? inline.text : '\n')).join('');
}

/** Plain text of blocks, one line per paragraph, for search, CSV cells and tests. */
export function blocksText(blocks: readonly ExportBlock[]): string {
  const lines: string[] = [];
  const visit = (block: ExportBlock) => {
    switch (block.kind) {
      case 'heading':
        lines.push(block.number ? `${block.number} ${block.text}` : block.text);
        return;
      case 'paragraph':
        lines.push(inlineText(block.inlines));
        return;
      case 'list':
        for (const item of block.items) item.forEach(visit);
        return;
      case 'table':
        for (const row of block.rows) for (const cell of row) cell.blocks.forEach(visit);
        return;
      case 'quote':
        block.blocks.forEach(visit);
        return;
      case 'code':
        lines.push(block.text);
        return;
      case 'measure':
        lines.push(`${block.code} ${block.title}`);
        for (const field of block.fields) {
          lines.push(field.label);
          field.blocks.forEach(visit);
        }
        return;
      case 'rule':
      case 'pageBreak':
        return;
    }
  };
  blocks.forEach(visit);
  return lines.join('\n');
}

/**
 * Numbers headings in document order ("1", "1.1", "1.1.1") up to `maxLevel`, leaving headings
 * that already carry a number or are kept out of the table of contents (`inToc: false`, such
 * as a chapter's own sub-headings) as they are. Returns new blocks; the input is not changed.
 */
export function numberHeadings(blocks: readonly ExportBlock[], maxLevel = 3): ExportBlock[] {
  const counters = [0, 0, 0, 0, 0, 0];
  return blocks.map((block) => {
    if (
      block.kind !== 'heading' ||
      block.level > maxLevel ||
      block.number !== undefined ||
      block.inToc === false
    ) {
      return block;
    }
    const index = block.level - 1;
    counters[index] = (counters[index] ?? 0) + 1;
    for (let i = index + 1; i < counters.length; i += 1) counters[i] = 0;
    const number = counters
      .slice(0, index + 1)
      .map((n) => (n === 0 ? 1 : n))
      .join('.');
    return { ...block, number };
  });
}

/** Headings of a document that belong in its table of contents, in order. */
export function tocEntries(document: ExportDocument): ExportHeading[] {
  return document.blocks.filter(
    (block): block is ExportHeading =>
      block.kind === 'heading' && (block.inToc ?? block.level <= 3),
  );
}
