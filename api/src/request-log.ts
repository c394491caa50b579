import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from './logger';

/** Header carrying the request id both ways (nginx can set it from `$request_id`). */
export const REQUEST_ID_HEADER = 'x-request-id';

/** An id a proxy may hand us: printable, no spaces, short; anything else is replaced. */
const FORWARDED_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Interim answers of the HTTP edge (outside GraphQL), in both languages of the product. */
const EDGE_MESSAGES = {
  'payload-too-large': {
    de: 'Die Anfrage ist zu groß.',
    en: 'The request is too large.',
  },
  'bad-request': {
    de: 'Die Anfrage ist fehlerhaft (kein gültiges JSON).',
    en: 'The request is malformed (not valid JSON).',
  },
  internal: {
    de: 'Interner Fehler. Bitte versuchen Sie es erneut.',
    en: 'Internal server error. Please try again.',
  },
} as const;

/**
 * Per-request logging for the API: every HTTP request gets an id (echoed in `X-Request-Id`), a
 * child logger carrying it for the whole asynchronous call chain (AsyncLocalStorage, so the
 * GraphQL error formatter and anything else below logs with the id without passing it), one
 * access line when the response is finished, and a last error handler that logs and answers
 * JSON instead of letting Express print a stack. Built per app, so two apps in one process keep
 * their own state.
 */
export function createRequestLog(logger: Logger) {
  const storage = new AsyncLocalStorage<Logger>();

  /** The logger of the current request, or the app's logger outside any request. */
  const current = (): Logger => storage.getStore() ?? logger;

  /** Runs `fn` with a child logger for `requestId`, e.g. one GraphQL operation over a websocket. */
  const run = <T>(requestId: string, fn: () => T): T =>
    storage.run(logger.child({ requestId }), fn);

  /**
   * Mounted first: assigns the id (kept in `res.locals.requestId`, echoed in the header) and
   * writes one access line when the response is finished: the path only, so query strings and
   * app routes such as `/invitation/<token>` stay out of the logs.
   */
  const assignId = (req: Request, res: Response, next: NextFunction): void => {
    const forwarded = req.headers[REQUEST_ID_HEADER];
    const requestId =
      typeof forwarded === 'string' && FORWARDED_ID.test(forwarded) ? forwarded : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const route = req.originalUrl.startsWith('/graphql')
        ? '/graphql'
        : req.originalUrl.startsWith('/healthz')
          ? '/healthz'
          : '(web app)';
      const body: unknown = req.body;
      // Only a string: the body is the client's JSON, and String() of an object whose toString
      // is not a function throws, here after the response, where nothing catches it.
      const operationName =
        body && typeof body === 'object' && 'operationName' in body
          ? typeof body.operationName === 'string' && body.operationName !== ''
            ? body.operationName.slice(0, 100)
            : undefined
          : undefined;
      const level = res.statusCode >= 500 ? 'warn' : route === '/healthz' ? 'debug' : 'info';
      logger[level](
        {
          requestId,
          method: req.method,
          route,
          status: res.statusCode,
          durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
          ...(operationName ? { operationName } : {}),
        },
        'request',
      );
    });
    next();
  };

  /**
   * Enters the request's logging context. Mount it after the body parser: stream events do not
   * carry an AsyncLocalStorage context, so a store entered before the body is read is lost.
   */
  const enterContext = (_req: Request, res: Response, next: NextFunction): void => {
    const requestId =
      typeof res.locals.requestId === 'string' ? res.locals.requestId : randomUUID();
    run(requestId, next);
  };

  /** Express's last error handler: 4xx from the body parser as JSON, anything else logged + 500. */
  const errorHandler = (
    error: unknown,
    req: Request,
    res: Response,
    // Express recognises an error handler by its four parameters.
    _next: NextFunction,
  ): void => {
    const status = httpStatusOf(error);
    const en = /^\s*en\b/i.test(req.headers['accept-language'] ?? '');
    const key = status === 413 ? 'payload-too-large' : status < 500 ? 'bad-request' : 'internal';
    if (status >= 500) {
      const requestId: unknown = res.locals.requestId;
      logger.error({ err: error, requestId, method: req.method }, 'request failed');
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(status).json({
      errors: [
        {
          message: EDGE_MESSAGES[key][en ? 'en' : 'de'],
          extensions: {
            code:
              status === 413
                ? 'PAYLOAD_TOO_LARGE'
                : status < 500
                  ? 'BAD_REQUEST'
                  : 'INTERNAL_SERVER_ERROR',
          },
        },
      ],
    });
  };

  return { current, run, assignId, enterContext, errorHandler };
}

/** The 4xx status an error asks for (body-parser sets `status`), else 500. */
function httpStatusOf(error: unknown): number {
  if (error && typeof error === 'object') {
    const status = (error as { status?: unknown; statusCode?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) return status;
  }
  return 500;
}
