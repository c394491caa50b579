import { startFakeCollab, type FakeCollab } from '../../testing/fake-collab';
import { Q, evaluatedMeasureRound, inDays, must, reviewIds } from '../../testing/review-fixtures';
import { errorCode, startTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let collab: FakeCollab;
let educationGroupId: string;

const CREATE = `mutation ($input: CreateMeasureInput!) { createMeasure(input: $input) { measure { id code } } }`;
const STATUS = `mutation ($input: ChangeMeasureStatusInput!) { changeMeasureStatus(input: $input) { measure { id status } } }`;
const MEASURE = `query ($id: ID!) { measure(id: $id) { status viewerStatusTransitions descriptionDocument { status }
  progress { note status }
  decisions { id outcome reason meetingDate supersededAt viewerSeesRound round { id title } subject { kind measureId } } } }`;
const ROUND_ITEMS = `query ($id: ID!) { reviewRound(id: $id) { items { title subject { kind measureId } versionId measureSheet { field items } viewerCanDecide } } }`;

beforeAll(async () => {
  t = await startTestApp(__filename);
  collab = await startFakeCollab(t.app.deps.secrets.collabSecret);
  t.app.deps.config.collabInternalUrl = collab.url;
  educationGroupId = (await reviewIds(t)).educationGroup;
});
afterAll(async () => {
  await collab.close();
  await t.close();
});

async function proposedMeasure(speaker: TestClient, title: string): Promise<string> {
  const created = await must<{ createMeasure: { measure: { id: string } } }>(speaker, CREATE, {
    input: { groupId: educationGroupId, title, goal: 'Mehr Kinder erreichen.' },
  });
  const id = created.createMeasure.measure.id;
  await must(speaker, STATUS, { input: { measureId: id, status: 'PROPOSED' } });
  return id;
}

function decisionInput(roundId: string, overrides: Record<string, unknown> = {}) {
  return {
    roundId,
    itemIndex: 0,
    decision: { outcome: 'ACCEPTED', meetingDate: inDays(-1), confirm: true, ...overrides },
  };
}

describe('steering decisions on measures', () => {
  it('accepts or returns a proposed measure only by a decision in a review round, never by a plain status change', async () => {
    const speaker = await t.signIn('bildung@lip.example');
    const steering = await t.signIn('lenkung@lip.example');
    const id = await proposedMeasure(speaker, 'Sprachcafés');
    expect((await steering.gql(MEASURE, { id })).data?.measure.viewerStatusTransitions).toEqual([]);
    const direct = await steering.gql(STATUS, { input: { measureId: id, status: 'ACCEPTED' } });
    expect(direct.errors?.[0]?.extensions).toMatchObject({
      reason: 'invalid-transition',
      fields: [
        {
          path: 'status',
          message:
            'Status: Über Annahme oder Rückgabe entscheidet die Lenkungsgruppe in einer Beratungsrunde.',
        },
      ],
    });
    expect((await steering.gql(MEASURE, { id })).data?.measure.status).toBe('PROPOSED');
  });

  it('puts only proposed measures into a round, naming the field', async () => {
    const speaker = await t.signIn('bildung@lip.example');
    const coordinator = await t.signIn('koordination@lip.example');
    const draft = await must<{ createMeasure: { measure: { id: string } } }>(speaker, CREATE, {
      input: { groupId: educationGroupId, title: 'Noch ein Entwurf' },
    });
    const ids = await reviewIds(t);
    const result = await coordinator.gql(Q.create, {
      input: {
        title: 'Zu früh',
        measureIds: [draft.createMeasure.measure.id],
        bodyIds: [ids.nord],
        deadline: inDays(5),
      },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'measureIds.0', message: expect.stringMatching(/nicht vorgeschlagen/) }],
    });
  });

  it('lets the steering group decide on a measure in an evaluated round (a group member may not), and the measure follows', async () => {
    const speaker = await t.signIn('bildung@lip.example');
    const member = await t.signIn('bildung2@lip.example');
    const steering = await t.signIn('lenkung@lip.example');
    const id = await proposedMeasure(speaker, 'Lernwerkstatt');
    const roundId = await evaluatedMeasureRound(t, [id], 'Lernwerkstatt zur Abstimmung');

    const items = (await steering.gql(ROUND_ITEMS, { id: roundId })).data?.reviewRound.items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      subject: { kind: 'MEASURE', measureId: id },
      viewerCanDecide: true,
    });
    expect(items[0].title).toMatch(/^BIL-\d\d Lernwerkstatt$/);
    expect(items[0].versionId).toBeTruthy();
    expect(items[0].measureSheet).toEqual(
      expect.arrayContaining([{ field: 'goal', items: ['Mehr Kinder erreichen.'] }]),
    );

    for (const client of [member, speaker]) {
      expect(errorCode(await client.gql(Q.record, { input: decisionInput(roundId) }))).toBe(
        'FORBIDDEN',
      );
    }
    expect((await steering.gql(MEASURE, { id })).data?.measure.status).toBe('PROPOSED');

    // The steering group's start page lists the decision to take, linked to the round.
    const pending = async () =>
      (
        (await steering.gql('{ myWork { items { kind title link } } }')).data?.myWork.items as {
          kind: string;
          title: string;
          link: string;
        }[]
      ).filter((i) => i.kind === 'DECISION_PENDING' && i.title === items[0].title);
    expect(await pending()).toEqual([
      {
        kind: 'DECISION_PENDING',
        title: items[0].title,
        link: `/review/rounds/${roundId}/responses`,
      },
    ]);

    await must(steering, Q.record, {
      input: decisionInput(roundId, { reason: 'Gute Grundlage.' }),
    });
    expect(await pending()).toEqual([]);
    const after = (await steering.gql(MEASURE, { id })).data?.measure;
    expect(after).toMatchObject({
      status: 'ACCEPTED',
      descriptionDocument: { status: 'ACCEPTED' },
      decisions: [
        {
          outcome: 'ACCEPTED',
          reason: 'Gute Grundlage.',
          supersededAt: null,
          viewerSeesRound: true,
          round: { id: roundId, title: 'Lernwerkstatt zur Abstimmung' },
          subject: { kind: 'MEASURE', measureId: id },
        },
      ],
    });
    // The group sees the decision on its measure page.
    expect((await member.gql(MEASURE, { id })).data?.measure.decisions).toHaveLength(1);
  });

  it('lets a correction supersede the decision, and the measure’s status follows the correction', async () => {
    const speaker = await t.signIn('bildung@lip.example');
    const steering = await t.signIn('lenkung@lip.example');
    const id = await proposedMeasure(speaker, 'Elterncafés');
    const roundId = await evaluatedMeasureRound(t, [id], 'Elterncafés zur Abstimmung');
    const recorded = await must<{ recordDecision: { decision: { id: string } } }>(
      steering,
      Q.record,
      { input: decisionInput(roundId) },
    );
    expect((await steering.gql(MEASURE, { id })).data?.measure.status).toBe('ACCEPTED');

    const corrected = await must<{
      correctDecision: { decision: { id: string; supersedesId: string } };
    }>(steering, Q.correct, {
      input: {
        decisionId: recorded.recordDecision.decision.id,
        decision: {
          outcome: 'RETURNED',
          reason: 'Finanzierung klären',
          meetingDate: inDays(-1),
          confirm: true,
        },
      },
    });
    expect(corrected.correctDecision.decision.supersedesId).toBe(
      recorded.recordDecision.decision.id,
    );
    const measure = (await steering.gql(MEASURE, { id })).data?.measure;
    expect(measure.status).toBe('RETURNED');
    expect(measure.descriptionDocument.status).toBe('RETURNED');
    expect(measure.progress).toEqual(
      expect.arrayContaining([{ note: 'Finanzierung klären', status: 'RETURNED' }]),
    );
    expect(
      measure.decisions.map((d: { outcome: string; supersededAt: string | null }) => [
        d.outcome,
        d.supersededAt === null,
      ]),
    ).toEqual([
      ['RETURNED', true],
      ['ACCEPTED', false],
    ]);
    // The returned measure goes back to its group: the speakers may revise and propose it again.
    expect((await speaker.gql(MEASURE, { id })).data?.measure.viewerStatusTransitions).toEqual(
      expect.arrayContaining(['DRAFT', 'PROPOSED']),
    );
  });
});

