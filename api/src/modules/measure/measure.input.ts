import {
  BUDGET_SOURCES,
  MEASURE_CODE_PATTERN,
  MEASURE_HORIZONS,
  MEASURE_PRIORITIES,
  MEASURE_STATUSES,
} from '@lip/common';
import { z } from 'zod';
import { DomainError, type FieldIssue } from '../../errors';
import { dateSchema, objectIdSchema, toFieldIssue } from '../../validation';

/** Limits of a measure's fields; explicit so forms, tests and errors agree. */
export const MEASURE_LIMITS = {
  titleChars: 200,
  textChars: 5000,
  listItems: 20,
  listItemChars: 100,
  partners: 30,
  indicators: 20,
  indicatorFieldChars: 300,
  leadUnitChars: 200,
  budgetLineChars: 200,
  maxBudgetEur: 1_000_000_000,
  progressNoteChars: 2000,
  progressNotes: 500,
} as const;

const L = MEASURE_LIMITS;

/** German and English names of the input fields, for error messages that name them. */
const FIELD_LABELS: Record<string, { de: string; en: string }> = {
  measureId: { de: 'Maßnahme', en: 'Measure' },
  groupId: { de: 'Gruppe', en: 'Group' },
  revision: { de: 'Bearbeitungsstand', en: 'Revision' },
  code: { de: 'Nummer', en: 'Number' },
  title: { de: 'Titel', en: 'Title' },
  goal: { de: 'Ziel', en: 'Goal' },
  startingSituation: { de: 'Ausgangslage', en: 'Starting situation' },
  targetGroups: { de: 'Zielgruppen', en: 'Target groups' },
  districts: { de: 'Stadtbezirke', en: 'Districts' },
  leadOrganisationId: { de: 'Federführende Organisation', en: 'Lead organisation' },
  leadUnit: { de: 'Federführende Stelle', en: 'Lead unit' },
  partnerOrganisationIds: { de: 'Partnerorganisationen', en: 'Partner organisations' },
  start: { de: 'Beginn', en: 'Start' },
  end: { de: 'Ende', en: 'End' },
  horizon: { de: 'Zeithorizont', en: 'Horizon' },
  priority: { de: 'Priorität', en: 'Priority' },
  indicators: { de: 'Indikatoren', en: 'Indicators' },
  name: { de: 'Name', en: 'Name' },
  baseline: { de: 'Ausgangswert', en: 'Baseline' },
  target: { de: 'Zielwert', en: 'Target' },
  source: { de: 'Quelle', en: 'Source' },
  interval: { de: 'Erhebungsintervall', en: 'Interval' },
  budget: { de: 'Budget', en: 'Budget' },
  amount: { de: 'Betrag', en: 'Amount' },
  budgetLine: { de: 'Haushaltsstelle', en: 'Budget line' },
  status: { de: 'Status', en: 'Status' },
  note: { de: 'Notiz', en: 'Note' },
  date: { de: 'Datum', en: 'Date' },
};

/** "Indikator 2 – Name" for `indicators.1.name`. */
export function fieldLabel(path: readonly PropertyKey[]): { de: string; en: string } {
  const de: string[] = [];
  const en: string[] = [];
  for (let i = 0; i < path.length; i += 1) {
    const key = path[i];
    const next = path[i + 1];
    if (typeof key === 'number') continue;
    const label = FIELD_LABELS[String(key)] ?? { de: String(key), en: String(key) };
    if (key === 'indicators' && typeof next === 'number') {
      de.push(`Indikator ${next + 1}`);
      en.push(`Indicator ${next + 1}`);
    } else if (typeof next === 'number') {
      de.push(`${label.de} (Eintrag ${next + 1})`);
      en.push(`${label.en} (entry ${next + 1})`);
    } else {
      de.push(label.de);
      en.push(label.en);
    }
  }
  return { de: de.join(' – '), en: en.join(' – ') };
}

