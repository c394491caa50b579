import {
  CITYWIDE_DISTRICT,
  MEASURE_FIELDS,
  type BudgetSource,
  type Locale,
  type MeasureField,
  type MeasureHorizon,
  type MeasurePriority,
  type MeasureStatus,
} from '@lip/common';
import type { IndicatorDoc, MeasureDoc } from './measure.model';

/**
 * A measure frozen as plain JSON: organisation ids resolved to names, dates as `YYYY-MM-DD`.
 * Editions keep one per measure, review items keep one (`measureSnapshot`), the change log
 * stores field values in this form, and exports and comparisons render from it, so a frozen
 * measure reads the same years later even when the directory changes.
 */
export interface MeasureSnapshot {
  measureId: string;
  actionFieldKey: string;
  descriptionDocumentId: string;
  revision: number;
  code: string;
  title: string;
  goal: string;
  startingSituation: string;
  targetGroups: string[];
  districts: string[];
  leadOrganisation: string | null;
  leadUnit: string;
  partnerOrganisations: string[];
  start: string | null;
  end: string | null;
  horizon: MeasureHorizon | null;
  priority: MeasurePriority | null;
  indicators: IndicatorDoc[];
  budget: { amountEur: number | null; source: BudgetSource | null; budgetLine: string };
  status: MeasureStatus;
  progress: { date: string; note: string; status: MeasureStatus | null; authorName: string }[];
}

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** Freezes a measure; `organisationName` resolves ids (unknown ids become "?"). */
export function toMeasureSnapshot(
  measure: MeasureDoc,
  organisationName: (id: string) => string | undefined,
): MeasureSnapshot {
  return {
    measureId: String(measure._id),
    actionFieldKey: measure.actionFieldKey,
    descriptionDocumentId: String(measure.descriptionDocumentId),
    revision: measure.revision,
    code: measure.code,
    title: measure.title,
    goal: measure.goal,
    startingSituation: measure.startingSituation,
    targetGroups: [...measure.targetGroups],
    districts: [...measure.districts],
    leadOrganisation: measure.leadOrganisationId
      ? (organisationName(String(measure.leadOrganisationId)) ?? '?')
      : null,
    leadUnit: measure.leadUnit,
    partnerOrganisations: measure.partnerOrganisationIds.map(
      (id) => organisationName(String(id)) ?? '?',
    ),
    start: day(measure.start),
    end: day(measure.end),
    horizon: measure.horizon,
    priority: measure.priority,
    indicators: measure.indicators.map((i) => ({
      name: i.name,
      baseline: i.baseline,
      target: i.target,
      source: i.source,
      interval: i.interval,
    })),
    budget: {
      amountEur: measure.budget?.amountEur ?? null,
      source: measure.budget?.source ?? null,
      budgetLine: measure.budget?.budgetLine ?? '',
    },
    status: measure.status,
    progress: [...measure.progress]
      .sort((a, b) => a.date.getTime() - b.date.getTime())
      .map((p) => ({
        date: day(p.date) ?? '',
        note: p.note,
        status: p.status,
        authorName: p.authorName,
      })),
  };
}

type Words = { de: string; en: string };

/** Names of the sheet's fields. */
export const MEASURE_FIELD_LABELS: Record<MeasureField, Words> = {
  code: { de: 'Nummer', en: 'Number' },
  title: { de: 'Titel', en: 'Title' },
  goal: { de: 'Ziel', en: 'Goal' },
  startingSituation: { de: 'Ausgangslage', en: 'Starting situation' },
  targetGroups: { de: 'Zielgruppen', en: 'Target groups' },
  districts: { de: 'Stadtbezirke', en: 'Districts' },
  leadOrganisation: { de: 'Federführende Organisation', en: 'Lead organisation' },
  leadUnit: { de: 'Federführende Stelle', en: 'Lead unit' },
  partnerOrganisations: { de: 'Partner', en: 'Partners' },
  start: { de: 'Beginn', en: 'Start' },
  end: { de: 'Ende', en: 'End' },
  horizon: { de: 'Zeithorizont', en: 'Horizon' },
  priority: { de: 'Priorität', en: 'Priority' },
  indicators: { de: 'Indikatoren', en: 'Indicators' },
  budget: { de: 'Budget', en: 'Budget' },
  status: { de: 'Status', en: 'Status' },
  progress: { de: 'Umsetzungsstand', en: 'Progress' },
};

/** Names of the measure statuses, as the city's implementation reports use them. */
export const MEASURE_STATUS_LABELS: Record<MeasureStatus, Words> = {
  draft: { de: 'Entwurf', en: 'Draft' },
  proposed: { de: 'Vorgeschlagen', en: 'Proposed' },
  accepted: { de: 'Beschlossen', en: 'Accepted' },
  returned: { de: 'Zurückgegeben', en: 'Returned' },
  planned: { de: 'In Planung', en: 'Planned' },
  'in-progress': { de: 'In Umsetzung', en: 'In progress' },
  done: { de: 'Erfüllt', en: 'Done' },
  regular: { de: 'In Regelbetrieb überführt', en: 'Carried into regular work' },
  discontinued: { de: 'Nicht weiter verfolgt', en: 'Discontinued' },
};

const PRIORITY_LABELS: Record<MeasurePriority, Words> = {
  high: { de: 'hoch', en: 'high' },
  medium: { de: 'mittel', en: 'medium' },
  low: { de: 'niedrig', en: 'low' },
};

const HORIZON_LABELS: Record<MeasureHorizon, Words> = {
  short: { de: 'kurzfristig (bis 1 Jahr)', en: 'short term (up to 1 year)' },
  medium: { de: 'mittelfristig (1–3 Jahre)', en: 'medium term (1–3 years)' },
  long: { de: 'langfristig (über 3 Jahre)', en: 'long term (over 3 years)' },
};

