import { fromPlainText, fromProseMirror } from './from-prosemirror';
import { createOfficeConverter, OfficeConversionError } from './office-converter';
import { renderDocx } from './render-docx';
import { renderMarkdown } from './render-markdown';
import { readPdf, unzipXml, xmlText } from './testing/open-export';
import { sampleExportDocument } from './testing/sample-document';

// LibreOffice takes one to a few seconds per conversion, more on a busy machine.
jest.setTimeout(120_000);

const converter = createOfficeConverter({ command: 'soffice', slots: 2, timeoutMs: 120_000 });

afterAll(() => converter.close());

describe('DOCX renderer', () => {
  it('writes headings, lists, tables, links, emphasis, the title page and a filled table of contents', async () => {
    const xml = unzipXml(await renderDocx(sampleExportDocument()));
    const body = xml['word/document.xml'] ?? '';
    const text = xmlText(body);
    expect(text).toContain('Grundlagenpapier Integration');
    expect(text).toContain('1 Einführung');
    expect(text).toContain('1.1 Größere Ziele');
    expect(text).toContain('Kita → Schule');
    expect(text).toContain('BIL-03 · Mehrsprachige Elternbegleitung');
    expect(body).toContain('w:pStyle w:val="Heading1"');
    expect(body).toContain('w:pStyle w:val="Heading2"');
    expect(body).toContain('<w:outlineLvl w:val="0"/>');
    // The table of contents is written with its entries, each linking to its heading and
    // ending in a page reference.
    expect(body).toContain('w:pStyle w:val="TOC1"');
    expect(body).toContain('w:anchor="_Toc2"');
    expect(body).toMatch(/PAGEREF _Toc2/);
    expect(body).toMatch(/<w:tblHeader\/>/);
    expect(body).toMatch(/<w:b\/>.*?Schlüssel/s);
    expect(body).toMatch(/<w:i\/>.*?gleichberechtigte/s);
    expect(body).toContain('<w:numPr>');
    expect(xml['word/_rels/document.xml.rels']).toContain('https://www.hannover.de/integration');
    expect(xml['docProps/core.xml']).toContain('<dc:title>Grundlagenpapier Integration</dc:title>');
    expect(xml['word/styles.xml']).toContain('<w:lang w:val="de-DE"/>');
  });

  it('prints the edition and date in the header and page x of y in the footer of every page', async () => {
    const xml = unzipXml(await renderDocx(sampleExportDocument()));
    const header = Object.entries(xml).find(([name]) => /^word\/header\d*\.xml$/.test(name));
    const footer = Object.entries(xml).find(([name]) => /^word\/footer\d*\.xml$/.test(name));
    expect(xmlText(header?.[1] ?? '')).toContain(
      'Fassung „Entwurf für die Lenkungsgruppe“ · 12.03.2027',
    );
    expect(footer?.[1]).toContain('PAGE');
    expect(footer?.[1]).toContain('NUMPAGES');
    expect(xmlText(footer?.[1] ?? '')).toContain('Seite');
  });
});

