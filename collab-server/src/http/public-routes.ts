import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError, sendJson } from './http-io';

/** What `/healthz` reports. */
export interface HealthReport {
  status: 'ok' | 'degraded';
  store: 'ok' | 'degraded';
  /**
   * The cross-process relay: `off` without `REDIS_URL`; `degraded` while Redis is unreachable
   * (this process then edits alone and resyncs when Redis is back; nothing is lost).
   */
  relay: 'off' | 'ok' | 'degraded';
  /** This process's relay instance id (which process a load balancer picked). */
  instance: string;
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
