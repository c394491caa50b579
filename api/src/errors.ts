/**
 * Domain errors raised by services. Each carries a stable code from {@link DomainErrorCode};
 * `graphql/errors.ts` maps every code to a GraphQL error code and a message in the caller's
 * language, in one exhaustive switch.
 */
export type DomainErrorCode =
  | 'unauthenticated'
  | 'invalid-credentials'
  | 'forbidden'
  | 'not-found'
  | 'invalid-input'
  | 'invalid-transition'
  | 'invitation-invalid'
  | 'already-exists'
  | 'conflict'
  | 'rate-limited'
  | 'bad-request'
  | 'query-too-complex'
  | 'response-too-large'
  | 'operation-timeout'
  | 'deadline-in-past'
  | 'nothing-to-review'
  | 'document-in-review'
  | 'in-other-round'
  | 'round-not-open'
  | 'already-submitted'
  | 'assessment-required'
  | 'reason-required'
  | 'response-locked'
  | 'four-eyes'
  | 'responses-pending'
  | 'round-not-evaluated'
  | 'confirmation-required'
  | 'already-decided'
  | 'collab-unavailable'
  | 'second-factor-required'
  | 'second-factor-invalid'
  | 'second-factor-needed-for-role'
  | 'sign-in-expired'
  | 'password-sign-in-disabled'
  | 'last-admin'
  | 'confirmation-mismatch';

/**
 * The rule an input field broke, so clients can word it in their language next to the field
 * ("Titel: höchstens 200 Zeichen"); `limit` carries the number of the length and count rules.
 */
export type FieldRule =
  | 'required'
  | 'too-short'
  | 'too-long'
  | 'too-few'
  | 'too-many'
  | 'too-small'
  | 'too-large'
  | 'format'
  | 'invalid'
  | 'future'
  | 'taken';

/**
 * One field-level validation problem, with the path inside the input. `text`, where given, says
 * it in both languages for a person ("Indikator 2: Bitte einen Namen angeben."); clients then
 * show it instead of the generic sentence for the rule.
 */
export interface FieldIssue {
  /** Dotted path inside the input, e.g. `title` or `groups.0.groupId`. */
  path: string;
  rule: FieldRule;
  limit?: number;
  /** A developer-facing detail in English; clients show the localised rule instead. */
  message: string;
  text?: { de: string; en: string };
}

/** An `invalid-input` error about one field. */
export function invalidField(
  path: string,
  rule: FieldRule,
  message: string,
  limit?: number,
): DomainError {
  return new DomainError('invalid-input', `${path}: ${message}`, [
    { path, rule, message, ...(limit !== undefined ? { limit } : {}) },
  ]);
}

/** An expected failure with a stable code; never carries a stack to the client. */
export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    detail?: string,
    readonly issues: FieldIssue[] = [],
    /** Seconds after which a rate-limited request may be retried. */
    readonly retryAfterSeconds?: number,
  ) {
    super(detail ?? code);
  }
}

/** Shorthand for the common "you may not" failure. */
export function forbidden(detail?: string): DomainError {
  return new DomainError('forbidden', detail);
}

/** Shorthand for "no such thing (or you may not know it exists)". */
export function notFound(detail?: string): DomainError {
  return new DomainError('not-found', detail);
}

/**
 * A coded error about one field, so the client can point at it; `path` is the field's path in
 * the input (e.g. `budget.amount`). Given `{ de, en }`, the problem is worded for people and the
 * error message names it; given a string, that is a developer detail and the code's message
 * speaks for itself.
 */
export function fieldError(
  code: DomainErrorCode,
  path: string,
  problem: string | { de: string; en: string },
  rule: FieldRule = 'invalid',
): DomainError {
  const message = typeof problem === 'string' ? problem : problem.en;
  const text = typeof problem === 'string' ? {} : { text: problem };
  return new DomainError(code, `${path}: ${message}`, [{ path, rule, message, ...text }]);
}
