import type { ReviewPassageStatus } from '@lip/common';
import {
  EXPORT_LABELS,
  EXPORT_MODEL_VERSION,
  type ExportBlock,
  type ExportDocument,
  type ExportTableCell,
  type ExportText,
} from '../export';
import { voteLabel, type ResponseTable, type ResponseTableRow } from './response-table.service';

/** The formats the response table is exported to. */
export const RESPONSE_TABLE_FORMATS = ['csv', 'docx', 'odt'] as const;
export type ResponseTableFormat = (typeof RESPONSE_TABLE_FORMATS)[number];

type Locale = 'de' | 'en';

const TEXT = {
  de: {
    title: 'Abwägungstabelle',
    round: 'Beratungsrunde',
    process: 'Verfahren',
    asAt: 'Stand',
    exportedBy: 'Exportiert von',
    documents: 'Dokumente',
    bodies: 'Stellungnahmen',
    remarks: 'Anmerkungen',
    of: 'von',
    columns: [
      'Nr.',
      'Gremium und Datum',
      'Textstelle',
      'Anmerkung',
      'Antwort',
      'Votum',
      'Textänderung',
      'Status',
    ],
    proposed: 'Formulierungsvorschlag',
    status: { open: 'offen', draft: 'Entwurf', approved: 'freigegeben' },
    passage: {
      unchanged: 'unverändert',
      deleted: 'Textstelle gelöscht',
      unknown: 'nicht ermittelbar',
    },
    noRemarks: 'Keine Anmerkungen.',
    late: 'verspätet',
  },
  en: {
    title: 'Response table',
    round: 'Review round',
    process: 'Process',
    asAt: 'As at',
    exportedBy: 'Exported by',
    documents: 'Documents',
    bodies: 'Statements',
    remarks: 'Remarks',
    of: 'of',
    columns: [
      'No.',
      'Body and date',
      'Passage',
      'Remark',
      'Response',
      'Vote',
      'Text change',
      'Status',
    ],
    proposed: 'Proposed wording',
    status: { open: 'open', draft: 'draft', approved: 'approved' },
    passage: { unchanged: 'unchanged', deleted: 'passage deleted', unknown: 'not available' },
    noRemarks: 'No remarks.',
    late: 'late',
  },
} as const;

function formatDate(date: Date | null | undefined, locale: Locale): string {
  if (!date) return '';
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'Europe/Berlin',
  }).format(date);
}

/** The "text change" of a row: deleted and inserted text marked as a change, or a note. */
function changeRuns(row: ResponseTableRow, locale: Locale): ExportText[] {
  const words = TEXT[locale].passage;
  const passage = row.passage;
  const note = (value: string): ExportText[] => [{ kind: 'text', text: value, italic: true }];
  if (!passage) return note(words.unknown);
  const special: Partial<Record<ReviewPassageStatus, string>> = {
    deleted: words.deleted,
    unknown: words.unknown,
  };
  const label = special[passage.status];
  if (label) return note(label);
  if (passage.changed === false) return note(words.unchanged);
  return passage.parts.map((part) => ({
    kind: 'text',
    text: part.text,
    ...(part.kind === 'deleted' ? { change: 'deleted' as const } : {}),
    ...(part.kind === 'inserted' ? { change: 'inserted' as const } : {}),
  }));
}

/** The text change as plain text for CSV: `[-deleted-]` and `{+inserted+}` markers. */
function changeText(row: ResponseTableRow, locale: Locale): string {
  return changeRuns(row, locale)
    .map((run) =>
      run.change === 'deleted'
        ? `[-${run.text}-]`
        : run.change === 'inserted'
          ? `{+${run.text}+}`
          : run.text,
    )
    .join('');
}

function bodyAndDate(row: ResponseTableRow, locale: Locale): string {
  const late = row.statement.late ? ` (${TEXT[locale].late})` : '';
  return `${row.label}, ${formatDate(row.statement.submittedAt, locale)}${late}`;
}

function cell(...paragraphs: ExportText[][]): ExportTableCell {
  return { blocks: paragraphs.map((inlines) => ({ kind: 'paragraph', inlines })) };
}

function plain(value: string, marks: Omit<ExportText, 'kind' | 'text'> = {}): ExportText[] {
  return [{ kind: 'text', text: value, ...marks }];
}

