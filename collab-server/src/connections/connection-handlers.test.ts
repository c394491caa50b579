import { CollabCloseCode } from '@lip/common';
import { WebSocket, WebSocketServer } from 'ws';
import { createConnectionCounter } from '../admission/limits';
import { collabLimitsSchema } from '../config';
import type { CollabDocument } from '../documents/collab-document';
import { silentLogger, systemScheduler } from '../logger';
import { createCollabMetrics } from '../metrics';
import { CollabSocket } from './collab-socket';
import { createConnectionHandlers } from './connection-handlers';

jest.setTimeout(20_000);

/**
 * Connection handlers behind a bare ws server whose documents never finish loading, so every
 * frame a client sends waits in the pre-load queue.
 */
async function startStalledServer(limits: { maxQueuedFrames: number; maxQueuedBytes: number }) {
  const parsed = collabLimitsSchema.parse({ ...limits, maxMessageBurst: 1000 });
  const metrics = createCollabMetrics({
    connections: () => 0,
    documents: () => 0,
    pendingUpdates: () => 0,
  });
  const handlers = createConnectionHandlers({
    limits: parsed,
    registry: {
      open: () => new Promise<CollabDocument>(() => undefined),
      storedState: () => undefined,
      isStoredStateCurrent: () => false,
    },
    counter: createConnectionCounter(parsed),
    health: { markOk: () => undefined, markDegraded: () => undefined },
    metrics,
    logger: silentLogger,
    clock: systemScheduler,
  });
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', WebSocket: CollabSocket });
  wss.on('connection', (socket: CollabSocket) => {
    socket.documentId = 'a'.repeat(24);
    socket.personId = 'p';
    handlers.start(socket, Promise.resolve(true));
  });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const address = wss.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    metrics,
    close: () => {
      for (const client of wss.clients) client.terminate();
      return new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

async function openClient(port: number) {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/`);
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { socket, closed };
}

describe('frames sent before the document is ready', () => {
  it('closes a connection with 4430 once it queues more frames than the bound', async () => {
    const server = await startStalledServer({ maxQueuedFrames: 20, maxQueuedBytes: 1024 * 1024 });
    try {
      const { socket, closed } = await openClient(server.port);
      for (let i = 0; i < 20; i += 1) socket.send(new Uint8Array([0, 0, 0]));
      // Twenty frames are within the bound: the connection still answers a ping sent after them.
      await new Promise<void>((resolve) => {
        socket.once('pong', () => resolve());
        socket.ping();
      });
      expect(socket.readyState).toBe(WebSocket.OPEN);
      socket.send(new Uint8Array([0, 0, 0]));
      expect(await closed).toBe(CollabCloseCode.RateLimited);
      expect(await server.metrics.registry.metrics()).toMatch(
        /collab_rejected_messages_total\{reason="queue-full"\} 1/,
      );
    } finally {
      await server.close();
    }
  });

  it('closes a connection with 4430 once its queued frames pass the byte bound', async () => {
    const server = await startStalledServer({ maxQueuedFrames: 1000, maxQueuedBytes: 64 * 1024 });
    try {
      const { socket, closed } = await openClient(server.port);
      const frame = new Uint8Array(20 * 1024);
      for (let i = 0; i < 4; i += 1) socket.send(frame);
      expect(await closed).toBe(CollabCloseCode.RateLimited);
    } finally {
      await server.close();
    }
  });
});
