import { createCollabServer, type CollabServer } from '@lip/collab-server';
import { errorCode, startTestApp, type TestApp } from '../../api/src/testing/test-app';

let t: TestApp;
let collab: CollabServer;
let draftId: string;
let reviewId: string;

const LIST = 'query ($id: ID!) { documentVersions(documentId: $id) { id label createdByName } }';
const VIEW =
  'query ($id: ID!, $v: ID!) { documentVersion(documentId: $id, versionId: $v) { html text version { label } } }';
const CREATE =
  'mutation ($input: CreateDocumentVersionInput!) { createDocumentVersion(input: $input) { version { id label createdByName } } }';
const RESTORE =
  'mutation ($input: RestoreDocumentVersionInput!) { restoreDocumentVersion(input: $input) { version { id label } } }';

beforeAll(async () => {
  t = await startTestApp(__filename);
  const db = t.app.deps.connection.db;
  if (!db) throw new Error('no db');
  collab = createCollabServer({
    database: { db },
    secret: t.app.deps.secrets.collabSecret,
  });
  const { internalPort } = await collab.listen(0);
  t.app.deps.config.collabInternalUrl = `http://127.0.0.1:${internalPort}`;
  const docs = await t.app.deps.models.Document.find({}).lean();
  reviewId = String(docs.find((d) => d.title === 'Bildung: Ausgangslage und Ziele')?._id);
  draftId = String(docs.find((d) => d.title === 'Bildung: Maßnahmen (Entwurf)')?._id);
});

afterAll(async () => {
  await collab.close();
  await t.close();
});

describe('document versions through GraphQL', () => {
  it('lets a group member save, list, view and restore a named version', async () => {
    const member = await t.signIn('bildung@lip.example');
    const created = await member.gql(CREATE, { input: { documentId: draftId, label: 'Stand 1' } });
    const version = created.data?.createDocumentVersion.version;
    expect(version).toMatchObject({ label: 'Stand 1', createdByName: 'Ayşe Demir' });

    const list = await member.gql(LIST, { id: draftId });
    expect(list.data?.documentVersions.map((v: { id: string }) => v.id)).toEqual([version.id]);

    const view = await member.gql(VIEW, { id: draftId, v: version.id });
    expect(view.data?.documentVersion.version.label).toBe('Stand 1');
    expect(typeof view.data?.documentVersion.html).toBe('string');

    const restored = await member.gql(RESTORE, {
      input: { documentId: draftId, versionId: version.id },
    });
    expect(restored.data?.restoreDocumentVersion.version.id).toBe(version.id);
  });

  it('lets a council member list versions of a shared draft but not save one', async () => {
    const council = await t.signIn('beirat-nord@lip.example');
    expect((await council.gql(LIST, { id: reviewId })).data?.documentVersions).toEqual([]);
    const refused = await council.gql(CREATE, { input: { documentId: reviewId, label: 'x' } });
    expect(errorCode(refused)).toBe('FORBIDDEN');
  });

  it('hides versions of a draft from people outside its group', async () => {
    const other = await t.signIn('wirtschaft@lip.example');
    expect(errorCode(await other.gql(LIST, { id: draftId }))).toBe('NOT_FOUND');
  });
});
