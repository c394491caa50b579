import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError, sendJson } from './http-io';

/** What `/healthz` reports. */
export interface HealthReport {
  status: 'ok' | 'degraded';
  store: 'ok' | 'degraded';
  connections: number;
  documents: number;
  pendingUpdates: number;
}

/**
 * The public listener's HTTP side: `GET /healthz` only (load balancers probe it). Metrics and
 * the internal endpoints are on the internal listener, never here.
 */
export function createPublicRoutes(deps: { health: () => HealthReport }) {
  return function handle(request: IncomingMessage, response: ServerResponse): void {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method === 'GET' && path === '/healthz') {
      sendJson(response, 200, deps.health());
      return;
    }
    sendError(response, 404, 'NOT_FOUND', 'not found');
  };
}
