import { errorCode, startTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { startFakeCollab } from '../../testing/fake-collab';
import { createRound, openRound } from '../review/review-round.service';
import { makeSnippet, toIndexTerm } from './search.text';

// Starting a second API process and waiting for catch-ups takes longer than jest's default.
jest.setTimeout(30_000);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(__filename);
});
afterAll(async () => {
  await t.close();
});

const SEARCH = `query ($q: String!) { search(query: $q) { total hits { id type title context link snippet { text highlight } } } }`;

interface Hit {
  id: string;
  type: string;
  title: string;
  context: string | null;
  link: string;
  snippet: { text: string; highlight: boolean }[];
}

async function search(client: TestClient, q: string): Promise<Hit[]> {
  const result = await client.gql(SEARCH, { q });
  expect(result.errors).toBeUndefined();
  return result.data?.search.hits as Hit[];
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

async function documentId(title: string) {
  return String((await t.app.deps.models.Document.findOne({ title }).lean())?._id);
}

/**
 * What happens when someone edits: the API issues an edit ticket (so indexes watch the
 * document), then the collab server writes the text projection.
 */
async function projectText(id: string, text: string) {
  const editor = await t.signIn('bildung@lip.example');
  const ticket = await editor.gql(
    'mutation ($id: ID!) { collabTicket(documentId: $id) { mode } }',
    {
      id,
    },
  );
  expect(ticket.data?.collabTicket.mode).toBe('EDIT');
  await t.app.deps.models.Document.updateOne(
    { _id: id },
    { $set: { contentText: text, contentUpdatedAt: new Date() } },
  );
}

describe('German text processing', () => {
  it('maps inflections, umlauts and ß to the same term', () => {
    expect(toIndexTerm('Schulen')).toBe(toIndexTerm('Schule'));
    expect(toIndexTerm('Straße')).toBe(toIndexTerm('Strasse'));
    expect(toIndexTerm('München')).toBe(toIndexTerm('Muenchen'));
    expect(toIndexTerm('Kindern')).toBe(toIndexTerm('Kinder'));
    expect(toIndexTerm('und')).toBeNull();
  });

  it('marks the matching words in a snippet as plain text parts', () => {
    const { parts, firstMatch } = makeSnippet('Neue <b>Schulen</b> an der Straße', [
      toIndexTerm('Schule') ?? '',
    ]);
    expect(firstMatch).toBe('Schulen');
    expect(parts).toEqual([
      { text: 'Neue <b>', highlight: false },
      { text: 'Schulen', highlight: true },
      { text: '</b> an der Straße', highlight: false },
    ]);
  });
});

describe('search', () => {
  it('finds document text German-aware: "Schule" finds "Schulen", "Strasse" finds "Straße", "Muenchen" finds "München"', async () => {
    const id = await documentId('Bildung: Ausgangslage und Ziele');
    await projectText(
      id,
      'Viele Schulen in der Lange Straße arbeiten mit Partnern aus München zusammen.',
    );
    const member = await t.signIn('bildung@lip.example');
    for (const q of ['Schule', 'Strasse', 'Muenchen', 'münchen']) {
      const hits = await waitFor(async () => {
        const found = await search(member, q);
        return found.some((h) => h.id === `d:${id}`) && found;
      });
      const hit = hits.find((h) => h.id === `d:${id}`);
      expect(hit?.type).toBe('DOCUMENT');
      expect(hit?.link).toMatch(new RegExp(`^/documents/${id}\\?passage=`));
      expect(hit?.snippet.some((p) => p.highlight)).toBe(true);
    }
    const [schulen] = (await search(member, 'Schule')).filter((h) => h.id === `d:${id}`);
    expect(schulen?.snippet.filter((p) => p.highlight).map((p) => p.text)).toEqual(['Schulen']);
    expect(schulen?.link).toBe(`/documents/${id}?passage=Schulen`);
  });

  it('never shows a council member a term that appears only in a group-internal comment, and shows it to the group', async () => {
    const id = await documentId('Bildung: Ausgangslage und Ziele');
    const speaker = await t.signIn('bildung@lip.example');
    const created = await speaker.gql(
      `mutation ($id: ID!) { createComment(input: { documentId: $id, body: "Vertraulich: Haushaltsvorbehalt Quartiersschulen", visibility: GROUP }) { thread { id comments { id } } } }`,
      { id },
    );
    expect(created.errors).toBeUndefined();
    const threadId = created.data?.createComment.thread.id as string;
    const commentId = created.data?.createComment.thread.comments[0].id as string;
    const own = await waitFor(async () => {
      const hits = await search(speaker, 'Haushaltsvorbehalt');
      return hits.length > 0 && hits;
    });
    expect(own).toEqual([
      expect.objectContaining({
        id: `c:${commentId}`,
        type: 'COMMENT',
        title: 'Bildung: Ausgangslage und Ziele',
        context: 'Ayşe Demir',
        link: `/documents/${id}?thread=${threadId}`,
      }),
    ]);
    const council = await t.signIn('beirat-nord@lip.example');
    expect(await search(council, 'Haushaltsvorbehalt')).toEqual([]);
    const otherGroup = await t.signIn('wirtschaft@lip.example');
    expect(await search(otherGroup, 'Haushaltsvorbehalt')).toEqual([]);
    // A shared comment with the same word is found by the council member.
    await speaker.gql(
      `mutation ($id: ID!) { createComment(input: { documentId: $id, body: "Öffentlich: Haushaltsvorbehalt erläutert", visibility: SHARED }) { thread { id } } }`,
      { id },
    );
    const shared = await waitFor(async () => {
      const hits = await search(council, 'Haushaltsvorbehalt');
      return hits.length > 0 && hits;
    });
    expect(shared).toHaveLength(1);
    expect(shared[0]?.snippet.map((p) => p.text).join('')).toContain('Öffentlich');
  });

  it('applies the policy at query time: a document withdrawn from review (its round cancelled) disappears for the council, its text unchanged', async () => {
    const id = await documentId('Bildung: Ausgangslage und Ziele');
    const council = await t.signIn('beirat-nord@lip.example');
    await waitFor(async () => (await search(council, 'Partnern')).some((h) => h.id === `d:${id}`));
    // The coordinator cancels the open review round it is in: the document is withdrawn.
    const round = await t.app.deps.models.ReviewRound.findOne({
      status: 'open',
      'items.documentId': id,
    }).lean();
    const coordinator = await t.signIn('koordination@lip.example');
    const withdrawn = await coordinator.gql(
      `mutation ($id: ID!) { cancelReviewRound(input: { roundId: $id, reason: "Verschoben" }) { round { status } } }`,
      { id: String(round?._id) },
    );
    expect(withdrawn.errors).toBeUndefined();
    await waitFor(
      async () => !(await search(council, 'Partnern')).some((h) => h.id === `d:${id}`),
      3000,
    );
    // The group still finds it: the entry is the same, only the policy's answer changed.
    const speaker = await t.signIn('bildung@lip.example');
    expect((await search(speaker, 'Partnern')).some((h) => h.id === `d:${id}`)).toBe(true);
    // Another API process on the same database opens a new round with it: this process's
    // index learns it from the change log within a catch-up period.
    const other = await startTestApp(__filename, { sameDatabaseAs: t });
    const collab = await startFakeCollab(other.app.deps.secrets.collabSecret);
    other.app.deps.config.collabInternalUrl = collab.url;
    try {
      const process = await t.app.deps.models.Process.findOne({}).lean();
      const bodyIds = process?.bodies
        .filter((b) => b.kind !== 'steering-group')
        .map((b) => String(b._id));
      const scope = await other.scopeFor('koordination@lip.example');
      const created = await createRound(scope, {
        title: 'Erneute Beratung',
        documentIds: [id],
        bodyIds,
        deadline: new Date(Date.now() + 30 * 86_400_000),
      });
      await openRound(scope, String(created._id));
      await waitFor(
        async () => (await search(council, 'Partnern')).some((h) => h.id === `d:${id}`),
        3000,
      );
    } finally {
      await collab.close();
      await other.close();
    }
  });

  it('finds tasks and people, but never by e-mail address', async () => {
    const member = await t.signIn('bildung@lip.example');
    const tasks = await search(member, 'Schulabschluss');
    expect(tasks.map((h) => [h.type, h.title])).toContainEqual([
      'TASK',
      'Datenlage Schulabschlüsse aufbereiten',
    ]);
    expect(tasks.find((h) => h.type === 'TASK')?.link).toMatch(/^\/tasks\?task=[0-9a-f]{24}$/);
    const people = await search(member, 'Petrova');
    expect(people.map((h) => [h.type, h.title])).toEqual([['PERSON', 'Elena Petrova']]);
    expect(await search(member, 'beirat-nord')).toEqual([]);
    const council = await t.signIn('beirat-nord@lip.example');
    // Tasks are internal to the group: the council member finds none.
    expect((await search(council, 'Schulabschluss')).filter((h) => h.type === 'TASK')).toEqual([]);
  });

  it('follows edits within a few seconds, including text another process projected', async () => {
    const member = await t.signIn('bildung@lip.example');
    const coordinator = await t.signIn('koordination@lip.example');
    await coordinator.gql(
      `mutation { createTask(input: { actionFieldKey: "education", title: "Sprachcafé Zauberwürfel planen" }) { task { id } } }`,
    );
    await waitFor(async () => (await search(member, 'Zauberwuerfel')).length === 1, 5000);
    const id = await documentId('Bildung: Maßnahmen (Entwurf)');
    await projectText(id, 'Neu: Leseförderung mit Bibliotheksausweisen für Grundschulkinder.');
    await waitFor(
      async () => (await search(member, 'Bibliotheksausweis')).some((h) => h.id === `d:${id}`),
      5000,
    );
  });

  it('forgets a deleted task', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const created = await coordinator.gql(
      `mutation { createTask(input: { actionFieldKey: "education", title: "Flohmarkt Quittungsblock" }) { task { id } } }`,
    );
    const taskId = created.data?.createTask.task.id as string;
    await waitFor(async () => (await search(coordinator, 'Quittungsblock')).length === 1, 5000);
    await coordinator.gql('mutation ($id: ID!) { deleteTask(taskId: $id) { deletedTaskId } }', {
      id: taskId,
    });
    await waitFor(async () => (await search(coordinator, 'Quittungsblock')).length === 0, 5000);
  });

  it('returns snippets as text parts: markup in a comment is never HTML', async () => {
    const id = await documentId('Bildung: Ausgangslage und Ziele');
    const speaker = await t.signIn('bildung@lip.example');
    await speaker.gql(
      `mutation ($id: ID!) { createComment(input: { documentId: $id, body: "<img src=x onerror=alert(1)> Kartoffelsalat" }) { thread { id } } }`,
      { id },
    );
    const [hit] = await waitFor(async () => {
      const hits = await search(speaker, 'Kartoffelsalat');
      return hits.length > 0 && hits;
    });
    expect(hit?.snippet).toEqual([
      { text: '<img src=x onerror=alert(1)> ', highlight: false },
      { text: 'Kartoffelsalat', highlight: true },
    ]);
  });

  it('explains a too short or too long query, naming the field', async () => {
    const member = await t.signIn('bildung@lip.example');
    const short = await member.gql(SEARCH, { q: 'a' });
    expect(errorCode(short)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(short.errors?.[0]?.extensions?.fields)).toContain('query');
    expect(errorCode(await member.gql(SEARCH, { q: 'x'.repeat(201) }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.anonymous().gql(SEARCH, { q: 'Schule' }))).toBe('UNAUTHENTICATED');
  });
});
