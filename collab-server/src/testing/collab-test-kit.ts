import { randomBytes } from 'node:crypto';
import {
  COLLAB_TICKET_TTL_SECONDS,
  toCollabDocumentName,
  type CollabMode,
  type CollabTicketPayload,
} from '@lip/common';
import { signCollabTicket } from '@lip/common/server';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** A random 24-hex document id. */
export function newDocumentId(): string {
  return randomBytes(12).toString('hex');
}

/** Signs a ticket like the API's `collabTicket` mutation does; fields can be overridden. */
export function issueTicket(
  secret: string,
  overrides: Partial<CollabTicketPayload> & { doc: string },
): string {
  const now = Math.floor(Date.now() / 1000);
  return signCollabTicket(
    {
      v: 1,
      sub: 'person-1',
      sid: 'session-1',
      mode: 'edit' as CollabMode,
      name: 'Test Person',
      color: '#336699',
      iat: now,
      exp: now + COLLAB_TICKET_TTL_SECONDS,
      ...overrides,
    },
    secret,
  );
}

/** An official y-websocket client as the web app uses it (no BroadcastChannel in Node). */
export function connectClient(options: {
  port: number;
  documentId: string;
  ticket: string;
  doc?: Y.Doc;
  maxBackoffTime?: number;
}): { provider: WebsocketProvider; doc: Y.Doc; closeCodes: number[] } {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(
    `ws://127.0.0.1:${options.port}`,
    toCollabDocumentName(options.documentId),
    doc,
    {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { ticket: options.ticket },
      maxBackoffTime: options.maxBackoffTime ?? 200,
    },
  );
  // Destroying the doc also stops the awareness timer, which the provider leaves running.
  const destroyProvider = provider.destroy.bind(provider);
  provider.destroy = () => {
    destroyProvider();
    doc.destroy();
  };
  const closeCodes: number[] = [];
  provider.on('connection-close', (event: CloseEvent | null) => {
    if (event) closeCodes.push(event.code);
  });
  return { provider, doc, closeCodes };
}

/** Waits until `condition` holds, polling every 10 ms; fails with `what` after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A small seeded pseudo-random generator (mulberry32), so failing runs can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The shared secret used by collab tests. */
export const TEST_SECRET = 'collab-test-secret-0123456789abcdef0123456789';
