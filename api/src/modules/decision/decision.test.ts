import { startFakeCollab, type FakeCollab } from '../../testing/fake-collab';
import { Q, inDays, must, reviewIds } from '../../testing/review-fixtures';
import { errorCode, startTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let collab: FakeCollab;
let ids: Awaited<ReturnType<typeof reviewIds>>;
let roundId: string;

const INBOX =
  '{ steeringInbox { round { id title } pendingItems { index title viewerCanDecide } } }';
const ITEM = `query ($id: ID!) { reviewRound(id: $id) { items { decision { id outcome } decisionHistory { id outcome supersededAt } } } }`;

function decision(overrides: Record<string, unknown> = {}) {
  return {
    roundId,
    itemIndex: 0,
    decision: {
      outcome: 'RETURNED',
      reason: '- Ziele messbar formulieren\n- Anmerkungen des Beirats Nord einarbeiten',
      meetingDate: inDays(-1),
      confirm: true,
      ...overrides,
    },
  };
}

beforeAll(async () => {
  t = await startTestApp(__filename);
  collab = await startFakeCollab(t.app.deps.secrets.collabSecret);
  t.app.deps.config.collabInternalUrl = collab.url;
  ids = await reviewIds(t);
  const jonas = await t.signIn('koordination@lip.example');
  const created = await must<{ createReviewRound: { round: { id: string } } }>(jonas, Q.create, {
    input: {
      title: 'Maßnahmen Bildung',
      documentIds: [ids.educationDraft],
      bodyIds: [ids.nord],
      deadline: inDays(5),
    },
  });
  roundId = created.createReviewRound.round.id;
  await must(jonas, Q.open, { id: roundId });
  const elena = await t.signIn('beirat-nord@lip.example');
  const started = await must<{ startStatement: { statement: { id: string } } }>(elena, Q.start, {
    input: { roundId, bodyId: ids.nord },
  });
  const statementId = started.startStatement.statement.id;
  await must(elena, Q.updateStatement, { input: { statementId, assessment: 'NO_OBJECTIONS' } });
  await must(elena, Q.submit, { id: statementId });
});
afterAll(async () => {
  await collab.close();
  await t.close();
});

describe('steering decisions', () => {
  it('refuses a decision before the round is evaluated, naming the round', async () => {
    const steering = await t.signIn('lenkung@lip.example');
    const result = await steering.gql(Q.record, { input: decision() });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'round-not-evaluated',
      fields: [{ path: 'roundId' }],
    });
    const jonas = await t.signIn('koordination@lip.example');
    await must(jonas, Q.close, { id: roundId });
    await must(jonas, Q.evaluate, { id: roundId });
    // Evaluating publishes the responses: the council hears of it.
    const elena = await t.signIn('beirat-nord@lip.example');
    const notes = await elena.gql('{ notifications(first: 5) { nodes { kind title link } } }');
    expect(notes.data?.notifications.nodes[0]).toEqual({
      kind: 'RESPONSES_PUBLISHED',
      title: 'Die Antworten auf die Stellungnahmen zu „Maßnahmen Bildung“ sind veröffentlicht',
      link: `/review/rounds/${roundId}/responses`,
    });
  });

  it('shows the evaluated round in the steering group’s inbox and on its dashboard', async () => {
    const steering = await t.signIn('lenkung@lip.example');
    const inbox = await steering.gql(INBOX);
    expect(inbox.data?.steeringInbox).toEqual([
      {
        round: { id: roundId, title: 'Maßnahmen Bildung' },
        pendingItems: [{ index: 0, title: 'Bildung: Maßnahmen (Entwurf)', viewerCanDecide: true }],
      },
    ]);
    const dashboard = await steering.gql(
      '{ dashboard { review { steeringInbox { round { id } } } } }',
    );
    expect(dashboard.data?.dashboard.review.steeringInbox).toEqual([{ round: { id: roundId } }]);
    const council = await t.signIn('beirat-nord@lip.example');
    expect((await council.gql(INBOX)).data?.steeringInbox).toEqual([]);
  });

  it.each([
    ['no confirmation', { confirm: false }, 'confirmation-required', 'confirm'],
    ['a return without a reason', { reason: '' }, 'reason-required', 'reason'],
    [
      'conditions missing',
      { outcome: 'ACCEPTED_WITH_CONDITIONS', conditions: '' },
      'reason-required',
      'conditions',
    ],
    ['a meeting in the future', { meetingDate: inDays(30) }, 'invalid-input', 'meetingDate'],
  ])('refuses %s, naming the field and writing nothing', async (_case, overrides, reason, path) => {
    const steering = await t.signIn('lenkung@lip.example');
    const result = await steering.gql(Q.record, { input: decision(overrides) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ reason, fields: [{ path }] });
    expect(await t.app.deps.models.Decision.countDocuments({ roundId })).toBe(0);
  });

  it.each([
    ['a council member', 'beirat-nord@lip.example'],
    ['a coordinator', 'koordination@lip.example'],
    ['the group’s speaker', 'bildung@lip.example'],
    ['an observer', 'beobachtung@lip.example'],
  ])('forbids %s to decide', async (_who, email) => {
    const client = await t.signIn(email);
    expect(errorCode(await client.gql(Q.record, { input: decision() }))).toBe('FORBIDDEN');
  });

  it('returns the document to its group with the reasons as tasks', async () => {
    const steering = await t.signIn('lenkung@lip.example');
    const recorded = await must<{
      recordDecision: {
        decision: { outcome: string; tasks: { title: string; assignees: { name: string }[] }[] };
      };
    }>(steering, Q.record, { input: decision() });
    expect(recorded.recordDecision.decision).toMatchObject({
      outcome: 'RETURNED',
      viewerCanCorrect: true,
    });
    // The tasks are the group's: the coordinator sees them on the decision, the steering group not.
    expect(recorded.recordDecision.decision.tasks).toEqual([]);
    const jonas = await t.signIn('koordination@lip.example');
    const seen = await jonas.gql(
      'query ($id: ID!) { reviewRound(id: $id) { decisions { tasks { title assignees { name } } } } }',
      { id: roundId },
    );
    const tasks = seen.data?.reviewRound.decisions[0].tasks;
    expect(tasks.map((task: { title: string }) => task.title)).toEqual([
      'Überarbeiten (Lenkungsgruppe): Ziele messbar formulieren',
      'Überarbeiten (Lenkungsgruppe): Anmerkungen des Beirats Nord einarbeiten',
    ]);
    expect(tasks[0].assignees.map((a: { name: string }) => a.name)).toContain('Ayşe Demir');
    const document = await t.app.deps.models.Document.findOne({ _id: ids.educationDraft }).lean();
    expect(document).toMatchObject({ status: 'returned', sharedWithBodyIds: [] });
    // No longer shared with the councils: every live editor of the draft reconnects.
    const revoked = await t.app.deps.models.CollabRevocation.findOne({
      documentId: ids.educationDraft,
      reason: 'document-unshared',
    }).lean();
    expect(revoked?.personId ?? null).toBeNull();
    const ayse = await t.signIn('bildung@lip.example');
    const mine = await ayse.gql(
      '{ tasks(filter: { mine: true }) { nodes { title origin { kind roundId } } } }',
    );
    expect(mine.data?.tasks.nodes).toEqual(
      expect.arrayContaining([
        {
          title: 'Überarbeiten (Lenkungsgruppe): Ziele messbar formulieren',
          origin: { kind: 'DECISION', roundId },
        },
      ]),
    );
    expect((await steering.gql(INBOX)).data?.steeringInbox).toEqual([]);
  });

  it('refuses a second decision on the same item: it must be corrected', async () => {
    const steering = await t.signIn('lenkung@lip.example');
    const again = await steering.gql(Q.record, { input: decision({ outcome: 'ACCEPTED' }) });
    expect(errorCode(again)).toMatch(/FORBIDDEN|CONFLICT/);
  });

  it('lets only the recorder correct a decision, keeping the superseded one in the history', async () => {
    const current = await t.app.deps.models.Decision.findOne({
      roundId,
      supersededAt: null,
    }).lean();
    const jonas = await t.signIn('koordination@lip.example');
    await must(
      jonas,
      'mutation ($input: BodyMemberInput!) { addBodyMember(input: $input) { body { id } } }',
      {
        input: { bodyId: ids.steeringBody, personId: await t.personId('koordination@lip.example') },
      },
    );
    const other = await jonas.gql(Q.correct, {
      input: {
        decisionId: current?._id,
        decision: { outcome: 'ACCEPTED', meetingDate: inDays(-1), confirm: true },
      },
    });
    expect(errorCode(other)).toBe('FORBIDDEN');
    const steering = await t.signIn('lenkung@lip.example');
    const corrected = await must<{
      correctDecision: { decision: { outcome: string; supersedesId: string } };
    }>(steering, Q.correct, {
      input: {
        decisionId: current?._id,
        decision: { outcome: 'ACCEPTED', meetingDate: inDays(-1), confirm: true },
      },
    });
    expect(corrected.correctDecision.decision).toMatchObject({
      outcome: 'ACCEPTED',
      supersedesId: current?._id,
    });
    const item = await steering.gql(ITEM, { id: roundId });
    const entry = item.data?.reviewRound.items[0];
    expect(entry.decision.outcome).toBe('ACCEPTED');
    expect(
      entry.decisionHistory.map((d: { outcome: string; supersededAt: string | null }) => [
        d.outcome,
        !!d.supersededAt,
      ]),
    ).toEqual([
      ['ACCEPTED', false],
      ['RETURNED', true],
    ]);
    const document = await t.app.deps.models.Document.findOne({ _id: ids.educationDraft }).lean();
    expect(document?.status).toBe('accepted');
    // Correcting the superseded decision is refused.
    const stale = await steering.gql(Q.correct, {
      input: {
        decisionId: current?._id,
        decision: { outcome: 'RETURNED', reason: 'x', meetingDate: inDays(-1), confirm: true },
      },
    });
    expect(errorCode(stale)).toBe('CONFLICT');
  });
});

