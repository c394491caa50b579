import { countCommands } from '../../db/connection';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { addBulkData } from '../dashboard/bulk-data';
import { loadDashboard } from '../dashboard/dashboard.service';
import { reviewDashboardOf } from '../review/review-dashboard.service';
import { assembleWork } from './work.service';

let t: TestApp;
let sharedDraftId: string;
let groupDraftId: string;
beforeAll(async () => {
  // The mail worker polls its outbox on the same connection; keep it quiet while commands are
  // counted.
  t = await startTestApp(__filename, { app: { mailPollMs: 3_600_000 } });
  const docs = await t.app.deps.models.Document.find({}).lean();
  sharedDraftId = String(docs.find((d) => d.title === 'Bildung: Ausgangslage und Ziele')?._id);
  groupDraftId = String(docs.find((d) => d.title === 'Bildung: Maßnahmen (Entwurf)')?._id);
});
afterAll(async () => {
  await t.close();
});

const MY_WORK = `{
  myWork {
    roles
    items { id kind role title context actionField { key } dueAt overdue count link }
  }
}`;

interface Item {
  id: string;
  kind: string;
  role: string;
  title: string;
  context: string | null;
  actionField: { key: string } | null;
  dueAt: string | null;
  overdue: boolean;
  count: number | null;
  link: string;
}

async function workOf(email: string): Promise<{ roles: string[]; items: Item[] }> {
  const client = await t.signIn(email);
  const result = await client.gql(MY_WORK);
  expect(result.errors).toBeUndefined();
  return result.data?.myWork;
}

const kinds = (items: Item[]) => items.map((item) => item.kind);

