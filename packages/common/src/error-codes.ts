/**
 * The GraphQL error codes (`extensions.code`) the API sends, defined once for the API (which
 * maps its domain errors onto them) and the web app (which words each one for people).
 */

/** Codes of failures a person can meet in the app; the web app has a sentence for each. */
export const API_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'RESPONSE_TOO_LARGE',
  'OPERATION_TIMEOUT',
  /** A password session of a role that needs a second factor, before it is set up. */
  'SECOND_FACTOR_REQUIRED',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/**
 * Codes of requests a correct client never sends: a malformed HTTP request, a GraphQL syntax or
 * validation error (from the API's edge or Apollo Server). Clients word them as BAD_USER_INPUT.
 */
export const REQUEST_ERROR_CODES = [
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
] as const;
export type RequestErrorCode = (typeof REQUEST_ERROR_CODES)[number];

/** Every `extensions.code` the API sends; INTERNAL_SERVER_ERROR only for unexpected faults. */
export type GraphQLErrorCode = ApiErrorCode | RequestErrorCode | 'INTERNAL_SERVER_ERROR';

/** Whether a value is one of {@link API_ERROR_CODES}. */
export function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && (API_ERROR_CODES as readonly string[]).includes(value);
}

/** Whether a value is one of {@link REQUEST_ERROR_CODES}. */
export function isRequestErrorCode(value: unknown): value is RequestErrorCode {
  return typeof value === 'string' && (REQUEST_ERROR_CODES as readonly string[]).includes(value);
}
