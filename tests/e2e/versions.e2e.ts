import { createCollabServer, type CollabServer } from '@lip/collab-server';
import {
  getDocumentContent,
  getVersionContent,
  getVersionState,
  resolvePassages,
} from '../../api/src/modules/versions';
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

describe('the API’s typed client of the collab server’s internal endpoints', () => {
  it('reads live content, a version’s content and state, and resolves passages', async () => {
    const member = await t.signIn('bildung@lip.example');
    const created = await member.gql(CREATE, {
      input: { documentId: draftId, label: 'Für Anker' },
    });
    const versionId: string = created.data?.createDocumentVersion.version.id;

    const live = await getDocumentContent(t.app.deps, draftId);
    expect(live.json.type).toBe('doc');
    expect(live.text.length).toBeGreaterThan(0);
    expect(live.html).toMatch(/^<(p|h\d|ul|ol|blockquote)/);

    const content = await getVersionContent(t.app.deps, draftId, versionId);
    expect(content).toMatchObject({
      version: { id: versionId, label: 'Für Anker' },
      text: live.text,
    });

    const state = await getVersionState(t.app.deps, draftId, versionId);
    expect(state).toBeInstanceOf(Uint8Array);
    expect(state?.byteLength).toBeGreaterThan(0);

    const quote = live.text.split(/\s+/).find((word) => word.length > 3) ?? '';
    const passages = await resolvePassages(t.app.deps, draftId, {
      anchors: [
        { start: 'AAAA', end: 'AAAA', quote },
        { start: 'AAAA', end: 'AAAA', quote: 'kommt nirgends vor' },
      ],
      versionId,
    });
    expect(passages.map((p) => p.status)).toEqual(['found-by-quote', 'deleted']);

    expect(await getVersionContent(t.app.deps, draftId, 'f'.repeat(24))).toBeNull();
    expect(await getVersionState(t.app.deps, draftId, 'f'.repeat(24))).toBeNull();
  });

  it('reports an unreachable collab server as a retryable conflict', async () => {
    const deps = {
      config: { collabInternalUrl: 'http://127.0.0.1:1', collabInternalPort: 1 },
      secrets: t.app.deps.secrets,
    };
    await expect(getDocumentContent(deps, draftId)).rejects.toMatchObject({ code: 'conflict' });
  });
});
