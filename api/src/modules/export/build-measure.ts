import type { Locale } from '@lip/common';
import { MEASURE_FIELD_LABELS, measureFieldItems, type MeasureSnapshot } from '../measure';
import type { ExportBlock, ExportMeasureSheet } from './export-document';

const EMPTY = '–';

function itemsBlock(items: string[], asList: boolean): ExportBlock[] {
  if (items.length === 0) return [{ kind: 'paragraph', inlines: [{ kind: 'text', text: EMPTY }] }];
  if (!asList || items.length === 1) {
    return items.map((text) => ({ kind: 'paragraph', inlines: [{ kind: 'text', text }] }));
  }
  return [
    {
      kind: 'list',
      ordered: false,
      items: items.map((text) => [{ kind: 'paragraph', inlines: [{ kind: 'text', text }] }]),
    },
  ];
}

/** Headings have no place inside a table cell: they become bold paragraphs there. */
function flattenHeadings(blocks: readonly ExportBlock[]): ExportBlock[] {
  return blocks.map((block) =>
    block.kind === 'heading'
      ? { kind: 'paragraph', inlines: [{ kind: 'text', text: block.text, bold: true }] }
      : block,
  );
}

/**
 * A frozen measure as a uniform sheet: every field in the same order on every sheet (empty
 * ones as "–"), lists as bullet lists, the collaborative description in its own row.
 */
export function measureSheetBlock(
  snapshot: MeasureSnapshot,
  description: ExportBlock[],
  locale: Locale,
): ExportMeasureSheet {
  const label = (field: keyof typeof MEASURE_FIELD_LABELS) => MEASURE_FIELD_LABELS[field][locale];
  const items = (field: keyof typeof MEASURE_FIELD_LABELS) =>
    measureFieldItems(snapshot, field, locale);
  const lead = [...items('leadOrganisation'), ...items('leadUnit')];
  const period = [items('start')[0], items('end')[0]].filter(Boolean).join(' – ');
  const when = [period, ...items('horizon')].filter(Boolean);
  const words =
    locale === 'de'
      ? { description: 'Beschreibung', lead: 'Federführung', period: 'Zeitraum' }
      : { description: 'Description', lead: 'Lead', period: 'Period' };
  return {
    kind: 'measure',
    code: snapshot.code,
    title: snapshot.title,
    fields: [
      { label: label('goal'), blocks: itemsBlock(items('goal'), false) },
      { label: label('startingSituation'), blocks: itemsBlock(items('startingSituation'), false) },
      {
        label: words.description,
        blocks: description.length > 0 ? flattenHeadings(description) : itemsBlock([], false),
      },
      { label: label('targetGroups'), blocks: itemsBlock(items('targetGroups'), true) },
      { label: label('districts'), blocks: itemsBlock(items('districts'), true) },
      { label: words.lead, blocks: itemsBlock(lead.length > 0 ? [lead.join(', ')] : [], false) },
      {
        label: label('partnerOrganisations'),
        blocks: itemsBlock(items('partnerOrganisations'), true),
      },
      { label: words.period, blocks: itemsBlock(when.length > 0 ? [when.join(', ')] : [], false) },
      { label: label('priority'), blocks: itemsBlock(items('priority'), false) },
      { label: label('indicators'), blocks: itemsBlock(items('indicators'), true) },
      { label: label('budget'), blocks: itemsBlock(items('budget'), false) },
      { label: label('status'), blocks: itemsBlock(items('status'), false) },
      { label: label('progress'), blocks: itemsBlock(items('progress'), true) },
    ],
  };
}