/** Problems raised by our own refinements, worded once. */
const CUSTOM_PROBLEMS: Record<string, { de: string; en: string }> = {
  'not-a-number': {
    de: 'muss eine Zahl sein, zum Beispiel 12500 oder 12.500,50.',
    en: 'must be a number, for example 12500 or 12,500.50.',
  },
  negative: { de: 'darf nicht negativ sein.', en: 'must not be negative.' },
  'too-large': {
    de: `darf höchstens ${L.maxBudgetEur.toLocaleString('de-DE')} € betragen.`,
    en: `must be at most €${L.maxBudgetEur.toLocaleString('en-GB')}.`,
  },
  'name-required': {
    de: 'Bitte einen Namen angeben.',
    en: 'Please give it a name.',
  },
  'code-format': {
    de: 'muss wie „BIL-03“ aussehen: 2 bis 5 Großbuchstaben, Bindestrich, 2 bis 3 Ziffern.',
    en: 'must look like “BIL-03”: 2 to 5 capital letters, a dash, 2 to 3 digits.',
  },
  'end-before-start': {
    de: 'darf nicht vor dem Beginn liegen.',
    en: 'must not be before the start.',
  },
  duplicate: { de: 'enthält einen Eintrag doppelt.', en: 'contains an entry twice.' },
};

function problemText(issue: z.core.$ZodIssue): { de: string; en: string } {
  const known = CUSTOM_PROBLEMS[issue.message];
  if (known) return known;
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string') {
        return {
          de: `darf höchstens ${String(issue.maximum)} Zeichen haben.`,
          en: `may have at most ${String(issue.maximum)} characters.`,
        };
      }
      if (issue.origin === 'array') {
        return {
          de: `darf höchstens ${String(issue.maximum)} Einträge haben.`,
          en: `may have at most ${String(issue.maximum)} entries.`,
        };
      }
      return {
        de: `darf höchstens ${String(issue.maximum)} sein.`,
        en: `must be at most ${String(issue.maximum)}.`,
      };
    case 'too_small':
      if (issue.origin === 'string') {
        return { de: 'darf nicht leer sein.', en: 'must not be empty.' };
      }
      return {
        de: `muss mindestens ${String(issue.minimum)} sein.`,
        en: `must be at least ${String(issue.minimum)}.`,
      };
    default:
      return { de: 'ist ungültig.', en: 'is invalid.' };
  }
}

/**
 * Parses `input` with `schema` or throws `invalid-input` whose issues name each field in German
 * and English ("Indikator 2 – Name: Bitte einen Namen angeben.").
 */
export function parseMeasureInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues: FieldIssue[] = parsed.error.issues.map((issue) => {
    const label = fieldLabel(issue.path);
    const problem = problemText(issue);
    // A name problem reads better without repeating the field ("Indikator 2: Bitte …").
    const path = issue.path.map(String).join('.');
    const nameMissing = issue.message === 'name-required';
    const labelDe = nameMissing ? fieldLabel(issue.path.slice(0, -1)).de : label.de;
    const labelEn = nameMissing ? fieldLabel(issue.path.slice(0, -1)).en : label.en;
    const { rule, limit } = toFieldIssue(issue);
    return {
      path,
      rule,
      ...(limit !== undefined ? { limit } : {}),
      message: issue.message,
      text: { de: `${labelDe}: ${problem.de}`, en: `${labelEn}: ${problem.en}` },
    };
  });
  throw new DomainError(
    'invalid-input',
    issues.map((i) => `${i.path}: ${i.message}`).join('; '),
    issues,
  );
}

/**
 * An amount of euros as typed by a person: "12500", "12.500", "12.500,50", "12500.5", "€ 3 000".
 * Returns null for an empty value and NaN for anything that is not a number.
 */
export function parseEuroAmount(value: string): number | null {
  const cleaned = value.replace(/[€\s\u00a0]/g, '').replace(/EUR$/i, '');
  if (cleaned === '') return null;
  let normalised: string;
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(cleaned)) {
    normalised = cleaned.replace(/\./g, '').replace(',', '.');
  } else if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(cleaned)) {
    normalised = cleaned.replace(/,/g, '');
  } else if (/^-?\d+(,\d{1,2})?$/.test(cleaned)) {
    normalised = cleaned.replace(',', '.');
  } else if (/^-?\d+(\.\d{1,2})?$/.test(cleaned)) {
    normalised = cleaned;
  } else {
    return Number.NaN;
  }
  return Number(normalised);
}

const text = (max: number) => z.string().trim().max(max);

