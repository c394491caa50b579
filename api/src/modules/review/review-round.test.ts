import { op } from '../../db/connection';
import { startFakeCollab, type FakeCollab } from '../../testing/fake-collab';
import { Q, inDays, must, reviewIds } from '../../testing/review-fixtures';
import { errorCode, startTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let collab: FakeCollab;
let ids: Awaited<ReturnType<typeof reviewIds>>;

beforeAll(async () => {
  t = await startTestApp(__filename);
  collab = await startFakeCollab(t.app.deps.secrets.collabSecret);
  t.app.deps.config.collabInternalUrl = collab.url;
  ids = await reviewIds(t);
});
afterAll(async () => {
  await collab.close();
  await t.close();
});

const roundCount = () => t.app.deps.models.ReviewRound.countDocuments({});

async function draftRound(documentIds: string[], bodyIds = [ids.nord, ids.mitte]) {
  const jonas = await t.signIn('koordination@lip.example');
  const data = await must<{ createReviewRound: { round: { id: string; number: number } } }>(
    jonas,
    Q.create,
    { input: { title: 'Runde für Tests', documentIds, bodyIds, deadline: inDays(10) } },
  );
  return data.createReviewRound.round;
}

describe('creating review rounds', () => {
  it('lets a coordinator create a draft round, numbered after the seeded ones', async () => {
    const jonas = await t.signIn('koordination@lip.example');
    const result = await jonas.gql(Q.create, {
      input: {
        title: 'Bildung: Maßnahmen',
        documentIds: [ids.educationDraft],
        bodyIds: [ids.nord, ids.mitte],
        deadline: inDays(14),
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.createReviewRound.round).toMatchObject({
      number: 3,
      status: 'DRAFT',
      items: [{ index: 0, documentId: ids.educationDraft, versionId: null }],
      bodies: [{ name: 'Integrationsbeirat Nord' }, { name: 'Integrationsbeirat Mitte' }],
    });
  });

  it.each([
    ['a group speaker', 'bildung@lip.example', 'FORBIDDEN'],
    ['a council member', 'beirat-nord@lip.example', 'FORBIDDEN'],
    ['the steering group', 'lenkung@lip.example', 'FORBIDDEN'],
    ['an observer', 'beobachtung@lip.example', 'FORBIDDEN'],
  ])('refuses %s to create a round, writing nothing', async (_who, email, code) => {
    const before = await roundCount();
    const client = await t.signIn(email);
    const result = await client.gql(Q.create, {
      input: {
        title: 'Nicht erlaubt',
        documentIds: [ids.educationDraft],
        bodyIds: [ids.nord],
        deadline: inDays(5),
      },
    });
    expect(errorCode(result)).toBe(code);
    expect(await roundCount()).toBe(before);
  });

  it('names each bad input field, in German by default and in English for English speakers', async () => {
    const jonas = await t.signIn('koordination@lip.example');
    const before = await roundCount();
    const past = await jonas.gql(Q.create, {
      input: {
        title: 'Frist vorbei',
        documentIds: [ids.educationDraft],
        bodyIds: [ids.nord],
        deadline: inDays(-1),
      },
    });
    expect(past.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'deadline-in-past',
      fields: [{ path: 'deadline' }],
    });
    expect(past.errors?.[0]?.message).toBe('Die Frist muss in der Zukunft liegen.');
    const empty = await jonas.gql(Q.create, {
      input: { title: 'Leer', documentIds: [], bodyIds: [], deadline: inDays(5) },
    });
    expect(empty.errors?.[0]?.extensions).toMatchObject({ reason: 'nothing-to-review' });
    const paths = (empty.errors?.[0]?.extensions?.fields as { path: string }[]).map((f) => f.path);
    expect(paths).toEqual(['documentIds', 'bodyIds']);
    const steering = await jonas.gql(Q.create, {
      input: {
        title: 'Lenkung',
        documentIds: [ids.educationDraft],
        bodyIds: [ids.steeringBody],
        deadline: inDays(5),
      },
    });
    expect(steering.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      fields: [{ path: 'bodyIds.0' }],
    });
    const observer = await t.signIn('beobachtung@lip.example');
    const english = await observer.gql(Q.create, {
      input: { title: 'Leere Runde', documentIds: [], bodyIds: [], deadline: inDays(5) },
    });
    expect(english.errors?.[0]?.message).toBe(
      'A review round needs at least one document and at least one body.',
    );
    expect(await roundCount()).toBe(before);
  });

  it('shows a draft round to coordinators and the group, never to the councils asked', async () => {
    const round = await draftRound([ids.socialDraft]);
    const council = await t.signIn('beirat-nord@lip.example');
    expect((await council.gql(Q.round, { id: round.id })).data?.reviewRound).toBeNull();
    const observer = await t.signIn('beobachtung@lip.example');
    expect((await observer.gql(Q.round, { id: round.id })).data?.reviewRound.viewerCanManage).toBe(
      false,
    );
    const jonas = await t.signIn('koordination@lip.example');
    expect((await jonas.gql(Q.round, { id: round.id })).data?.reviewRound.viewerCanManage).toBe(
      true,
    );
  });
});

describe('opening, closing and cancelling', () => {
  it('freezes each document as a named version, puts it in review and shares it with the bodies', async () => {
    const round = await draftRound([ids.economyDraft]);
    const jonas = await t.signIn('koordination@lip.example');
    const opened = await must<{
      openReviewRound: { round: { status: string; items: { versionId: string }[] } };
    }>(jonas, Q.open, { id: round.id });
    expect(opened.openReviewRound.round.status).toBe('OPEN');
    const versionId = opened.openReviewRound.round.items[0]?.versionId;
    expect(versionId).toMatch(/^[0-9a-f]{24}$/);
    const freeze = collab.calls.find(
      (c) => c.path === `/internal/documents/${ids.economyDraft}/versions`,
    );
    expect(freeze?.body).toMatchObject({
      label: `Beratungsrunde ${round.number}: Runde für Tests`,
    });
    const document = await t.app.deps.models.Document.findOne({ _id: ids.economyDraft }).lean();
    expect(document?.status).toBe('in-review');
    expect(document?.sharedWithBodyIds.map(String).sort()).toEqual([ids.nord, ids.mitte].sort());
    // The council now sees the round, its frozen version and the document.
    const council = await t.signIn('beirat-nord@lip.example');
    expect((await council.gql(Q.round, { id: round.id })).data?.reviewRound.myBodyIds).toEqual([
      ids.nord,
    ]);
    const version = await council.gql(
      'query ($id: ID!) { reviewItemVersion(roundId: $id, itemIndex: 0) { versionId text state } }',
      { id: round.id },
    );
    expect(version.data?.reviewItemVersion).toMatchObject({
      versionId,
      text: 'Eingefrorener Text',
    });
    const activity = await t.app.deps.models.Activity.findOne({
      verb: 'review.round-opened',
      documentId: ids.economyDraft,
    }).lean();
    expect(activity?.detail).toContain('Integrationsbeirat Nord');
  });

  it('refuses to open a round whose document is already in another round, naming that round, and leaves it a draft', async () => {
    const round = await draftRound([ids.socialDraft, ids.educationInReview]);
    const jonas = await t.signIn('koordination@lip.example');
    const result = await jonas.gql(Q.open, { id: round.id });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'in-other-round',
      fields: [
        {
          path: 'documentIds.1',
          message:
            '„Bildung: Ausgangslage und Ziele“ wird schon in Beratungsrunde 2 („Bildung: Ausgangslage und Ziele“, offen) beraten. Eine neue Runde ist möglich, sobald diese abgesagt ist oder die Lenkungsgruppe entschieden hat.',
        },
      ],
    });
    expect((await jonas.gql(Q.round, { id: round.id })).data?.reviewRound.status).toBe('DRAFT');
  });

  it('leaves the round a draft and the documents untouched when the collab server is down', async () => {
    const round = await draftRound([ids.socialDraft]);
    const jonas = await t.signIn('koordination@lip.example');
    collab.setAvailable(false);
    try {
      const result = await jonas.gql(Q.open, { id: round.id });
      expect(result.errors?.[0]?.extensions).toMatchObject({ reason: 'collab-unavailable' });
    } finally {
      collab.setAvailable(true);
    }
    expect((await jonas.gql(Q.round, { id: round.id })).data?.reviewRound.status).toBe('DRAFT');
    const document = await t.app.deps.models.Document.findOne({ _id: ids.socialDraft }).lean();
    expect(document?.status).toBe('draft');
    await jonas.gql(Q.cancel, { input: { roundId: round.id } });
  });

  it('forbids a council member and a speaker to open, close or cancel a round', async () => {
    const round = await draftRound([ids.socialDraft]);
    for (const email of ['beirat-nord@lip.example', 'bildung@lip.example']) {
      const client = await t.signIn(email);
      expect(errorCode(await client.gql(Q.open, { id: round.id }))).toMatch(/FORBIDDEN|NOT_FOUND/);
      expect(errorCode(await client.gql(Q.cancel, { input: { roundId: round.id } }))).toMatch(
        /FORBIDDEN|NOT_FOUND/,
      );
    }
    const jonas = await t.signIn('koordination@lip.example');
    await must(jonas, Q.cancel, { input: { roundId: round.id, reason: 'Testende' } });
  });

  it('closes by hand, reopens when the deadline moves into the future, and refuses opening twice', async () => {
    const round = await draftRound([ids.socialDraft]);
    const jonas = await t.signIn('koordination@lip.example');
    await must(jonas, Q.open, { id: round.id });
    expect(errorCode(await jonas.gql(Q.open, { id: round.id }))).toBe('BAD_USER_INPUT');
    const closed = await must<{ closeReviewRound: { round: { status: string } } }>(jonas, Q.close, {
      id: round.id,
    });
    expect(closed.closeReviewRound.round.status).toBe('CLOSED');
    const reopened = await must<{ updateReviewRound: { round: { status: string } } }>(
      jonas,
      Q.update,
      {
        input: { roundId: round.id, deadline: inDays(20) },
      },
    );
    expect(reopened.updateReviewRound.round.status).toBe('OPEN');
    const bodies = await jonas.gql(Q.update, { input: { roundId: round.id, bodyIds: [ids.nord] } });
    expect(bodies.errors?.[0]?.extensions).toMatchObject({ reason: 'invalid-transition' });
    const document = await t.app.deps.models.Document.findOne({ _id: ids.socialDraft }).lean();
    expect(document?.reviewDeadline?.getTime()).toBeGreaterThan(Date.now() + 19 * 86_400_000);
    await must(jonas, Q.cancel, { input: { roundId: round.id } });
  });

  it('treats an open round past its deadline as closed', async () => {
    const round = await draftRound([ids.socialDraft]);
    const jonas = await t.signIn('koordination@lip.example');
    await must(jonas, Q.open, { id: round.id });
    await t.app.deps.models.ReviewRound.updateOne(
      { _id: round.id },
      { $set: { deadline: new Date(Date.now() - 1000) } },
    );
    expect((await jonas.gql(Q.round, { id: round.id })).data?.reviewRound.status).toBe('CLOSED');
    await must(jonas, Q.cancel, { input: { roundId: round.id } });
  });

  it('cancels an open round: documents go back, are unshared, and the councils’ editors are revoked', async () => {
    const round = await draftRound([ids.socialDraft]);
    const jonas = await t.signIn('koordination@lip.example');
    await must(jonas, Q.open, { id: round.id });
    const council = await t.signIn('beirat-nord@lip.example');
    const started = await must<{
      startStatement: { statement: { id: string; textDocumentId: string } };
    }>(council, Q.start, { input: { roundId: round.id, bodyId: ids.nord } });
    const cancelled = await must<{
      cancelReviewRound: { round: { status: string; cancelReason: string } };
    }>(jonas, Q.cancel, { input: { roundId: round.id, reason: 'Termin verschoben' } });
    expect(cancelled.cancelReviewRound.round).toEqual({
      id: round.id,
      status: 'CANCELLED',
      cancelReason: 'Termin verschoben',
    });
    const document = await t.app.deps.models.Document.findOne({ _id: ids.socialDraft }).lean();
    expect(document).toMatchObject({
      status: 'draft',
      sharedWithBodyIds: [],
      reviewDeadline: null,
    });
    // Document-wide revocations: the draft (no longer shared) and the statement text.
    const revoked = await t.app.deps.models.CollabRevocation.find({
      personId: op({ $exists: false }),
    }).lean();
    expect(revoked.map((r) => [r.documentId, r.reason])).toEqual(
      expect.arrayContaining([
        [ids.socialDraft, 'document-unshared'],
        [started.startStatement.statement.textDocumentId, 'document-status-changed'],
      ]),
    );
    // A statement after the round was cancelled is refused, naming the round.
    const late = await council.gql(Q.updateStatement, {
      input: { statementId: started.startStatement.statement.id, assessment: 'AGREE' },
    });
    expect(late.errors?.[0]?.extensions).toMatchObject({
      reason: 'round-not-open',
      fields: [{ path: 'statementId' }],
    });
    expect(errorCode(await jonas.gql(Q.cancel, { input: { roundId: round.id } }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('refuses to evaluate an open round and a closed one with unanswered remarks', async () => {
    const jonas = await t.signIn('koordination@lip.example');
    const rounds = await jonas.gql('{ reviewRounds(status: OPEN) { id title openRemarkCount } }');
    const education = rounds.data?.reviewRounds.find(
      (r: { title: string }) => r.title === 'Bildung: Ausgangslage und Ziele',
    );
    expect(education.openRemarkCount).toBeGreaterThan(0);
    expect(
      (await jonas.gql(Q.evaluate, { id: education.id })).errors?.[0]?.extensions,
    ).toMatchObject({
      reason: 'invalid-transition',
    });
    await t.app.deps.models.ReviewRound.updateOne(
      { _id: education.id },
      { $set: { deadline: new Date(Date.now() - 1000) } },
    );
    try {
      const pending = await jonas.gql(Q.evaluate, { id: education.id });
      expect(pending.errors?.[0]?.extensions).toMatchObject({
        reason: 'responses-pending',
        fields: [{ path: 'roundId' }],
      });
      expect(pending.errors?.[0]?.message).toContain('freigegebene Antwort');
    } finally {
      await t.app.deps.models.ReviewRound.updateOne(
        { _id: education.id },
        { $set: { deadline: new Date(Date.now() + 14 * 86_400_000) } },
      );
    }
  });
});

describe('what the seeded demo shows', () => {
  it('has an open round where some councils answered and an evaluated round with decisions', async () => {
    const jonas = await t.signIn('koordination@lip.example');
    const result = await jonas.gql(
      '{ reviewRounds { number title status answeredCount remarkCount decisions { outcome } progress { status } } }',
    );
    const seeded = result.data?.reviewRounds.filter((r: { number: number }) => r.number <= 2);
    const [open, evaluated] = [...seeded].sort((a, b) => b.number - a.number);
    expect(open).toMatchObject({ status: 'OPEN', answeredCount: 3 });
    expect(
      open.progress.filter((p: { status: string }) => p.status === 'NOT_STARTED').length,
    ).toBeGreaterThan(5);
    expect(evaluated.status).toBe('EVALUATED');
    expect(evaluated.decisions.map((d: { outcome: string }) => d.outcome).sort()).toEqual([
      'ACCEPTED_WITH_CONDITIONS',
      'RETURNED',
    ]);
  });
});
