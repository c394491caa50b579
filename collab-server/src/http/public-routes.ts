import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError, sendJson } from './http-io';

/** What `/healthz` reports. */
export interface HealthReport {
  status: 'ok' | 'degraded';
  store: 'ok' | 'degraded';
  /**
   * The cross-process relay: `off` without `REDIS_URL`; `degraded` while Redis is unreachable
   * or slow (this process then edits alone, or hears the others late, and resyncs when Redis
   * is back or fast again; nothing is lost).
   */
  relay: 'off' | 'ok' | 'degraded';
  /** The relay's last Redis round trip in ms (its probe); null without relay or while down. */
  relayRoundTripMs: number | null;
  /** Why the status is degraded, in plain words for an operator; empty when all is well. */
  warnings: string[];
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
