import { Types } from 'mongoose';
import { errorCode, startTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;

const PAPER = `query { paper { id revision title viewerCanManage
  outline { id kind title documentId measureId actionFieldKey label missing } } }`;
const UPDATE = `mutation ($input: UpdatePaperInput!) { updatePaper(input: $input) { paper { revision
  outline { id kind label missing } } } }`;
const READ = `query { paperReading { title complete hiddenParts missingParts html runningHeader
  toc { anchor level number text } parts { entryId kind title status visible missing anchor } } }`;

interface Entry {
  id: string;
  kind: string;
  title: string | null;
  documentId: string | null;
  measureId: string | null;
  actionFieldKey: string | null;
  label: string;
}

const toInput = (entry: Entry) => ({
  id: entry.id,
  kind: entry.kind,
  title: entry.title,
  documentId: entry.documentId,
  measureId: entry.measureId,
  actionFieldKey: entry.actionFieldKey,
});

beforeAll(async () => {
  t = await startTestApp(__filename, { collab: true });
});

afterAll(() => t.close());

describe('the paper outline', () => {
  it('starts with the preface, the introduction, a part per field with its chapters and measures, and an annex', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const paper = (await coordinator.gql(PAPER)).data?.paper;
    expect(paper.viewerCanManage).toBe(true);
    const labels = paper.outline.map((e: Entry) => `${e.kind}:${e.label}`);
    expect(labels.slice(0, 6)).toEqual([
      'DOCUMENT:Vorwort',
      'DOCUMENT:Einleitung',
      'PART:Handlungsfeld Bildung',
      'DOCUMENT:Bildung: Ausgangslage und Ziele',
      'MEASURES:Maßnahmen: Bildung',
      'PART:Handlungsfeld Wirtschaft',
    ]);
    expect(labels.at(-1)).toBe('PART:Anhang');
  });

  it('lets the coordinator reorder it and refuses group members, observers and stale outlines', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const paper = (await coordinator.gql(PAPER)).data?.paper;
    const [preface, introduction, ...rest] = paper.outline as Entry[];
    const reordered = [introduction, preface, ...rest].map((e) => toInput(e as Entry));
    const moved = await coordinator.gql(UPDATE, {
      input: { paperId: paper.id, revision: paper.revision, outline: reordered },
    });
    expect(moved.errors).toBeUndefined();
    expect(moved.data?.updatePaper.paper.revision).toBe(paper.revision + 1);
    expect(moved.data?.updatePaper.paper.outline.slice(0, 2).map((e: Entry) => e.label)).toEqual([
      'Einleitung',
      'Vorwort',
    ]);

    for (const email of ['bildung@lip.example', 'beobachtung@lip.example', 'lenkung@lip.example']) {
      const other = await t.signIn(email);
      expect((await other.gql(PAPER)).data?.paper.viewerCanManage).toBe(false);
      const refused = await other.gql(UPDATE, {
        input: { paperId: paper.id, revision: paper.revision + 1, outline: reordered },
      });
      expect({ email, code: errorCode(refused) }).toEqual({ email, code: 'FORBIDDEN' });
    }

    const stale = await coordinator.gql(UPDATE, {
      input: { paperId: paper.id, revision: paper.revision, outline: reordered },
    });
    expect(errorCode(stale)).toBe('CONFLICT');
  });

  it('refuses an outline with a deleted, a foreign or a doubled document and a part without title, naming each entry, and keeps the old one', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const paper = (await coordinator.gql(PAPER)).data?.paper;
    const foreign = await t.app.deps.models.Document.create({
      processId: new Types.ObjectId(),
      actionFieldKey: 'education',
      groupId: new Types.ObjectId(),
      kind: 'foundation-chapter',
      title: 'Fremdes Dokument',
    });
    const description = await t.app.deps.models.Measure.findOne({ code: 'BIL-01' }).lean();
    const outline = (paper.outline as Entry[]).map(toInput);
    const first = outline[0];
    const input = [
      ...outline,
      { kind: 'DOCUMENT', documentId: new Types.ObjectId().toHexString() },
      { kind: 'DOCUMENT', documentId: String(foreign._id) },
      { kind: 'DOCUMENT', documentId: first?.documentId },
      { kind: 'DOCUMENT', documentId: String(description?.descriptionDocumentId) },
      { kind: 'PART', title: '' },
      { kind: 'MEASURES', actionFieldKey: 'weltraum' },
    ];
    const n = outline.length;
    const result = await coordinator.gql(UPDATE, {
      input: { paperId: paper.id, revision: paper.revision, outline: input },
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.fields).toMatchObject([
      {
        path: `outline.${n}.documentId`,
        message: `Gliederung, Eintrag ${n + 1}: Dieses Dokument gibt es nicht (mehr), oder es gehört nicht zu diesem Prozess.`,
      },
      {
        path: `outline.${n + 1}.documentId`,
        message: `Gliederung, Eintrag ${n + 2}: Dieses Dokument gibt es nicht (mehr), oder es gehört nicht zu diesem Prozess.`,
      },
      {
        path: `outline.${n + 2}.documentId`,
        message: `Gliederung, Eintrag ${n + 3}: Dieses Dokument steht schon in der Gliederung.`,
      },
      {
        path: `outline.${n + 3}.documentId`,
        message: `Gliederung, Eintrag ${n + 4}: Dieses Dokument gibt es nicht (mehr), oder es gehört nicht zu diesem Prozess.`,
      },
      {
        path: `outline.${n + 4}.title`,
        message: `Gliederung, Eintrag ${n + 5}: Ein Teil braucht einen Titel.`,
      },
      {
        path: `outline.${n + 5}.actionFieldKey`,
        message: `Gliederung, Eintrag ${n + 6}: Dieses Handlungsfeld gibt es in diesem Prozess nicht.`,
      },
    ]);
    const after = (await coordinator.gql(PAPER)).data?.paper;
    expect(after.revision).toBe(paper.revision);
    expect(after.outline).toHaveLength(n);
  });

  it('marks an entry whose document was deleted as missing', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const paper = (await coordinator.gql(PAPER)).data?.paper;
    const doomed = await t.app.deps.models.Document.create({
      processId: (await t.app.deps.models.Process.findOne({}).lean())?._id,
      actionFieldKey: 'economy',
      groupId: new Types.ObjectId(),
      kind: 'foundation-chapter',
      title: 'Bald gelöscht',
    });
    const added = await coordinator.gql(UPDATE, {
      input: {
        paperId: paper.id,
        revision: paper.revision,
        outline: [
          ...(paper.outline as Entry[]).map(toInput),
          { kind: 'DOCUMENT', documentId: String(doomed._id) },
        ],
      },
    });
    expect(added.errors).toBeUndefined();
    await t.app.deps.models.Document.deleteOne({ _id: doomed._id });
    const read = await coordinator.gql(READ);
    expect(read.data?.paperReading.missingParts).toBe(1);
    expect(read.data?.paperReading.complete).toBe(false);
    expect(read.data?.paperReading.html).toContain(
      'Dieser Teil fehlt: Das Dokument oder die Maßnahme gibt es nicht mehr.',
    );
    const outline = (await coordinator.gql(PAPER)).data?.paper.outline as (Entry & {
      missing: boolean;
    })[];
    expect(outline.at(-1)?.missing).toBe(true);
    // Put the outline back for the following tests.
    await coordinator.gql(UPDATE, {
      input: {
        paperId: paper.id,
        revision: paper.revision + 1,
        outline: (paper.outline as Entry[]).map(toInput),
      },
    });
  });
});

