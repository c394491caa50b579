import type { ReviewPassageStatus } from '@lip/common';
import type { ExportCell, ExportDocument, ExportRun } from './export-document';
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

/** The "text change" of a row as runs: deleted text struck through, inserted underlined. */
function changeRuns(row: ResponseTableRow, locale: Locale): ExportRun[] {
  const words = TEXT[locale].passage;
  const passage = row.passage;
  if (!passage) return [{ text: words.unknown, italic: true }];
  const special: Partial<Record<ReviewPassageStatus, string>> = {
    deleted: words.deleted,
    unknown: words.unknown,
  };
  const label = special[passage.status];
  if (label) return [{ text: label, italic: true }];
  if (passage.changed === false) return [{ text: words.unchanged, italic: true }];
  return passage.parts.map((part) => ({
    text: part.text,
    strike: part.kind === 'deleted',
    underline: part.kind === 'inserted',
  }));
}

/** The text change as plain text for CSV: `[-deleted-]` and `{+inserted+}` markers. */
function changeText(row: ResponseTableRow, locale: Locale): string {
  return changeRuns(row, locale)
    .map((run) => (run.strike ? `[-${run.text}-]` : run.underline ? `{+${run.text}+}` : run.text))
    .join('');
}

function bodyAndDate(row: ResponseTableRow, locale: Locale): string {
  const late = row.statement.late ? ` (${TEXT[locale].late})` : '';
  return `${row.label}, ${formatDate(row.statement.submittedAt, locale)}${late}`;
}

/** The cells of one row, in the order of the columns. */
function rowCells(row: ResponseTableRow, locale: Locale): ExportCell[] {
  const t = TEXT[locale];
  const remark: ExportRun[][] = [[{ text: row.remark.text }]];
  if (row.remark.proposedWording) {
    remark.push([{ text: `${t.proposed}: `, bold: true }, { text: row.remark.proposedWording }]);
  }
  return [
    [[{ text: String(row.position) }]],
    [[{ text: bodyAndDate(row, locale) }]],
    [[{ text: row.passage?.frozenText ?? row.remark.quote ?? '', italic: true }]],
    remark,
    [[{ text: row.response?.reason ?? '' }]],
    [[{ text: voteLabel(row.response?.vote, locale) }]],
    [changeRuns(row, locale)],
    [[{ text: t.status[row.status] }]],
  ];
}

/**
 * The response table as the shared export model: a title page (process, round, as-at date, who
 * exported it, what it covers) and one table per reviewed document with the columns number,
 * body and date, passage (quoted from the frozen version), remark, response, vote, text change
 * and status. Built from the same rows the page shows.
 */
export function toResponseTableExport(
  table: ResponseTable,
  options: { locale: Locale; exportedBy: string },
): ExportDocument {
  const { locale } = options;
  const t = TEXT[locale];
  const { round, process, rows } = table;
  const submitted = new Set(rows.map((r) => r.statement._id)).size;
  const blocks: ExportDocument['blocks'] = [{ kind: 'pageBreak' }];
  for (const item of round.items) {
    const itemRows = rows.filter((row) => row.item.index === item.index);
    blocks.push({ kind: 'heading', level: 1, text: item.title });
    if (itemRows.length === 0) {
      blocks.push({ kind: 'paragraph', runs: [{ text: t.noRemarks, italic: true }] });
      continue;
    }
    blocks.push({
      kind: 'table',
      header: [...t.columns],
      widths: [5, 12, 15, 18, 18, 9, 15, 8],
      rows: itemRows.map((row) => rowCells(row, locale)),
    });
  }
  return {
    language: locale,
    title: `${t.title} – ${t.round} ${round.number}: ${round.title}`,
    orientation: 'landscape',
    titlePage: {
      title: t.title,
      subtitle: `${t.round} ${round.number}: ${round.title}`,
      facts: [
        { label: t.process, value: process.title },
        { label: t.asAt, value: formatDate(table.generatedAt, locale) },
        { label: t.exportedBy, value: options.exportedBy },
        { label: t.documents, value: round.items.map((i) => i.title).join('; ') },
        { label: t.bodies, value: `${submitted} ${t.of} ${round.bodyIds.length}` },
        { label: t.remarks, value: String(rows.length) },
      ],
    },
    blocks,
  };
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