/** The cells of one row, in the order of the columns. */
function rowCells(row: ResponseTableRow, locale: Locale): ExportTableCell[] {
  const t = TEXT[locale];
  const remark: ExportText[][] = [plain(row.remark.text)];
  if (row.remark.proposedWording) {
    remark.push([
      ...plain(`${t.proposed}: `, { bold: true }),
      ...plain(row.remark.proposedWording),
    ]);
  }
  return [
    cell(plain(String(row.position))),
    cell(plain(bodyAndDate(row, locale))),
    cell(plain(row.passage?.frozenText ?? row.remark.quote ?? '', { italic: true })),
    cell(...remark),
    cell(plain(row.response?.reason ?? '')),
    cell(plain(voteLabel(row.response?.vote, locale))),
    cell(changeRuns(row, locale)),
    cell(plain(t.status[row.status])),
  ];
}

/**
 * The response table as the shared export model (`modules/export`): a title page (process,
 * round, as-at date, who exported it, what it covers) and one table per reviewed document with
 * the columns number, body and date, passage (quoted from the frozen version), remark, response,
 * vote, text change and status, in landscape. Built from the same rows the page shows; the
 * blocks alone also serve as an annex of the paper.
 */
export function toResponseTableExport(
  table: ResponseTable,
  options: { locale: Locale; exportedBy: string },
): ExportDocument {
  const { locale } = options;
  const t = TEXT[locale];
  const { round, process, rows } = table;
  const submitted = new Set(rows.map((r) => r.statement._id)).size;
  const facts: [string, string][] = [
    [t.process, process.title],
    [t.asAt, formatDate(table.generatedAt, locale)],
    [t.exportedBy, options.exportedBy],
    [t.documents, round.items.map((i) => i.title).join('; ')],
    [t.bodies, `${submitted} ${t.of} ${round.bodyIds.length}`],
    [t.remarks, String(rows.length)],
  ];
  const subtitle = `${t.round} ${round.number}: ${round.title}`;
  return {
    version: EXPORT_MODEL_VERSION,
    language: locale,
    title: `${t.title} – ${subtitle}`,
    titlePage: {
      title: t.title,
      subtitle,
      lines: facts.map(([label, value]) => `${label}: ${value}`),
    },
    tableOfContents: false,
    runningHeader: `${t.title} · ${subtitle} · ${formatDate(table.generatedAt, locale)}`,
    labels: EXPORT_LABELS[locale],
    metadata: {
      author: options.exportedBy,
      subject: process.title,
      createdAt: table.generatedAt,
    },
    orientation: 'landscape',
    blocks: responseTableBlocks(table, locale),
  };
}

/** The tables of a response table, one per reviewed document under its title as a heading. */
export function responseTableBlocks(table: ResponseTable, locale: Locale): ExportBlock[] {
  const t = TEXT[locale];
  const blocks: ExportBlock[] = [];
  for (const item of table.round.items) {
    const itemRows = table.rows.filter((row) => row.item.index === item.index);
    blocks.push({ kind: 'heading', level: 2, text: item.title, inToc: false });
    if (itemRows.length === 0) {
      blocks.push({ kind: 'paragraph', inlines: plain(t.noRemarks, { italic: true }) });
      continue;
    }
    blocks.push({
      kind: 'table',
      headerRows: 1,
      columnWidths: [5, 12, 15, 18, 18, 9, 15, 8],
      caption: `${t.title}: ${item.title}`,
      rows: [
        t.columns.map((column) => cell(plain(column))),
        ...itemRows.map((row) => rowCells(row, locale)),
      ],
    });
  }
  return blocks;
}

function csvField(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/**
 * The response table as CSV for spreadsheets: UTF-8 with a byte order mark and semicolons (what
 * German spreadsheet programs open directly), one line per remark, every field quoted.
 */
export function toResponseTableCsv(table: ResponseTable, locale: Locale): string {
  const t = TEXT[locale];
  const header = [
    t.columns[0],
    t.columns[1],
    locale === 'de' ? 'Dokument' : 'Document',
    t.columns[2],
    t.columns[3],
    t.proposed,
    t.columns[4],
    t.columns[5],
    t.columns[6],
    t.columns[7],
  ];
  const lines = table.rows.map((row) =>
    [
      String(row.position),
      bodyAndDate(row, locale),
      row.item.title,
      row.passage?.frozenText ?? row.remark.quote ?? '',
      row.remark.text,
      row.remark.proposedWording,
      row.response?.reason ?? '',
      voteLabel(row.response?.vote, locale),
      changeText(row, locale),
      t.status[row.status],
    ]
      .map(csvField)
      .join(';'),
  );
  return `\uFEFF${[header.map(csvField).join(';'), ...lines].join('\r\n')}\r\n`;
}

/** A file name for the export: `abwaegungstabelle-runde-3.docx`. */
export function responseTableFileName(
  table: ResponseTable,
  format: ResponseTableFormat,
  locale: Locale,
): string {
  const base = locale === 'de' ? 'abwaegungstabelle-runde' : 'response-table-round';
  return `${base}-${table.round.number}.${format}`;
}
