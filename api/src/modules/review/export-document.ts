import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

/**
 * A minimal form of the shared export model of docs/review-and-measures.md (`ExportDocument`:
 * title page, headings, paragraphs with marks, tables, page breaks, language), enough for the
 * response table. It lives here until the shared export module (`modules/export`) is on main;
 * then the response table maps onto that model and its renderers, and this file goes.
 */
export interface ExportRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Deleted text of a change. */
  strike?: boolean;
  /** Inserted text of a change. */
  underline?: boolean;
}

/** A table cell: paragraphs of runs. */
export type ExportCell = ExportRun[][];

export type ExportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; runs: ExportRun[] }
  | { kind: 'table'; header: string[]; rows: ExportCell[][]; widths: number[] }
  | { kind: 'pageBreak' };

export interface ExportDocument {
  language: 'de' | 'en';
  /** Document title (file metadata and the title page). */
  title: string;
  titlePage: { title: string; subtitle: string; facts: { label: string; value: string }[] };
  blocks: ExportBlock[];
  orientation: 'portrait' | 'landscape';
}

function toRuns(runs: ExportRun[], size?: number): TextRun[] {
  return runs.map(
    (run) =>
      new TextRun({
        text: run.text,
        bold: run.bold,
        italics: run.italic,
        strike: run.strike,
        underline: run.underline ? {} : undefined,
        size,
      }),
  );
}

/** Renders the model as DOCX with `docx` (tables repeat their header row on every page). */
export async function renderDocx(model: ExportDocument): Promise<Buffer> {
  const language = model.language === 'de' ? 'de-DE' : 'en-GB';
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: model.titlePage.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: model.titlePage.subtitle, heading: HeadingLevel.HEADING_1 }),
    ...model.titlePage.facts.map(
      (fact) =>
        new Paragraph({
          children: [new TextRun({ text: `${fact.label}: `, bold: true }), new TextRun(fact.value)],
        }),
    ),
  ];
  for (const block of model.blocks) {
    switch (block.kind) {
      case 'heading':
        children.push(
          new Paragraph({
            text: block.text,
            heading:
              block.level === 1
                ? HeadingLevel.HEADING_1
                : block.level === 2
                  ? HeadingLevel.HEADING_2
                  : HeadingLevel.HEADING_3,
          }),
        );
        break;
      case 'paragraph':
        children.push(new Paragraph({ children: toRuns(block.runs) }));
        break;
      case 'pageBreak':
        children.push(new Paragraph({ text: '', pageBreakBefore: true }));
        break;
      case 'table': {
        const cell = (paragraphs: ExportCell, width: number, header = false) =>
          new TableCell({
            width: { size: width, type: WidthType.PERCENTAGE },
            children: (paragraphs.length > 0 ? paragraphs : [[]]).map(
              (runs) =>
                new Paragraph({
                  alignment: AlignmentType.LEFT,
                  children: toRuns(header ? runs.map((r) => ({ ...r, bold: true })) : runs, 18),
                }),
            ),
          });
        children.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({
                tableHeader: true,
                cantSplit: true,
                children: block.header.map((text, i) =>
                  cell([[{ text }]], block.widths[i] ?? 10, true),
                ),
              }),
              ...block.rows.map(
                (row) =>
                  new TableRow({
                    children: row.map((paragraphs, i) => cell(paragraphs, block.widths[i] ?? 10)),
                  }),
              ),
            ],
          }),
        );
        break;
      }
    }
  }
  const document = new Document({
    title: model.title,
    creator: 'LIP-Werkstatt',
    styles: {
      default: { document: { run: { language: { value: language }, font: 'Liberation Sans' } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              orientation:
                model.orientation === 'landscape'
                  ? PageOrientation.LANDSCAPE
                  : PageOrientation.PORTRAIT,
            },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** How long one LibreOffice conversion may take before it is given up. */
const CONVERT_TIMEOUT_MS = 60_000;

/**
 * Converts a DOCX to ODT with LibreOffice headless (`soffice`, from Debian's
 * libreoffice-writer-nogui). Each conversion gets its own profile directory, because LibreOffice
 * allows one running instance per profile; the scratch directory is removed afterwards.
 */
export async function convertDocxToOdt(docx: Buffer, soffice = 'soffice'): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'lip-export-'));
  try {
    const input = join(dir, 'export.docx');
    await writeFile(input, docx);
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [
          `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
          '--headless',
          '--convert-to',
          'odt',
          '--outdir',
          dir,
          input,
        ],
        { timeout: CONVERT_TIMEOUT_MS },
        (error) => (error ? reject(error) : resolve()),
      );
    });
    return await readFile(join(dir, 'export.odt'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
