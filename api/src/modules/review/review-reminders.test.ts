import { startTestApp, type TestApp } from '../../testing/test-app';
import { notifyDueStatements } from './review-reminders';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(__filename);
});
afterAll(async () => {
  await t.close();
});

const NOTES = '{ notifications(first: 10) { nodes { kind title body link } } }';

describe('statements due', () => {
  it('reminds the members of bodies that have not answered, once, when the deadline is near', async () => {
    const round = await t.app.deps.models.ReviewRound.findOne({ status: 'open' }).lean();
    if (!round) throw new Error('the demo has an open round');
    const process = await t.app.deps.models.Process.findOne({}).lean();
    const nord = process?.bodies.find((b) => b.name === 'Integrationsbeirat Nord');
    const now = new Date();
    // Far from the deadline: nobody is reminded.
    await t.app.deps.models.ReviewRound.updateOne(
      { _id: round._id },
      { $set: { deadline: new Date(now.getTime() + 10 * 86_400_000) } },
    );
    expect(await notifyDueStatements(t.app.deps, now)).toBe(0);
    const deadline = new Date(now.getTime() + 2 * 86_400_000);
    await t.app.deps.models.ReviewRound.updateOne({ _id: round._id }, { $set: { deadline } });
    const sent = await notifyDueStatements(t.app.deps, now);
    expect(sent).toBeGreaterThan(0);
    // A second run (or another API process) sends nothing again.
    expect(await notifyDueStatements(t.app.deps, now)).toBe(0);

    const elena = await t.signIn('beirat-nord@lip.example');
    const notes = (await elena.gql(NOTES)).data?.notifications.nodes;
    expect(notes).toContainEqual({
      kind: 'STATEMENT_DUE',
      title: `Die Stellungnahme von Integrationsbeirat Nord zu „${round.title}“ ist bald fällig`,
      body: expect.stringMatching(/^Frist: /),
      link: `/review/rounds/${String(round._id)}/statements/${String(nord?._id)}`,
    });
    // A body that has submitted is not reminded.
    const submitted = await t.app.deps.models.Statement.find({
      roundId: round._id,
      status: 'submitted',
    }).lean();
    expect(submitted.length).toBeGreaterThan(0);
    const answeredMembers = process?.bodies
      .filter((b) => submitted.some((s) => String(s.bodyId) === String(b._id)))
      .flatMap((b) => b.memberIds.map(String))
      .filter((id) => !nord?.memberIds.some((m) => String(m) === id));
    const reminded = await t.app.deps.models.Notification.find({ kind: 'statement-due' }).lean();
    for (const note of reminded) {
      expect(answeredMembers).not.toContain(String(note.personId));
    }
  });
});
