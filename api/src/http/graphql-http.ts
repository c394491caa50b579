import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import { GraphQLError } from 'graphql';
import type { GraphQLErrorCode } from '@lip/common';
import { DomainError } from '../errors';
import { toGraphQLError } from '../graphql/errors';
import { checkQuerySource, OPERATION_LIMITS, type OperationLimit } from '../graphql/limits';
import { localeFromHeader } from './locale';

/** Largest accepted GraphQL request body, in bytes. */
export const MAX_BODY_BYTES = 100_000;

/**
 * The JSON body parser of `/graphql`: only `application/json`, only an object or array at the
 * top (`strict`), at most {@link MAX_BODY_BYTES}. Its failures reach {@link graphqlErrorHandler}.
 */
export function graphqlBodyParser(): RequestHandler {
  return express.json({ limit: MAX_BODY_BYTES, strict: true });
}

/** Sends GraphQL-shaped errors with an HTTP status (the shape Apollo Server uses). */
export function sendGraphQLErrors(res: Response, status: number, errors: GraphQLError[]): void {
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ errors: errors.map((error) => error.toJSON()) }));
}

function requestError(
  locale: 'de' | 'en',
  detail: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  const error = toGraphQLError(new DomainError('bad-request', detail), locale);
  return new GraphQLError(error.message, {
    extensions: { ...error.extensions, detail, ...extensions },
  });
}

/** A GraphQL error for an operation that breaks a source limit, coded like a parse failure. */
export function sourceLimitError(limit: OperationLimit): GraphQLError {
  const code: GraphQLErrorCode = 'GRAPHQL_PARSE_FAILED';
  const wording: Partial<Record<OperationLimit, string>> = {
    queryChars: `The query is longer than ${OPERATION_LIMITS.maxQueryChars} characters.`,
    tokens: `The query has more than ${OPERATION_LIMITS.maxTokens} tokens.`,
    nesting: `The query nests brackets more than ${OPERATION_LIMITS.maxNesting} levels deep.`,
  };
  return new GraphQLError(wording[limit] ?? 'The query breaks a limit.', {
    extensions: { code, limit },
  });
}

/**
 * Checks a GraphQL HTTP request before Apollo Server sees it: no batches (one operation per
 * request keeps the limits per request meaningful) and the source limits of the query text, so
 * the recursive parser never meets a hostile nesting depth.
 */
export function checkGraphQLRequest(): RequestHandler {
  return (req, res, next) => {
    const locale = localeFromHeader(req.headers['accept-language']);
    const body: unknown = req.body;
    if (req.method === 'POST' && Array.isArray(body)) {
      sendGraphQLErrors(res, 400, [
        requestError(locale, 'Batched operations are not supported; send one operation.'),
      ]);
      return;
    }
    const extensions = req.method === 'GET' ? req.query.extensions : bodyField(body, 'extensions');
    if (
      extensions !== undefined &&
      extensions !== null &&
      JSON.stringify(extensions).includes('persistedQuery')
    ) {
      sendGraphQLErrors(res, 400, [
        new GraphQLError('Persisted queries are not supported; send the query.', {
          extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' },
        }),
      ]);
      return;
    }
    const query = req.method === 'GET' ? req.query.query : bodyField(body, 'query');
    if (typeof query === 'string') {
      const limit = checkQuerySource(query);
      if (limit) {
        sendGraphQLErrors(res, 400, [sourceLimitError(limit)]);
        return;
      }
    }
    next();
  };
}

function bodyField(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)[name]
    : undefined;
}

/** Body-parser failure types and what to tell the client about each. */
const BODY_ERRORS: Record<string, string> = {
  'entity.parse.failed': 'The body is not valid JSON (an object is expected).',
  'entity.too.large': `The body is larger than ${MAX_BODY_BYTES} bytes.`,
  'entity.verify.failed': 'The body was rejected.',
  'encoding.unsupported': 'The content encoding is not supported.',
  'charset.unsupported': 'The charset is not supported; send UTF-8.',
  'request.aborted': 'The request was aborted.',
  'request.size.invalid': 'The body does not match its Content-Length.',
  'stream.encoding.set': 'The request stream is not readable.',
  'stream.not.readable': 'The request stream is not readable.',
};

/**
 * Answers every error that reaches Express on `/graphql` as GraphQL-shaped JSON: a client error
 * (4xx from the body parser: malformed JSON, too large, wrong charset or encoding) with the code
 * BAD_REQUEST and what was wrong; anything else as a bare 500, logged, never with a stack.
 */
export function graphqlErrorHandler(log: (error: unknown) => void): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = clientErrorStatus(error);
    if (status === null) {
      log(error);
      sendGraphQLErrors(res, 500, [
        new GraphQLError('Internal server error', {
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        }),
      ]);
      return;
    }
    const type = (error as { type?: unknown }).type;
    const detail = (typeof type === 'string' && BODY_ERRORS[type]) || 'The request is malformed.';
    sendGraphQLErrors(res, status, [
      requestError(localeFromHeader(req.headers['accept-language']), detail),
    ]);
  };
}

/**
 * The last error handler of the app (static files, the SPA fallback): a client error keeps its
 * status with a one-line text, anything else is logged and answered 500; never a stack.
 */
export function finalErrorHandler(log: (error: unknown) => void): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = clientErrorStatus(error);
    if (status === null) log(error);
    res
      .status(status ?? 500)
      .type('text/plain')
      .send(status === null ? 'Internal server error' : 'Bad request');
  };
}

/** The 4xx status an error carries (http-errors style), or null for a server fault. */
function clientErrorStatus(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  const value = typeof status === 'number' ? status : statusCode;
  return typeof value === 'number' && value >= 400 && value < 500 ? value : null;
}
