import { DomainError } from '../../errors';
import { toGraphQLError } from '../../graphql/errors';
import { startFakeCollab, type FakeCollab } from '../../testing/fake-collab';
import { Q, evaluatedMeasureRound, inDays, must } from '../../testing/review-fixtures';
import { errorCode, startTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { parseEuroAmount } from './measure.input';
import { createMeasure } from './measure.service';

let t: TestApp;
let collab: FakeCollab;
let educationGroupId: string;
let economyGroupId: string;
let orgIds: Record<string, string>;

const FIELDS = `id code title status revision goal targetGroups districts leadUnit
  leadOrganisation { id name } partnerOrganisations { id name }
  indicators { name baseline target source interval }
  budget { amountEur source budgetLine }
  descriptionDocumentId descriptionDocument { id kind title status }
  viewerCanEdit viewerCanReportProgress viewerStatusTransitions
  progress { note status authorName }`;
const CREATE = `mutation ($input: CreateMeasureInput!) { createMeasure(input: $input) { measure { ${FIELDS} } } }`;
const UPDATE = `mutation ($input: UpdateMeasureInput!) { updateMeasure(input: $input) { measure { ${FIELDS} changes { field before after byName revision } } } }`;
const STATUS = `mutation ($input: ChangeMeasureStatusInput!) { changeMeasureStatus(input: $input) { measure { ${FIELDS} } } }`;
const PROGRESS = `mutation ($input: AddMeasureProgressInput!) { addMeasureProgress(input: $input) { measure { ${FIELDS} } } }`;
const GET = `query ($id: ID!) { measure(id: $id) { ${FIELDS} changes { field before after byName } sheet { field label items } } }`;
const LIST = `query ($filter: MeasureFilter, $sort: MeasureSort) { measures(filter: $filter, sort: $sort) { total items { code status } statusCounts { status count } } }`;

beforeAll(async () => {
  t = await startTestApp(__filename);
  collab = await startFakeCollab(t.app.deps.secrets.collabSecret);
  t.app.deps.config.collabInternalUrl = collab.url;
  const process = await t.app.deps.models.Process.findOne({}).lean();
  educationGroupId = String(process?.groups.find((g) => g.actionFieldKey === 'education')?._id);
  economyGroupId = String(process?.groups.find((g) => g.actionFieldKey === 'economy')?._id);
  const orgs = await t.app.deps.models.Organisation.find({}).lean();
  orgIds = Object.fromEntries(orgs.map((o) => [o.name, String(o._id)]));
});

afterAll(async () => {
  await collab.close();
  await t.close();
});

/** The steering group's vote on a proposed measure: a decision in an evaluated review round. */
async function decide(measureId: string, outcome: 'ACCEPTED' | 'RETURNED', reason = '') {
  const roundId = await evaluatedMeasureRound(t, [measureId]);
  const steering = await t.signIn('lenkung@lip.example');
  await must(steering, Q.record, {
    input: {
      roundId,
      itemIndex: 0,
      decision: { outcome, reason, meetingDate: inDays(-1), confirm: true },
    },
  });
}

async function create(client: TestClient, title: string, extra: Record<string, unknown> = {}) {
  const result = await client.gql(CREATE, {
    input: { groupId: educationGroupId, title, ...extra },
  });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data?.createMeasure.measure;
}

describe('creating measures', () => {
  it('lets a group member create a measure with the next code of the field and its description document', async () => {
    const member = await t.signIn('bildung2@lip.example');
    const measure = await create(member, 'Lernpatenschaften');
    expect(measure.code).toBe('BIL-04');
    expect(measure.status).toBe('DRAFT');
    expect(measure.descriptionDocument).toMatchObject({
      kind: 'MEASURE_DESCRIPTION',
      title: 'BIL-04 Lernpatenschaften',
      status: 'DRAFT',
    });
    expect(measure.viewerCanEdit).toBe(true);
  });

  it('lets the coordinator create in any field and refuses members of other fields, observers and councils', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    expect((await create(coordinator, 'Koordinierte Maßnahme')).code).toMatch(/^BIL-\d\d$/);
    for (const email of [
      'wirtschaft@lip.example',
      'beobachtung@lip.example',
      'beirat-nord@lip.example',
      'lenkung@lip.example',
    ]) {
      const other = await t.signIn(email);
      const refused = await other.gql(CREATE, {
        input: { groupId: educationGroupId, title: 'Nein' },
      });
      expect({ email, code: errorCode(refused) }).toEqual({ email, code: 'FORBIDDEN' });
    }
    const economy = await t.signIn('wirtschaft@lip.example');
    const own = await economy.gql(CREATE, { input: { groupId: economyGroupId, title: 'Eigene' } });
    expect(own.data?.createMeasure.measure.code).toBe('WIR-03');
  });

  it('gives concurrent creations distinct codes', async () => {
    const member = await t.signIn('bildung@lip.example');
    const made = await Promise.all(
      Array.from({ length: 5 }, (_, i) => create(member, `Parallele Maßnahme ${i}`)),
    );
    const codes = made.map((m: { code: string }) => m.code);
    expect(new Set(codes).size).toBe(5);
  });

  it('refuses a colliding number with an error naming the field, in German and English, and writes nothing', async () => {
    const member = await t.signIn('bildung@lip.example');
    const before = await t.app.deps.models.Measure.countDocuments({});
    const documentsBefore = await t.app.deps.models.Document.countDocuments({});
    const result = await member.gql(CREATE, {
      input: { groupId: educationGroupId, title: 'Doppelt', code: 'BIL-01' },
    });
    expect(errorCode(result)).toBe('CONFLICT');
    expect(result.errors?.[0]?.message).toContain('Nummer: „BIL-01“ ist schon vergeben.');
    expect(result.errors?.[0]?.extensions?.fields).toMatchObject([
      {
        path: 'code',
        message: 'Nummer: „BIL-01“ ist schon vergeben. Bitte eine andere Nummer wählen.',
      },
    ]);
    expect(await t.app.deps.models.Measure.countDocuments({})).toBe(before);
    expect(await t.app.deps.models.Document.countDocuments({})).toBe(documentsBefore);

    const scope = await t.scopeFor('bildung@lip.example');
    const error = await createMeasure(scope, {
      groupId: educationGroupId,
      title: 'Doppelt',
      code: 'BIL-01',
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect(toGraphQLError(error as DomainError, 'en').message).toContain(
      'Number: “BIL-01” is already taken.',
    );
  });

  it('refuses a malformed code naming the field', async () => {
    const member = await t.signIn('bildung@lip.example');
    const result = await member.gql(CREATE, {
      input: { groupId: educationGroupId, title: 'Falsch', code: 'bildung 3' },
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.fields).toMatchObject([
      {
        path: 'code',
        message:
          'Nummer: muss wie „BIL-03“ aussehen: 2 bis 5 Großbuchstaben, Bindestrich, 2 bis 3 Ziffern.',
      },
    ]);
  });
});

describe('editing measures', () => {
  it('saves every field, logs each change with before and after, and renders the sheet', async () => {
    const member = await t.signIn('bildung@lip.example');
    const measure = await create(member, 'Sprachcafés');
    const result = await member.gql(UPDATE, {
      input: {
        measureId: measure.id,
        revision: measure.revision,
        title: 'Sprachcafés in Stadtteilbibliotheken',
        goal: 'Begegnung und Sprachpraxis',
        targetGroups: ['Neuzugewanderte', 'Ältere Menschen'],
        districts: ['Linden-Limmer', 'citywide'],
        leadOrganisationId: orgIds['Landeshauptstadt Hannover'],
        leadUnit: 'Stadtbibliothek',
        partnerOrganisationIds: [orgIds['Region Hannover']],
        start: '2027-01-01T00:00:00Z',
        end: '2027-12-31T00:00:00Z',
        horizon: 'SHORT',
        priority: 'HIGH',
        indicators: [{ name: 'Teilnehmende', baseline: '0', target: '500', source: 'Zählung' }],
        budget: { amount: '12.500,50', source: 'CITY_BUDGET', budgetLine: '1.2810' },
      },
    });
    expect(result.errors).toBeUndefined();
    const saved = result.data?.updateMeasure.measure;
    expect(saved).toMatchObject({
      revision: 1,
      title: 'Sprachcafés in Stadtteilbibliotheken',
      leadOrganisation: { name: 'Landeshauptstadt Hannover' },
      partnerOrganisations: [{ name: 'Region Hannover' }],
      budget: { amountEur: 12500.5, source: 'CITY_BUDGET', budgetLine: '1.2810' },
      descriptionDocument: {
        title: 'BIL-' + saved.code.slice(4) + ' Sprachcafés in Stadtteilbibliotheken',
      },
    });
    const fields = saved.changes.map((c: { field: string }) => c.field).sort();
    expect(fields).toEqual(
      [
        'budget',
        'districts',
        'end',
        'goal',
        'horizon',
        'indicators',
        'leadOrganisation',
        'leadUnit',
        'partnerOrganisations',
        'priority',
        'start',
        'targetGroups',
        'title',
      ].sort(),
    );
    const title = saved.changes.find((c: { field: string }) => c.field === 'title');
    expect(title).toMatchObject({
      before: 'Sprachcafés',
      after: 'Sprachcafés in Stadtteilbibliotheken',
      byName: 'Ayşe Demir',
      revision: 1,
    });
    const budget = saved.changes.find((c: { field: string }) => c.field === 'budget');
    expect(budget.after).toBe('12.500,50\u00a0€, städtischer Haushalt, Haushaltsstelle 1.2810');

    const read = await member.gql(GET, { id: measure.id });
    const sheet = read.data?.measure.sheet as { field: string; items: string[] }[];
    expect(sheet.find((f) => f.field === 'districts')?.items).toEqual([
      'Linden-Limmer',
      'stadtweit',
    ]);
    expect(sheet.find((f) => f.field === 'indicators')?.items).toEqual([
      'Teilnehmende (Ausgangswert: 0; Ziel: 500; Quelle: Zählung)',
    ]);
  });

  it('refuses an indicator without a name and a budget that is not a number, naming each field, and changes nothing', async () => {
    const member = await t.signIn('bildung@lip.example');
    const measure = await create(member, 'Prüfmaßnahme');
    const result = await member.gql(UPDATE, {
      input: {
        measureId: measure.id,
        revision: 0,
        goal: 'soll nicht gespeichert werden',
        indicators: [{ name: 'Gut' }, { name: '  ', target: '10' }],
        budget: { amount: 'zwölftausend' },
      },
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.fields).toMatchObject([
      { path: 'indicators.1.name', message: 'Indikator 2: Bitte einen Namen angeben.' },
      {
        path: 'budget.amount',
        message: 'Budget – Betrag: muss eine Zahl sein, zum Beispiel 12500 oder 12.500,50.',
      },
    ]);
    expect(result.errors?.[0]?.message).toContain('Indikator 2: Bitte einen Namen angeben.');
    const read = await member.gql(GET, { id: measure.id });
    expect(read.data?.measure).toMatchObject({ goal: '', revision: 0, changes: [] });
  });

  it('refuses an unknown district, an unknown organisation and an end before the start', async () => {
    const member = await t.signIn('bildung@lip.example');
    const measure = await create(member, 'Prüfmaßnahme 2');
    const district = await member.gql(UPDATE, {
      input: { measureId: measure.id, revision: 0, districts: ['Atlantis'] },
    });
    expect(district.errors?.[0]?.extensions?.fields).toMatchObject([
      {
        path: 'districts.0',
        message: 'Stadtbezirke (Eintrag 1): „Atlantis“ ist kein Stadtbezirk dieses Prozesses.',
      },
    ]);
    const organisation = await member.gql(UPDATE, {
      input: { measureId: measure.id, revision: 0, leadOrganisationId: 'aaaaaaaaaaaaaaaaaaaaaaaa' },
    });
    expect(organisation.errors?.[0]?.extensions?.fields).toMatchObject([
      { path: 'leadOrganisationId' },
    ]);
    const dates = await member.gql(UPDATE, {
      input: {
        measureId: measure.id,
        revision: 0,
        start: '2028-01-01T00:00:00Z',
        end: '2027-01-01T00:00:00Z',
      },
    });
    expect(dates.errors?.[0]?.extensions?.fields).toMatchObject([
      { path: 'end', message: 'Ende: darf nicht vor dem Beginn liegen.' },
    ]);
  });

  it('answers a stale form with a conflict instead of overwriting', async () => {
    const member = await t.signIn('bildung@lip.example');
    const measure = await create(member, 'Konfliktmaßnahme');
    const first = await member.gql(UPDATE, {
      input: { measureId: measure.id, revision: 0, goal: 'erste' },
    });
    expect(first.errors).toBeUndefined();
    const stale = await member.gql(UPDATE, {
      input: { measureId: measure.id, revision: 0, goal: 'zweite' },
    });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect((await member.gql(GET, { id: measure.id })).data?.measure.goal).toBe('erste');
  });

  it('renumbers a measure, frees the old number and refuses a taken one', async () => {
    const member = await t.signIn('bildung@lip.example');
    const measure = await create(member, 'Umnummerierung');
    const renamed = await member.gql(UPDATE, {
      input: { measureId: measure.id, revision: 0, code: 'BIL-90' },
    });
    expect(renamed.data?.updateMeasure.measure.code).toBe('BIL-90');
    const taken = await member.gql(UPDATE, {
      input: { measureId: measure.id, revision: 1, code: 'BIL-01' },
    });
    expect(errorCode(taken)).toBe('CONFLICT');
    const reuse = await member.gql(CREATE, {
      input: { groupId: educationGroupId, title: 'Alte Nummer', code: measure.code },
    });
    expect(reuse.data?.createMeasure.measure.code).toBe(measure.code);
  });

  it('lets nobody outside the field edit a draft, and hides it from other groups, councils and the steering group', async () => {
    const member = await t.signIn('bildung@lip.example');
    const measure = await create(member, 'Versteckte Maßnahme');
    const observer = await t.signIn('beobachtung@lip.example');
    expect((await observer.gql(GET, { id: measure.id })).data?.measure.viewerCanEdit).toBe(false);
    const refused = await observer.gql(UPDATE, {
      input: { measureId: measure.id, revision: 0, goal: 'x' },
    });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    for (const email of [
      'wirtschaft@lip.example',
      'beirat-nord@lip.example',
      'lenkung@lip.example',
    ]) {
      const other = await t.signIn(email);
      expect((await other.gql(GET, { id: measure.id })).data?.measure).toBeNull();
      const refused = await other.gql(UPDATE, {
        input: { measureId: measure.id, revision: 0, goal: 'x' },
      });
      expect(errorCode(refused)).toBe('NOT_FOUND');
    }
  });
});

describe('the status of a measure', () => {
  it('runs draft → proposed → accepted → in progress → done with the right people', async () => {
    const speaker = await t.signIn('bildung@lip.example');
    const plainMember = await t.signIn('bildung2@lip.example');
    const steering = await t.signIn('lenkung@lip.example');
    const council = await t.signIn('beirat-nord@lip.example');
    const measure = await create(speaker, 'Lebenszyklus');

    expect(
      errorCode(
        await plainMember.gql(STATUS, { input: { measureId: measure.id, status: 'PROPOSED' } }),
      ),
    ).toBe('FORBIDDEN');
    const proposed = await speaker.gql(STATUS, {
      input: { measureId: measure.id, status: 'PROPOSED' },
    });
    expect(proposed.data?.changeMeasureStatus.measure).toMatchObject({
      status: 'PROPOSED',
      descriptionDocument: { status: 'IN_REVIEW' },
    });

    // The steering group now sees it and decides in a review round; nobody accepts it directly.
    expect(
      (await steering.gql(GET, { id: measure.id })).data?.measure.viewerStatusTransitions,
    ).toEqual([]);
    const direct = await speaker.gql(STATUS, {
      input: { measureId: measure.id, status: 'ACCEPTED' },
    });
    expect(direct.errors?.[0]?.extensions?.reason).toBe('invalid-transition');
    expect((await council.gql(GET, { id: measure.id })).data?.measure).toBeNull();
    await decide(measure.id, 'ACCEPTED');
    const accepted = await steering.gql(GET, { id: measure.id });
    expect(accepted.data?.measure).toMatchObject({
      status: 'ACCEPTED',
      descriptionDocument: { status: 'ACCEPTED' },
    });
    const revocations = await t.app.deps.models.CollabRevocation.countDocuments({
      documentId: measure.descriptionDocumentId,
      reason: 'measure-adopted',
    });
    expect(revocations).toBeGreaterThan(0);

    // Adopted: everyone sees it; the group reports progress, the council does not.
    expect((await council.gql(GET, { id: measure.id })).data?.measure.code).toBe(measure.code);
    expect(
      errorCode(
        await council.gql(PROGRESS, {
          input: { measureId: measure.id, date: '2027-02-01T00:00:00Z', note: 'x' },
        }),
      ),
    ).toBe('FORBIDDEN');
    const progress = await plainMember.gql(PROGRESS, {
      input: {
        measureId: measure.id,
        date: '2027-02-01T00:00:00Z',
        note: 'Start in drei Stadtteilen.',
        status: 'IN_PROGRESS',
      },
    });
    expect(progress.data?.addMeasureProgress.measure).toMatchObject({
      status: 'IN_PROGRESS',
      progress: [
        { note: 'Start in drei Stadtteilen.', status: 'IN_PROGRESS', authorName: 'Daniel Okafor' },
      ],
    });
    // After adoption only coordinators correct the record.
    expect((await speaker.gql(GET, { id: measure.id })).data?.measure.viewerCanEdit).toBe(false);
    const done = await speaker.gql(STATUS, {
      input: { measureId: measure.id, status: 'DONE', note: 'Ziel erreicht.' },
    });
    expect(done.data?.changeMeasureStatus.measure.status).toBe('DONE');
    const history = (await speaker.gql(GET, { id: measure.id })).data?.measure.changes as {
      field: string;
      before: string;
      after: string;
    }[];
    expect(
      history.filter((c) => c.field === 'status').map((c) => `${c.before} → ${c.after}`),
    ).toEqual([
      'In Umsetzung → Erfüllt',
      'Beschlossen → In Umsetzung',
      'Vorgeschlagen → Beschlossen',
      'Entwurf → Vorgeschlagen',
    ]);
  });

  it('refuses impossible transitions and returns a measure by the steering group’s decision with its reason', async () => {
    const speaker = await t.signIn('bildung@lip.example');
    const measure = await create(speaker, 'Rückgabe');
    const skip = await speaker.gql(STATUS, { input: { measureId: measure.id, status: 'DONE' } });
    expect(errorCode(skip)).toBe('BAD_USER_INPUT');
    expect(skip.errors?.[0]?.extensions?.reason).toBe('invalid-transition');
    await speaker.gql(STATUS, { input: { measureId: measure.id, status: 'PROPOSED' } });
    await decide(measure.id, 'RETURNED', 'Finanzierung klären.');
    const returned = await speaker.gql(GET, { id: measure.id });
    expect(returned.data?.measure).toMatchObject({
      status: 'RETURNED',
      progress: [{ note: 'Finanzierung klären.', status: 'RETURNED' }],
      descriptionDocument: { status: 'RETURNED' },
    });
  });

  it('lets people of the lead organisation report progress on an adopted measure', async () => {
    const council = await t.signIn('beirat-nord@lip.example');
    const measure = await t.app.deps.models.Measure.findOne({ code: 'DEM-02' }).lean();
    const result = await council.gql(PROGRESS, {
      input: {
        measureId: String(measure?._id),
        date: '2027-03-01T00:00:00Z',
        note: 'Abschlussbericht liegt vor.',
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.addMeasureProgress.measure.progress[0].authorName).toBe('Elena Petrova');
  });

  it('keeps the description document status with its measure and refuses changing it directly', async () => {
    const speaker = await t.signIn('bildung@lip.example');
    const measure = await create(speaker, 'Gekoppelt');
    const result = await speaker.gql(
      'mutation ($input: ChangeDocumentStatusInput!) { changeDocumentStatus(input: $input) { document { id } } }',
      {
        input: {
          documentId: measure.descriptionDocumentId,
          status: 'IN_REVIEW',
          bodyIds: [],
          reviewDeadline: new Date(Date.now() + 86_400_000).toISOString(),
        },
      },
    );
    expect(result.errors).toBeDefined();
    const documents = await speaker.gql('query { documents { kind } }');
    expect(
      documents.data?.documents.some((d: { kind: string }) => d.kind === 'MEASURE_DESCRIPTION'),
    ).toBe(false);
  });
});

describe('the catalogue', () => {
  it('filters by field, status, lead, partner, district and target group, sorts, and counts per status', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const education = await coordinator.gql(LIST, { filter: { actionFieldKey: 'education' } });
    const codes = education.data?.measures.items.map((m: { code: string }) => m.code);
    expect(codes.slice(0, 3)).toEqual(['BIL-01', 'BIL-02', 'BIL-03']);

    const all = await coordinator.gql(LIST, {});
    const counts = Object.fromEntries(
      all.data?.measures.statusCounts.map((c: { status: string; count: number }) => [
        c.status,
        c.count,
      ]),
    );
    expect(counts.REGULAR).toBe(1);
    expect(counts.DISCONTINUED).toBe(1);

    const inProgress = await coordinator.gql(LIST, { filter: { statuses: ['IN_PROGRESS'] } });
    expect(inProgress.data?.measures.items.map((m: { code: string }) => m.code)).toEqual(
      expect.arrayContaining(['BIL-01', 'VER-01']),
    );
    // Counts ignore the status filter, so the tabs still show every status.
    expect(inProgress.data?.measures.statusCounts).toEqual(all.data?.measures.statusCounts);

    const region = await coordinator.gql(LIST, {
      filter: { leadOrganisationId: orgIds['Region Hannover'] },
    });
    expect(region.data?.measures.items.map((m: { code: string }) => m.code)).toEqual([
      'WIR-01',
      'SOZ-01',
      'SOZ-02',
    ]);
    const partner = await coordinator.gql(LIST, {
      filter: { partnerOrganisationId: orgIds['Polizeidirektion Hannover'] },
    });
    expect(partner.data?.measures.items.map((m: { code: string }) => m.code)).toEqual(['DEM-01']);
    const district = await coordinator.gql(LIST, { filter: { district: 'Ricklingen' } });
    expect(district.data?.measures.items.map((m: { code: string }) => m.code)).toEqual(['SOZ-01']);
    const target = await coordinator.gql(LIST, {
      filter: { targetGroup: 'Frauen', actionFieldKey: 'urban-life' },
    });
    expect(target.data?.measures.items.map((m: { code: string }) => m.code)).toEqual(['STA-02']);
    const byTitle = await coordinator.gql(LIST, {
      filter: { actionFieldKey: 'economy' },
      sort: 'TITLE',
    });
    expect(byTitle.data?.measures.items[0].code).toBe('WIR-01');
  });

  it('shows councils only adopted measures and the steering group also what is put to it', async () => {
    const council = await t.signIn('beirat-nord@lip.example');
    const councilStatuses = new Set(
      (await council.gql(LIST, {})).data?.measures.items.map((m: { status: string }) => m.status),
    );
    expect(
      [...councilStatuses].some((s) => ['DRAFT', 'PROPOSED', 'RETURNED'].includes(s as string)),
    ).toBe(false);
    const steering = await t.signIn('lenkung@lip.example');
    const steeringStatuses = new Set(
      (await steering.gql(LIST, {})).data?.measures.items.map((m: { status: string }) => m.status),
    );
    expect(steeringStatuses.has('PROPOSED')).toBe(true);
    expect(steeringStatuses.has('DRAFT')).toBe(false);
  });
});

describe('search and notifications', () => {
  const SEARCH = `query ($q: String!) { search(query: $q) { hits { id type title link } } }`;

  async function searchTypes(client: TestClient, q: string) {
    const result = await client.gql(SEARCH, { q });
    return (result.data?.search.hits ?? []) as { type: string; title: string; link: string }[];
  }

  async function waitFor<T>(probe: () => Promise<T | undefined | null | false>) {
    const deadline = Date.now() + 8000;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('finds a measure by a word of its goal, only for people who may see it', async () => {
    const member = await t.signIn('bildung@lip.example');
    const measure = await create(member, 'Sprachcafé', { goal: 'Quartiersbibliotheken öffnen' });
    const hit = await waitFor(async () =>
      (await searchTypes(member, 'Quartiersbibliotheken')).find((h) => h.type === 'MEASURE'),
    );
    expect(hit).toMatchObject({
      type: 'MEASURE',
      title: `${measure.code} Sprachcafé`,
      link: `/measures/${measure.id}`,
    });
    // A draft stays with its field: councils and other groups do not find it.
    const council = await t.signIn('beirat-nord@lip.example');
    const economy = await t.signIn('wirtschaft@lip.example');
    expect(
      (await searchTypes(council, 'Quartiersbibliotheken')).filter((h) => h.type === 'MEASURE'),
    ).toEqual([]);
    expect(
      (await searchTypes(economy, 'Quartiersbibliotheken')).filter((h) => h.type === 'MEASURE'),
    ).toEqual([]);
  });

  it('tells the steering group when a measure is proposed and the group when it is decided', async () => {
    const speaker = await t.signIn('bildung@lip.example');
    const measure = await create(speaker, 'Elternlots*innen');
    const steeringId = await t.personId('lenkung@lip.example');
    const memberId = await t.personId('bildung2@lip.example');
    const speakerId = await t.personId('bildung@lip.example');
    await speaker.gql(STATUS, { input: { measureId: measure.id, status: 'PROPOSED' } });
    const kinds = async (personId: string) =>
      (
        await t.app.deps.models.Notification.find({
          personId,
          link: `/measures/${measure.id}`,
        }).lean()
      ).map((n) => `${n.kind}:${n.detail}`);
    expect(await kinds(steeringId)).toEqual(['measure-status:proposed']);
    expect(await kinds(memberId)).toEqual(['measure-status:proposed']);
    // Nobody is told about their own action.
    expect(await kinds(speakerId)).toEqual([]);
    await decide(measure.id, 'ACCEPTED');
    expect((await kinds(speakerId)).sort()).toEqual(['measure-status:accepted']);
    expect(await kinds(steeringId)).toEqual(['measure-status:proposed']);
  });
});

describe('euro amounts', () => {
  it('reads German and English notation and rejects words', () => {
    expect(parseEuroAmount('12.500,50')).toBe(12500.5);
    expect(parseEuroAmount('12,500.50')).toBe(12500.5);
    expect(parseEuroAmount('€ 3 000')).toBe(3000);
    expect(parseEuroAmount('7,5')).toBe(7.5);
    expect(parseEuroAmount('')).toBeNull();
    expect(parseEuroAmount('zwölf')).toBeNaN();
    expect(parseEuroAmount('1.2.3')).toBeNaN();
  });
});