describe('a measure in two review rounds', () => {
  const NUMBERED = `mutation ($input: CreateReviewRoundInput!) { createReviewRound(input: $input) { round { id number } } }`;

  async function draftRound(title: string, measureIds: string[]) {
    const ids = await reviewIds(t);
    const coordinator = await t.signIn('koordination@lip.example');
    const created = await must<{ createReviewRound: { round: { id: string; number: number } } }>(
      coordinator,
      NUMBERED,
      { input: { title, measureIds, bodyIds: [ids.nord], deadline: inDays(9) } },
    );
    return created.createReviewRound.round;
  }

  async function statusOf(roundId: string): Promise<string> {
    const coordinator = await t.signIn('koordination@lip.example');
    return (await coordinator.gql(Q.round, { id: roundId })).data?.reviewRound.status;
  }

  it('refuses to open a second round with a measure another open or closed round reviews, naming that round in German and English', async () => {
    const speaker = await t.signIn('bildung@lip.example');
    const id = await proposedMeasure(speaker, 'Elterncafés');
    const first = await draftRound('Elterncafés, erste Runde', [id]);
    const second = await draftRound('Elterncafés, zweite Runde', [id]);
    const coordinator = await t.signIn('koordination@lip.example');
    await must(coordinator, Q.open, { id: first.id });

    const refused = await coordinator.gql(Q.open, { id: second.id });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'in-other-round',
      fields: [
        {
          path: 'measureIds.0',
          message: expect.stringContaining(
            `in Beratungsrunde ${first.number} („Elterncafés, erste Runde“, offen) beraten`,
          ),
        },
      ],
    });
    expect(refused.errors?.[0]?.message).toContain(`Beratungsrunde ${first.number}`);
    expect(await statusOf(second.id)).toBe('DRAFT');

    // Closed, the first round still holds it: its responses and the decision are to come.
    await must(coordinator, Q.close, { id: first.id });
    await must(coordinator, 'mutation { setLocale(locale: EN) { person { id } } }', {});
    const english = await coordinator.gql(Q.open, { id: second.id });
    expect(english.errors?.[0]?.extensions).toMatchObject({
      reason: 'in-other-round',
      fields: [
        {
          path: 'measureIds.0',
          message: expect.stringContaining(
            `is already under review in review round ${first.number} ("Elterncafés, erste Runde", closed, responses in progress)`,
          ),
        },
      ],
    });
    await must(coordinator, 'mutation { setLocale(locale: DE) { person { id } } }', {});

    // Cancelled, the first round lets it go.
    await must(coordinator, Q.cancel, { input: { roundId: first.id, reason: 'Neu aufgesetzt' } });
    await must(coordinator, Q.open, { id: second.id });
    expect(await statusOf(second.id)).toBe('OPEN');
  });

  it('opens exactly one of two rounds opened at once with the same measure', async () => {
    const speaker = await t.signIn('bildung@lip.example');
    const id = await proposedMeasure(speaker, 'Hausaufgabenhilfe');
    const a = await draftRound('Hausaufgabenhilfe A', [id]);
    const b = await draftRound('Hausaufgabenhilfe B', [id]);
    const one = await t.signIn('koordination@lip.example');
    const other = await t.signIn('koordination@lip.example');
    const results = await Promise.all([
      one.gql(Q.open, { id: a.id }),
      other.gql(Q.open, { id: b.id }),
    ]);
    const reasons = results.map((r) => r.errors?.[0]?.extensions?.reason ?? 'opened');
    expect(reasons.sort()).toEqual(['in-other-round', 'opened']);
    expect([await statusOf(a.id), await statusOf(b.id)].sort()).toEqual(['DRAFT', 'OPEN']);
  });

  it('keeps a measure out of a new round until the steering group has decided on it in an evaluated one', async () => {
    const speaker = await t.signIn('bildung@lip.example');
    const steering = await t.signIn('lenkung@lip.example');
    const coordinator = await t.signIn('koordination@lip.example');
    const id = await proposedMeasure(speaker, 'Bildungslots*innen');
    const next = await draftRound('Bildungslots*innen, nächste Runde', [id]);
    const evaluated = await evaluatedMeasureRound(t, [id], 'Bildungslots*innen zur Abstimmung');
    const refused = await coordinator.gql(Q.open, { id: next.id });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      reason: 'in-other-round',
      fields: [
        { message: expect.stringContaining('die Entscheidung der Lenkungsgruppe steht aus') },
      ],
    });
    await must(steering, Q.record, {
      input: decisionInput(evaluated, { outcome: 'RETURNED', reason: 'Zielgruppe schärfen.' }),
    });
    await must(speaker, STATUS, { input: { measureId: id, status: 'PROPOSED' } });
    await must(coordinator, Q.open, { id: next.id });
    expect(await statusOf(next.id)).toBe('OPEN');
  });
});
