import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { op } from '../../db/connection';
import { startFakeCollab, type FakeCollab } from '../../testing/fake-collab';
import { Q, inDays, must, reviewIds } from '../../testing/review-fixtures';
import { errorCode, startTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let collab: FakeCollab;
let ids: Awaited<ReturnType<typeof reviewIds>>;
let roundId: string;
let statementId: string;
let remarkIds: string[];
const sockets: Client[] = [];

const QUOTES = [
  'Erste Sammlung von Maßnahmen der Expert*innengruppe.',
  'Sprachkitas in allen Stadtbezirken.',
  'Elternlotsen an Grundschulen.',
  'Mentoring für Auszubildende.',
];

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
      bodyIds: [ids.nord, ids.mitte],
      deadline: inDays(10),
    },
  });
  roundId = created.createReviewRound.round.id;
  await must(jonas, Q.open, { id: roundId });
  const elena = await t.signIn('beirat-nord@lip.example');
  const started = await must<{ startStatement: { statement: { id: string } } }>(elena, Q.start, {
    input: { roundId, bodyId: ids.nord },
  });
  statementId = started.startStatement.statement.id;
  remarkIds = [];
  for (let n = 0; n < 16; n += 1) {
    const added = await must<{ addRemark: { remark: { id: string } } }>(elena, Q.addRemark, {
      input: {
        statementId,
        itemIndex: 0,
        quote: QUOTES[n % QUOTES.length],
        // Positions as the editor takes them; the fake collab server resolves by the quote.
        anchor: JSON.stringify({ v: 1, from: 'AQID', to: 'BAUG' }),
        text: `Anmerkung ${n + 1}`,
      },
    });
    remarkIds.push(added.addRemark.remark.id);
  }
});
afterAll(async () => {
  for (const socket of sockets) await socket.dispose();
  await collab.close();
  await t.close();
});

async function submitNord() {
  const elena = await t.signIn('beirat-nord@lip.example');
  await must(elena, Q.updateStatement, {
    input: { statementId, assessment: 'AGREE_WITH_REMARKS' },
  });
  await must(elena, Q.submit, { id: statementId });
}

