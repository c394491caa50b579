import { CollabCloseCode, revocationChannel, type RevocationNotice } from '@lip/common';
import { verifyRevocationNotice } from '@lip/common/server';
import { createCollabServer, type CollabServer } from '@lip/collab-server';
import { createClient, type Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  RelayKind,
  encodeRelayMessage,
  relayChannel,
} from '../../collab-server/src/relay/relay-message';
import {
  TEST_SECRET,
  connectClient,
  issueTicket,
  newDocumentId,
  seededRandom,
  waitFor,
} from '../../collab-server/src/testing/collab-test-kit';
import { startTestApp, type TestApp } from '../../api/src/testing/test-app';
import { createCollabStore } from '../../collab-server/src/persistence/collab-store';
import { startTcpProxy } from '../../collab-server/src/testing/tcp-proxy';
import { startRedis, type TestRedis } from '../../scripts/cluster/redis-process';

type CollabTimingsInput = NonNullable<Parameters<typeof createCollabServer>[0]['timings']>;

jest.setTimeout(120_000);

/**
 * Several API and collab processes on one database and one real Redis (each server with its own
 * Redis connections, as separate processes have). Failover through HAProxy with `kill -9` is in
 * `cluster.e2e.ts`.
 */
const PREFIX = 'lip:';
const SESSION_SECRET = 'scale-out-session-secret-0123456789abcdef012345';
let redis: TestRedis;
let apiA: TestApp;
let apiB: TestApp;
const collabs: { server: CollabServer; port: number }[] = [];
const cleanups: Array<() => void | Promise<void>> = [];

async function startCollab(options: { redisUrl?: string; timings?: CollabTimingsInput } = {}) {
  const db = apiA.app.deps.connection.db;
  if (!db) throw new Error('no db');
  const server = createCollabServer({
    database: { db },
    secret: TEST_SECRET,
    relay: {
      redisUrl: options.redisUrl ?? redis.url,
      prefix: `${PREFIX}collab:`,
      revocationChannel: revocationChannel(PREFIX),
    },
    timings: { projectionDebounceMs: 50, ...options.timings },
  });
  const { port } = await server.listen(0);
  const entry = { server, port };
  collabs.push(entry);
  return entry;
}

function client(port: number, documentId: string, sub: string) {
  const c = connectClient({
    port,
    documentId,
    ticket: issueTicket(TEST_SECRET, { doc: documentId, sub }),
  });
  cleanups.push(() => c.provider.destroy());
  return c;
}

const text = (doc: Y.Doc) => doc.getText('t').toString();
const vector = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64');
const entries = (doc: Y.Doc) => doc.getArray<string>('log').toArray();

async function health(port: number): Promise<Record<string, unknown>> {
  return (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as Record<
    string,
    unknown
  >;
}

/** The document as a fresh load from the database sees it. */
async function storedEntries(documentId: string): Promise<string[]> {
  const db = apiA.app.deps.connection.db;
  if (!db) throw new Error('no db');
  const loaded = await createCollabStore(db).load(documentId);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, loaded.state);
  return entries(doc);
}

async function ignoredCount(server: CollabServer, reason: string): Promise<number> {
  const metrics = await server.metrics.getMetricsAsJSON();
  const metric = metrics.find((m) => m.name === 'collab_relay_ignored_total');
  return (metric?.values ?? []).find((v) => v.labels.reason === reason)?.value ?? 0;
}

/** Clients that each append numbered entries every `everyMs` until stopped. */
function startTyping(clients: { doc: Y.Doc }[], label: string, everyMs = 20) {
  let n = 0;
  const timer = setInterval(() => {
    clients.forEach((c, index) => c.doc.getArray<string>('log').push([`${label}-${index}-${n}`]));
    n += 1;
  }, everyMs);
  return {
    stop: () => clearInterval(timer),
    get count() {
      return n * clients.length;
    },
  };
}

