import { startFakeCollab, type FakeCollab } from '../../testing/fake-collab';
import { Q, inDays, must, reviewIds } from '../../testing/review-fixtures';
import { errorCode, startTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let collab: FakeCollab;
let ids: Awaited<ReturnType<typeof reviewIds>>;
let roundId: string;

const TICKET = 'mutation ($id: ID!) { collabTicket(documentId: $id) { mode } }';

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
      bodyIds: [ids.nord, ids.mitte, ids.roundTable],
      deadline: inDays(10),
    },
  });
  roundId = created.createReviewRound.round.id;
  await must(jonas, Q.open, { id: roundId });
});
afterAll(async () => {
  await collab.close();
  await t.close();
});

async function startAs(client: TestClient, bodyId: string) {
  const data = await must<{
    startStatement: { statement: { id: string; textDocumentId: string; viewerCanSubmit: boolean } };
  }>(client, Q.start, { input: { roundId, bodyId } });
  return data.startStatement.statement;
}

describe('writing a statement', () => {
  it('starts one statement per body even when two members start it at once', async () => {
    const elena = await t.signIn('beirat-nord@lip.example');
    const again = await t.signIn('beirat-nord@lip.example');
    const [a, b] = await Promise.all([startAs(elena, ids.nord), startAs(again, ids.nord)]);
    expect(a.id).toBe(`${roundId}:${ids.nord}`);
    expect(b.id).toBe(a.id);
    expect(b.textDocumentId).toBe(a.textDocumentId);
    const texts = await t.app.deps.models.Document.countDocuments({
      kind: 'statement',
      'statementOf.roundId': roundId,
      'statementOf.bodyId': ids.nord,
    });
    expect(texts).toBe(1);
  });

  it('lets only the body’s members write the text, and hides it from others until submitted', async () => {
    const elena = await t.signIn('beirat-nord@lip.example');
    const statement = await startAs(elena, ids.nord);
    expect(
      (await elena.gql(TICKET, { id: statement.textDocumentId })).data?.collabTicket.mode,
    ).toBe('EDIT');
    for (const email of ['bildung@lip.example', 'koordination@lip.example']) {
      const other = await t.signIn(email);
      expect(errorCode(await other.gql(TICKET, { id: statement.textDocumentId }))).toBe(
        'NOT_FOUND',
      );
      expect((await other.gql(Q.statement, { id: statement.id })).data?.statement).toBeNull();
    }
    // Statement texts are not listed among the groups' documents.
    const list = await elena.gql('{ documents { kind } }');
    expect(list.data?.documents.map((d: { kind: string }) => d.kind)).not.toContain('STATEMENT');
    const mitte = await t.signIn('koordination@lip.example');
    expect(errorCode(await mitte.gql(Q.start, { input: { roundId, bodyId: ids.nord } }))).toBe(
      'NOT_FOUND',
    );
  });

  it('saves the assessment, meeting date and resolution, and names a bad field', async () => {
    const elena = await t.signIn('beirat-nord@lip.example');
    const statement = await startAs(elena, ids.nord);
    const saved = await must<{
      updateStatement: { statement: { assessment: string; resolutionRef: string } };
    }>(elena, Q.updateStatement, {
      input: {
        statementId: statement.id,
        assessment: 'AGREE_WITH_REMARKS',
        meetingDate: inDays(-2),
        resolutionRef: 'IB Nord 4/2020',
      },
    });
    expect(saved.updateStatement.statement).toMatchObject({
      assessment: 'AGREE_WITH_REMARKS',
      resolutionRef: 'IB Nord 4/2020',
    });
    const bad = await elena.gql(Q.updateStatement, {
      input: { statementId: statement.id, meetingDate: '1850-01-01T00:00:00Z' },
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'meetingDate' }],
    });
    const outsider = await t.signIn('wirtschaft@lip.example');
    expect(
      errorCode(
        await outsider.gql(Q.updateStatement, {
          input: { statementId: statement.id, resolutionRef: 'x' },
        }),
      ),
    ).toBe('NOT_FOUND');
  });

  it('adds remarks anchored to passages with distinct numbers, and rejects bad ones', async () => {
    const elena = await t.signIn('beirat-nord@lip.example');
    const statement = await startAs(elena, ids.nord);
    const anchor = JSON.stringify({ v: 1, from: 'AQID', to: 'BAUG' });
    const added = await Promise.all(
      [1, 2, 3].map((n) =>
        must<{ addRemark: { remark: { number: number; label: string } } }>(elena, Q.addRemark, {
          input: {
            statementId: statement.id,
            itemIndex: 0,
            anchor,
            quote: 'Erste Sammlung von Maßnahmen der Expert*innengruppe.',
            text: `Anmerkung ${n}`,
            proposedWording:
              n === 1 ? 'Erste Sammlung von Maßnahmen, mit Beiräten abgestimmt.' : undefined,
          },
        }),
      ),
    );
    expect(added.map((a) => a.addRemark.remark.number).sort()).toEqual([1, 2, 3]);
    expect(added[0]?.addRemark.remark.label).toMatch(/^Integrationsbeirat Nord \d$/);
    const empty = await elena.gql(Q.addRemark, {
      input: { statementId: statement.id, itemIndex: 0, text: '  ' },
    });
    expect(empty.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'text' }],
    });
    const tooLong = await elena.gql(Q.addRemark, {
      input: { statementId: statement.id, itemIndex: 0, text: 'x'.repeat(10_001) },
    });
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ fields: [{ path: 'text' }] });
    const noItem = await elena.gql(Q.addRemark, {
      input: { statementId: statement.id, itemIndex: 7, text: 'x' },
    });
    expect(noItem.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const badAnchor = await elena.gql(Q.addRemark, {
      input: { statementId: statement.id, itemIndex: 0, text: 'x', anchor: '{"$ne":1}' },
    });
    expect(badAnchor.errors?.[0]?.extensions).toMatchObject({ fields: [{ path: 'anchor' }] });
    expect(await t.app.deps.models.Remark.countDocuments({ statementId: statement.id })).toBe(3);
  });

  it('credits a council member’s passage comment to the council and takes it over as a remark', async () => {
    const elena = await t.signIn('beirat-nord@lip.example');
    const statement = await startAs(elena, ids.nord);
    const comment = await elena.gql(
      'mutation ($id: ID!) { createComment(input: { documentId: $id, body: "Bitte Elternbeteiligung nennen.", quote: "Erste Sammlung", anchor: "{}" }) { thread { id comments { onBehalfOf { name } organisation { name } } } } }',
      { id: ids.educationDraft },
    );
    const thread = comment.data?.createComment.thread;
    expect(thread.comments[0].onBehalfOf).toEqual({ name: 'Integrationsbeirat Nord' });
    const candidates = await elena.gql(
      'query ($id: ID!) { statement(id: $id) { commentCandidates { id } } }',
      { id: statement.id },
    );
    expect(candidates.data?.statement.commentCandidates.map((c: { id: string }) => c.id)).toContain(
      thread.id,
    );
    const taken = await must<{ addRemarkFromComment: { remark: { text: string; quote: string } } }>(
      elena,
      'mutation ($input: AddRemarkFromCommentInput!) { addRemarkFromComment(input: $input) { remark { text quote } } }',
      { input: { statementId: statement.id, threadId: thread.id } },
    );
    expect(taken.addRemarkFromComment.remark).toEqual({
      text: 'Bitte Elternbeteiligung nennen.',
      quote: 'Erste Sammlung',
    });
    const twice = await elena.gql(
      'mutation ($input: AddRemarkFromCommentInput!) { addRemarkFromComment(input: $input) { remark { id } } }',
      { input: { statementId: statement.id, threadId: thread.id } },
    );
    expect(errorCode(twice)).toBe('NOT_FOUND');
  });
});

