import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  GraphQLError,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationTypeNode,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { RevocationWatch, Revocation } from '../auth/revocation-watch';
import type { ActiveSession } from '../auth/session.service';
import { SESSION_COOKIE } from '../auth/session.service';
import { readCookie } from '../http/cookies';
import { sourceLimitError } from '../http/graphql-http';
import type { PubSub } from '../pubsub/pubsub';
import type { RequestScope } from '../scope';
import type { GraphQLContext } from './context';
import { checkQuerySource, limitRules, OPERATION_LIMITS } from './limits';
import { checkOperationCost, responseTooLargeError } from './operation-limits.plugin';

/**
 * Why the API closes a `/graphql` socket, as graphql-ws close codes: 4401 (Unauthorized) when the
 * session ended (the graphql-ws client does not retry), 4403 (Forbidden) when the person's rights
 * changed (the client reconnects and gets the current rights).
 */
export const GraphQLSocketClose = {
  sessionEnded: { code: CloseCode.Unauthorized, reason: 'Session ended' },
  rightsChanged: { code: CloseCode.Forbidden, reason: 'Rights changed' },
  tooManySockets: { code: CloseCode.TooManyInitialisationRequests, reason: 'Too many sockets' },
} as const;

/** Largest incoming websocket message, in bytes. */
export const MAX_SOCKET_MESSAGE_BYTES = 64_000;

/** Open `/graphql` sockets one person may hold (tabs and devices); more are refused. */
export const MAX_SOCKETS_PER_PERSON = 20;

/** Operations (live subscriptions included) one socket may run at the same time. */
export const MAX_OPERATIONS_PER_SOCKET = 50;

/** What the websocket layer needs from the app. */
export interface GraphQLSocketDeps {
  httpServer: Server;
  schema: GraphQLSchema;
  path: string;
  /** The session of a cookie token, current as of now (null when ended). */
  resolveSession(token: string | undefined): Promise<ActiveSession | null>;
  /** A request scope for the session's person, with fresh loaders. */
  scopeFor(session: ActiveSession, request: IncomingMessage): RequestScope;
  /** Whether a browser page of this Origin may open the socket. */
  isAllowedOrigin(origin: string, request: IncomingMessage): boolean;
  revocations: RevocationWatch;
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  limits: { maxCost: number; maxResponseBytes: number; timeoutMs: number };
  log(error: unknown): void;
}

interface SocketState {
  token: string | undefined;
  sessionId: string;
  personId: string;
}

type Extra = { state?: SocketState };

/**
 * GraphQL over graphql-ws on `path`. The session cookie of the upgrade request authenticates the
 * socket, but every operation re-checks the session and runs with the person's current rights
 * (the actor is rebuilt from the person record), and every subscription event re-checks them
 * before it is filtered and delivered. A revocation record (written by any API process) closes
 * the person's sockets; a foreign Origin is refused at the upgrade (cross-site websocket
 * hijacking). Operations pass the same limits as over HTTP.
 */
export function createGraphQLSocketServer(deps: GraphQLSocketDeps): { dispose(): Promise<void> } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_SOCKET_MESSAGE_BYTES });
  const live = new Map<WebSocket, SocketState>();
  let unsubscribe: (() => void) | null = null;

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    if (pathOf(request.url) !== deps.path) {
      // Another upgrade handler on this server may own the path; else nobody answers it.
      if (deps.httpServer.listenerCount('upgrade') === 1) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      }
      return;
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !deps.isAllowedOrigin(origin, request)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  deps.httpServer.on('upgrade', onUpgrade);

  const closeFor = (revocation: Revocation) => {
    if (revocation.documentId) return;
    for (const [socket, state] of live) {
      if (revocation.sessionId) {
        if (state.sessionId === revocation.sessionId) close(socket, 'sessionEnded');
        continue;
      }
      if (state.personId !== revocation.personId) continue;
      void deps
        .resolveSession(state.token)
        .then((session) => close(socket, session ? 'rightsChanged' : 'sessionEnded'))
        .catch((error: unknown) => {
          deps.log(error);
          close(socket, 'rightsChanged');
        });
    }
  };
  const track = (socket: WebSocket, state: SocketState) => {
    live.set(socket, state);
    unsubscribe ??= deps.revocations.subscribe(closeFor);
    socket.once('close', () => {
      live.delete(socket);
      if (live.size === 0 && unsubscribe) {
        unsubscribe();
        unsubscribe = null;
      }
    });
  };

  const server = useServer<Record<string, unknown>, Extra>(
    {
      onConnect: async (ctx) => {
        const token = readCookie(ctx.extra.request.headers.cookie, SESSION_COOKIE);
        const session = await deps.resolveSession(token);
        if (!session) return false;
        const personId = String(session.person._id);
        const open = [...live.values()].filter((s) => s.personId === personId).length;
        if (open >= MAX_SOCKETS_PER_PERSON) {
          close(ctx.extra.socket, 'tooManySockets');
          return false;
        }
        const state = {
          token,
          sessionId: session.sessionId,
          personId,
        };
        ctx.extra.state = state;
        track(ctx.extra.socket, state);
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        if (Object.keys(ctx.subscriptions).length > MAX_OPERATIONS_PER_SOCKET) {
          return [
            new GraphQLError(
              `At most ${MAX_OPERATIONS_PER_SOCKET} operations may run on one socket.`,
              { extensions: { code: 'BAD_REQUEST', limit: 'operations' } },
            ),
          ];
        }
        const state = ctx.extra.state;
        const session = state ? await deps.resolveSession(state.token) : null;
        if (!state || !session) {
          close(ctx.extra.socket, 'sessionEnded');
          return [new GraphQLError('Session ended', { extensions: { code: 'UNAUTHENTICATED' } })];
        }
        const scope = deps.scopeFor(session, ctx.extra.request);
        const prepared = prepare(deps, scope, payload);
        if (Array.isArray(prepared)) return prepared;
        const { document, kind } = prepared;
        const subscription = kind === 'subscription';
        if (subscription) {
          scope.pubsub = refreshing(scope.pubsub, async () => {
            const current = await deps.resolveSession(state.token);
            if (!current) {
              close(ctx.extra.socket, 'sessionEnded');
              return false;
            }
            const fresh = deps.scopeFor(current, ctx.extra.request);
            scope.viewer = fresh.viewer;
            scope.loaders = fresh.loaders;
            scope.locale = fresh.locale;
            return true;
          });
        }
        const contextValue: GraphQLContext = {
          scope,
          setSessionCookie: () => undefined,
          clearSessionCookie: () => undefined,
          publicOrigin: '',
          deadline: kind === 'query' ? Date.now() + deps.limits.timeoutMs : null,
        };
        return {
          schema: deps.schema,
          document,
          variableValues: payload.variables ?? null,
          operationName: payload.operationName ?? null,
          contextValue,
        };
      },
      onNext: (_ctx, _id, _payload, args, result) => {
        const errors = result.errors?.map((error) => deps.formatError(error.toJSON(), error));
        const formatted = { ...result, ...(errors ? { errors } : {}) };
        const bytes = Buffer.byteLength(JSON.stringify(formatted));
        if (bytes <= deps.limits.maxResponseBytes) return formatted;
        const locale = (args.contextValue as GraphQLContext | undefined)?.scope.locale ?? 'de';
        return { errors: [responseTooLargeError(deps.limits.maxResponseBytes, locale).toJSON()] };
      },
    },
    wss,
  );

  return {
    async dispose() {
      deps.httpServer.off('upgrade', onUpgrade);
      unsubscribe?.();
      unsubscribe = null;
      await server.dispose();
    },
  };
}