const indicatorSchema = z.object({
  name: z.string().trim().max(L.indicatorFieldChars).min(1, 'name-required'),
  baseline: text(L.indicatorFieldChars).default(''),
  target: text(L.indicatorFieldChars).default(''),
  source: text(L.indicatorFieldChars).default(''),
  interval: text(L.indicatorFieldChars).default(''),
});

const amountSchema = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const amount = parseEuroAmount(value);
    if (amount === null) return null;
    if (!Number.isFinite(amount)) {
      ctx.addIssue({ code: 'custom', message: 'not-a-number' });
      return z.NEVER;
    }
    if (amount < 0) {
      ctx.addIssue({ code: 'custom', message: 'negative' });
      return z.NEVER;
    }
    if (amount > L.maxBudgetEur) {
      ctx.addIssue({ code: 'custom', message: 'too-large' });
      return z.NEVER;
    }
    return Math.round(amount * 100) / 100;
  });

const budgetSchema = z.object({
  amount: amountSchema.nullish(),
  source: z.enum(BUDGET_SOURCES).nullish(),
  budgetLine: text(L.budgetLineChars).nullish(),
});

const uniqueList = (item: z.ZodType<string>, max: number) =>
  z
    .array(item)
    .max(max)
    .superRefine((list, ctx) => {
      if (new Set(list).size !== list.length)
        ctx.addIssue({ code: 'custom', message: 'duplicate' });
    });

/** The editable fields of a measure; every one optional (absent = unchanged). */
export const measureFieldsSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .refine((value) => MEASURE_CODE_PATTERN.test(value), 'code-format')
    .nullish(),
  title: z.string().trim().min(2).max(L.titleChars).nullish(),
  goal: text(L.textChars).nullish(),
  startingSituation: text(L.textChars).nullish(),
  targetGroups: uniqueList(z.string().trim().min(1).max(L.listItemChars), L.listItems).nullish(),
  districts: uniqueList(z.string().trim().min(1).max(L.listItemChars), L.listItems).nullish(),
  leadOrganisationId: objectIdSchema.nullish(),
  /** Explicitly clears the lead organisation (null alone means "unchanged"). */
  clearLeadOrganisation: z.boolean().nullish(),
  leadUnit: text(L.leadUnitChars).nullish(),
  partnerOrganisationIds: uniqueList(objectIdSchema, L.partners).nullish(),
  start: dateSchema.nullish(),
  end: dateSchema.nullish(),
  clearDates: z.boolean().nullish(),
  horizon: z.enum(MEASURE_HORIZONS).nullish(),
  priority: z.enum(MEASURE_PRIORITIES).nullish(),
  indicators: z.array(indicatorSchema).max(L.indicators).nullish(),
  budget: budgetSchema.nullish(),
});

/** Input of `createMeasure`. */
export const createMeasureSchema = measureFieldsSchema.extend({
  groupId: objectIdSchema,
  title: z.string().trim().min(2).max(L.titleChars),
});

/** Input of `updateMeasure`: the fields plus the revision the person edited. */
export const updateMeasureSchema = measureFieldsSchema.extend({
  measureId: objectIdSchema,
  revision: z.number().int().min(0),
});

/** Input of `changeMeasureStatus`. */
export const changeStatusSchema = z.object({
  measureId: objectIdSchema,
  status: z.enum(MEASURE_STATUSES),
  note: text(L.progressNoteChars).nullish(),
});

/** Input of `addMeasureProgress`. */
export const progressSchema = z.object({
  measureId: objectIdSchema,
  date: dateSchema,
  note: z.string().trim().min(1).max(L.progressNoteChars),
  status: z.enum(MEASURE_STATUSES).nullish(),
});

/** Filter of the catalogue. */
export const listMeasuresSchema = z.object({
  processId: objectIdSchema.nullish(),
  actionFieldKey: z.string().max(60).nullish(),
  statuses: z.array(z.enum(MEASURE_STATUSES)).max(MEASURE_STATUSES.length).nullish(),
  leadOrganisationId: objectIdSchema.nullish(),
  partnerOrganisationId: objectIdSchema.nullish(),
  district: z.string().max(L.listItemChars).nullish(),
  targetGroup: z.string().max(L.listItemChars).nullish(),
  search: z.string().trim().max(100).nullish(),
  sort: z.enum(['code', 'title', 'status', 'priority', 'updated']).nullish(),
});
