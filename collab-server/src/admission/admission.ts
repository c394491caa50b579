import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { CollabCloseCode, type RevocableConnection } from '@lip/common';
import type { WebSocket, WebSocketServer } from 'ws';
import { closeSocket } from '../connections/connection-handlers';
import type { CollabSocket } from '../connections/collab-socket';
import type { CollabClock, CollabLogger } from '../logger';
import type { CollabMetrics } from '../metrics';
import { authenticateUpgrade } from './authenticate';
import type { ConnectionCounter } from './limits';

/** A websocket emits `error` without a listener as an exception; refused sockets ignore it. */
function ignoreError(): void {}

/** What admission needs: the ticket secret, the counter, the revocation check and the ws server. */
export interface AdmissionDeps {
  secret: string;
  clock: CollabClock;
  counter: ConnectionCounter;
  /**
   * Whether a revocation written since the ticket was issued applies to it; rejects when the
   * database cannot answer (the connection is then refused: fail closed).
   */
  isTicketRevoked: (connection: RevocableConnection & { issuedAtMs: number }) => Promise<boolean>;
  wss: WebSocketServer;
  metrics: CollabMetrics;
  logger: CollabLogger;
  /** True once the server is shutting down: new upgrades are dropped. */
  isClosing: () => boolean;
  /** Hands an authenticated, counted connection on, with the outcome of the revocation check. */
  onAdmitted: (socket: CollabSocket, admitted: Promise<boolean>) => void;
}

/**
 * Admission at the upgrade: the ticket (signature, expiry, document), the per-document and
 * per-person connection limits, and the check against revocations written since the ticket was
 * issued. Refusals complete the websocket handshake and then close with the documented code, so
 * browsers see why. The listener is guarded as a whole: nothing thrown in it can reach the
 * `upgrade` event and end the process.
 */
export function createAdmission(deps: AdmissionDeps) {
  const { metrics, logger } = deps;

  function checkRevocations(
    socket: CollabSocket,
    connection: RevocableConnection & { issuedAtMs: number },
  ): Promise<boolean> {
    return deps.isTicketRevoked(connection).then(
      (revoked) => {
        if (!revoked) return true;
        metrics.reject('revoked');
        closeSocket(socket, CollabCloseCode.AccessRevoked, 'access revoked');
        return false;
      },
      (error: unknown) => {
        // Fail closed: without the answer a revoked ticket could get in. 1013 is retryable.
        metrics.reject('unavailable');
        logger.warn('checking revocations at connect failed; refusing', { error: String(error) });
        closeSocket(socket, CollabCloseCode.DocumentUnavailable, 'try again later');
        return false;
      },
    );
  }

  /** Closes a refused connection; an `error` listener keeps a late protocol error harmless. */
  function refuseSocket(ws: WebSocket, code: number, message: string): void {
    ws.on('error', ignoreError);
    closeSocket(ws, code, message);
  }

  function admit(ws: WebSocket, requestUrl: string): void {
    const auth = authenticateUpgrade(requestUrl, deps.secret, deps.clock.now());
    if (!auth.ok) {
      metrics.reject(auth.reason);
      refuseSocket(ws, auth.code, auth.message);
      return;
    }
    const { ticket } = auth;
    if (!deps.counter.admit(auth.documentId, ticket.sub)) {
      metrics.reject('too-many-connections');
      refuseSocket(ws, CollabCloseCode.TooManyConnections, 'too many connections');
      return;
    }
    const socket = ws as CollabSocket;
    socket.counted = true;
    socket.documentId = auth.documentId;
    socket.personId = ticket.sub;
    socket.sessionId = ticket.sid;
    socket.mode = ticket.mode;
    socket.canWrite = auth.canWrite;
    socket.identity = { name: ticket.name, color: ticket.color };
    // A ticket issued before a revocation must not reopen access: the document is sent only
    // after this check.
    const admitted = checkRevocations(socket, {
      personId: ticket.sub,
      documentId: auth.documentId,
      sessionId: ticket.sid,
      issuedAtMs: ticket.iatMs ?? ticket.iat * 1000,
    });
    deps.onAdmitted(socket, admitted);
  }

  function refuse(socket: Duplex, error: unknown): void {
    metrics.reject('upgrade-failed');
    logger.error('refused an upgrade that failed', { error: String(error) });
    try {
      if (socket.writable) {
        socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      }
    } finally {
      socket.destroy();
    }
  }

  return {
    /** The `upgrade` listener of the public HTTP server. */
    onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
      try {
        if (deps.isClosing()) {
          socket.destroy();
          return;
        }
        const requestUrl = request.url ?? '/';
        deps.wss.handleUpgrade(request, socket, head, (ws) => {
          try {
            admit(ws, requestUrl);
          } catch (error) {
            metrics.reject('upgrade-failed');
            logger.error('admitting a connection failed', { error: String(error) });
            refuseSocket(ws, 1011, 'internal error');
          }
        });
      } catch (error) {
        refuse(socket, error);
      }
    },
  };
}