function close(socket: WebSocket, why: keyof typeof GraphQLSocketClose): void {
  const { code, reason } = GraphQLSocketClose[why];
  if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) {
    socket.close(code, reason);
  }
}

function pathOf(url: string | undefined): string | null {
  try {
    return new URL(url ?? '/', 'http://localhost').pathname;
  } catch {
    return null;
  }
}

/**
 * Parses and validates an operation with the same limits as over HTTP; returns the document and
 * the kind of operation, or the errors to send.
 */
function prepare(
  deps: GraphQLSocketDeps,
  scope: RequestScope,
  payload: { query?: unknown; variables?: Record<string, unknown> | null; operationName?: unknown },
): { document: DocumentNode; kind: OperationTypeNode } | GraphQLError[] {
  if (typeof payload.query !== 'string') {
    return [
      new GraphQLError('The operation has no query.', { extensions: { code: 'BAD_REQUEST' } }),
    ];
  }
  const limit = checkQuerySource(payload.query);
  if (limit) return [sourceLimitError(limit)];
  let document: DocumentNode;
  try {
    document = parse(payload.query, { maxTokens: OPERATION_LIMITS.maxTokens });
  } catch (error) {
    const message = error instanceof Error ? error.message : 'Syntax error';
    return [new GraphQLError(message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
  }
  const invalid = validate(deps.schema, document, [...specifiedRules, ...limitRules]);
  if (invalid.length > 0) {
    return invalid.map(
      (error) =>
        new GraphQLError(error.message, {
          nodes: error.nodes ?? null,
          extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
        }),
    );
  }
  const operationName = typeof payload.operationName === 'string' ? payload.operationName : null;
  const operation = getOperationAST(document, operationName);
  if (!operation) {
    return [
      new GraphQLError('Unable to identify the operation to run.', {
        extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
      }),
    ];
  }
  const tooCostly = checkOperationCost(
    deps.schema,
    document,
    payload.variables ?? undefined,
    operationName,
    deps.limits.maxCost,
    scope.locale,
  );
  if (tooCostly) {
    const { http: _http, ...extensions } = tooCostly.extensions;
    return [new GraphQLError(tooCostly.message, { extensions })];
  }
  return { document, kind: operation.operation };
}

/**
 * A pub/sub view whose subscriptions call `refresh` before they hand on each event, so the
 * subscriber's filter and the event's fields see the person's current rights; when `refresh`
 * reports the session gone, the subscription ends.
 */
function refreshing(pubsub: PubSub, refresh: () => Promise<boolean>): PubSub {
  return {
    publish: (topic, payload) => pubsub.publish(topic, payload),
    subscriberCount: () => pubsub.subscriberCount(),
    subscribe<T>(topic: string): AsyncIterableIterator<T> {
      const source = pubsub.subscribe<T>(topic);
      const iterator: AsyncIterableIterator<T> = {
        async next() {
          const result = await source.next();
          if (result.done) return result;
          if (await refresh()) return result;
          await source.return?.();
          return { value: undefined, done: true };
        },
        return: () =>
          source.return ? source.return() : Promise.resolve({ value: undefined, done: true }),
        throw: (error?: unknown) => (source.throw ? source.throw(error) : Promise.reject(error)),
        [Symbol.asyncIterator]: () => iterator,
      };
      return iterator;
    },
  };
}
