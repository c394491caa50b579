import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  matchCollabInternalPath,
  type CollabInternalParams,
  type CollabInternalRoute,
} from '@lip/common';
import { isCollabInternalToken } from '@lip/common/server';
import type { Registry } from 'prom-client';
import type { CollabClock, CollabLogger } from '../logger';
import { HttpError, sendError } from './http-io';

/** One internal endpoint: its handlers by HTTP method. */
export type InternalRouteHandlers = Partial<
  Record<
    'GET' | 'POST',
    (context: {
      request: IncomingMessage;
      response: ServerResponse;
      params: CollabInternalParams;
    }) => Promise<void>
  >
>;

/** Every internal endpoint's handlers, by route name (`COLLAB_INTERNAL_ROUTES`). */
export type InternalRoutes = Partial<Record<CollabInternalRoute, InternalRouteHandlers>>;

/**
 * The internal listener's HTTP side: `GET /metrics` (Prometheus) and the `/internal/*`
 * endpoints the API calls, each behind the expiring internal bearer token. Paths come
 * from the shared contract in `@lip/common`. A known refusal is an `HttpError`; anything else
 * is logged and answered 500 without details.
 */
export function createInternalRoutes(deps: {
  secret: string;
  clock: CollabClock;
  metrics: Registry;
  routes: InternalRoutes;
  logger: CollabLogger;
}) {
  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    // Prometheus scrapes with a static configuration, so metrics need no token; they are counts
    // only, and the listener is on a private interface.
    if (path === '/metrics' && request.method === 'GET') {
      response.writeHead(200, { 'content-type': deps.metrics.contentType });
      response.end(await deps.metrics.metrics());
      return;
    }
    if (!isCollabInternalToken(request.headers.authorization, deps.secret, deps.clock.now())) {
      throw new HttpError(401, 'UNAUTHENTICATED', 'bad or expired internal token');
    }
    const match = matchCollabInternalPath(path);
    const handlers = match ? deps.routes[match.route] : undefined;
    if (!match || !handlers) throw new HttpError(404, 'NOT_FOUND', 'no such endpoint');
    const handler = handlers[request.method as 'GET' | 'POST'];
    if (!handler) throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'method not allowed');
    await handler({ request, response, params: match.params });
  }

  return function handle(request: IncomingMessage, response: ServerResponse): void {
    route(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      if (error instanceof HttpError) {
        sendError(response, error.status, error.code, error.message);
        return;
      }
      deps.logger.error('internal request failed', { url: request.url, error: String(error) });
      sendError(response, 500, 'INTERNAL', 'internal error');
    });
  };
}