beforeAll(async () => {
  redis = await startRedis();
  const env = {
    REDIS_URL: redis.url,
    REDIS_PREFIX: PREFIX,
    COLLAB_SECRET: TEST_SECRET,
    SESSION_SECRET,
  };
  apiA = await startTestApp(__filename, { env });
  apiB = await startTestApp(__filename, { env, sameDatabaseAs: apiA });
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

afterAll(async () => {
  for (const { server } of collabs) await server.close();
  await apiB?.close();
  await apiA?.close();
  await redis?.stop();
});

describe('collab processes on one document, through Redis', () => {
  it('makes clients pinned to two processes converge within 2 s of the last edit', async () => {
    const a = collabs[0] ?? (await startCollab());
    const b = collabs[1] ?? (await startCollab());
    const documentId = newDocumentId();
    const clients = [
      client(a.port, documentId, 'pa1'),
      client(a.port, documentId, 'pa2'),
      client(b.port, documentId, 'pb1'),
      client(b.port, documentId, 'pb2'),
    ];
    await waitFor(() => clients.every((c) => c.provider.synced), 'clients synced');
    const random = seededRandom(2026);
    for (let round = 0; round < 200; round += 1) {
      const c = clients[Math.floor(random() * clients.length)]!;
      const t = c.doc.getText('t');
      if (t.length > 0 && random() < 0.3) t.delete(Math.floor(random() * t.length), 1);
      else t.insert(Math.floor(random() * (t.length + 1)), String.fromCharCode(97 + (round % 26)));
      if (round % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await waitFor(
      () =>
        clients.every(
          (c) => text(c.doc) === text(clients[0]!.doc) && vector(c.doc) === vector(clients[0]!.doc),
        ),
      'clients on both processes converge',
      2_000,
    );
    expect(text(clients[0]!.doc).length).toBeGreaterThan(0);
  });

  it('ignores and counts messages from an unknown instance and for a document not in memory', async () => {
    const a = collabs[0] ?? (await startCollab());
    const documentId = newDocumentId();
    const holder = client(a.port, documentId, 'holder');
    await waitFor(() => holder.provider.synced, 'synced');
    const forged = new Y.Doc();
    forged.getText('t').insert(0, 'forged');
    const update = Y.encodeStateAsUpdate(forged);
    const unknownBefore = await ignoredCount(a.server, 'unknown-instance');
    const unloadedBefore = await ignoredCount(a.server, 'unloaded-document');
    const intruder = new Redis(redis.url);
    try {
      const channel = relayChannel(`${PREFIX}collab:`, documentId);
      await intruder.publish(
        channel,
        Buffer.from(
          encodeRelayMessage('another-deployment-secret-0123456789abcdef', {
            kind: RelayKind.Update,
            sender: 'intruder',
            target: '',
            documentId,
            payload: update,
          }),
        ),
      );
      await intruder.publish(
        channel,
        Buffer.from(
          encodeRelayMessage(TEST_SECRET, {
            kind: RelayKind.Update,
            sender: 'instance-x',
            target: '',
            documentId: newDocumentId(),
            payload: update,
          }),
        ),
      );
      await waitFor(
        async () =>
          (await ignoredCount(a.server, 'unknown-instance')) > unknownBefore &&
          (await ignoredCount(a.server, 'unloaded-document')) > unloadedBefore,
        'both messages ignored and counted',
      );
      expect(text(holder.doc)).toBe('');
    } finally {
      intruder.disconnect();
    }
  });

  it('keeps editing through a Redis restart, resyncs both processes and loses nothing', async () => {
    const a = collabs[0] ?? (await startCollab());
    const b = collabs[1] ?? (await startCollab());
    const documentId = newDocumentId();
    const clients = [client(a.port, documentId, 'ra'), client(b.port, documentId, 'rb')];
    await waitFor(() => clients.every((c) => c.provider.synced), 'clients synced');
    const typing = startTyping(clients, 'restart');
    try {
      await waitFor(() => typing.count >= 20, 'some typing before the restart');
      await redis.kill();
      await waitFor(async () => (await health(a.port)).relay === 'degraded', 'relay degraded');
      const atKill = typing.count;
      await waitFor(() => typing.count >= atKill + 20, 'typing while Redis is down');
      await redis.start();
      await waitFor(
        async () => (await health(a.port)).relay === 'ok' && (await health(b.port)).relay === 'ok',
        'relay back on both processes',
      );
      const atRestart = typing.count;
      await waitFor(() => typing.count >= atRestart + 20, 'typing after the restart');
    } finally {
      typing.stop();
    }
    await waitFor(
      () =>
        clients.every((c) => entries(c.doc).length === typing.count) &&
        vector(clients[0]!.doc) === vector(clients[1]!.doc),
      'both processes resynced',
      5_000,
    );
    const all = entries(clients[0]!.doc);
    expect(new Set(all).size).toBe(typing.count);
    await a.server.flush();
    await b.server.flush();
    const fresh = client(collabs[2]?.port ?? (await startCollab()).port, documentId, 'fresh');
    await waitFor(() => fresh.provider.synced, 'fresh client synced');
    expect(new Set(entries(fresh.doc))).toEqual(new Set(all));
  });

  it('works alone while Redis is down, with a warning in /healthz of collab and API, then resyncs', async () => {
    const a = collabs[0] ?? (await startCollab());
    const b = collabs[1] ?? (await startCollab());
    const documentId = newDocumentId();
    const onA = client(a.port, documentId, 'da');
    const alsoOnA = client(a.port, documentId, 'da2');
    const onB = client(b.port, documentId, 'db');
    await waitFor(() => [onA, alsoOnA, onB].every((c) => c.provider.synced), 'synced');
    await redis.kill();
    try {
      await waitFor(async () => (await health(a.port)).relay === 'degraded', 'collab warns');
      expect(await health(a.port)).toMatchObject({ status: 'degraded', store: 'ok' });
      await waitFor(
        async () =>
          ((await (await fetch(`${apiA.url}/healthz`)).json()) as { redis?: string }).redis ===
          'degraded',
        'API warns',
      );
      onA.doc.getText('t').insert(0, 'while Redis is down');
      await waitFor(() => text(alsoOnA.doc) === 'while Redis is down', 'same-process peer sees it');
      onB.doc.getText('t').insert(0, 'B alone; ');
    } finally {
      await redis.start();
    }
    await waitFor(
      () =>
        text(onA.doc) === text(onB.doc) &&
        text(onA.doc).includes('while Redis is down') &&
        text(onA.doc).includes('B alone'),
      'resynced after Redis came back',
      5_000,
    );
    expect(await health(a.port)).toMatchObject({ status: 'ok', relay: 'ok' });
  });
});

describe('one owner per document', () => {
  it('leaves a document on one process once routing settles: the older holder hands its clients over', async () => {
    // Short timings stand in for the product's (handover 15 s, eviction 2 s).
    const timings = { handoverMs: 1_500, evictAfterMs: 200 };
    const first = await startCollab({ timings });
    const second = await startCollab({ timings });
    // A balancer whose routing changes (a process joined or came back): new connections go
    // elsewhere, open ones stay.
    const balancer = await startTcpProxy(first.port);
    cleanups.push(() => balancer.close());
    const documentId = newDocumentId();
    const early = [
      client(balancer.port, documentId, 'early1'),
      client(balancer.port, documentId, 'early2'),
    ];
    await waitFor(() => early.every((c) => c.provider.synced), 'early clients synced');
    early[0]!.doc.getText('t').insert(0, 'before the move. ');
    balancer.setTarget(second.port);
    const late = [
      client(balancer.port, documentId, 'late1'),
      client(balancer.port, documentId, 'late2'),
    ];
    await waitFor(() => late.every((c) => c.provider.synced), 'late clients synced');
    expect(first.server.documentsInMemory()).toContain(documentId);
    expect(second.server.documentsInMemory()).toContain(documentId);
    early[1]!.doc.getText('t').insert(0, 'while on two. ');

    await waitFor(
      () =>
        !first.server.documentsInMemory().includes(documentId) &&
        early.every((c) => c.closeCodes.includes(CollabCloseCode.GoingAway) && c.provider.synced),
      'the first process handed the document over and evicted it',
      10_000,
    );
    expect(second.server.documentsInMemory()).toContain(documentId);
    // The process the late clients arrived at kept them.
    expect(late.flatMap((c) => c.closeCodes)).toEqual([]);
    expect(((await health(first.port)) as { connections: number }).connections).toBe(0);
    late[0]!.doc.getText('t').insert(0, 'after. ');
    const all = [...early, ...late];
    await waitFor(
      () => all.every((c) => text(c.doc) === text(late[0]!.doc)),
      'every client converges on the one holder',
    );
    expect(text(late[0]!.doc)).toContain('before the move.');
    expect(text(late[0]!.doc)).toContain('while on two.');
    expect(text(late[0]!.doc)).toContain('after.');
    await Promise.all([first.server.close(), second.server.close()]);
    collabs.splice(collabs.indexOf(first), 1);
    collabs.splice(collabs.indexOf(second), 1);
  });
});

describe('a slow Redis', () => {
  it('warns in /healthz while Redis lags, keeps editing, loses nothing and resyncs when it is fast again', async () => {
    const slowLink = await startTcpProxy(redis.port);
    cleanups.push(() => slowLink.close());
    // No handover here: both processes keep their clients throughout.
    const timings = { relayProbeMs: 200, relaySlowAfterMs: 250, handoverMs: 120_000 };
    const behind = await startCollab({ redisUrl: `redis://127.0.0.1:${slowLink.port}`, timings });
    const direct = await startCollab({ timings });
    const documentId = newDocumentId();
    const onSlow = [
      client(behind.port, documentId, 'slow1'),
      client(behind.port, documentId, 'slow2'),
    ];
    const onDirect = client(direct.port, documentId, 'direct');
    const clients = [...onSlow, onDirect];
    await waitFor(() => clients.every((c) => c.provider.synced), 'clients synced');
    await waitFor(async () => (await health(behind.port)).relay === 'ok', 'relay up');

    slowLink.setDelayMs(400);
    const typing = startTyping(clients, 'slow', 50);
    try {
      await waitFor(
        async () => (await health(behind.port)).relay === 'degraded',
        'the slow process warns',
        5_000,
      );
      const report = await health(behind.port);
      expect(report).toMatchObject({ status: 'degraded', store: 'ok' });
      expect((report.warnings as string[]).join(' ')).toContain('Redis slow');
      expect(report.relayRoundTripMs as number).toBeGreaterThan(250);
      // Editing on the slow process goes on: a peer on the same process gets each change
      // without Redis.
      const mark = `local-${Date.now()}`;
      onSlow[0]!.doc.getArray<string>('log').push([mark]);
      await waitFor(
        () => entries(onSlow[1]!.doc).includes(mark),
        'a peer on the same process sees it',
      );
      const atSlow = typing.count;
      await waitFor(() => typing.count >= atSlow + 30, 'typing while Redis is slow');
    } finally {
      slowLink.setDelayMs(0);
    }
    await waitFor(
      async () => (await health(behind.port)).relay === 'ok',
      'fast again: the warning is gone',
      10_000,
    );
    expect(await health(behind.port)).toMatchObject({ status: 'ok', warnings: [] });
    typing.stop();
    const expected = typing.count + 1;
    await waitFor(
      () =>
        clients.every((c) => entries(c.doc).length === expected) &&
        vector(clients[0]!.doc) === vector(onDirect.doc),
      'both processes resynced',
      5_000,
    );
    const all = entries(onDirect.doc);
    expect(new Set(all).size).toBe(expected);
    await behind.server.flush();
    await direct.server.flush();
    expect(new Set(await storedEntries(documentId))).toEqual(new Set(all));
  });
});

describe('revocation across processes', () => {
  it('closes a connection on another process within a second, with a signed Redis notice', async () => {
    const holder = collabs[2] ?? (await startCollab());
    await waitFor(async () => (await health(holder.port)).relay === 'ok', 'relay up');
    const notices: RevocationNotice[] = [];
    const probe = new Redis(redis.url);
    cleanups.push(() => probe.disconnect());
    probe.on('message', (_channel: string, message: string) => {
      const notice = verifyRevocationNotice(message, TEST_SECRET);
      if (notice) notices.push(notice);
    });
    await probe.subscribe(revocationChannel(PREFIX));
    const member = await apiA.signIn('bildung@lip.example');
    const doc = await apiA.app.deps.models.Document.findOne({
      title: 'Bildung: Ausgangslage und Ziele',
    }).lean();
    const documentId = String(doc?._id);
    const ticket = await member.gql(
      'mutation ($id: ID!) { collabTicket(documentId: $id) { ticket } }',
      { id: documentId },
    );
    const editor = connectClient({
      port: holder.port,
      documentId,
      ticket: ticket.data?.collabTicket.ticket,
      maxBackoffTime: 60_000,
    });
    cleanups.push(() => editor.provider.destroy());
    await waitFor(() => editor.provider.synced, 'editor synced');
    // Signed out through the other API process, with the session cookie of the first.
    const onB = apiB.anonymous();
    onB.cookie = member.cookie;
    const startedAt = Date.now();
    const signedOut = await onB.gql('mutation { signOut }');
    expect(signedOut.errors).toBeUndefined();
    await waitFor(
      () => editor.closeCodes.includes(CollabCloseCode.AccessRevoked),
      'connection closed as revoked',
      1_000,
    );
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    const personId = await apiA.personId('bildung@lip.example');
    await waitFor(
      () => notices.some((n) => n.personId === personId && n.reason === 'sign-out'),
      'the notice on Redis',
    );
  });
});

describe('subscriptions across API processes', () => {
  it('delivers a mutation on one API process to a subscriber on another', async () => {
    const member = await apiA.signIn('bildung2@lip.example');
    class CookieWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: { cookie: member.cookie ?? '' } });
      }
    }
    const ws: Client = createClient({
      url: `${apiB.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: CookieWebSocket,
      retryAttempts: 0,
    });
    cleanups.push(() => ws.dispose());
    const events: Record<string, unknown>[] = [];
    ws.subscribe(
      {
        query: 'subscription { taskChanged { kind actionFieldKey task { title } } }',
      },
      {
        next: (value) => events.push(value as Record<string, unknown>),
        error: () => undefined,
        complete: () => undefined,
      },
    );
    await waitFor(() => apiB.app.deps.pubsub.subscriberCount() === 1, 'subscribed on B');
    const probe = new Redis(redis.url);
    try {
      await waitFor(
        async () => (await probe.pubsub('CHANNELS', `${PREFIX}api:task:*`)).length > 0,
        'subscribed in Redis',
      );
    } finally {
      probe.disconnect();
    }
    const speaker = await apiA.signIn('bildung@lip.example');
    const created = await speaker.gql(
      'mutation { createTask(input: { actionFieldKey: "education", title: "Über zwei Prozesse" }) { task { id } } }',
    );
    expect(created.errors).toBeUndefined();
    await waitFor(() => events.length === 1, 'event delivered on B', 2_000);
    expect(events[0]).toMatchObject({
      data: {
        taskChanged: {
          kind: 'CREATED',
          actionFieldKey: 'education',
          task: { title: 'Über zwei Prozesse' },
        },
      },
    });
  });
});
