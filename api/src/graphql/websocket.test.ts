import { randomBytes } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from '../testing/test-app';

const SESSION_SECRET = randomBytes(32).toString('hex');

let t: TestApp;
let other: TestApp;
const clients: Client[] = [];
beforeAll(async () => {
  t = await startTestApp(__filename, { env: { SESSION_SECRET } });
  // A second API process on the same database, as behind a load balancer.
  other = await startTestApp(__filename, {
    seed: false,
    dbName: t.app.deps.config.dbName,
    env: { SESSION_SECRET },
  });
}, 30_000);
afterAll(async () => {
  for (const client of clients) await client.dispose();
  await other.app.stop();
  await t.close();
});

interface SocketClient {
  client: Client;
  closes: number[];
  run(query: string, variables?: Record<string, unknown>): Promise<Record<string, unknown>>;
}

/** A graphql-ws client that sends the session cookie (and an Origin) like a browser would. */
function socket(app: TestApp, cookie: string | undefined, origin?: string): SocketClient {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (origin) headers.origin = origin;
  class BrowserLikeWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  const closes: number[] = [];
  const client = createClient({
    url: `${app.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: BrowserLikeWebSocket,
    retryAttempts: 0,
    // One socket for the client's whole life, like the web app's: the operations below must run
    // on the socket opened before the rights changed.
    lazy: false,
    // Closes are expected here and recorded through `on.closed`.
    onNonLazyError: () => undefined,
    on: { closed: (event) => closes.push((event as { code: number }).code) },
  });
  clients.push(client);
  return {
    client,
    closes,
    run: (query, variables = {}) =>
      new Promise((resolve) => {
        let result: Record<string, unknown> = {};
        client.subscribe(
          { query, variables },
          {
            next: (value) => {
              result = value as Record<string, unknown>;
            },
            error: (error) => resolve({ failed: error }),
            complete: () => resolve(result),
          },
        );
      }),
  };
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const CREATE_TASK =
  'mutation ($title: String!) { createTask(input: { actionFieldKey: "education", title: $title }) { task { id } } }';

const taskExists = async (title: string) =>
  (await t.app.deps.models.Task.countDocuments({ title })) > 0;

describe('GraphQL over the websocket', () => {
  it('refuses createTask over an open socket after sign-out and closes the socket', async () => {
    const member = await t.signIn('bildung@lip.example');
    const ws = socket(t, member.cookie);
    const before = await ws.run(CREATE_TASK, { title: 'Vor der Abmeldung' });
    expect(before).toMatchObject({ data: { createTask: { task: { id: expect.any(String) } } } });

    await member.gql('mutation { signOut }');
    const after = await ws.run(CREATE_TASK, { title: 'Nach der Abmeldung' });
    expect(after).not.toHaveProperty('data.createTask');
    expect(await taskExists('Nach der Abmeldung')).toBe(false);
    await waitFor(() => ws.closes.length > 0);
    expect(ws.closes).toEqual([4401]);
  });

  it('refuses createTask over an open socket after demotion to observer', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const ws = socket(t, coordinator.cookie);
    const before = await ws.run(CREATE_TASK, { title: 'Als Koordination' });
    expect(before).toMatchObject({ data: { createTask: { task: { id: expect.any(String) } } } });

    const admin = await t.signIn('admin@lip.example');
    const demoted = await admin.gql(
      'mutation ($id: ID!) { updatePerson(input: { personId: $id, systemRole: OBSERVER }) { person { id } } }',
      { id: await t.personId('koordination@lip.example') },
    );
    expect(demoted.errors).toBeUndefined();
    const after = await ws.run(CREATE_TASK, { title: 'Als Beobachtung' });
    expect(after).not.toHaveProperty('data.createTask');
    expect(await taskExists('Als Beobachtung')).toBe(false);
    // The rights changed but the session lives: 4403, so the client reconnects with new rights.
    await waitFor(() => ws.closes.length > 0);
    expect(ws.closes).toEqual([4403]);
    await admin.gql(
      'mutation ($id: ID!) { updatePerson(input: { personId: $id, systemRole: COORDINATOR, coordinatorScope: { allActionFields: true } }) { person { id } } }',
      { id: await t.personId('koordination@lip.example') },
    );
  });

  it('closes a socket when its session is ended through another API process', async () => {
    const member = await other.signIn('bildung2@lip.example');
    const ws = socket(t, member.cookie);
    expect(await ws.run('{ viewer { person { name } } }')).toEqual({
      data: { viewer: { person: { name: 'Daniel Okafor' } } },
    });
    // Sign out on the other process: only the revocation record in the database connects them.
    const out = await fetch(`${other.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: member.cookie ?? '' },
      body: JSON.stringify({ query: 'mutation { signOut }' }),
    });
    expect(await out.json()).toEqual({ data: { signOut: true } });
    await waitFor(() => ws.closes.length > 0);
    expect(ws.closes).toEqual([4401]);
  });

  it('closes the sockets of a person removed from a group', async () => {
    const member = await t.signIn('wirtschaft@lip.example');
    const ws = socket(t, member.cookie);
    expect(await ws.run('{ ping }')).toEqual({ data: { ping: true } });
    const coordinator = await t.signIn('admin@lip.example');
    const process = await t.app.deps.models.Process.findOne({}).lean();
    const group = process?.groups.find((g) => g.actionFieldKey === 'economy');
    const removed = await coordinator.gql(
      'mutation ($g: ID!, $p: ID!) { removeGroupMember(input: { groupId: $g, personId: $p }) { group { id } } }',
      { g: String(group?._id), p: await t.personId('wirtschaft@lip.example') },
    );
    expect(removed.errors).toBeUndefined();
    await waitFor(() => ws.closes.length > 0);
    expect(ws.closes).toEqual([4403]);
  });

  it('closes every socket of a deactivated person, on each of their devices, as a session ended', async () => {
    const email = 'person5@lip.example';
    const [first, second] = [await t.signIn(email), await other.signIn(email)];
    const sockets = [socket(t, first.cookie), socket(t, second.cookie)];
    for (const ws of sockets) expect(await ws.run('{ ping }')).toEqual({ data: { ping: true } });
    const id = await t.personId(email);
    const admin = await t.signIn('admin@lip.example');
    const done = await admin.gql(
      'mutation ($id: ID!) { deactivatePerson(personId: $id) { person { id } } }',
      { id },
    );
    expect(done.errors).toBeUndefined();
    try {
      for (const ws of sockets) {
        await waitFor(() => ws.closes.length > 0);
        expect(ws.closes).toEqual([4401]);
      }
    } finally {
      await admin.gql('mutation ($id: ID!) { reactivatePerson(personId: $id) { person { id } } }', {
        id,
      });
    }
  });

  it('filters each subscription event with the subscriber’s current rights', async () => {
    const member = await t.signIn('bildung2@lip.example');
    const events: unknown[] = [];
    const ws = socket(t, member.cookie);
    ws.client.subscribe(
      {
        query: 'subscription { taskChanged(actionFieldKey: "education") { kind task { title } } }',
      },
      { next: (value) => events.push(value), error: () => undefined, complete: () => undefined },
    );
    await waitFor(() => t.app.deps.pubsub.subscriberCount() === 1);
    // Remove the membership without a revocation record: the socket stays open, so only the
    // per-event check stands between the event and a person who lost the right to see it.
    const personId = await t.personId('bildung2@lip.example');
    const process = await t.app.deps.models.Process.findOne({}).lean();
    const groups = (process?.groups ?? []).map((g) => ({
      ...g,
      members: g.members.filter((m) => String(m.personId) !== personId),
    }));
    await t.app.deps.models.Process.updateOne({ _id: process?._id }, { $set: { groups } });
    const coordinator = await t.signIn('koordination@lip.example');
    await coordinator.gql(CREATE_TASK, { title: 'Nur für die Gruppe' });
    await coordinator.gql(
      'mutation ($p: ID!) { createTask(input: { actionFieldKey: "education", title: "Zugewiesen", assigneeIds: [$p] }) { task { id } } }',
      { p: personId },
    );
    await waitFor(() => events.length === 1);
    expect(events).toEqual([
      { data: { taskChanged: { kind: 'CREATED', task: { title: 'Zugewiesen' } } } },
    ]);
  });

  it('refuses an upgrade from a foreign Origin and accepts the app’s own', async () => {
    const member = await t.signIn('beirat-nord@lip.example');
    const foreign = await upgradeStatus(t, member.cookie, 'https://evil.example');
    expect(foreign).toBe(403);
    const own = await upgradeStatus(t, member.cookie, t.url);
    expect(own).toBe(101);
  });

  it('answers an upgrade to any other path with 404, malformed escapes included', async () => {
    for (const path of ['/other', '/graphql%ZZ', '/%E0%A4%A']) {
      expect([path, await upgradeStatus(t, undefined, t.url, path)]).toEqual([path, 404]);
    }
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it('refuses a person’s 21st socket and a socket’s 51st operation', async () => {
    const steering = await t.signIn('lenkung@lip.example');
    const sockets = Array.from({ length: 20 }, () => socket(t, steering.cookie));
    await Promise.all(sockets.map((s) => s.run('{ ping }')));
    const extra = socket(t, steering.cookie);
    await waitFor(() => extra.closes.length > 0);
    expect(extra.closes).toEqual([4429]);

    const first = sockets[0] as SocketClient;
    const errors: unknown[] = [];
    for (let i = 0; i < 51; i += 1) {
      first.client.subscribe(
        { query: 'subscription { taskChanged { kind } }' },
        { next: () => undefined, error: (error) => errors.push(error), complete: () => undefined },
      );
    }
    await waitFor(() => errors.length === 1);
    expect(JSON.stringify(errors[0])).toContain('At most 50 operations');
    expect(sockets.every((s) => s.closes.length === 0)).toBe(true);
  });

  it('treats a malformed session cookie on the upgrade as no session', async () => {
    const ws = socket(t, 'lip_session=%E0%A4%A');
    const result = await ws.run('{ ping }');
    expect(result).toHaveProperty('failed');
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
  });
});

/** The HTTP status answering a websocket upgrade to /graphql (101 = switched). */
function upgradeStatus(
  app: TestApp,
  cookie: string | undefined,
  origin: string,
  path = '/graphql',
): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${app.url.replace('http', 'ws')}${path}`, 'graphql-transport-ws', {
      headers: { ...(cookie ? { cookie } : {}), origin },
    });
    ws.once('upgrade', (res) => {
      resolve(res.statusCode ?? 0);
      ws.close();
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    ws.once('error', (error) => {
      if (!/Unexpected server response/.test(String(error))) reject(error);
    });
  });
}