describe('submitting and withdrawing', () => {
  it('lets only the chair submit when the body has one, and requires an assessment', async () => {
    const jonas = await t.signIn('koordination@lip.example');
    const mehmet = await t.personId('wirtschaft@lip.example');
    await must(
      jonas,
      'mutation ($input: BodyMemberInput!) { addBodyMember(input: $input) { body { id } } }',
      { input: { bodyId: ids.roundTable, personId: mehmet } },
    );
    const member = await t.signIn('wirtschaft@lip.example');
    const statement = await startAs(member, ids.roundTable);
    // The round table has no chair: every member may submit, once the assessment is chosen.
    const missing = await member.gql(Q.submit, { id: statement.id });
    expect(missing.errors?.[0]?.extensions).toMatchObject({
      reason: 'assessment-required',
      fields: [{ path: 'assessment' }],
    });
    // Nord has a chair (Elena Petrova): another member may write but not submit.
    await must(
      jonas,
      'mutation ($input: BodyMemberInput!) { addBodyMember(input: $input) { body { id } } }',
      {
        input: { bodyId: ids.nord, personId: mehmet },
      },
    );
    const nord = await startAs(member, ids.nord);
    expect(nord.viewerCanSubmit).toBe(false);
    expect(errorCode(await member.gql(Q.submit, { id: nord.id }))).toBe('FORBIDDEN');
    const chair = await t.signIn('beirat-nord@lip.example');
    expect((await startAs(chair, ids.nord)).viewerCanSubmit).toBe(true);
  });

  it('submits once, read-only afterwards and visible to the group; a second submission is refused', async () => {
    const elena = await t.signIn('beirat-nord@lip.example');
    const statement = await startAs(elena, ids.nord);
    const second = await t.signIn('beirat-nord@lip.example');
    const [first, other] = await Promise.all([
      elena.gql(Q.submit, { id: statement.id }),
      second.gql(Q.submit, { id: statement.id }),
    ]);
    const results = [first, other];
    expect(results.filter((r) => !r.errors).length).toBe(1);
    const refused = results.find((r) => r.errors);
    expect(refused?.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'already-submitted',
    });
    const submitted = results.find((r) => !r.errors)?.data?.submitStatement.statement;
    expect(submitted).toMatchObject({
      status: 'SUBMITTED',
      late: false,
      submittedBy: { name: 'Elena Petrova' },
    });
    expect(
      (await elena.gql(TICKET, { id: statement.textDocumentId })).data?.collabTicket.mode,
    ).toBe('READ');
    // One document-wide revocation: every live editor of the text reconnects read-only.
    const revoked = await t.app.deps.models.CollabRevocation.findOne({
      documentId: statement.textDocumentId,
      reason: 'document-status-changed',
    }).lean();
    expect(revoked?.personId ?? null).toBeNull();
    const group = await t.signIn('bildung2@lip.example');
    const seen = await group.gql(Q.statement, { id: statement.id });
    expect(seen.data?.statement.status).toBe('SUBMITTED');
    expect(seen.data?.statement.remarks.length).toBeGreaterThan(0);
    // Another council does not read it before the round is evaluated.
    const otherCouncil = await t.signIn('wirtschaft@lip.example');
    const jonas = await t.signIn('koordination@lip.example');
    await must(
      jonas,
      'mutation ($input: BodyMemberInput!) { removeBodyMember(input: $input) { body { id } } }',
      {
        input: { bodyId: ids.nord, personId: await t.personId('wirtschaft@lip.example') },
      },
    );
    expect((await otherCouncil.gql(Q.statement, { id: statement.id })).data?.statement).toBeNull();
    const addAfter = await elena.gql(Q.addRemark, {
      input: { statementId: statement.id, itemIndex: 0, text: 'Noch was' },
    });
    expect(addAfter.errors?.[0]?.extensions).toMatchObject({ reason: 'already-submitted' });
  });

  it('lets the chair withdraw while the round is open, revise and submit again', async () => {
    const elena = await t.signIn('beirat-nord@lip.example');
    const id = `${roundId}:${ids.nord}`;
    const withdrawn = await must<{ withdrawStatement: { statement: { status: string } } }>(
      elena,
      Q.withdraw,
      { id },
    );
    expect(withdrawn.withdrawStatement.statement.status).toBe('WITHDRAWN');
    await must(elena, Q.addRemark, {
      input: { statementId: id, itemIndex: 0, text: 'Nach Rückzug ergänzt' },
    });
    const again = await must<{ submitStatement: { statement: { status: string } } }>(
      elena,
      Q.submit,
      { id },
    );
    expect(again.submitStatement.statement.status).toBe('SUBMITTED');
    const council = await t.signIn('bildung@lip.example');
    expect(errorCode(await council.gql(Q.withdraw, { id }))).toBe('FORBIDDEN');
  });

  it('loses nothing when two bodies submit at the same moment', async () => {
    const mitteId = await t.personId('bildung2@lip.example');
    const jonas = await t.signIn('koordination@lip.example');
    await must(
      jonas,
      'mutation ($input: BodyMemberInput!) { addBodyMember(input: $input) { body { id } } }',
      {
        input: { bodyId: ids.mitte, personId: mitteId },
      },
    );
    const daniel = await t.signIn('bildung2@lip.example');
    const mehmet = await t.signIn('wirtschaft@lip.example');
    const mitte = await startAs(daniel, ids.mitte);
    const roundTable = await startAs(mehmet, ids.roundTable);
    for (const [client, id] of [
      [daniel, mitte.id],
      [mehmet, roundTable.id],
    ] as const) {
      await must(client, Q.updateStatement, { input: { statementId: id, assessment: 'AGREE' } });
    }
    const [a, b] = await Promise.all([
      daniel.gql(Q.submit, { id: mitte.id }),
      mehmet.gql(Q.submit, { id: roundTable.id }),
    ]);
    expect([a.errors, b.errors]).toEqual([undefined, undefined]);
    const round = await jonas.gql(Q.round, { id: roundId });
    expect(round.data?.reviewRound.answeredCount).toBe(3);
  });

  it('marks a statement submitted after the deadline as late', async () => {
    const jonas = await t.signIn('koordination@lip.example');
    const created = await must<{ createReviewRound: { round: { id: string } } }>(jonas, Q.create, {
      input: {
        title: 'Späte Runde',
        documentIds: [ids.socialDraft],
        bodyIds: [ids.nord],
        deadline: inDays(3),
      },
    });
    const lateRound = created.createReviewRound.round.id;
    await must(jonas, Q.open, { id: lateRound });
    await t.app.deps.models.ReviewRound.updateOne(
      { _id: lateRound },
      { $set: { deadline: new Date(Date.now() - 60_000) } },
    );
    const elena = await t.signIn('beirat-nord@lip.example');
    const started = await must<{ startStatement: { statement: { id: string } } }>(elena, Q.start, {
      input: { roundId: lateRound, bodyId: ids.nord },
    });
    const id = started.startStatement.statement.id;
    await must(elena, Q.updateStatement, {
      input: { statementId: id, assessment: 'NO_OBJECTIONS' },
    });
    const submitted = await must<{ submitStatement: { statement: { late: boolean } } }>(
      elena,
      Q.submit,
      { id },
    );
    expect(submitted.submitStatement.statement.late).toBe(true);
    const progress = await jonas.gql(Q.round, { id: lateRound });
    expect(progress.data?.reviewRound).toMatchObject({
      status: 'CLOSED',
      progress: [{ status: 'SUBMITTED', late: true }],
    });
    // Withdrawing needs an open round.
    expect((await elena.gql(Q.withdraw, { id })).errors?.[0]?.extensions).toMatchObject({
      reason: 'invalid-transition',
    });
  });
});
