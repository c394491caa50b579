import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  InternalHyperlink,
  LeaderType,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  PageReference,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  Tab,
  TabStopPosition,
  TabStopType,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type ParagraphChild,
} from 'docx';
import {
  tocEntries,
  type ExportBlock,
  type ExportDocument,
  type ExportHeading,
  type ExportInline,
  type ExportMeasureSheet,
  type ExportTable,
} from './export-document';

/**
 * Renders an {@link ExportDocument} as DOCX with the `docx` library: Word's own heading styles
 * (so LibreOffice's PDF gets bookmarks and a tagged structure from them), a table of contents
 * filled with the headings, real list numbering, tables with repeated header rows, links,
 * emphasis, a title page, and the running header and "page x of y" on every page.
 *
 * Fonts are Arial and Courier New: LibreOffice lays them out with the metric-compatible
 * Liberation fonts (installed by setup), so ODT and PDF keep Word's line breaks.
 */
export async function renderDocx(document: ExportDocument): Promise<Buffer> {
  const lang = document.language === 'de' ? 'de-DE' : 'en-GB';
  const lists = { next: 0, bookmarks: new Map<ExportHeading, string>() };
  const body: (Paragraph | Table)[] = [];

  if (document.titlePage) {
    body.push(...titlePage(document.titlePage));
  }
  if (document.tableOfContents) {
    body.push(...tableOfContents(document, lists.bookmarks));
  }
  for (const block of document.blocks) body.push(...renderBlock(block, lists, 0));

  const levels = (format: 'bullet' | 'decimal'): ILevelsOptions[] =>
    Array.from({ length: 9 }, (_, level) => ({
      level,
      format: format === 'bullet' ? LevelFormat.BULLET : LevelFormat.DECIMAL,
      text: format === 'bullet' ? (['•', '◦', '▪'][level % 3] ?? '•') : `%${level + 1}.`,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 300 } } },
    }));

  const doc = new Document({
    title: document.title,
    // Word asks to update the table of contents' page numbers on open; LibreOffice computes them.
    features: { updateFields: true },
    subject: document.metadata.subject ?? '',
    creator: document.metadata.author ?? 'LIP-Werkstatt',
    keywords: (document.metadata.keywords ?? []).join(', '),
    description: document.runningHeader,
    styles: {
      default: {
        document: {
          run: { font: 'Arial', size: 22, language: { value: lang } },
          paragraph: { spacing: { after: 120, line: 276 } },
        },
        heading1: {
          run: { font: 'Arial', size: 32, bold: true, color: '1F3A5F' },
          paragraph: { spacing: { before: 360, after: 160 }, keepNext: true },
        },
        heading2: {
          run: { font: 'Arial', size: 28, bold: true, color: '1F3A5F' },
          paragraph: { spacing: { before: 280, after: 120 }, keepNext: true },
        },
        heading3: {
          run: { font: 'Arial', size: 24, bold: true },
          paragraph: { spacing: { before: 240, after: 100 }, keepNext: true },
        },
        heading4: {
          run: { font: 'Arial', size: 22, bold: true },
          paragraph: { spacing: { before: 200, after: 80 }, keepNext: true },
        },
        heading5: { run: { font: 'Arial', size: 22, bold: true, italics: true } },
        heading6: { run: { font: 'Arial', size: 22, italics: true } },
        title: { run: { font: 'Arial', size: 56, bold: true, color: '1F3A5F' } },
        hyperlink: { run: { color: '1F5F99', underline: {} } },
      },
      paragraphStyles: [
        {
          id: 'Note',
          name: 'Note',
          basedOn: 'Normal',
          run: { size: 18, color: '555555' },
          paragraph: { spacing: { after: 120 } },
        },
        {
          id: 'Lead',
          name: 'Lead',
          basedOn: 'Normal',
          run: { size: 26 },
        },
        {
          id: 'Code',
          name: 'Code',
          basedOn: 'Normal',
          run: { font: 'Courier New', size: 19 },
          paragraph: { spacing: { after: 0 } },
        },
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          run: { italics: true, color: '333333' },
          paragraph: { indent: { left: 567 } },
        },
        ...[1, 2, 3].map((level) => ({
          id: `TOC${level}`,
          name: `toc ${level}`,
          basedOn: 'Normal',
          next: 'Normal',
          run: level === 1 ? { bold: true } : {},
          paragraph: { spacing: { after: 60 }, indent: { left: 240 * (level - 1) } },
        })),
        {
          id: 'TOCHeading',
          name: 'TOC Heading',
          basedOn: 'Normal',
          run: { size: 32, bold: true, color: '1F3A5F' },
          paragraph: { spacing: { after: 200 } },
        },
      ],
    },
    numbering: {
      config: [
        { reference: 'bullet', levels: levels('bullet') },
        { reference: 'ordered', levels: levels('decimal') },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            margin: { top: 1418, bottom: 1134, left: 1418, right: 1134 },
            ...(document.orientation === 'landscape'
              ? { size: { orientation: PageOrientation.LANDSCAPE } }
              : {}),
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                style: 'Note',
                children: [new TextRun(document.runningHeader)],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                style: 'Note',
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    children: [
                      `${document.labels.page} `,
                      PageNumber.CURRENT,
                      ` ${document.labels.of} `,
                      PageNumber.TOTAL_PAGES,
                    ],
                  }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function titlePage(page: NonNullable<ExportDocument['titlePage']>): Paragraph[] {
  return [
    new Paragraph({ spacing: { before: 2400 }, children: [] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(page.title)] }),
    ...(page.subtitle
      ? [new Paragraph({ style: 'Lead', children: [new TextRun(page.subtitle)] })]
      : []),
    new Paragraph({ spacing: { before: 600 }, children: [] }),
    ...page.lines.map((line) => new Paragraph({ children: [new TextRun(line)] })),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

function runs(inlines: readonly ExportInline[]): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const inline of inlines) {
    if (inline.kind === 'break') {
      out.push(new TextRun({ break: 1 }));
      continue;
    }
    const run = new TextRun({
      text: inline.text,
      bold: inline.bold,
      italics: inline.italic,
      strike: inline.strike || inline.change === 'deleted',
      ...(inline.underline || inline.change === 'inserted' ? { underline: {} } : {}),
      ...(inline.code ? { font: 'Courier New' } : {}),
      ...(inline.change === 'inserted' ? { color: '1A7F37' } : {}),
      ...(inline.change === 'deleted' ? { color: 'B42318' } : {}),
      ...(inline.link ? { style: 'Hyperlink' } : {}),
    });
    out.push(inline.link ? new ExternalHyperlink({ link: inline.link, children: [run] }) : run);
  }
  return out;
}

function headingLabel(block: ExportHeading): string {
  return block.number ? `${block.number} ${block.text}` : block.text;
}

function heading(block: ExportHeading, bookmark: string | undefined): Paragraph {
  const run = new TextRun(headingLabel(block));
  return new Paragraph({
    heading: HEADINGS[block.level - 1] ?? HeadingLevel.HEADING_6,
    // The outline level makes LibreOffice read it as a heading (H1…H6 tags, PDF bookmarks).
    outlineLevel: block.level - 1,
    children: bookmark ? [new Bookmark({ id: bookmark, children: [run] })] : [run],
  });
}

/**
 * The table of contents as ordinary paragraphs: each entry links to its heading's bookmark and
 * ends in a PAGEREF field. LibreOffice computes those fields while it lays out the pages (it
 * does not refresh a Word TOC field), so the ODT and PDF get page numbers without estimating
 * Word's layout; Word fills them when it updates the fields on opening.
 */
function tableOfContents(
  document: ExportDocument,
  bookmarks: Map<ExportHeading, string>,
): Paragraph[] {
  const entries = tocEntries(document);
  entries.forEach((entry, index) => bookmarks.set(entry, `_Toc${index + 1}`));
  return [
    new Paragraph({ style: 'TOCHeading', children: [new TextRun(document.labels.contents)] }),
    ...entries.map(
      (entry) =>
        new Paragraph({
          style: `TOC${Math.min(entry.level, 3)}`,
          tabStops: [
            { type: TabStopType.RIGHT, position: TabStopPosition.MAX, leader: LeaderType.DOT },
          ],
          children: [
            new InternalHyperlink({
              anchor: bookmarks.get(entry) as string,
              children: [new TextRun(headingLabel(entry))],
            }),
            new TextRun({ children: [new Tab()] }),
            new PageReference(bookmarks.get(entry) as string),
          ],
        }),
    ),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

interface RenderState {
  next: number;
  bookmarks: Map<ExportHeading, string>;
}

function renderBlock(block: ExportBlock, lists: RenderState, depth: number): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [heading(block, lists.bookmarks.get(block))];
    case 'paragraph':
      return [
        new Paragraph({
          ...(block.style === 'note' ? { style: 'Note' } : {}),
          ...(block.style === 'lead' ? { style: 'Lead' } : {}),
          children: runs(block.inlines),
        }),
      ];
    case 'list': {
      // Each numbered list gets its own instance, so its numbers start again.
      const instance = (lists.next += 1);
      const out: (Paragraph | Table)[] = [];
      for (const item of block.items) {
        let first = true;
        for (const child of item) {
          if (child.kind === 'list') {
            out.push(...renderBlock(child, lists, depth + 1));
            continue;
          }
          if (child.kind === 'paragraph') {
            out.push(
              new Paragraph({
                ...(first
                  ? {
                      numbering: {
                        reference: block.ordered ? 'ordered' : 'bullet',
                        level: Math.min(depth, 8),
                        instance,
                      },
                    }
                  : { indent: { left: 360 * (depth + 1) } }),
                children: runs(child.inlines),
              }),
            );
          } else {
            out.push(...renderBlock(child, lists, depth + 1));
          }
          first = false;
        }
      }
      return out;
    }
    case 'table':
      return [table(block, lists, depth)];
    case 'quote':
      return block.blocks.flatMap((child) =>
        child.kind === 'paragraph'
          ? [new Paragraph({ style: 'Quote', children: runs(child.inlines) })]
          : renderBlock(child, lists, depth),
      );
    case 'code':
      return block.text
        .split('\n')
        .map((line) => new Paragraph({ style: 'Code', children: [new TextRun(line)] }));
    case 'rule':
      return [
        new Paragraph({
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } },
          children: [],
        }),
      ];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'measure':
      return [measureSheet(block, lists, depth), new Paragraph({ children: [] })];
  }
}

