import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { errorCode, startTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { startFakeCollab } from '../../testing/fake-collab';
import { Q, inDays, must } from '../../testing/review-fixtures';
import { startSmtpSink, type SmtpSink } from '../../testing/smtp-sink';
import { notifyDueTasks } from './notification.jobs';
import { sendDigests } from './notification.mail';

let t: TestApp;
let smtp: SmtpSink;
beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await startTestApp(__filename, {
    env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://lip.example.org' },
  });
});
const sockets: Client[] = [];
afterAll(async () => {
  for (const socket of sockets) await socket.dispose();
  await t.close();
  await smtp.close();
});

/** A graphql-ws client sending the session cookie on the upgrade, like a browser. */
function liveClient(cookie: string | undefined): Client {
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
  sockets.push(client);
  return client;
}

async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 8000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const NOTIFICATIONS = `query { unreadNotificationCount notifications(first: 10) { nodes { id kind title body link read actor { name } } } }`;

async function notificationsOf(client: TestClient) {
  const result = await client.gql(NOTIFICATIONS);
  expect(result.errors).toBeUndefined();
  return result.data as {
    unreadNotificationCount: number;
    notifications: {
      nodes: {
        id: string;
        kind: string;
        title: string;
        body: string | null;
        link: string;
        read: boolean;
        actor: { name: string } | null;
      }[];
    };
  };
}

function mailsTo(address: string) {
  return smtp.messages.filter((m) => m.to.includes(address));
}

async function educationDocumentId(title = 'Bildung: Ausgangslage und Ziele') {
  const doc = await t.app.deps.models.Document.findOne({ title }).lean();
  return String(doc?._id);
}