describe('the reading view', () => {
  it('shows the whole paper with numbered headings, a table of contents, status and last change per part, and uniform measure sheets', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const reading = (await coordinator.gql(READ)).data?.paperReading;
    expect(reading.complete).toBe(true);
    expect(reading.runningHeader).toMatch(/^Grundlagenpapier · Arbeitsstand · /);
    const toc = reading.toc.map((e: { number: string; text: string }) => `${e.number} ${e.text}`);
    expect(toc).toContain('3 Handlungsfeld Bildung');
    expect(toc).toContain('3.1 Bildung: Ausgangslage und Ziele');
    expect(toc).toContain('3.2 Maßnahmen: Bildung');
    expect(toc).toContain('3.2.1 BIL-01 Mehrsprachige Elternbegleitung an Grundschulen');
    expect(reading.html).toContain('Status: In Prüfung · zuletzt geändert am');
    expect(reading.html).toContain(
      '<caption>BIL-01 · Mehrsprachige Elternbegleitung an Grundschulen</caption>',
    );
    expect(reading.html).toContain('<th scope="row">Indikatoren</th>');
    expect(reading.html).toContain('Geschulte Elternbegleiter*innen');
    const measurePart = reading.parts.find((p: { title: string }) => p.title.startsWith('BIL-01'));
    expect(measurePart).toMatchObject({ kind: 'MEASURE', status: 'in-progress', visible: true });
    expect(reading.html).toContain(`id="${measurePart.anchor}"`);
  });

  it('shows a council member the parts they may see and says which are hidden', async () => {
    const council = await t.signIn('beirat-nord@lip.example');
    const reading = (await council.gql(READ)).data?.paperReading;
    expect(reading.complete).toBe(false);
    expect(reading.hiddenParts).toBeGreaterThan(0);
    expect(reading.html).toContain('Dieser Teil ist für Sie nicht sichtbar.');
    expect(reading.html).not.toContain('Erster Entwurf: Mentoring durch Auszubildende');
    expect(reading.html).not.toContain('Übergangsbegleitung Schule–Beruf');
    expect(reading.html).toContain('Nicht freigegebener Teil');
    // Shared with the councils for review, so readable:
    expect(reading.html).toContain('Bildung ist ein Schlüssel für Teilhabe.');
  });
});