function cellParagraphs(
  blocks: readonly ExportBlock[],
  lists: RenderState,
  depth: number,
): (Paragraph | Table)[] {
  const out = blocks.flatMap((child) => renderBlock(child, lists, depth));
  // Word needs at least one paragraph in every cell.
  return out.length > 0 ? out : [new Paragraph({ children: [] })];
}

function table(block: ExportTable, lists: RenderState, depth: number): Table {
  const columns = Math.max(
    1,
    ...block.rows.map((row) => row.reduce((sum, cell) => sum + (cell.colSpan ?? 1), 0)),
  );
  const weights = block.columnWidths?.length === columns ? block.columnWidths : null;
  const total = weights ? weights.reduce((a, b) => a + b, 0) : columns;
  const usable = 9354; // A4 width minus the margins, in twentieths of a point
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: Array.from({ length: columns }, (_, i) =>
      Math.round((usable * (weights?.[i] ?? 1)) / total),
    ),
    rows: block.rows.map(
      (row, index) =>
        new TableRow({
          tableHeader: index < block.headerRows,
          cantSplit: true,
          children: row.map(
            (cell) =>
              new TableCell({
                ...(cell.colSpan && cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
                ...(index < block.headerRows
                  ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EEF5' } }
                  : {}),
                margins: { top: 60, bottom: 60, left: 100, right: 100 },
                children: cellParagraphs(
                  index < block.headerRows ? emphasise(cell.blocks) : cell.blocks,
                  lists,
                  depth,
                ),
              }),
          ),
        }),
    ),
  });
}

function emphasise(blocks: readonly ExportBlock[]): ExportBlock[] {
  return blocks.map((b) =>
    b.kind === 'paragraph'
      ? { ...b, inlines: b.inlines.map((i) => (i.kind === 'text' ? { ...i, bold: true } : i)) }
      : b,
  );
}

function measureSheet(block: ExportMeasureSheet, lists: RenderState, depth: number): Table {
  return table(
    {
      kind: 'table',
      headerRows: 1,
      columnWidths: [3, 7],
      rows: [
        [
          {
            colSpan: 2,
            blocks: [
              {
                kind: 'paragraph',
                inlines: [{ kind: 'text', text: `${block.code} · ${block.title}` }],
              },
            ],
          },
        ],
        ...block.fields.map((field) => [
          {
            blocks: [
              {
                kind: 'paragraph' as const,
                inlines: [{ kind: 'text' as const, text: field.label, bold: true }],
              },
            ],
          },
          { blocks: field.blocks },
        ]),
      ],
    },
    lists,
    depth,
  );
}
