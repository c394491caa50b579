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

/** One field-level validation problem, with the path inside the input. */
export interface FieldIssue {
  /** Dotted path inside the input, e.g. `title` or `groups.0.groupId`. */
  path: string;
  rule: FieldRule;
  limit?: number;
  /** A developer-facing detail in English; clients show the localised rule instead. */
  message: string;
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
