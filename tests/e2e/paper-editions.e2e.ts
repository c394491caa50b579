import { createCollabServer, type CollabServer } from '@lip/collab-server';
import { errorCode, startTestApp, type TestApp } from '../../api/src/testing/test-app';

jest.setTimeout(120_000);

let t: TestApp;
let collab: CollabServer;

const PAPER = 'query { paper { id revision outline { id kind label documentId } } }';
const EDITION = `mutation ($input: CreatePaperEditionInput!) { createPaperEdition(input: $input) {
  edition { id name createdByName parts { entryId kind title status versionId documentId measureId } } } }`;
const READ = `query ($e: ID) { paperReading(editionId: $e) { editionName runningHeader complete html
  parts { title versionId } } }`;
const VERSIONS = 'query ($id: ID!) { documentVersions(documentId: $id) { id label } }';
const CONTENT = `query ($d: ID!, $v: ID) { documentContent(documentId: $d, versionId: $v) {
  documentId versionId title doc text } }`;
const UPDATE_MEASURE = `mutation ($input: UpdateMeasureInput!) { updateMeasure(input: $input) {
  measure { title } } }`;

beforeAll(async () => {
  t = await startTestApp(__filename);
  const db = t.app.deps.connection.db;
  if (!db) throw new Error('no db');
  collab = createCollabServer({ database: { db }, secret: t.app.deps.secrets.collabSecret });
  const { internalPort } = await collab.listen(0);
  t.app.deps.config.collabInternalUrl = `http://127.0.0.1:${internalPort}`;
});

afterAll(async () => {
  await collab.close();
  await t.close();
});

describe('editions of the paper', () => {
  it('takes named versions of every document and measure at once and records them together', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const paper = (await coordinator.gql(PAPER)).data?.paper;
    const result = await coordinator.gql(EDITION, {
      input: { paperId: paper.id, name: 'Entwurf für die Lenkungsgruppe' },
    });
    expect(result.errors).toBeUndefined();
    const edition = result.data?.createPaperEdition.edition;
    expect(edition).toMatchObject({
      name: 'Entwurf für die Lenkungsgruppe',
      createdByName: 'Jonas Becker',
    });
    const frozen = edition.parts.filter((p: { kind: string }) =>
      ['DOCUMENT', 'MEASURE'].includes(p.kind),
    );
    expect(frozen.length).toBeGreaterThan(15);
    expect(frozen.every((p: { versionId: string | null }) => p.versionId)).toBe(true);

    // Each document now lists the edition's version under the edition's name.
    const preface = frozen.find((p: { title: string }) => p.title === 'Vorwort');
    const versions = await coordinator.gql(VERSIONS, { id: preface.documentId });
    expect(versions.data?.documentVersions).toEqual([
      { id: preface.versionId, label: 'Fassung „Entwurf für die Lenkungsgruppe“' },
    ]);
  });

  it('opens an edition unchanged after the live paper moved on', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const paper = (await coordinator.gql(PAPER)).data?.paper;
    const edition = (
      await coordinator.gql(EDITION, { input: { paperId: paper.id, name: 'Beschlussfassung' } })
    ).data?.createPaperEdition.edition;

    const measure = await t.app.deps.models.Measure.findOne({ code: 'BIL-02' }).lean();
    const changed = await coordinator.gql(UPDATE_MEASURE, {
      input: {
        measureId: String(measure?._id),
        revision: measure?.revision,
        title: 'Sprachkitas dauerhaft sichern',
      },
    });
    expect(changed.errors).toBeUndefined();

    const live = (await coordinator.gql(READ)).data?.paperReading;
    expect(live.html).toContain('BIL-02 Sprachkitas dauerhaft sichern');
    const frozen = (await coordinator.gql(READ, { e: edition.id })).data?.paperReading;
    expect(frozen.editionName).toBe('Beschlussfassung');
    expect(frozen.runningHeader).toContain('Fassung „Beschlussfassung“');
    expect(frozen.html).toContain('BIL-02 Sprachkitas verstetigen');
    expect(frozen.html).not.toContain('Sprachkitas dauerhaft sichern');
    expect(frozen.html).toContain('Zehn Jahre nach dem ersten Lokalen Integrationsplan');
    expect(frozen.parts.some((p: { versionId: string | null }) => p.versionId)).toBe(true);
  });

  it('refuses group members, councils and observers', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const paperId = (await coordinator.gql(PAPER)).data?.paper.id;
    for (const email of [
      'bildung@lip.example',
      'beirat-nord@lip.example',
      'beobachtung@lip.example',
    ]) {
      const other = await t.signIn(email);
      const refused = await other.gql(EDITION, { input: { paperId, name: 'Nein' } });
      expect({ email, code: errorCode(refused) }).toEqual({ email, code: 'FORBIDDEN' });
    }
  });

  it('records no edition when a part is gone, and says which', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const paper = (await coordinator.gql(PAPER)).data?.paper;
    const before = await t.app.deps.models.PaperEdition.countDocuments({});
    const introduction = paper.outline.find((e: { label: string }) => e.label === 'Einleitung');
    const stored = await t.app.deps.models.Document.findOne({
      _id: introduction.documentId,
    }).lean();
    if (!stored) throw new Error('no introduction');
    await t.app.deps.models.Document.deleteOne({ _id: introduction.documentId });
    try {
      const refused = await coordinator.gql(EDITION, {
        input: { paperId: paper.id, name: 'Lücke' },
      });
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0]?.message).toContain('Bitte aus der Gliederung entfernen.');
      expect(await t.app.deps.models.PaperEdition.countDocuments({})).toBe(before);
    } finally {
      await t.app.deps.models.Document.create(stored);
    }
  });

  it('gives a document’s content live and as a named version for comparison', async () => {
    const member = await t.signIn('bildung@lip.example');
    const id = String(
      (
        await t.app.deps.models.Document.findOne({
          title: 'Bildung: Ausgangslage und Ziele',
        }).lean()
      )?._id,
    );
    const live = (await member.gql(CONTENT, { d: id })).data?.documentContent;
    expect(live.title).toBe('Bildung: Ausgangslage und Ziele');
    expect(live.doc === null ? live.text : JSON.parse(live.doc).type).toBeTruthy();
    const versions = (await member.gql(VERSIONS, { id })).data?.documentVersions;
    const version = (await member.gql(CONTENT, { d: id, v: versions[0].id })).data?.documentContent;
    expect(version.versionId).toBe(versions[0].id);
    expect(version.doc ?? version.text).toContain('Bildung ist ein Schlüssel');
    const missing = await member.gql(CONTENT, { d: id, v: 'aaaaaaaaaaaaaaaaaaaaaaaa' });
    expect(missing.data?.documentContent).toBeNull();
    const outsider = await t.signIn('wirtschaft@lip.example');
    const draft = String(
      (await t.app.deps.models.Document.findOne({ title: 'Bildung: Maßnahmen (Entwurf)' }).lean())
        ?._id,
    );
    expect(errorCode(await outsider.gql(CONTENT, { d: draft }))).toBe('NOT_FOUND');
  });
});