describe('the review dashboard', () => {
  const REVIEW = `{ dashboard { review {
    statementsDue { round { title } body { name } deadline status }
    roundsInProgress { title answeredCount openRemarkCount progress { status } }
    remarksWaiting { round { title } group { actionFieldKey } withoutResponse awaitingApproval }
    steeringInbox { round { id } }
  } } }`;

  it('tells a council member that their council’s statement is due, with the deadline', async () => {
    const elena = await t.signIn('beirat-nord@lip.example');
    const review = (await elena.gql(REVIEW)).data?.dashboard.review;
    expect(review.statementsDue).toEqual([
      {
        round: { title: 'Bildung: Ausgangslage und Ziele' },
        body: { name: 'Integrationsbeirat Nord' },
        deadline: expect.any(String),
        status: 'DRAFT',
      },
    ]);
    expect(new Date(review.statementsDue[0].deadline).getTime()).toBeGreaterThan(Date.now());
    expect(review.roundsInProgress).toEqual([]);
  });

  it('shows a coordinator how many bodies answered and how many remarks need a response', async () => {
    const jonas = await t.signIn('koordination@lip.example');
    const review = (await jonas.gql(REVIEW)).data?.dashboard.review;
    expect(review.roundsInProgress).toEqual([
      expect.objectContaining({
        title: 'Bildung: Ausgangslage und Ziele',
        answeredCount: 3,
        openRemarkCount: 3,
      }),
    ]);
  });

  it('shows a group the remarks awaiting its response', async () => {
    const daniel = await t.signIn('bildung2@lip.example');
    const review = (await daniel.gql(REVIEW)).data?.dashboard.review;
    expect(review.remarksWaiting).toEqual([
      {
        round: { title: 'Bildung: Ausgangslage und Ziele' },
        group: { actionFieldKey: 'education' },
        withoutResponse: 2,
        awaitingApproval: 1,
      },
    ]);
  });
});
