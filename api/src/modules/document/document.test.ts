import { verifyCollabTicket } from '@lip/common/server';
import { errorCode, startTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let draftId: string;
let reviewId: string;
let educationGroupId: string;
let economyGroupId: string;

beforeAll(async () => {
  t = await startTestApp(__filename);
  const docs = await t.app.deps.models.Document.find({}).lean();
  reviewId = String(docs.find((d) => d.title === 'Bildung: Ausgangslage und Ziele')?._id);
  draftId = String(docs.find((d) => d.title === 'Bildung: Maßnahmen (Entwurf)')?._id);
  const process = await t.app.deps.models.Process.findOne({}).lean();
  educationGroupId = String(process?.groups.find((g) => g.actionFieldKey === 'education')?._id);
  economyGroupId = String(process?.groups.find((g) => g.actionFieldKey === 'economy')?._id);
});
afterAll(async () => {
  await t.close();
});

const DOC =
  'query ($id: ID!) { document(id: $id) { id title status viewerMode viewerCanEdit viewerCanComment sharedWith { name } } }';
const CREATE =
  'mutation ($input: CreateDocumentInput!) { createDocument(input: $input) { document { id title status order kind } } }';
const UPDATE =
  'mutation ($input: UpdateDocumentInput!) { updateDocument(input: $input) { document { id title order } } }';
const TICKET =
  'mutation ($id: ID!) { collabTicket(documentId: $id) { ticket url room mode expiresAt } }';

describe('seeded documents and visibility', () => {
  it('shows the education drafts to their group with edit mode', async () => {
    const member = await t.signIn('bildung2@lip.example');
    const result = await member.gql(DOC, { id: draftId });
    expect(result.data?.document).toMatchObject({
      title: 'Bildung: Maßnahmen (Entwurf)',
      status: 'DRAFT',
      viewerMode: 'EDIT',
      viewerCanEdit: true,
    });
  });

  it('hides education drafts from a member of the economy group', async () => {
    const other = await t.signIn('wirtschaft@lip.example');
    expect((await other.gql(DOC, { id: draftId })).data?.document).toBeNull();
    expect((await other.gql(DOC, { id: reviewId })).data?.document).toBeNull();
    const list = await other.gql('{ documents(actionFieldKey: "education") { id } }');
    expect(list.data?.documents).toEqual([]);
  });

  it('shows a council member the shared draft in comment mode, but not the unshared one', async () => {
    const council = await t.signIn('beirat-nord@lip.example');
    const shared = await council.gql(DOC, { id: reviewId });
    expect(shared.data?.document).toMatchObject({
      status: 'IN_REVIEW',
      viewerMode: 'COMMENT',
      viewerCanEdit: false,
    });
    expect(shared.data?.document.sharedWith).toHaveLength(14);
    expect((await council.gql(DOC, { id: draftId })).data?.document).toBeNull();
  });

  it('gives observers read mode and the steering group, which may comment, comment mode', async () => {
    const observer = await t.signIn('beobachtung@lip.example');
    const observed = (await observer.gql(DOC, { id: draftId })).data?.document;
    expect(observed).toMatchObject({ viewerMode: 'READ', viewerCanComment: false });
    const steering = await t.signIn('lenkung@lip.example');
    const seen = await steering.gql(DOC, { id: reviewId });
    expect(seen.data?.document).toMatchObject({ viewerMode: 'COMMENT', viewerCanComment: true });
  });

  it('offers creating documents to every member of the field’s group and its coordinators only', async () => {
    const CAN = '{ actionField(key: "education") { viewerCanCreateDocument viewerCanManage } }';
    const expectations: [string, boolean][] = [
      ['bildung@lip.example', true],
      ['bildung2@lip.example', true],
      ['koordination@lip.example', true],
      ['wirtschaft@lip.example', false],
      ['beirat-nord@lip.example', false],
      ['beobachtung@lip.example', false],
    ];
    for (const [email, expected] of expectations) {
      const client = await t.signIn(email);
      const field = (await client.gql(CAN)).data?.actionField;
      expect({ email, can: field.viewerCanCreateDocument }).toEqual({ email, can: expected });
    }
  });

  it('records when a person last looked at a document, only for those who may see it', async () => {
    const SEEN =
      'mutation ($id: ID!) { markDocumentSeen(documentId: $id) { seenAt document { id viewerLastSeenAt } } }';
    const LAST = 'query ($id: ID!) { document(id: $id) { viewerLastSeenAt } }';
    const member = await t.signIn('bildung2@lip.example');
    expect((await member.gql(LAST, { id: draftId })).data?.document.viewerLastSeenAt).toBeNull();
    const first = await member.gql(SEEN, { id: draftId });
    expect(first.errors).toBeUndefined();
    const seenAt = first.data?.markDocumentSeen.seenAt;
    expect(first.data?.markDocumentSeen.document).toEqual({
      id: draftId,
      viewerLastSeenAt: seenAt,
    });
    const second = await member.gql(SEEN, { id: draftId });
    expect(Date.parse(second.data?.markDocumentSeen.seenAt)).toBeGreaterThanOrEqual(
      Date.parse(seenAt),
    );
    expect(await t.app.deps.models.DocumentVisit.countDocuments({ documentId: draftId })).toBe(1);
    // Someone else's visit is their own.
    const speaker = await t.signIn('bildung@lip.example');
    expect((await speaker.gql(LAST, { id: draftId })).data?.document.viewerLastSeenAt).toBeNull();

    const council = await t.signIn('beirat-nord@lip.example');
    expect(errorCode(await council.gql(SEEN, { id: draftId }))).toBe('NOT_FOUND');
    expect(errorCode(await t.anonymous().gql(SEEN, { id: draftId }))).toBe('UNAUTHENTICATED');
  });

  it('returns null for a malformed id instead of querying with it', async () => {
    const member = await t.signIn('bildung@lip.example');
    const result = await member.gql(DOC, { id: '{"$ne":null}' });
    expect(result.data?.document).toBeNull();
  });
});

describe('collab tickets', () => {
  it('signs an edit ticket for a group member that the shared secret verifies', async () => {
    const member = await t.signIn('bildung@lip.example');
    const result = await member.gql(TICKET, { id: draftId });
    const ticket = result.data?.collabTicket;
    expect(ticket).toMatchObject({ mode: 'EDIT', room: `doc.${draftId}` });
    expect(ticket.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    const verified = verifyCollabTicket(ticket.ticket, t.app.deps.secrets.collabSecret);
    expect(verified.ok).toBe(true);
    if (verified.ok) {
      expect(verified.payload).toMatchObject({
        doc: draftId,
        mode: 'edit',
        name: 'Ayşe Demir',
        sub: await t.personId('bildung@lip.example'),
      });
      expect(verified.payload.exp - verified.payload.iat).toBe(120);
    }
  });

  it('gives a council member a comment ticket and refuses one for the unshared draft', async () => {
    const council = await t.signIn('beirat-nord@lip.example');
    expect((await council.gql(TICKET, { id: reviewId })).data?.collabTicket.mode).toBe('COMMENT');
    expect(errorCode(await council.gql(TICKET, { id: draftId }))).toBe('NOT_FOUND');
  });

  it('gives an observer a read ticket', async () => {
    const observer = await t.signIn('beobachtung@lip.example');
    expect((await observer.gql(TICKET, { id: reviewId })).data?.collabTicket.mode).toBe('READ');
  });

  it('requires a session', async () => {
    expect(errorCode(await t.anonymous().gql(TICKET, { id: reviewId }))).toBe('UNAUTHENTICATED');
  });
});

describe('creating and updating documents', () => {
  it('lets a group member create a draft for their group, appended after the others', async () => {
    const member = await t.signIn('bildung2@lip.example');
    const result = await member.gql(CREATE, {
      input: { groupId: educationGroupId, kind: 'MINUTES', title: 'Protokoll Sitzung 1' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.createDocument.document).toMatchObject({
      status: 'DRAFT',
      kind: 'MINUTES',
      order: 3,
    });
    const activity = await t.app.deps.models.Activity.findOne({ verb: 'document.created' }).lean();
    expect(activity?.actorName).toBe('Daniel Okafor');
  });

  it('forbids creating a draft in another group', async () => {
    const other = await t.signIn('wirtschaft@lip.example');
    const result = await other.gql(CREATE, {
      input: { groupId: educationGroupId, kind: 'OTHER', title: 'Fremd' },
    });
    expect(errorCode(result)).toBe('FORBIDDEN');
  });

  it('rejects a too short title with BAD_USER_INPUT and writes nothing', async () => {
    const member = await t.signIn('wirtschaft@lip.example');
    const before = await t.app.deps.models.Document.countDocuments({});
    const result = await member.gql(CREATE, {
      input: { groupId: economyGroupId, kind: 'OTHER', title: 'x' },
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(await t.app.deps.models.Document.countDocuments({})).toBe(before);
  });

  it('lets a group member rename a draft and forbids a council member to', async () => {
    const member = await t.signIn('bildung@lip.example');
    const renamed = await member.gql(UPDATE, {
      input: { documentId: reviewId, title: 'Bildung: Ausgangslage und Ziele', order: 1 },
    });
    expect(renamed.data?.updateDocument.document.title).toBe('Bildung: Ausgangslage und Ziele');
    const council = await t.signIn('beirat-nord@lip.example');
    expect(
      errorCode(await council.gql(UPDATE, { input: { documentId: reviewId, title: 'Geändert' } })),
    ).toBe('FORBIDDEN');
  });
});

describe('document status', () => {
  it('is not a mutation anyone may call: review rounds and steering decisions write it', async () => {
    const steering = await t.signIn('lenkung@lip.example');
    const result = await steering.gql(
      'mutation ($id: ID!) { changeDocumentStatus(input: { documentId: $id, status: ACCEPTED }) { document { id } } }',
      { id: reviewId },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const doc = await t.app.deps.models.Document.findOne({ _id: reviewId }).lean();
    expect(doc?.status).toBe('in-review');
  });

  it('refuses to create a document of the statement kind directly', async () => {
    const member = await t.signIn('bildung@lip.example');
    const result = await member.gql(CREATE, {
      input: { groupId: educationGroupId, kind: 'STATEMENT', title: 'Eigene Stellungnahme' },
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
  });
});
