/**
 * The domain vocabulary shared by api, collab-server and web. Values are stable keys stored in
 * the database and sent over GraphQL (as upper-case enum names there); labels live in i18n.
 */

/** Locales of the interface: German first, English second. */
export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Process-wide role of an account. Group, body and steering-group membership come on top of it
 * (see {@link GROUP_ROLES} and {@link BODY_KINDS}); `member` has no rights beyond those memberships.
 */
export const SYSTEM_ROLES = ['admin', 'coordinator', 'member', 'observer'] as const;
export type SystemRole = (typeof SYSTEM_ROLES)[number];

/** Roles inside an expert group (Sprecher*in, Geschäftsführung, Fachberatung, Mitglied). */
export const GROUP_ROLES = ['speaker', 'lead', 'adviser', 'member'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

/** Expert groups keep parity between administration staff and civil society. */
export const SECTORS = ['administration', 'civil-society'] as const;
export type Sector = (typeof SECTORS)[number];

/** Bodies that review drafts or decide on them. */
export const BODY_KINDS = ['district-council', 'round-table', 'steering-group'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/** Partner types of organisations, from the city's announcement. */
export const PARTNER_TYPES = [
  'migrant-organisation',
  'religious-community',
  'authority',
  'region',
  'volunteer-organisation',
  'association-union',
  'school-youth',
  'city-administration',
  'other',
] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

/**
 * Kinds of documents. A `measure-description` is the collaborative description of one measure,
 * created and titled with its measure record (see {@link MEASURE_STATUSES}). `statement` is the
 * collaborative text of a body's statement in a review round: written by the body's members,
 * never listed with the groups' drafts.
 */
export const DOCUMENT_KINDS = [
  'foundation-chapter',
  'measure-sheet',
  'minutes',
  'other',
  'measure-description',
  'statement',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Lifecycle of a draft: written by its group, reviewed by bodies, decided by the steering group. */
export const DOCUMENT_STATUSES = ['draft', 'in-review', 'returned', 'accepted'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const TASK_STATUSES = ['open', 'in-progress', 'blocked', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_PRIORITIES = ['low', 'normal', 'high'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** Group-internal threads are hidden from reviewing bodies; shared ones are visible to them. */
export const COMMENT_VISIBILITIES = ['group', 'shared'] as const;
export type CommentVisibility = (typeof COMMENT_VISIBILITIES)[number];

/** Default action fields of the Hannover LIP; processes store their own as data. */
export const DEFAULT_ACTION_FIELD_KEYS = [
  'education',
  'economy',
  'social',
  'urban-life',
  'democracy',
  'administration',
] as const;

/**
 * Lifecycle of a measure (Maßnahme): written as a draft by its group, proposed to the steering
 * group, accepted or returned there; after adoption the responsible unit reports it as planned,
 * in progress, done, carried into regular work (`regular`) or discontinued — the categories of
 * the city's implementation reports.
 */
export const MEASURE_STATUSES = [
  'draft',
  'proposed',
  'accepted',
  'returned',
  'planned',
  'in-progress',
  'done',
  'regular',
  'discontinued',
] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** Statuses after the steering group's acceptance: the measure is adopted and visible to all. */
export const ADOPTED_MEASURE_STATUSES: readonly MeasureStatus[] = [
  'accepted',
  'planned',
  'in-progress',
  'done',
  'regular',
  'discontinued',
];

/** The status changes a measure may make, by its current status. */
export const MEASURE_TRANSITIONS: Record<MeasureStatus, readonly MeasureStatus[]> = {
  draft: ['proposed'],
  proposed: ['draft', 'accepted', 'returned'],
  returned: ['draft', 'proposed'],
  accepted: ['planned', 'in-progress', 'discontinued'],
  planned: ['in-progress', 'discontinued'],
  'in-progress': ['planned', 'done', 'regular', 'discontinued'],
  done: ['in-progress', 'regular'],
  regular: [],
  discontinued: ['planned'],
};

export const MEASURE_PRIORITIES = ['high', 'medium', 'low'] as const;
export type MeasurePriority = (typeof MEASURE_PRIORITIES)[number];

/** Time horizon when no exact dates are known: up to 1 year, 1 to 3 years, longer. */
export const MEASURE_HORIZONS = ['short', 'medium', 'long'] as const;
export type MeasureHorizon = (typeof MEASURE_HORIZONS)[number];

/** Where a measure's money comes from. */
export const BUDGET_SOURCES = ['city-budget', 'third-party', 'cost-neutral'] as const;
export type BudgetSource = (typeof BUDGET_SOURCES)[number];

/** The district value of a measure that applies to the whole city. */
export const CITYWIDE_DISTRICT = 'citywide';

/**
 * Code prefixes of the default action fields (`BIL-03`); a field without one uses the first
 * three letters of its key in capitals.
 */
export const MEASURE_CODE_PREFIXES: Record<string, string> = {
  education: 'BIL',
  economy: 'WIR',
  social: 'SOZ',
  'urban-life': 'STA',
  democracy: 'DEM',
  administration: 'VER',
};

/** The code prefix of an action field. */
export function measureCodePrefix(actionFieldKey: string): string {
  return (
    MEASURE_CODE_PREFIXES[actionFieldKey] ??
    (actionFieldKey
      .replace(/[^a-z]/gi, '')
      .slice(0, 3)
      .toUpperCase() ||
      'MAS')
  );
}

/** A measure's code from its field prefix and number: `BIL-03`. */
export function toMeasureCode(prefix: string, number: number): string {
  return `${prefix}-${String(number).padStart(2, '0')}`;
}

/** The pattern of a measure code: 2-5 capital letters, a dash, 2-3 digits. */
export const MEASURE_CODE_PATTERN = /^[A-ZÄÖÜ]{2,5}-\d{2,3}$/;

/**
 * The fields of a measure in the order of a measure sheet; change history and comparison name
 * fields by these keys.
 */
export const MEASURE_FIELDS = [
  'code',
  'title',
  'goal',
  'startingSituation',
  'targetGroups',
  'districts',
  'leadOrganisation',
  'leadUnit',
  'partnerOrganisations',
  'start',
  'end',
  'horizon',
  'priority',
  'indicators',
  'budget',
  'status',
  'progress',
] as const;
export type MeasureField = (typeof MEASURE_FIELDS)[number];
