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
  | 'collab-unavailable';

/** One field-level validation problem, with the path inside the input. */
export interface FieldIssue {
  path: string;
  message: string;
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

/** A domain error about one input field, so the client can point at it. */
export function fieldError(code: DomainErrorCode, path: string, message: string): DomainError {
  return new DomainError(code, `${path}: ${message}`, [{ path, message }]);
}

/** Shorthand for "no such thing (or you may not know it exists)". */
export function notFound(detail?: string): DomainError {
  return new DomainError('not-found', detail);
}
