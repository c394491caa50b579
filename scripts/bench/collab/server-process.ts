/**
 * One server under test, in its own process so its CPU and heap are measured apart from the
 * clients: `lip` (our collab server with tickets and persistence), `reference`
 * (@y/websocket-server 0.1.1), `hocuspocus` (@hocuspocus/server 3.4.4, default settings) or
 * `relay` (a raw byte relay without Yjs: the floor of what fan-out costs on this machine).
 * Talks to the bench over IPC: sends `{ port }` when listening, answers `heap` and `metrics`.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

export type ServerKind = 'lip' | 'reference' | 'hocuspocus' | 'relay';

export type BenchRequest =
  { type: 'heap' } | { type: 'metrics' } | { type: 'documents' } | { type: 'stop' };
export type BenchReply =
  | { type: 'listening'; port: number }
  | { type: 'heap'; heapUsed: number; rss: number }
  | { type: 'metrics'; text: string }
  | { type: 'documents'; ids: string[] };

function send(message: BenchReply): void {
  process.send?.(message);
}

function heap(): BenchReply {
  global.gc?.();
  global.gc?.();
  const usage = process.memoryUsage();
  return { type: 'heap', heapUsed: usage.heapUsed, rss: usage.rss };
}

async function listenHttp(
  onUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => void,
): Promise<number> {
  const server = createServer();
  server.on('upgrade', onUpgrade);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

/** Forwards every sync-update frame ([0, 2, …]) to the room's other sockets, untouched. */
async function startRelay(): Promise<number> {
  const wss = new WebSocketServer({ noServer: true });
  const rooms = new Map<string, Set<WebSocket>>();
  return listenHttp((request, socket, head) =>
    wss.handleUpgrade(request, socket, head, (ws) => {
      const name = request.url ?? '/';
      const room = rooms.get(name) ?? new Set<WebSocket>();
      rooms.set(name, room);
      room.add(ws);
      ws.send(new Uint8Array([0, 0, 0]));
      ws.on('message', (data: Buffer) => {
        if (data[0] !== 0 || data[1] !== 2) return;
        for (const peer of room) if (peer !== ws) peer.send(data);
      });
      ws.on('close', () => {
        room.delete(ws);
        if (room.size === 0) rooms.delete(name);
      });
    }),
  );
}

async function startReference(): Promise<number> {
  const { setupWSConnection } = (await import('@y/websocket-server/utils')) as {
    setupWSConnection: (conn: WebSocket, req: unknown) => void;
  };
  const wss = new WebSocketServer({ noServer: true });
  return listenHttp((request, socket, head) =>
    wss.handleUpgrade(request, socket, head, (ws) => setupWSConnection(ws, request)),
  );
}

async function startHocuspocus(): Promise<number> {
  const { Server } = await import('@hocuspocus/server');
  const server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
  await server.listen();
  return server.address.port;
}

async function startLip(): Promise<{
  port: number;
  metrics: () => Promise<string>;
  documents: () => string[];
}> {
  const uri = process.env.BENCH_MONGODB_URI;
  if (!uri) throw new Error('BENCH_MONGODB_URI is not set');
  // Imported here so the other servers' processes load only their own copy of yjs.
  const { default: mongoose } = await import('mongoose');
  const { createCollabServer } = await import('../../../collab-server/src/server');
  const { TEST_SECRET } = await import('../../../collab-server/src/testing/collab-test-kit');
  const connection = await mongoose
    .createConnection(uri, { dbName: process.env.BENCH_DB ?? 'bench_collab' })
    .asPromise();
  const db = connection.db;
  if (!db) throw new Error('no database handle');
  const server = createCollabServer({
    database: { db },
    secret: TEST_SECRET,
    limits: {
      maxConnectionsPerDocument: 5000,
      maxConnectionsPerPerson: 5000,
      // Raised only for the rate search and the trace replay, which send far faster than a
      // person types; every other limit and timing is the default.
      maxMessagesPerSecond: 1_000_000,
      maxMessageBurst: 1_000_000,
    },
    // The cross-process section runs several processes on one Redis, with readers pinned to
    // each on purpose: no handover during a run.
    ...(process.env.BENCH_REDIS_URL
      ? {
          relay: { redisUrl: process.env.BENCH_REDIS_URL, prefix: 'bench:collab:' },
          timings: { handoverMs: 3_600_000 },
        }
      : {}),
  });
  const { port } = await server.listen(0);
  return {
    port,
    metrics: () => server.metrics.metrics(),
    documents: () => server.documentsInMemory(),
  };
}

async function main(): Promise<void> {
  const kind = process.argv[2] as ServerKind;
  let metrics: () => Promise<string> = () => Promise.resolve('');
  let documents: () => string[] = () => [];
  let port: number;
  switch (kind) {
    case 'lip': {
      const started = await startLip();
      port = started.port;
      metrics = started.metrics;
      documents = started.documents;
      break;
    }
    case 'reference':
      port = await startReference();
      break;
    case 'hocuspocus':
      port = await startHocuspocus();
      break;
    case 'relay':
      port = await startRelay();
      break;
    default:
      throw new Error(`unknown server kind ${String(kind)}`);
  }
  process.on('message', (request: BenchRequest) => {
    if (request.type === 'heap') send(heap());
    else if (request.type === 'metrics')
      void metrics().then((text) => send({ type: 'metrics', text }));
    else if (request.type === 'documents') send({ type: 'documents', ids: documents() });
    else process.exit(0);
  });
  send({ type: 'listening', port });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench server failed: ${String(error)}\n`);
  process.exit(1);
});
