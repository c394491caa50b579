import { API_ERROR_CODES, isApiErrorCode, isRequestErrorCode } from '@lip/common';

/**
 * The API's worded error codes (from `@lip/common`), plus ALREADY_EXISTS (a CONFLICT whose reason
 * is `already-exists`: "this already exists", not "someone else changed this") and the two the
 * client adds (network, unknown).
 */
export const ERROR_CODES = [...API_ERROR_CODES, 'ALREADY_EXISTS', 'NETWORK', 'UNKNOWN'] as const;
/** One of {@link ERROR_CODES}; each has a sentence under `errors.<code>` in both languages. */
export type ErrorCode = (typeof ERROR_CODES)[number];

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
      if (isApiErrorCode(code)) return code;
      if (isRequestErrorCode(code)) return 'BAD_USER_INPUT';
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

/**
 * The API's own sentence for an error when it has one (field errors name the field there, in
 * the viewer's language), else null; screens fall back to the sentence of the error code.
 */
export function toErrorMessage(error: unknown): string | null {
  if (!hasErrors(error)) return null;
  const first = error.errors[0] as { message?: unknown; extensions?: { code?: unknown } | null };
  const code = first?.extensions?.code;
  if (typeof first?.message !== 'string' || code === 'INTERNAL_SERVER_ERROR') return null;
  return first.message;
}

/** Per input path (e.g. `budget.amount`), the API's sentence about that field. */
export function toFieldErrors(error: unknown): Record<string, string> {
  if (!hasErrors(error)) return {};
  const out: Record<string, string> = {};
  for (const item of error.errors) {
    const fields = (item.extensions as { fields?: unknown } | null | undefined)?.fields;
    if (!Array.isArray(fields)) continue;
    for (const field of fields as { path?: unknown; message?: unknown }[]) {
      if (typeof field.path === 'string' && typeof field.message === 'string') {
        out[field.path] = field.message;
      }
    }
  }
  return out;
}