describe('responses to remarks', () => {
  it('takes no response before the statement is submitted', async () => {
    const daniel = await t.signIn('bildung2@lip.example');
    const early = await daniel.gql(Q.saveResponse, {
      input: { remarkId: remarkIds[0], vote: 'NOTED' },
    });
    expect(errorCode(early)).toMatch(/NOT_FOUND|BAD_USER_INPUT/);
    await submitNord();
  });

  it('lets a group member draft a response, and refuses the council, an observer and another group', async () => {
    const daniel = await t.signIn('bildung2@lip.example');
    const saved = await must<{
      saveResponse: { remark: { response: { vote: string; status: string } } };
    }>(daniel, Q.saveResponse, {
      input: { remarkId: remarkIds[0], vote: 'ACCEPTED', reason: 'Wird übernommen.' },
    });
    expect(saved.saveResponse.remark.response).toMatchObject({ vote: 'ACCEPTED', status: 'DRAFT' });
    for (const [email, code] of [
      ['beirat-nord@lip.example', 'FORBIDDEN'],
      ['beobachtung@lip.example', 'FORBIDDEN'],
      ['wirtschaft@lip.example', 'NOT_FOUND'],
    ] as const) {
      const client = await t.signIn(email);
      const result = await client.gql(Q.saveResponse, {
        input: { remarkId: remarkIds[1], vote: 'NOTED' },
      });
      expect({ email, code: errorCode(result) }).toEqual({ email, code });
    }
    expect(await t.app.deps.models.ReviewResponse.countDocuments({ _id: remarkIds[1] })).toBe(0);
  });

  it('requires a reason unless the vote is "noted", naming the field', async () => {
    const daniel = await t.signIn('bildung2@lip.example');
    const missing = await daniel.gql(Q.saveResponse, {
      input: { remarkId: remarkIds[1], vote: 'NOT_ACCEPTED', reason: '  ' },
    });
    expect(missing.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'reason-required',
      fields: [{ path: 'reason' }],
    });
    expect(missing.errors?.[0]?.message).toBe('Bitte geben Sie eine Begründung an.');
    expect(await t.app.deps.models.ReviewResponse.countDocuments({ _id: remarkIds[1] })).toBe(0);
    const noted = await daniel.gql(Q.saveResponse, {
      input: { remarkId: remarkIds[1], vote: 'NOTED' },
    });
    expect(noted.errors).toBeUndefined();
  });

  it('applies the group’s four-eyes rule: the drafter may not approve, a second speaker may', async () => {
    const ayse = await t.signIn('bildung@lip.example');
    await must(ayse, Q.saveResponse, {
      input: { remarkId: remarkIds[2], vote: 'PARTLY_ACCEPTED', reason: 'Teilweise.' },
    });
    const own = await ayse.gql(Q.approve, { id: remarkIds[2] });
    expect(own.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'four-eyes' });
    const daniel = await t.signIn('bildung2@lip.example');
    expect(errorCode(await daniel.gql(Q.approve, { id: remarkIds[2] }))).toBe('FORBIDDEN');
    const second = await t.signIn('person1@lip.example');
    const approved = await must<{ approveResponse: { remark: { response: { status: string } } } }>(
      second,
      Q.approve,
      { id: remarkIds[2] },
    );
    expect(approved.approveResponse.remark.response.status).toBe('APPROVED');
  });

  it('locks an approved response until a speaker sends it back, and keeps every revision', async () => {
    const ayse = await t.signIn('bildung@lip.example');
    await must(ayse, Q.approve, { id: remarkIds[0] });
    const daniel = await t.signIn('bildung2@lip.example');
    const locked = await daniel.gql(Q.saveResponse, {
      input: { remarkId: remarkIds[0], vote: 'NOTED' },
    });
    expect(locked.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'response-locked',
    });
    expect(errorCode(await daniel.gql(Q.sendBack, { id: remarkIds[0] }))).toBe('FORBIDDEN');
    const back = await must<{
      sendBackResponse: {
        remark: { response: { status: string; revisions: { action: string; note: string }[] } };
      };
    }>(ayse, Q.sendBack, { id: remarkIds[0], note: 'Bitte genauer begründen.' });
    expect(back.sendBackResponse.remark.response.status).toBe('DRAFT');
    expect(back.sendBackResponse.remark.response.revisions.map((r) => r.action)).toEqual([
      'DRAFTED',
      'APPROVED',
      'SENT_BACK',
    ]);
    expect(back.sendBackResponse.remark.response.revisions[2]?.note).toBe(
      'Bitte genauer begründen.',
    );
    await must(daniel, Q.saveResponse, {
      input: { remarkId: remarkIds[0], vote: 'ACCEPTED', reason: 'Wird wörtlich übernommen.' },
    });
  });

  it('loses nothing when two speakers approve at the same time', async () => {
    const daniel = await t.signIn('bildung2@lip.example');
    const open = remarkIds.slice(3);
    for (const remarkId of open) {
      await must(daniel, Q.saveResponse, { input: { remarkId, vote: 'NOTED' } });
    }
    const ayse = await t.signIn('bildung@lip.example');
    const second = await t.signIn('person1@lip.example');
    // Each speaker approves half, all at once, and both race for the first one.
    const results = await Promise.all([
      ayse.gql(Q.approve, { id: open[0] }),
      second.gql(Q.approve, { id: open[0] }),
      ...open.slice(1).map((id, index) => (index % 2 === 0 ? ayse : second).gql(Q.approve, { id })),
    ]);
    const [raceA, raceB, ...rest] = results;
    expect([raceA, raceB].filter((r) => !r.errors).length).toBe(1);
    expect(rest.every((r) => !r.errors)).toBe(true);
    const stored = await t.app.deps.models.ReviewResponse.find({ _id: op({ $in: open }) }).lean();
    expect(stored).toHaveLength(open.length);
    for (const response of stored) {
      expect(response.status).toBe('approved');
      expect(response.revisions.filter((r) => r.action === 'approved')).toHaveLength(1);
    }
  });

  it('turns a remark into a task for the group, linked both ways, once', async () => {
    const daniel = await t.signIn('bildung2@lip.example');
    const ayse = await t.personId('bildung@lip.example');
    const created = await must<{
      createTaskFromRemark: {
        task: { id: string; title: string; origin: { kind: string; remarkId: string } };
      };
    }>(
      daniel,
      'mutation ($input: CreateTaskFromRemarkInput!) { createTaskFromRemark(input: $input) { task { id title origin { kind remarkId } } remark { task { id } } } }',
      { input: { remarkId: remarkIds[1], assigneeIds: [ayse], deadline: inDays(7) } },
    );
    expect(created.createTaskFromRemark.task).toMatchObject({
      title: 'Anmerkung Integrationsbeirat Nord 2 bearbeiten',
      origin: { kind: 'REMARK', remarkId: remarkIds[1] },
    });
    const statement = await daniel.gql(Q.statement, { id: statementId });
    const remark = statement.data?.statement.remarks.find(
      (r: { id: string }) => r.id === remarkIds[1],
    );
    expect(remark.task.id).toBe(created.createTaskFromRemark.task.id);
    const again = await daniel.gql(
      'mutation ($input: CreateTaskFromRemarkInput!) { createTaskFromRemark(input: $input) { task { id } } }',
      { input: { remarkId: remarkIds[1] } },
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'already-exists',
    });
    const council = await t.signIn('beirat-nord@lip.example');
    const refused = await council.gql(
      'mutation ($input: CreateTaskFromRemarkInput!) { createTaskFromRemark(input: $input) { task { id } } }',
      { input: { remarkId: remarkIds[2] } },
    );
    expect(errorCode(refused)).toBe('FORBIDDEN');
  });
});

