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
 * Kinds of documents. `statement` is the collaborative text of a body's statement in a review
 * round: written by the body's members, never listed with the groups' drafts.
 */
export const DOCUMENT_KINDS = [
  'foundation-chapter',
  'measure-sheet',
  'minutes',
  'other',
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