const BUDGET_SOURCE_LABELS: Record<BudgetSource, Words> = {
  'city-budget': { de: 'städtischer Haushalt', en: 'city budget' },
  'third-party': { de: 'Drittmittel', en: 'third-party funds' },
  'cost-neutral': { de: 'kostenneutral', en: 'cost-neutral' },
};

function formatDay(value: string | null, locale: Locale): string {
  if (!value) return '';
  const [y, m, d] = value.split('-');
  return locale === 'de' ? `${d}.${m}.${y}` : `${y}-${m}-${d}`;
}

/** An amount in euros as a person reads it ("25.000 €", "€25,000"). */
export function formatEuro(amount: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
  }).format(amount);
}

/** A district as shown: the citywide marker translated, names as they are. */
export function districtLabel(district: string, locale: Locale): string {
  if (district === CITYWIDE_DISTRICT) return locale === 'de' ? 'stadtweit' : 'citywide';
  return district;
}

/**
 * One field of a frozen measure as text items: a single item for scalar fields, one item per
 * entry for lists (target groups, districts, partners, indicators, progress). Comparison works
 * on these items (lists item by item, text word by word); exports print them.
 */
export function measureFieldItems(
  snapshot: MeasureSnapshot,
  field: MeasureField,
  locale: Locale,
): string[] {
  const one = (value: string) => (value ? [value] : []);
  switch (field) {
    case 'code':
      return one(snapshot.code);
    case 'title':
      return one(snapshot.title);
    case 'goal':
      return one(snapshot.goal);
    case 'startingSituation':
      return one(snapshot.startingSituation);
    case 'targetGroups':
      return [...snapshot.targetGroups];
    case 'districts':
      return snapshot.districts.map((d) => districtLabel(d, locale));
    case 'leadOrganisation':
      return one(snapshot.leadOrganisation ?? '');
    case 'leadUnit':
      return one(snapshot.leadUnit);
    case 'partnerOrganisations':
      return [...snapshot.partnerOrganisations];
    case 'start':
      return one(formatDay(snapshot.start, locale));
    case 'end':
      return one(formatDay(snapshot.end, locale));
    case 'horizon':
      return one(snapshot.horizon ? HORIZON_LABELS[snapshot.horizon][locale] : '');
    case 'priority':
      return one(snapshot.priority ? PRIORITY_LABELS[snapshot.priority][locale] : '');
    case 'indicators':
      return snapshot.indicators.map((i) => {
        const words =
          locale === 'de'
            ? { baseline: 'Ausgangswert', target: 'Ziel', source: 'Quelle', interval: 'Intervall' }
            : { baseline: 'baseline', target: 'target', source: 'source', interval: 'interval' };
        const parts = (['baseline', 'target', 'source', 'interval'] as const)
          .filter((key) => i[key])
          .map((key) => `${words[key]}: ${i[key]}`);
        return parts.length > 0 ? `${i.name} (${parts.join('; ')})` : i.name;
      });
    case 'budget': {
      const b = snapshot.budget;
      const parts = [
        b.amountEur !== null ? formatEuro(b.amountEur, locale) : '',
        b.source ? BUDGET_SOURCE_LABELS[b.source][locale] : '',
        b.budgetLine
          ? `${locale === 'de' ? 'Haushaltsstelle' : 'budget line'} ${b.budgetLine}`
          : '',
      ].filter(Boolean);
      return one(parts.join(', '));
    }
    case 'status':
      return one(MEASURE_STATUS_LABELS[snapshot.status][locale]);
    case 'progress':
      return snapshot.progress.map((p) => {
        const status = p.status ? ` [${MEASURE_STATUS_LABELS[p.status][locale]}]` : '';
        return `${formatDay(p.date, locale)}${status}: ${p.note} (${p.authorName})`;
      });
  }
}

/** Every field of a frozen measure with its label and items, in sheet order. */
export function measureSheetFields(
  snapshot: MeasureSnapshot,
  locale: Locale,
): { field: MeasureField; label: string; items: string[] }[] {
  return MEASURE_FIELDS.map((field) => ({
    field,
    label: MEASURE_FIELD_LABELS[field][locale],
    items: measureFieldItems(snapshot, field, locale),
  }));
}

/** The stored form of a field's value in the change log (JSON of the snapshot's value). */
export function snapshotFieldValue(snapshot: MeasureSnapshot, field: MeasureField): string {
  switch (field) {
    case 'leadOrganisation':
      return JSON.stringify(snapshot.leadOrganisation);
    case 'partnerOrganisations':
      return JSON.stringify(snapshot.partnerOrganisations);
    default:
      return JSON.stringify(snapshot[field]);
  }
}

/** A change-log value shown in the viewer's language (items joined by "; "). */
export function formatLoggedValue(field: MeasureField, stored: string, locale: Locale): string {
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return stored;
  }
  const probe = { ...EMPTY_SNAPSHOT, [field]: value } as MeasureSnapshot;
  return measureFieldItems(probe, field, locale).join('; ');
}

const EMPTY_SNAPSHOT: MeasureSnapshot = {
  measureId: '',
  actionFieldKey: '',
  descriptionDocumentId: '',
  revision: 0,
  code: '',
  title: '',
  goal: '',
  startingSituation: '',
  targetGroups: [],
  districts: [],
  leadOrganisation: null,
  leadUnit: '',
  partnerOrganisations: [],
  start: null,
  end: null,
  horizon: null,
  priority: null,
  indicators: [],
  budget: { amountEur: null, source: null, budgetLine: '' },
  status: 'draft',
  progress: [],
};