describe('editions', () => {
  const TAKE = `mutation ($input: CreatePaperEditionInput!) { createPaperEdition(input: $input) {
    edition { id name createdByName parts { kind title documentId versionId measureId } } } }`;
  const EDITIONS = `query { paper { editions { id name } } }`;
  const CONTENT = `query ($documentId: ID!, $versionId: ID) { documentContent(documentId: $documentId, versionId: $versionId) { title doc text } }`;

  it('takes a named version of every document at once, lists it and reads it back, and tells the steering group', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const paperId = (await coordinator.gql(PAPER)).data?.paper.id as string;
    const taken = await coordinator.gql(TAKE, {
      input: { paperId, name: 'Entwurf für die Lenkungsgruppe' },
    });
    expect(taken.errors).toBeUndefined();
    const edition = taken.data?.createPaperEdition.edition;
    const documents = (
      edition.parts as { kind: string; documentId: string | null; versionId: string | null }[]
    ).filter((p) => p.kind === 'DOCUMENT' && p.documentId);
    expect(documents.length).toBeGreaterThan(3);
    expect(documents.every((p) => p.versionId)).toBe(true);
    expect((await coordinator.gql(EDITIONS)).data?.paper.editions[0]).toMatchObject({
      id: edition.id,
      name: 'Entwurf für die Lenkungsgruppe',
    });
    const [first] = documents;
    const frozen = await coordinator.gql(CONTENT, {
      documentId: first?.documentId,
      versionId: first?.versionId,
    });
    expect(JSON.parse(frozen.data?.documentContent.doc as string)).toMatchObject({ type: 'doc' });
    expect(frozen.data?.documentContent.text.length).toBeGreaterThan(20);

    const steeringId = await t.personId('lenkung@lip.example');
    const told = await t.app.deps.models.Notification.find({
      personId: steeringId,
      kind: 'paper-edition',
    }).lean();
    expect(told.map((n) => n.link)).toEqual([`/paper/editions/${edition.id}`]);
  });

  it('refuses an edition to group members and the steering group, and one without a name', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const paperId = (await coordinator.gql(PAPER)).data?.paper.id as string;
    for (const email of ['bildung@lip.example', 'lenkung@lip.example', 'beirat-nord@lip.example']) {
      const other = await t.signIn(email);
      const refused = await other.gql(TAKE, { input: { paperId, name: 'Nicht erlaubt' } });
      expect({ email, code: errorCode(refused) }).toEqual({ email, code: 'FORBIDDEN' });
    }
    const before = await t.app.deps.models.PaperEdition.countDocuments({});
    const unnamed = await coordinator.gql(TAKE, { input: { paperId, name: '  ' } });
    expect(errorCode(unnamed)).toBe('BAD_USER_INPUT');
    expect(unnamed.errors?.[0]?.message).toMatch(/Name/);
    expect(await t.app.deps.models.PaperEdition.countDocuments({})).toBe(before);
  });
});
