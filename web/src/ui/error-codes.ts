/**
 * The API's stable error codes, plus ALREADY_EXISTS (a CONFLICT whose reason is `already-exists`:
 * "this already exists", not "someone else changed this") and the two the client adds (network,
 * unknown).
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'ALREADY_EXISTS',
  'RATE_LIMITED',
  'NETWORK',
  'UNKNOWN',
] as const;
/** One of {@link ERROR_CODES}; each has a sentence under `errors.<code>` in both languages. */
export type ErrorCode = (typeof ERROR_CODES)[number];

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

interface GraphQLErrorLike {
  extensions?: { code?: unknown; reason?: unknown } | null;
}

function hasErrors(value: unknown): value is { errors: readonly GraphQLErrorLike[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { errors?: unknown }).errors)
  );
}

/**
 * Maps an Apollo Client 4 error (CombinedGraphQLErrors, ServerError, network TypeError) to one
 * stable code, so every screen words the same failure the same way.
 */
export function toErrorCode(error: unknown): ErrorCode {
  if (!error) return 'UNKNOWN';
  if (hasErrors(error)) {
    for (const item of error.errors) {
      const code = item.extensions?.code;
      if (code === 'CONFLICT' && item.extensions?.reason === 'already-exists') {
        return 'ALREADY_EXISTS';
      }
      if (isErrorCode(code)) return code;
      if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_REQUEST') return 'BAD_USER_INPUT';
    }
    return 'UNKNOWN';
  }
  if (typeof error === 'object' && error !== null) {
    const status = (error as { statusCode?: unknown }).statusCode;
    if (status === 401) return 'UNAUTHENTICATED';
    if (status === 403) return 'FORBIDDEN';
    if (status === 429) return 'RATE_LIMITED';
    if (error instanceof TypeError) return 'NETWORK';
    const name = (error as { name?: unknown }).name;
    if (name === 'ServerError' || name === 'ServerParseError') return 'UNKNOWN';
  }
  return 'UNKNOWN';
}
