import {
  EXPORT_LABELS,
  EXPORT_MODEL_VERSION,
  numberHeadings,
  paragraph,
  text,
  type ExportDocument,
} from '../export-document';

/**
 * A small document using every block kind and mark, with umlauts and ß, for the conversion
 * tests and as an example of the model.
 */
export function sampleExportDocument(): ExportDocument {
  return {
    version: EXPORT_MODEL_VERSION,
    language: 'de',
    title: 'Grundlagenpapier Integration',
    titlePage: {
      title: 'Grundlagenpapier Integration',
      subtitle: 'Lokaler Integrationsplan Hannover',
      lines: ['Fassung „Entwurf für die Lenkungsgruppe“', 'Stand: 12.03.2027'],
    },
    tableOfContents: true,
    runningHeader: 'Grundlagenpapier · Fassung „Entwurf für die Lenkungsgruppe“ · 12.03.2027',
    labels: EXPORT_LABELS.de,
    metadata: { author: 'Landeshauptstadt Hannover', createdAt: new Date('2027-03-12T10:00:00Z') },
    blocks: numberHeadings([
      { kind: 'heading', level: 1, text: 'Einführung' },
      paragraph([
        text('Bildung ist ein '),
        text('Schlüssel', { bold: true }),
        text(' für '),
        text('gleichberechtigte', { italic: true }),
        text(' Teilhabe. Mehr unter '),
        text('hannover.de', { link: 'https://www.hannover.de/integration' }),
        text('.'),
      ]),
      { kind: 'heading', level: 2, text: 'Größere Ziele' },
      {
        kind: 'list',
        ordered: true,
        items: [
          [paragraph('Sprachförderung ausbauen')],
          [
            paragraph('Übergänge begleiten'),
            { kind: 'list', ordered: false, items: [[paragraph('Kita → Schule')]] },
          ],
        ],
      },
      {
        kind: 'table',
        headerRows: 1,
        rows: [
          [{ blocks: [paragraph('Stadtbezirk')] }, { blocks: [paragraph('Angebote')] }],
          [{ blocks: [paragraph('Linden-Limmer')] }, { blocks: [paragraph('12')] }],
        ],
      },
      { kind: 'quote', blocks: [paragraph('Vielfalt ist Stärke.')] },
      { kind: 'heading', level: 1, text: 'Maßnahmen' },
      {
        kind: 'measure',
        code: 'BIL-03',
        title: 'Mehrsprachige Elternbegleitung',
        fields: [
          { label: 'Ziel', blocks: [paragraph('Eltern stärken')] },
          { label: 'Budget', blocks: [paragraph('25.000 € (städtischer Haushalt)')] },
        ],
      },
      paragraph('Stand: Entwurf', 'note'),
    ]),
  };
}
