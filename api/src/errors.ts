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
  | 'operation-timeout';

/**
 * One field-level problem, with the path inside the input. `text` says it in both languages
 * for a person ("Indikator 2: Bitte einen Namen angeben."); the GraphQL error then names it.
 */
export interface FieldIssue {
  path: string;
  message: string;
  text?: { de: string; en: string };
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
 * An `invalid-input` (or other coded) error about one field, worded for people in both
 * languages; `path` is the field's path in the input (e.g. `budget.amount`).
 */
export function fieldError(
  code: DomainErrorCode,
  path: string,
  text: { de: string; en: string },
): DomainError {
  return new DomainError(code, `${path}: ${text.en}`, [{ path, message: text.en, text }]);
}