describe('the response table', () => {
  it('shows each passage’s change since the frozen version and warns where vote and text disagree', async () => {
    // remark 1 accepted and changed; remark 2 noted; remark 3 partly accepted, passage deleted.
    collab.editPassage(
      ids.educationDraft,
      QUOTES[0]!,
      'Erste Sammlung von Maßnahmen, mit den Beiräten abgestimmt.',
    );
    collab.editPassage(ids.educationDraft, QUOTES[2]!, null);
    const jonas = await t.signIn('koordination@lip.example');
    const table = await jonas.gql(Q.table, { id: roundId });
    expect(table.errors).toBeUndefined();
    const rows = table.data?.responseTable.rows;
    expect(rows).toHaveLength(16);
    expect(rows[0]).toMatchObject({
      position: 1,
      bodyName: 'Integrationsbeirat Nord',
      documentTitle: 'Bildung: Maßnahmen (Entwurf)',
      vote: 'ACCEPTED',
      warnings: [],
      passage: { status: 'FOUND', changed: true },
    });
    expect(rows[0].passage.parts).toEqual(
      expect.arrayContaining([{ kind: 'INSERTED', text: expect.stringContaining('Beiräten') }]),
    );
    expect(rows[2].passage).toMatchObject({ status: 'DELETED', changed: true, currentText: null });
    // Accepting a remark on a passage nobody touched is flagged.
    const daniel = await t.signIn('bildung2@lip.example');
    const ayse = await t.signIn('bildung@lip.example');
    await must(ayse, Q.sendBack, { id: remarkIds[5] });
    await must(daniel, Q.saveResponse, {
      input: { remarkId: remarkIds[5], vote: 'ACCEPTED', reason: 'Ja.' },
    });
    const warned = await jonas.gql(Q.table, { id: roundId, filter: { withWarnings: true } });
    expect(
      warned.data?.responseTable.rows.map((r: { position: number; warnings: string[] }) => [
        r.position,
        r.warnings,
      ]),
    ).toEqual([[6, ['ACCEPTED_UNCHANGED']]]);
    const drafts = await jonas.gql(Q.table, { id: roundId, filter: { status: 'DRAFT' } });
    expect(drafts.data?.responseTable.counts).toMatchObject({ total: 3, draft: 3 });
  });

  it('still shows the table, with unknown passages, when the collab server lacks the passages endpoint', async () => {
    collab.setPassagesAvailable(false);
    try {
      const jonas = await t.signIn('koordination@lip.example');
      const table = await jonas.gql(Q.table, { id: roundId });
      expect(table.data?.responseTable.rows[0].passage).toMatchObject({
        status: 'UNKNOWN',
        changed: null,
      });
    } finally {
      collab.setPassagesAvailable(true);
    }
  });

  it('shows the council its remarks but no responses until the round is evaluated, then all approved ones', async () => {
    const elena = await t.signIn('beirat-nord@lip.example');
    const before = await elena.gql(Q.table, { id: roundId });
    expect(before.data?.responseTable.rows).toHaveLength(16);
    expect(
      before.data?.responseTable.rows.every((r: { vote: string | null }) => r.vote === null),
    ).toBe(true);
    const events = await subscribe('beirat-nord@lip.example');
    const outsider = await subscribe('wirtschaft@lip.example');
    // Answer what is still open, then close and evaluate.
    const daniel = await t.signIn('bildung2@lip.example');
    const second = await t.signIn('person1@lip.example');
    for (const id of [remarkIds[0], remarkIds[1], remarkIds[5]]) {
      await must(second, Q.approve, { id });
    }
    const jonas = await t.signIn('koordination@lip.example');
    await must(jonas, Q.close, { id: roundId });
    const evaluated = await must<{
      evaluateReviewRound: { round: { status: string; responsesPublished: boolean } };
    }>(jonas, Q.evaluate, { id: roundId });
    expect(evaluated.evaluateReviewRound.round).toMatchObject({
      status: 'EVALUATED',
      responsesPublished: true,
    });
    const after = await elena.gql(Q.table, { id: roundId });
    expect(
      after.data?.responseTable.rows.every(
        (r: { status: string; vote: string | null }) => r.status === 'APPROVED' && r.vote,
      ),
    ).toBe(true);
    expect(after.data?.responseTable.rows[0].viewerCanDraft).toBe(false);
    await waitFor(() => events.includes('ROUND_EVALUATED'));
    expect(outsider).toEqual([]);
    const late = await daniel.gql(Q.saveResponse, {
      input: { remarkId: remarkIds[3], vote: 'NOTED' },
    });
    expect(late.errors?.[0]?.extensions).toMatchObject({ reason: 'round-not-open' });
  });
});

/** Collects the kinds of `reviewChanged` events a person receives on this round. */
function subscribe(email: string): Promise<string[]> {
  return (async () => {
    const client = await t.signIn(email);
    const kinds: string[] = [];
    class CookieWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: client.cookie ? { cookie: client.cookie } : {} });
      }
    }
    const socket = createClient({
      url: `${t.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: CookieWebSocket,
      retryAttempts: 0,
    });
    sockets.push(socket);
    const before = t.app.deps.pubsub.subscriberCount();
    socket.subscribe(
      { query: `subscription { reviewChanged(roundId: "${roundId}") { kind roundId } }` },
      {
        next: (value) => kinds.push(String((value.data?.reviewChanged as { kind: string }).kind)),
        error: () => undefined,
        complete: () => undefined,
      },
    );
    await waitFor(async () => t.app.deps.pubsub.subscriberCount() > before);
    return kinds;
  })();
}

async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
