import { errorCode, startTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let reviewId: string;
let draftId: string;

beforeAll(async () => {
  t = await startTestApp(__filename);
  const docs = await t.app.deps.models.Document.find({}).lean();
  reviewId = String(docs.find((d) => d.title === 'Bildung: Ausgangslage und Ziele')?._id);
  draftId = String(docs.find((d) => d.title === 'Bildung: Maßnahmen (Entwurf)')?._id);
});
afterAll(async () => {
  await t.close();
});

const CREATE = `mutation ($input: CreateCommentInput!) {
  createComment(input: $input) { thread { id visibility anchor quote resolved comments { body author { name } organisation { name } onBehalfOf { name } } } }
}`;
const REPLY =
  'mutation ($input: ReplyToCommentInput!) { replyToComment(input: $input) { thread { id comments { body } } } }';
const RESOLVE =
  'mutation ($id: ID!) { resolveComment(threadId: $id) { thread { resolved resolvedBy { name } } } }';
const REOPEN =
  'mutation ($id: ID!) { reopenComment(threadId: $id) { thread { resolved resolvedAt } } }';
const LIST =
  'query ($id: ID!) { comments(documentId: $id) { id visibility comments { body } viewerCanReply viewerCanResolve } }';

describe('comment threads', () => {
  let groupThreadId: string;
  let sharedThreadId: string;

  it('lets a group member start a group-internal thread by default, with anchor and quote', async () => {
    const member = await t.signIn('bildung2@lip.example');
    const result = await member.gql(CREATE, {
      input: {
        documentId: reviewId,
        body: 'Intern: Zahlen prüfen',
        anchor: 'opaque-anchor',
        quote: 'Ausgangslage',
      },
    });
    expect(result.errors).toBeUndefined();
    const thread = result.data?.createComment.thread;
    expect(thread).toMatchObject({
      visibility: 'GROUP',
      anchor: 'opaque-anchor',
      quote: 'Ausgangslage',
      resolved: false,
    });
    expect(thread.comments[0]).toMatchObject({
      body: 'Intern: Zahlen prüfen',
      author: { name: 'Daniel Okafor' },
    });
    expect(thread.comments[0].organisation.name).toContain('Migrant');
    // A group member writes for themselves, not for a body.
    expect(thread.comments[0].onBehalfOf).toBeNull();
    groupThreadId = thread.id;
  });

  it('lets a council member comment on a shared draft, always as a shared thread, credited to the council', async () => {
    const council = await t.signIn('beirat-nord@lip.example');
    const result = await council.gql(CREATE, {
      input: { documentId: reviewId, body: 'Einschätzung des Beirats Nord' },
    });
    expect(result.data?.createComment.thread.visibility).toBe('SHARED');
    expect(result.data?.createComment.thread.comments[0]).toMatchObject({
      author: { name: 'Elena Petrova' },
      onBehalfOf: { name: 'Integrationsbeirat Nord' },
    });
    const steering = await t.signIn('lenkung@lip.example');
    const asked = await steering.gql(CREATE, {
      input: { documentId: reviewId, body: 'Frage der Lenkungsgruppe' },
    });
    expect(asked.data?.createComment.thread.comments[0].onBehalfOf).toEqual({
      name: 'Lenkungsgruppe',
    });
    sharedThreadId = result.data?.createComment.thread.id;
  });

  it('forbids a council member to start a group-internal thread', async () => {
    const council = await t.signIn('beirat-nord@lip.example');
    const result = await council.gql(CREATE, {
      input: { documentId: reviewId, body: 'x', visibility: 'GROUP' },
    });
    expect(errorCode(result)).toBe('FORBIDDEN');
  });

  it('forbids an observer to comment', async () => {
    const observer = await t.signIn('beobachtung@lip.example');
    expect(
      errorCode(await observer.gql(CREATE, { input: { documentId: reviewId, body: 'Hallo' } })),
    ).toBe('FORBIDDEN');
  });

  it('hides the document from a council member when it is not shared (NOT_FOUND)', async () => {
    const council = await t.signIn('beirat-nord@lip.example');
    expect(
      errorCode(await council.gql(CREATE, { input: { documentId: draftId, body: 'Hallo' } })),
    ).toBe('NOT_FOUND');
  });

  it('rejects an empty comment', async () => {
    const member = await t.signIn('bildung@lip.example');
    expect(
      errorCode(await member.gql(CREATE, { input: { documentId: reviewId, body: '   ' } })),
    ).toBe('BAD_USER_INPUT');
  });

  it('shows group threads to the group and only shared threads to the council', async () => {
    const member = await t.signIn('bildung@lip.example');
    const all = await member.gql(LIST, { id: reviewId });
    expect(all.data?.comments.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining([groupThreadId, sharedThreadId]),
    );
    const council = await t.signIn('beirat-nord@lip.example');
    const visible = await council.gql(LIST, { id: reviewId });
    const ids = visible.data?.comments.map((c: { id: string }) => c.id);
    expect(ids).toContain(sharedThreadId);
    expect(ids).not.toContain(groupThreadId);
    // Besides the seeded council remark, only this shared thread.
    expect(ids).toHaveLength(all.data?.comments.length - 1);
    expect(
      visible.data?.comments.find((c: { id: string }) => c.id === sharedThreadId),
    ).toMatchObject({
      viewerCanReply: true,
      viewerCanResolve: true,
    });
  });

  it('lets the group reply to the council’s thread and forbids the council to reply to a group thread', async () => {
    const member = await t.signIn('bildung@lip.example');
    const reply = await member.gql(REPLY, {
      input: { threadId: sharedThreadId, body: 'Danke, wir arbeiten es ein.' },
    });
    expect(reply.data?.replyToComment.thread.comments.map((c: { body: string }) => c.body)).toEqual(
      ['Einschätzung des Beirats Nord', 'Danke, wir arbeiten es ein.'],
    );
    const council = await t.signIn('beirat-nord@lip.example');
    expect(
      errorCode(await council.gql(REPLY, { input: { threadId: groupThreadId, body: 'x' } })),
    ).toBe('NOT_FOUND');
  });

  it('forbids an observer to reply', async () => {
    const observer = await t.signIn('beobachtung@lip.example');
    expect(
      errorCode(await observer.gql(REPLY, { input: { threadId: sharedThreadId, body: 'x' } })),
    ).toBe('FORBIDDEN');
  });

  it('lets the group resolve and reopen a thread, and forbids a council member to resolve a thread of someone else', async () => {
    const member = await t.signIn('bildung@lip.example');
    const resolved = await member.gql(RESOLVE, { id: groupThreadId });
    expect(resolved.data?.resolveComment.thread).toEqual({
      resolved: true,
      resolvedBy: { name: 'Ayşe Demir' },
    });
    const reopened = await member.gql(REOPEN, { id: groupThreadId });
    expect(reopened.data?.reopenComment.thread).toEqual({ resolved: false, resolvedAt: null });

    const speaker = await t.signIn('bildung@lip.example');
    const own = await speaker.gql(CREATE, {
      input: { documentId: reviewId, body: 'Für alle sichtbar', visibility: 'SHARED' },
    });
    const council = await t.signIn('beirat-nord@lip.example');
    expect(errorCode(await council.gql(RESOLVE, { id: own.data?.createComment.thread.id }))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await council.gql(REOPEN, { id: own.data?.createComment.thread.id }))).toBe(
      'FORBIDDEN',
    );
  });
});

describe('comment counts', () => {
  it('counts only the threads the viewer may see', async () => {
    const member = await t.signIn('bildung2@lip.example');
    const council = await t.signIn('beirat-nord@lip.example');
    await member.gql(CREATE, { input: { documentId: reviewId, body: 'Nur für die Gruppe' } });
    await member.gql(CREATE, {
      input: { documentId: reviewId, body: 'Für alle', visibility: 'SHARED' },
    });
    const threads = await t.app.deps.models.CommentThread.find({ documentId: reviewId }).lean();
    const shared = threads.filter((th) => th.visibility === 'shared').length;
    expect(shared).toBeLessThan(threads.length);
    const COUNT = 'query ($id: ID!) { document(id: $id) { commentCount } }';
    expect((await member.gql(COUNT, { id: reviewId })).data?.document.commentCount).toBe(
      threads.length,
    );
    expect((await council.gql(COUNT, { id: reviewId })).data?.document.commentCount).toBe(shared);
  });
});
