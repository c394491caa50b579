/**
 * The review workflow's vocabulary, shared by the API and the web app (docs/review-and-measures.md).
 * Values are stable keys stored in the database and sent over GraphQL as upper-case enum names.
 */

/**
 * Lifecycle of a review round (Beratungsrunde): draft → open → closed (at the deadline or by
 * hand) → evaluated (every remark has an approved response); cancelled from draft or open.
 */
export const REVIEW_ROUND_STATUSES = ['draft', 'open', 'closed', 'evaluated', 'cancelled'] as const;
export type ReviewRoundStatus = (typeof REVIEW_ROUND_STATUSES)[number];

/** A body's overall assessment in its statement (Gesamteinschätzung). */
export const STATEMENT_ASSESSMENTS = [
  'agree',
  'agree-with-remarks',
  'reject',
  'no-objections',
] as const;
export type StatementAssessment = (typeof STATEMENT_ASSESSMENTS)[number];

/**
 * A statement is drafted by the body's members, submitted on the body's behalf, and may be
 * withdrawn while the round is open (then it can be revised and submitted again).
 */
export const STATEMENT_STATUSES = ['draft', 'submitted', 'withdrawn'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

/** The vote of a response to a remark (as in German assessment tables). */
export const RESPONSE_VOTES = ['accepted', 'partly-accepted', 'not-accepted', 'noted'] as const;
export type ResponseVote = (typeof RESPONSE_VOTES)[number];

/** A response is drafted by the group and approved by a speaker; approved ones are locked. */
export const RESPONSE_STATUSES = ['draft', 'approved'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

/** The steering group's decision on a reviewed document or measure. */
export const DECISION_OUTCOMES = ['accepted', 'accepted-with-conditions', 'returned'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** What a round item or a decision is about. */
export const SUBJECT_KINDS = ['document', 'measure'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** A round item's or a decision's subject: a document, or a measure (its description document). */
export type ReviewSubject =
  { kind: 'document'; documentId: string } | { kind: 'measure'; measureId: string };

/** Where a remark's passage stands in the current draft (`unknown`: the draft could not be read). */
export const REVIEW_PASSAGE_STATUSES = ['found', 'found-by-quote', 'deleted', 'unknown'] as const;
export type ReviewPassageStatus = (typeof REVIEW_PASSAGE_STATUSES)[number];