describe('my work', () => {
  it('puts the statement due of the council’s open round first for a council member', async () => {
    const work = await workOf('beirat-nord@lip.example');
    expect(work.roles).toEqual(['REVIEWER']);
    expect(work.items).toHaveLength(1);
    expect(work.items[0]).toMatchObject({
      kind: 'STATEMENT_DUE',
      role: 'REVIEWER',
      title: 'Bildung: Ausgangslage und Ziele',
      context: 'Integrationsbeirat Nord',
      actionField: { key: 'education' },
      overdue: false,
      link: expect.stringMatching(/^\/review\/rounds\/[0-9a-f]{24}\/statements\/[0-9a-f]{24}$/),
    });
    expect(Date.parse(work.items[0]?.dueAt ?? '')).toBeGreaterThan(Date.now());
  });

  it('gives the steering group its decisions to take', async () => {
    const work = await workOf('lenkung@lip.example');
    expect(work.roles).toEqual(['STEERING']);
    expect(work.items.map((i) => [i.kind, i.title])).toEqual([
      ['DECISION_PENDING', 'Bildung: Ausgangslage und Ziele'],
    ]);
  });

  it('gives an observer nothing to do', async () => {
    expect(await workOf('beobachtung@lip.example')).toEqual({ roles: ['OBSERVER'], items: [] });
  });

  it('lists a group member’s tasks by deadline, overdue first, linked to their task list', async () => {
    const work = await workOf('bildung2@lip.example');
    expect(work.roles).toEqual(['MEMBER']);
    const tasks = work.items.filter((i) => i.kind === 'TASK_ASSIGNED');
    expect(tasks.map((i) => i.title)).toEqual([
      'Datenlage Schulabschlüsse aufbereiten',
      'Anmerkung Integrationsbeirat Mitte 1 bearbeiten',
      'Maßnahmenblätter vorbereiten',
    ]);
    expect(tasks[0]).toMatchObject({ overdue: true, link: expect.stringContaining('assignee=me') });
  });

  it('counts comments by others since the member last looked, and open remarks of councils', async () => {
    const council = await t.signIn('beirat-nord@lip.example');
    const CREATE =
      'mutation ($input: CreateCommentInput!) { createComment(input: $input) { thread { id } } }';
    const remark = await council.gql(CREATE, {
      input: { documentId: sharedDraftId, body: 'Bitte die Nordstadt berücksichtigen.' },
    });
    const daniel = await t.signIn('bildung2@lip.example');
    await daniel.gql(CREATE, {
      input: { documentId: sharedDraftId, body: 'Intern: Zahlen prüfen.', visibility: 'GROUP' },
    });
    await daniel.gql(CREATE, {
      input: { documentId: groupDraftId, body: 'Intern: Gliederung?', visibility: 'GROUP' },
    });

    const ayse = await workOf('bildung@lip.example');
    const onShared = ayse.items.filter((i) => i.link === `/documents/${sharedDraftId}`);
    // The seeded council remark, the new one and Daniel's internal note; two council remarks.
    expect(onShared.map((i) => [i.kind, i.count])).toEqual(
      expect.arrayContaining([
        ['NEW_COMMENTS', 3],
        ['REMARKS_OPEN', 2],
      ]),
    );
    expect(ayse.items).toContainEqual(
      expect.objectContaining({
        kind: 'NEW_COMMENTS',
        title: 'Bildung: Maßnahmen (Entwurf)',
        count: 1,
      }),
    );
    // Daniel wrote the group comments himself: only the councils' remarks are new for him.
    const own = await workOf('bildung2@lip.example');
    expect(own.items.find((i) => i.id === `new-comments:${sharedDraftId}`)?.count).toBe(2);

    // Opening the document clears "new", the remark stays open until resolved.
    const ayseClient = await t.signIn('bildung@lip.example');
    await ayseClient.gql('mutation ($id: ID!) { markDocumentSeen(documentId: $id) { seenAt } }', {
      id: sharedDraftId,
    });
    const seen = await workOf('bildung@lip.example');
    expect(seen.items.find((i) => i.id === `new-comments:${sharedDraftId}`)).toBeUndefined();
    expect(seen.items.find((i) => i.id === `remarks-open:${sharedDraftId}`)?.count).toBe(2);
    await ayseClient.gql(
      'mutation ($id: ID!) { resolveComment(threadId: $id) { thread { id } } }',
      {
        id: remark.data?.createComment.thread.id,
      },
    );
    const resolved = await workOf('bildung@lip.example');
    expect(resolved.items.find((i) => i.id === `remarks-open:${sharedDraftId}`)?.count).toBe(1);
  }, 30_000);

  it('shows a coordinator overdue and blocked tasks per field as links to the filtered task list', async () => {
    const work = await workOf('koordination@lip.example');
    expect(work.roles).toEqual(['COORDINATOR']);
    expect(work.items).toContainEqual(
      expect.objectContaining({
        kind: 'TASKS_OVERDUE',
        title: 'Wirtschaft',
        count: 1,
        overdue: true,
        link: '/tasks?field=economy&deadline=overdue&view=list',
      }),
    );
    expect(work.items).toContainEqual(
      expect.objectContaining({
        kind: 'TASKS_BLOCKED',
        title: 'Soziales',
        count: 1,
        link: '/tasks?field=social&status=BLOCKED&view=list',
      }),
    );
    expect(kinds(work.items)).toContain('MILESTONE_DUE');
    // Overdue items come before everything else.
    const firstOnTime = work.items.findIndex((i) => !i.overdue);
    expect(work.items.slice(firstOnTime).some((i) => i.overdue)).toBe(false);
  });

  it('tells a coordinator what is stuck: drafts unchanged for weeks and reviews past their deadline', async () => {
    const monthAgo = new Date(Date.now() - 30 * 86_400_000);
    const stalled = await t.app.deps.models.Document.findOneAndUpdate(
      // A chapter the seeded round returned to its group (the democracy chapter was accepted).
      { status: 'returned' },
      { $set: { updatedAt: monthAgo, contentUpdatedAt: monthAgo } },
      { returnDocument: 'after' },
    ).lean();
    const lateReview = await t.app.deps.models.Document.create({
      processId: stalled?.processId,
      actionFieldKey: stalled?.actionFieldKey,
      groupId: stalled?.groupId,
      kind: 'other',
      title: 'Demokratie: Beratung überfällig',
      status: 'in-review',
      sharedWithBodyIds: [],
      reviewDeadline: new Date(Date.now() - 2 * 86_400_000),
    });
    const work = await workOf('koordination@lip.example');
    expect(work.items).toContainEqual(
      expect.objectContaining({
        kind: 'DRAFT_STALLED',
        title: stalled?.title,
        count: 30,
        link: `/documents/${String(stalled?._id)}`,
      }),
    );
    expect(work.items).toContainEqual(
      expect.objectContaining({
        kind: 'REVIEW_OVERDUE',
        title: 'Demokratie: Beratung überfällig',
        overdue: true,
        link: `/documents/${String(lateReview._id)}`,
      }),
    );
    // A member of another group is not told about it.
    const member = await workOf('wirtschaft@lip.example');
    expect(kinds(member.items)).not.toContain('DRAFT_STALLED');
    expect(kinds(member.items)).not.toContain('REVIEW_OVERDUE');
  }, 30_000);
});

describe('my work on the dashboard', () => {
  async function dashboardWork(email: string) {
    const scope = await t.scopeFor(email);
    return countCommands(t.app.deps.connection, async () => {
      const dashboard = await loadDashboard(scope);
      if (!dashboard) throw new Error('no dashboard');
      // The start page asks for its review section too; the review work shares its queries.
      await reviewDashboardOf(scope, dashboard.process);
      return assembleWork(dashboard.work);
    });
  }

  it('adds at most two database round trips to the dashboard and its review section, the same with small and large data', async () => {
    const member = await dashboardWork('bildung@lip.example');
    const coordinator = await dashboardWork('koordination@lip.example');
    await addBulkData(t.app.deps.models, 150);
    const memberLarge = await dashboardWork('bildung@lip.example');
    const coordinatorLarge = await dashboardWork('koordination@lip.example');

    // The dashboard's four and the review section's five (rounds, then statements, remarks,
    // responses, decisions), plus, for group members, visits and threads of their documents.
    expect(member.commands.length).toBeLessThanOrEqual(11);
    expect(coordinator.commands.length).toBeLessThanOrEqual(11);
    expect(memberLarge.commands).toEqual(member.commands);
    expect(coordinatorLarge.commands).toEqual(coordinator.commands);
    expect(memberLarge.result.items.length).toBeGreaterThan(member.result.items.length);
  }, 60_000);
});
