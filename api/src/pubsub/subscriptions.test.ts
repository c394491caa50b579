import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from '../testing/test-app';

let t: TestApp;
const clients: Client[] = [];
beforeAll(async () => {
  t = await startTestApp(__filename);
});
afterAll(async () => {
  for (const client of clients) await client.dispose();
  await t.close();
});

/** A graphql-ws client that sends the session cookie on the upgrade request, like a browser. */
function wsClient(cookie: string | undefined): Client {
  class CookieWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: cookie ? { cookie } : {} });
    }
  }
  const client = createClient({
    url: `${t.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: CookieWebSocket,
    retryAttempts: 0,
    lazy: true,
  });
  clients.push(client);
  return client;
}

/** Subscribes and collects events; `ready` resolves once the server acknowledged the operation. */
function collect(client: Client, query: string, variables: Record<string, unknown>) {
  const events: Record<string, unknown>[] = [];
  const errors: unknown[] = [];
  const unsubscribe = client.subscribe(
    { query, variables },
    {
      next: (value) => events.push(value as Record<string, unknown>),
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  return { events, errors, unsubscribe };
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const TASKS =
  'subscription ($key: String) { taskChanged(actionFieldKey: $key) { kind taskId actionFieldKey task { title } } }';
const COMMENTS =
  'subscription ($id: ID!) { commentChanged(documentId: $id) { kind thread { visibility comments { body } } } }';

describe('subscriptions', () => {
  it('delivers task changes to people who may see the field, not to others', async () => {
    const member = await t.signIn('bildung2@lip.example');
    const outsider = await t.signIn('wirtschaft@lip.example');
    const mine = collect(wsClient(member.cookie), TASKS, {});
    const theirs = collect(wsClient(outsider.cookie), TASKS, {});
    await waitFor(() => t.app.deps.pubsub.subscriberCount() === 2);

    const speaker = await t.signIn('bildung@lip.example');
    const created = await speaker.gql(
      'mutation { createTask(input: { actionFieldKey: "education", title: "Live-Aufgabe" }) { task { id } } }',
    );
    expect(created.errors).toBeUndefined();
    await waitFor(() => mine.events.length === 1);
    expect(mine.events[0]).toEqual({
      data: {
        taskChanged: {
          kind: 'CREATED',
          taskId: created.data?.createTask.task.id,
          actionFieldKey: 'education',
          task: { title: 'Live-Aufgabe' },
        },
      },
    });
    // A later event for the outsider's own field proves their stream works and skipped the first.
    const economy = await t.signIn('koordination@lip.example');
    await economy.gql(
      'mutation { createTask(input: { actionFieldKey: "economy", title: "Wirtschaftsaufgabe" }) { task { id } } }',
    );
    await waitFor(() => theirs.events.length === 1);
    expect(theirs.events[0]).toMatchObject({
      data: { taskChanged: { actionFieldKey: 'economy' } },
    });
    mine.unsubscribe();
    theirs.unsubscribe();
    await waitFor(() => t.app.deps.pubsub.subscriberCount() === 0);
  });

  it('delivers shared comment threads to a council member but not group-internal ones', async () => {
    const doc = await t.app.deps.models.Document.findOne({
      title: 'Bildung: Ausgangslage und Ziele',
    }).lean();
    const id = String(doc?._id);
    const council = await t.signIn('beirat-nord@lip.example');
    const stream = collect(wsClient(council.cookie), COMMENTS, { id });
    await waitFor(() => t.app.deps.pubsub.subscriberCount() === 1);
    const member = await t.signIn('bildung@lip.example');
    await member.gql(
      'mutation ($id: ID!) { createComment(input: { documentId: $id, body: "intern" }) { thread { id } } }',
      { id },
    );
    await member.gql(
      'mutation ($id: ID!) { createComment(input: { documentId: $id, body: "für alle", visibility: SHARED }) { thread { id } } }',
      { id },
    );
    await waitFor(() => stream.events.length === 1);
    expect(stream.events[0]).toEqual({
      data: {
        commentChanged: {
          kind: 'CREATED',
          thread: { visibility: 'SHARED', comments: [{ body: 'für alle' }] },
        },
      },
    });
    stream.unsubscribe();
  });

  it('refuses a websocket without a session', async () => {
    const stream = collect(wsClient(undefined), TASKS, {});
    await waitFor(() => stream.errors.length === 1);
    expect(stream.events).toEqual([]);
  });
});