describe('notifications', () => {
  it('tells a person assigned to a task, in the app and by e-mail in their language with an unsubscribe link', async () => {
    const observerId = await t.personId('beobachtung@lip.example');
    const speaker = await t.signIn('bildung@lip.example');
    // The observer reads English; assign them so the mail must be in English.
    const created = await speaker.gql(
      `mutation ($ids: [ID!]) { createTask(input: { actionFieldKey: "education", title: "Elternabend vorbereiten", assigneeIds: $ids }) { task { id } } }`,
      { ids: [observerId] },
    );
    expect(created.errors).toBeUndefined();
    const taskId = created.data?.createTask.task.id as string;

    const observer = await t.signIn('beobachtung@lip.example');
    const mine = await notificationsOf(observer);
    expect(mine.unreadNotificationCount).toBe(1);
    expect(mine.notifications.nodes[0]).toEqual({
      id: expect.any(String),
      kind: 'TASK_ASSIGNED',
      title: 'Ayşe Demir assigned you the task “Elternabend vorbereiten”',
      body: null,
      link: `/tasks?task=${taskId}`,
      read: false,
      actor: { name: 'Ayşe Demir' },
    });
    // The speaker who acted is not told about their own action.
    expect((await notificationsOf(speaker)).unreadNotificationCount).toBe(0);

    const [mail] = await waitFor(async () => {
      const list = mailsTo('beobachtung@lip.example');
      return list.length > 0 && list;
    });
    expect(mail?.subject).toBe('Ayşe Demir assigned you the task “Elternabend vorbereiten”');
    expect(mail?.text).toContain(`https://lip.example.org/tasks?task=${taskId}`);
    expect(mail?.html).toContain('<html lang="en">');
    expect(mail?.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const unsubscribe = /<(https:\/\/lip\.example\.org\/mail\/unsubscribe\?token=[^>]+)>/.exec(
      mail?.headers.get('list-unsubscribe') ?? '',
    )?.[1];
    expect(unsubscribe).toBeDefined();
    expect(mail?.text).toContain(unsubscribe);

    // One click (RFC 8058) without signing in turns this kind of mail off, nothing else.
    const local = (unsubscribe ?? '').replace('https://lip.example.org', t.url);
    const page = await fetch(local);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post"');
    const post = await fetch(local, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(post.status).toBe(200);
    expect(await post.text()).toContain('You will no longer receive e-mails about assigned tasks');
    const settings = await observer.gql('query { notificationSettings { email { kind mode } } }');
    expect(settings.data?.notificationSettings.email).toContainEqual({
      kind: 'TASK_ASSIGNED',
      mode: 'OFF',
    });
    expect(settings.data?.notificationSettings.email).toContainEqual({
      kind: 'MENTION',
      mode: 'IMMEDIATE',
    });

    // The next assignment is still shown in the app but not mailed.
    const before = mailsTo('beobachtung@lip.example').length;
    await speaker.gql(
      `mutation ($ids: [ID!]) { createTask(input: { actionFieldKey: "education", title: "Zweite Aufgabe", assigneeIds: $ids }) { task { id } } }`,
      { ids: [observerId] },
    );
    expect((await notificationsOf(observer)).unreadNotificationCount).toBe(2);
    const outbox = await t.app.deps.models.OutboxMessage.countDocuments({
      to: 'beobachtung@lip.example',
    });
    expect(outbox).toBe(before);
  });

  it('delivers a new notification live to its recipient only', async () => {
    const received: Record<string, string[]> = { daniel: [], elena: [] };
    const subscribe = (who: 'daniel' | 'elena', cookie: string | undefined) =>
      liveClient(cookie).subscribe(
        { query: 'subscription { notificationAdded { kind title } }' },
        {
          next: (value) => {
            const n = (value.data as { notificationAdded: { title: string } }).notificationAdded;
            received[who]?.push(n.title);
          },
          error: () => undefined,
          complete: () => undefined,
        },
      );
    subscribe('daniel', (await t.signIn('bildung2@lip.example')).cookie);
    subscribe('elena', (await t.signIn('beirat-nord@lip.example')).cookie);
    await waitFor(async () => t.app.deps.pubsub.subscriberCount() >= 2);
    const speaker = await t.signIn('bildung@lip.example');
    await speaker.gql(
      `mutation ($ids: [ID!]) { createTask(input: { actionFieldKey: "education", title: "Live zugewiesen", assigneeIds: $ids }) { task { id } } }`,
      { ids: [await t.personId('bildung2@lip.example')] },
    );
    await waitFor(async () => received.daniel?.length === 1);
    expect(received.daniel).toEqual([
      'Ayşe Demir hat Ihnen die Aufgabe „Live zugewiesen“ zugewiesen',
    ]);
    // A later event for Elena proves her stream works and never carried Daniel's.
    await speaker.gql(
      `mutation ($ids: [ID!]) { createTask(input: { actionFieldKey: "education", title: "Für den Beirat", assigneeIds: $ids }) { task { id } } }`,
      { ids: [await t.personId('beirat-nord@lip.example')] },
    );
    await waitFor(async () => received.elena?.length === 1);
    expect(received.elena).toEqual([
      'Ayşe Demir hat Ihnen die Aufgabe „Für den Beirat“ zugewiesen',
    ]);
  });

  it('rejects a forged or altered unsubscribe link', async () => {
    const id = await t.personId('bildung@lip.example');
    const res = await fetch(`${t.url}/mail/unsubscribe?token=${id}.mention.forged`, {
      method: 'POST',
    });
    expect(res.status).toBe(400);
    const settings = await (
      await t.signIn('bildung@lip.example')
    ).gql('query { notificationSettings { email { kind mode } } }');
    expect(settings.data?.notificationSettings.email).toContainEqual({
      kind: 'MENTION',
      mode: 'IMMEDIATE',
    });
  });

  it('notifies a person mentioned in a comment, in German, with a link to the thread', async () => {
    const documentId = await educationDocumentId();
    const daniel = await t.personId('bildung2@lip.example');
    const speaker = await t.signIn('bildung@lip.example');
    const created = await speaker.gql(
      `mutation ($id: ID!, $m: [ID!]) { createComment(input: { documentId: $id, body: "@Daniel Okafor bitte die Zahlen prüfen", mentionIds: $m }) { thread { id comments { mentions { name } } } } }`,
      { id: documentId, m: [daniel] },
    );
    expect(created.errors).toBeUndefined();
    const threadId = created.data?.createComment.thread.id as string;
    expect(created.data?.createComment.thread.comments[0].mentions).toEqual([
      { name: 'Daniel Okafor' },
    ]);

    const member = await t.signIn('bildung2@lip.example');
    const [latest] = (await notificationsOf(member)).notifications.nodes;
    expect(latest).toMatchObject({
      kind: 'MENTION',
      title: 'Ayşe Demir hat Sie in einem Kommentar zu „Bildung: Ausgangslage und Ziele“ erwähnt',
      body: '@Daniel Okafor bitte die Zahlen prüfen',
      link: `/documents/${documentId}?thread=${threadId}`,
    });
    const mail = await waitFor(async () =>
      mailsTo('bildung2@lip.example').find((m) => m.subject.includes('erwähnt')),
    );
    expect(mail.subject).toBe(
      'Ayşe Demir hat Sie in einem Kommentar zu „Bildung: Ausgangslage und Ziele“ erwähnt',
    );
    expect(mail.text).toContain('Guten Tag Daniel Okafor,');
    expect(mail.text).toContain(
      `https://lip.example.org/documents/${documentId}?thread=${threadId}`,
    );
    expect(mail.html).toContain('<p>@Daniel Okafor bitte die Zahlen prüfen</p>');
  });

  it('refuses to mention someone who could not read the comment (a council member in a group thread)', async () => {
    const documentId = await educationDocumentId();
    const council = await t.personId('beirat-nord@lip.example');
    const speaker = await t.signIn('bildung@lip.example');
    const result = await speaker.gql(
      `mutation ($id: ID!, $m: [ID!]) { createComment(input: { documentId: $id, body: "@Elena intern", visibility: GROUP, mentionIds: $m }) { thread { id } } }`,
      { id: documentId, m: [council] },
    );
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.errors?.[0]?.extensions?.fields)).toContain('mentionIds');
    const candidates = await speaker.gql(
      `query ($id: ID!) { group: mentionCandidates(documentId: $id, visibility: GROUP, search: "ele") { name } shared: mentionCandidates(documentId: $id, visibility: SHARED, search: "ele") { name } }`,
      { id: documentId },
    );
    expect(candidates.data?.group).toEqual([]);
    expect(candidates.data?.shared).toEqual([{ name: 'Elena Petrova' }]);
  });

  it('tells earlier participants of a thread about a reply, but not the person replying', async () => {
    const documentId = await educationDocumentId();
    const council = await t.signIn('beirat-nord@lip.example');
    const thread = await council.gql(
      `mutation ($id: ID!) { createComment(input: { documentId: $id, body: "Frage des Beirats" }) { thread { id } } }`,
      { id: documentId },
    );
    const threadId = thread.data?.createComment.thread.id as string;
    const speaker = await t.signIn('bildung@lip.example');
    const before = (await notificationsOf(speaker)).unreadNotificationCount;
    await speaker.gql(
      `mutation ($id: ID!) { replyToComment(input: { threadId: $id, body: "Antwort der Gruppe" }) { thread { id } } }`,
      { id: threadId },
    );
    const [reply] = (await notificationsOf(council)).notifications.nodes;
    expect(reply).toMatchObject({
      kind: 'REPLY',
      body: 'Antwort der Gruppe',
      link: `/documents/${documentId}?thread=${threadId}`,
    });
    expect((await notificationsOf(speaker)).unreadNotificationCount).toBe(before);
  });

  it('tells the bodies a document is shared with when a round opens, the group about its status and about the decision', async () => {
    const documentId = await educationDocumentId('Bildung: Maßnahmen (Entwurf)');
    const process = await t.app.deps.models.Process.findOne({}).lean();
    const council = process?.bodies.find((b) => b.name === 'Integrationsbeirat Nord');
    const coordinator = await t.signIn('koordination@lip.example');
    const collab = await startFakeCollab(t.app.deps.secrets.collabSecret);
    t.app.deps.config.collabInternalUrl = collab.url;
    try {
      const created = await must<{ createReviewRound: { round: { id: string } } }>(
        coordinator,
        Q.create,
        {
          input: {
            title: 'Bildung: Maßnahmen',
            documentIds: [documentId],
            bodyIds: [String(council?._id)],
            deadline: '2099-01-31T12:00:00.000Z',
          },
        },
      );
      const roundId = created.createReviewRound.round.id;
      await must(coordinator, Q.open, { id: roundId });
      const councilMember = await t.signIn('beirat-nord@lip.example');
      const [shared] = (await notificationsOf(councilMember)).notifications.nodes;
      expect(shared).toMatchObject({
        kind: 'DOCUMENT_SHARED',
        title: '„Bildung: Maßnahmen (Entwurf)“ liegt Ihrem Gremium zur Stellungnahme vor',
        body: 'Stellungnahme bis 31. Januar 2099.',
        link: `/documents/${documentId}`,
      });
      const member = await t.signIn('bildung2@lip.example');
      expect((await notificationsOf(member)).notifications.nodes[0]).toMatchObject({
        kind: 'DOCUMENT_STATUS',
        title: '„Bildung: Maßnahmen (Entwurf)“ ist jetzt: in Prüfung',
      });
      // No statement came in: the round closes and is evaluated at once, then decided.
      await must(coordinator, Q.close, { id: roundId });
      await must(coordinator, Q.evaluate, { id: roundId });
      const steering = await t.signIn('lenkung@lip.example');
      await must(steering, Q.record, {
        input: {
          roundId,
          itemIndex: 0,
          decision: { outcome: 'ACCEPTED', meetingDate: inDays(-1), confirm: true },
        },
      });
      expect((await notificationsOf(member)).notifications.nodes[0]).toMatchObject({
        kind: 'DOCUMENT_DECISION',
        title: 'Die Lenkungsgruppe hat „Bildung: Maßnahmen (Entwurf)“ angenommen',
      });
    } finally {
      await collab.close();
    }
  });

  it('marks one or all notifications read, and someone else’s is not found', async () => {
    const member = await t.signIn('bildung2@lip.example');
    const list = await notificationsOf(member);
    expect(list.unreadNotificationCount).toBeGreaterThan(1);
    const first = list.notifications.nodes[0];
    const marked = await member.gql(
      `mutation ($id: ID!) { markNotificationRead(id: $id) { notification { read } unreadCount } }`,
      { id: first?.id },
    );
    expect(marked.data?.markNotificationRead).toEqual({
      notification: { read: true },
      unreadCount: list.unreadNotificationCount - 1,
    });
    const other = await t.signIn('wirtschaft@lip.example');
    const theirs = await other.gql(
      `mutation ($id: ID!) { markNotificationRead(id: $id) { unreadCount } }`,
      {
        id: first?.id,
      },
    );
    expect(errorCode(theirs)).toBe('NOT_FOUND');
    const all = await member.gql(
      'mutation { markAllNotificationsRead { markedCount unreadCount } }',
    );
    expect(all.data?.markAllNotificationsRead).toEqual({
      markedCount: list.unreadNotificationCount - 1,
      unreadCount: 0,
    });
    const anonymous = await t
      .anonymous()
      .gql('mutation { markAllNotificationsRead { markedCount } }');
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
  });

  it('lets a signed-in person change only their own e-mail settings', async () => {
    const member = await t.signIn('wirtschaft@lip.example');
    const changed = await member.gql(
      'mutation { updateNotificationSettings(input: { email: [{ kind: REPLY, mode: IMMEDIATE }, { kind: TASK_DUE, mode: OFF }] }) { settings { email { kind mode } } } }',
    );
    expect(changed.errors).toBeUndefined();
    const email = changed.data?.updateNotificationSettings.settings.email;
    expect(email).toContainEqual({ kind: 'REPLY', mode: 'IMMEDIATE' });
    expect(email).toContainEqual({ kind: 'TASK_DUE', mode: 'OFF' });
    const someoneElse = await (
      await t.signIn('bildung2@lip.example')
    ).gql('query { notificationSettings { email { kind mode } } }');
    expect(someoneElse.data?.notificationSettings.email).toContainEqual({
      kind: 'REPLY',
      mode: 'DIGEST',
    });
    const anonymous = await t
      .anonymous()
      .gql(
        'mutation { updateNotificationSettings(input: { email: [{ kind: REPLY, mode: OFF }] }) { settings { email { kind } } } }',
      );
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
    const empty = await member.gql(
      'mutation { updateNotificationSettings(input: { email: [] }) { settings { email { kind } } } }',
    );
    expect(errorCode(empty)).toBe('BAD_USER_INPUT');
  });

  it('reminds assignees once of a task due tomorrow, even with two API processes running the job', async () => {
    const second = await startTestApp(__filename, { sameDatabaseAs: t });
    try {
      const member = await t.personId('wirtschaft@lip.example');
      const coordinator = await t.signIn('koordination@lip.example');
      const deadline = new Date(Date.now() + 6 * 3600_000).toISOString();
      const created = await coordinator.gql(
        `mutation ($ids: [ID!], $d: DateTime) { createTask(input: { actionFieldKey: "economy", title: "Bericht abgeben", assigneeIds: $ids, deadline: $d }) { task { id } } }`,
        { ids: [member], d: deadline },
      );
      const taskId = created.data?.createTask.task.id as string;
      const now = new Date();
      const counts = await Promise.all([
        notifyDueTasks(t.app.deps, now),
        notifyDueTasks(second.app.deps, now),
        notifyDueTasks(t.app.deps, now),
      ]);
      expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
      const reminders = await t.app.deps.models.Notification.find({
        kind: 'task-due',
        link: `/tasks?task=${taskId}`,
      }).lean();
      expect(reminders).toHaveLength(1);
      expect(String(reminders[0]?.personId)).toBe(member);
      // Once the deadline has passed, it is overdue: one more reminder, also once.
      const later = new Date(Date.now() + 7 * 3600_000);
      await Promise.all([
        notifyDueTasks(t.app.deps, later),
        notifyDueTasks(second.app.deps, later),
      ]);
      expect(
        await t.app.deps.models.Notification.countDocuments({
          kind: 'task-overdue',
          link: `/tasks?task=${taskId}`,
        }),
      ).toBe(1);
    } finally {
      await second.close();
    }
  });

  it('sends one daily digest per person and day with everything set to digest', async () => {
    const economy = await t.signIn('wirtschaft@lip.example');
    const id = await t.personId('wirtschaft@lip.example');
    const pending = await t.app.deps.models.Notification.countDocuments({
      personId: id,
      emailMode: 'digest',
      digestedAt: null,
    });
    expect(pending).toBeGreaterThan(0);
    const morning = new Date(Date.now() + 24 * 3600_000);
    morning.setUTCHours(8, 0, 0, 0);
    const [a, b] = await Promise.all([
      sendDigests(t.app.deps, morning),
      sendDigests(t.app.deps, morning),
    ]);
    expect(a + b).toBeGreaterThanOrEqual(1);
    const digest = await waitFor(async () =>
      mailsTo('wirtschaft@lip.example').find((m) => m.subject.startsWith('Ihre Zusammenfassung')),
    );
    expect(digest.text).toContain('Die Aufgabe „Bericht abgeben“');
    expect(digest.headers.get('list-unsubscribe')).toContain('/mail/unsubscribe?token=');
    expect(await sendDigests(t.app.deps, morning)).toBe(0);
    expect(
      await t.app.deps.models.OutboxMessage.countDocuments({
        to: 'wirtschaft@lip.example',
        kind: 'digest',
      }),
    ).toBe(1);
    expect(
      (await economy.gql('query { unreadNotificationCount }')).data?.unreadNotificationCount,
    ).toBeGreaterThan(0);
  });

  it('e-mails an invitation with its link and still returns the copyable link', async () => {
    const admin = await t.signIn('admin@lip.example');
    const result = await admin.gql(
      'mutation { createInvitation(input: { email: "neu@lip.example", name: "Nora Neu", locale: EN }) { invitation { link } } }',
    );
    expect(result.errors).toBeUndefined();
    const link = result.data?.createInvitation.invitation.link as string;
    expect(link).toMatch(/^\/invitation\//);
    const mail = await waitFor(async () => mailsTo('neu@lip.example')[0]);
    expect(mail.subject).toBe('Miriam Schulte invites you to LIP-Werkstatt');
    expect(mail.text).toContain(`https://lip.example.org${link}`);
    expect(mail.html).toContain('Accept the invitation');
  });
});