describe('ODT and PDF through LibreOffice', () => {
  it('reports LibreOffice as available on this machine', async () => {
    await expect(converter.status()).resolves.toMatchObject({ available: true });
  });

  it('converts to an ODT with real headings, tables, links, the title and the running header', async () => {
    const odt = await converter.convert(await renderDocx(sampleExportDocument()), 'odt');
    const xml = unzipXml(odt);
    expect(xml.mimetype).toBe('application/vnd.oasis.opendocument.text');
    const content = xml['content.xml'] ?? '';
    expect(content).toMatch(/<text:h [^>]*text:outline-level="1"[^>]*>(<[^>]+>)*1 Einführung/);
    expect(content).toMatch(
      /<text:h [^>]*text:outline-level="2"[^>]*>(<[^>]+>)*1\.1 Größere Ziele/,
    );
    expect(content).toContain('<table:table ');
    expect(content).toContain('xlink:href="https://www.hannover.de/integration"');
    expect(xmlText(content)).toContain('Mehrsprachige Elternbegleitung');
    expect(xml['meta.xml']).toContain('<dc:title>Grundlagenpapier Integration</dc:title>');
    expect(xmlText(xml['styles.xml'] ?? '')).toContain('Fassung „Entwurf für die Lenkungsgruppe“');
    expect(xml['styles.xml']).toContain('text:page-number');
  });

  it('converts to a tagged PDF with title, language, bookmarks and the text in reading order', async () => {
    const pdf = await converter.convert(await renderDocx(sampleExportDocument()), 'pdf');
    const { info, text, raw } = await readPdf(pdf);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('Grundlagenpapier Integration');
    expect(info['Page size']).toContain('A4');
    expect(raw).toContain('/Lang(de-DE)');
    expect(raw).toContain('/Outlines');
    const order = [
      'Grundlagenpapier Integration',
      'Inhalt',
      '1 Einführung',
      'Bildung ist ein Schlüssel für gleichberechtigte Teilhabe.',
      '1.1 Größere Ziele',
      'Sprachförderung ausbauen',
      'Linden-Limmer',
      '2 Maßnahmen',
      'BIL-03 · Mehrsprachige Elternbegleitung',
      '25.000 € (städtischer Haushalt)',
    ];
    let at = 0;
    for (const expected of order) {
      const found = text.indexOf(expected, at);
      expect({ expected, found: found >= 0 }).toEqual({ expected, found: true });
      at = found + expected.length;
    }
    expect(text).toMatch(/Seite 1 von \d/);
    // LibreOffice fills the table of contents' page references while laying out the pages.
    expect(text).toMatch(/1\.1 Größere Ziele\.{5,}3\n/);
  });

  it('says clearly that LibreOffice is missing and produces nothing', async () => {
    const missing = createOfficeConverter({
      command: '/nonexistent/soffice',
      slots: 1,
      timeoutMs: 5_000,
    });
    await expect(missing.status()).resolves.toMatchObject({ available: false });
    const failure = await missing
      .convert(await renderDocx(sampleExportDocument()), 'pdf')
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OfficeConversionError);
    expect((failure as OfficeConversionError).reason).toBe('missing');
    await missing.close();
  });

  it('runs two conversions at once, each with its own profile', async () => {
    const docx = await renderDocx(sampleExportDocument());
    const [odt, pdf] = await Promise.all([
      converter.convert(docx, 'odt'),
      converter.convert(docx, 'pdf'),
    ]);
    expect(unzipXml(odt).mimetype).toBe('application/vnd.oasis.opendocument.text');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('Markdown renderer', () => {
  it('renders the sample document exactly', () => {
    expect(renderMarkdown(sampleExportDocument())).toBe(
      [
        '# Grundlagenpapier Integration',
        '',
        '**Lokaler Integrationsplan Hannover**',
        '',
        'Fassung „Entwurf für die Lenkungsgruppe“  ',
        'Stand: 12.03.2027',
        '',
        '## Inhalt',
        '',
        '- [1 Einführung](#1-einführung)',
        '  - [1.1 Größere Ziele](#11-größere-ziele)',
        '- [2 Maßnahmen](#2-maßnahmen)',
        '',
        '## 1 Einführung',
        '',
        'Bildung ist ein **Schlüssel** für *gleichberechtigte* Teilhabe. Mehr unter [hannover.de](https://www.hannover.de/integration).',
        '',
        '### 1.1 Größere Ziele',
        '',
        '1. Sprachförderung ausbauen',
        '2. Übergänge begleiten',
        '',
        '   - Kita → Schule',
        '',
        '| Stadtbezirk | Angebote |',
        '| --- | --- |',
        '| Linden-Limmer | 12 |',
        '',
        '> Vielfalt ist Stärke.',
        '',
        '## 2 Maßnahmen',
        '',
        '| BIL-03 | Mehrsprachige Elternbegleitung |',
        '| --- | --- |',
        '| **Ziel** | Eltern stärken |',
        '| **Budget** | 25.000 € (städtischer Haushalt) |',
        '',
        '*Stand: Entwurf*',
        '',
      ].join('\n'),
    );
  });

  it('escapes text that Markdown would read as syntax', () => {
    const document = sampleExportDocument();
    document.titlePage = null;
    document.tableOfContents = false;
    document.blocks = [
      {
        kind: 'paragraph',
        inlines: [{ kind: 'text', text: '# kein Titel *und* [kein](Link) | Rohr' }],
      },
    ];
    expect(renderMarkdown(document)).toBe('\\# kein Titel \\*und\\* \\[kein\\](Link) \\| Rohr\n');
  });
});

describe('ProseMirror to the export model', () => {
  it('reads the editor schema: headings shifted, marks, safe links only, lists, tables with header rows', () => {
    const blocks = fromProseMirror(
      {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Ziele' }] },
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'fett', marks: [{ type: 'bold' }] },
              { type: 'hardBreak' },
              {
                type: 'text',
                text: 'böse',
                marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
              },
            ],
          },
          {
            type: 'orderedList',
            attrs: { start: 3 },
            content: [
              {
                type: 'listItem',
                content: [{ type: 'paragraph', content: [{ type: 'text', text: 'drei' }] }],
              },
            ],
          },
          {
            type: 'table',
            content: [
              {
                type: 'tableRow',
                content: [
                  {
                    type: 'tableHeader',
                    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A' }] }],
                  },
                ],
              },
              {
                type: 'tableRow',
                content: [
                  {
                    type: 'tableCell',
                    content: [{ type: 'paragraph', content: [{ type: 'text', text: '1' }] }],
                  },
                ],
              },
            ],
          },
          { type: 'mysteryBlock', content: [{ type: 'text', text: 'bleibt' }] },
        ],
      },
      { headingOffset: 1 },
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 3, text: 'Ziele' },
      {
        kind: 'paragraph',
        inlines: [
          { kind: 'text', text: 'fett', bold: true },
          { kind: 'break' },
          { kind: 'text', text: 'böse' },
        ],
      },
      {
        kind: 'list',
        ordered: true,
        start: 3,
        items: [[{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'drei' }] }]],
      },
      {
        kind: 'table',
        headerRows: 1,
        rows: [
          [{ blocks: [{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'A' }] }] }],
          [{ blocks: [{ kind: 'paragraph', inlines: [{ kind: 'text', text: '1' }] }] }],
        ],
      },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'bleibt' }] },
    ]);
    expect(fromProseMirror(null)).toEqual([]);
    expect(fromProseMirror('text')).toEqual([]);
  });

  it('splits plain text into paragraphs at blank lines', () => {
    expect(fromPlainText('Eins\nzwei\n\nDrei')).toEqual([
      {
        kind: 'paragraph',
        inlines: [
          { kind: 'text', text: 'Eins' },
          { kind: 'break' },
          { kind: 'text', text: 'zwei' },
        ],
      },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'Drei' }] },
    ]);
  });
});
