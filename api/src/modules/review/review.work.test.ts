import { Types } from 'mongoose';
import { countCommands } from '../../db/connection';
import { startFakeCollab, type FakeCollab } from '../../testing/fake-collab';
import { Q, inDays, must, reviewIds } from '../../testing/review-fixtures';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { loadDashboard } from '../dashboard/dashboard.service';
import { assembleWork } from '../work/work.service';
import { reviewDashboardOf } from './review-dashboard.service';

let t: TestApp;
let collab: FakeCollab;
let ids: Awaited<ReturnType<typeof reviewIds>>;

beforeAll(async () => {
  // The mail worker polls its outbox on the same connection; keep it quiet while commands are
  // counted.
  t = await startTestApp(__filename, { app: { mailPollMs: 3_600_000 } });
  collab = await startFakeCollab(t.app.deps.secrets.collabSecret);
  t.app.deps.config.collabInternalUrl = collab.url;
  ids = await reviewIds(t);
});
afterAll(async () => {
  await collab.close();
  await t.close();
});

const MY_WORK = `{ myWork { roles items { id kind role title context dueAt overdue link } } }`;

interface Item {
  id: string;
  kind: string;
  role: string;
  title: string;
  context: string | null;
  dueAt: string | null;
  overdue: boolean;
  link: string;
}

async function statementsDueOf(email: string): Promise<Item[]> {
  const client = await t.signIn(email);
  const work = await must<{ myWork: { items: Item[] } }>(client, MY_WORK, {});
  return work.myWork.items.filter((item) => item.kind === 'STATEMENT_DUE');
}

/** Creates and opens a round as the coordinator. */
async function openRound(title: string, documentIds: string[], bodyIds: string[]) {
  const jonas = await t.signIn('koordination@lip.example');
  const created = await must<{ createReviewRound: { round: { id: string } } }>(jonas, Q.create, {
    input: { title, documentIds, bodyIds, deadline: inDays(12) },
  });
  const roundId = created.createReviewRound.round.id;
  await must(jonas, Q.open, { id: roundId });
  return roundId;
}

describe('statements due on the start page', () => {
  let roundId: string;

  it('gives a council member one item per open round (not one per document), linking to the statement', async () => {
    roundId = await openRound(
      'Bildung und Wirtschaft',
      [ids.educationDraft, ids.economyDraft],
      [ids.nord, ids.mitte],
    );
    const due = await statementsDueOf('beirat-nord@lip.example');
    const mine = due.filter((item) => item.link.includes(roundId));
    expect(mine).toEqual([
      {
        id: `statement-due:${roundId}:${ids.nord}`,
        kind: 'STATEMENT_DUE',
        role: 'REVIEWER',
        title: 'Bildung und Wirtschaft',
        context: 'Integrationsbeirat Nord',
        dueAt: expect.any(String),
        overdue: false,
        link: `/review/rounds/${roundId}/statements/${ids.nord}`,
      },
    ]);
    expect(Date.parse(mine[0]?.dueAt ?? '')).toBeGreaterThan(Date.now() + 11 * 86_400_000);
    // The seeded open round, where Nord's statement is still a draft, is due as well.
    expect(due.map((item) => item.title)).toContain('Bildung: Ausgangslage und Ziele');
    // No item per shared document any more.
    const client = await t.signIn('beirat-nord@lip.example');
    const all = await must<{ myWork: { items: Item[] } }>(client, MY_WORK, {});
    expect(all.myWork.items.every((item) => item.kind === 'STATEMENT_DUE')).toBe(true);
  });

  it('gives nothing for a round that does not ask the body, nor to people outside the bodies', async () => {
    const otherRound = await openRound('Nur Mitte', [ids.socialDraft], [ids.mitte]);
    const due = await statementsDueOf('beirat-nord@lip.example');
    expect(due.some((item) => item.link.includes(otherRound))).toBe(false);
    for (const email of ['bildung@lip.example', 'koordination@lip.example']) {
      expect(await statementsDueOf(email)).toEqual([]);
    }
  });

  it('takes the item away once the body has submitted its statement', async () => {
    const elena = await t.signIn('beirat-nord@lip.example');
    const started = await must<{ startStatement: { statement: { id: string } } }>(elena, Q.start, {
      input: { roundId, bodyId: ids.nord },
    });
    const statementId = started.startStatement.statement.id;
    // A statement in progress is still due.
    expect(
      (await statementsDueOf('beirat-nord@lip.example')).some((i) => i.link.includes(roundId)),
    ).toBe(true);
    await must(elena, Q.updateStatement, { input: { statementId, assessment: 'AGREE' } });
    await must(elena, Q.submit, { id: statementId });
    const due = await statementsDueOf('beirat-nord@lip.example');
    expect(due.some((item) => item.link.includes(roundId))).toBe(false);
    expect(due.map((item) => item.title)).toContain('Bildung: Ausgangslage und Ziele');
  });

  it('takes the item away when the round closes', async () => {
    const urbanDraft = await t.app.deps.models.Document.findOne({
      title: 'Stadtleben und Kultur: Grundlagenkapitel (Entwurf)',
    }).lean();
    const lateRound = await openRound('Frist endet', [String(urbanDraft?._id)], [ids.nord]);
    expect(
      (await statementsDueOf('beirat-nord@lip.example')).some((i) => i.link.includes(lateRound)),
    ).toBe(true);
    const jonas = await t.signIn('koordination@lip.example');
    await must(jonas, Q.close, { id: lateRound });
    expect(
      (await statementsDueOf('beirat-nord@lip.example')).some((i) => i.link.includes(lateRound)),
    ).toBe(false);
  });
});

describe('statements due and the start page’s database commands', () => {
  async function startPageCommands(email: string) {
    const scope = await t.scopeFor(email);
    return countCommands(t.app.deps.connection, async () => {
      const dashboard = await loadDashboard(scope);
      if (!dashboard) throw new Error('no dashboard');
      await reviewDashboardOf(scope, dashboard.process);
      return assembleWork(dashboard.work);
    });
  }

  it('sends the same commands for a council member with one open round or twenty', async () => {
    const few = await startPageCommands('beirat-nord@lip.example');
    const process = await t.app.deps.models.Process.findOne({}).lean();
    const template = await t.app.deps.models.ReviewRound.findOne({ status: 'open' }).lean();
    if (!process || !template) throw new Error('no open round to copy');
    const last = await t.app.deps.models.ReviewRound.findOne({}).sort({ number: -1 }).lean();
    await t.app.deps.models.ReviewRound.insertMany(
      Array.from({ length: 20 }, (_, n) => ({
        ...template,
        _id: new Types.ObjectId(),
        number: (last?.number ?? 0) + n + 1,
        title: `Zusätzliche Runde ${n + 1}`,
        bodyIds: [new Types.ObjectId(ids.nord)],
        deadline: new Date(Date.now() + 9 * 86_400_000),
      })),
    );
    const many = await startPageCommands('beirat-nord@lip.example');
    expect(many.commands).toEqual(few.commands);
    const due = (result: typeof few) =>
      result.result.items.filter((item) => item.kind === 'statement-due').length;
    expect(due(many)).toBe(due(few) + 20);
  }, 60_000);
});
