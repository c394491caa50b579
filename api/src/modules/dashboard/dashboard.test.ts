import { countCommands } from '../../db/connection';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { addBulkData } from './bulk-data';
import { loadDashboard } from './dashboard.service';

let t: TestApp;
beforeAll(async () => {
  // The mail worker polls its outbox on the same connection; keep it quiet while commands are
  // counted.
  t = await startTestApp(__filename, { app: { mailPollMs: 3_600_000 } });
});
afterAll(async () => {
  await t.close();
});

/** The query the web app's start page sends (all cards, lists and nested fields). */
export const DASHBOARD_QUERY = `query Dashboard {
  dashboard {
    process { id title periodStart periodEnd budgetLines { amountEur year source } }
    actionFields {
      actionField { key name { de en } order group { id memberCount members { personId name role sector organisationName } } }
      viewerSeesInside
      documentCounts { status count }
      openTaskCount
      overdueTaskCount
      nextMilestone { id title date }
    }
    upcomingMilestones { id title date actionFieldKey }
    myTasks { id title deadline overdue status priority actionFieldKey }
    awaitingMyReview { id title reviewDeadline status actionFieldKey }
    recentActivity { id verb actorName subjectTitle createdAt }
  }
}`;

async function dashboardCommands(email: string) {
  const scope = await t.scopeFor(email);
  return countCommands(t.app.deps.connection, () => loadDashboard(scope));
}

async function httpCommands(email: string) {
  const client = await t.signIn(email);
  return countCommands(t.app.deps.connection, () => client.gql(DASHBOARD_QUERY));
}

describe('dashboard', () => {
  it('gives a coordinator the six action fields with counts in one request', async () => {
    const client = await t.signIn('koordination@lip.example');
    const result = await client.gql(DASHBOARD_QUERY);
    expect(result.errors).toBeUndefined();
    const d = result.data?.dashboard;
    expect(d.actionFields).toHaveLength(6);
    const education = d.actionFields[0];
    expect(education.actionField.key).toBe('education');
    expect(education.documentCounts).toEqual([
      { status: 'DRAFT', count: 1 },
      { status: 'IN_REVIEW', count: 1 },
      { status: 'RETURNED', count: 0 },
      { status: 'ACCEPTED', count: 0 },
    ]);
    expect(education.overdueTaskCount).toBe(1);
    expect(d.upcomingMilestones.length).toBeGreaterThan(0);
    expect(d.myTasks.map((task: { title: string }) => task.title)).toContain(
      'Online-Umfrage in acht Sprachen vorbereiten',
    );
  });

  it('lists the shared draft as awaiting review for a council member and hides drafts of other groups', async () => {
    const client = await t.signIn('beirat-nord@lip.example');
    const d = (await client.gql(DASHBOARD_QUERY)).data?.dashboard;
    expect(d.awaitingMyReview.map((doc: { title: string }) => doc.title)).toEqual([
      'Bildung: Ausgangslage und Ziele',
    ]);
    // Drafts and tasks are hidden from councils: the card leaves them out instead of showing 0.
    expect(d.actionFields[0]).toMatchObject({
      viewerSeesInside: false,
      documentCounts: [
        { status: 'IN_REVIEW', count: 1 },
        { status: 'RETURNED', count: 0 },
        { status: 'ACCEPTED', count: 0 },
      ],
      openTaskCount: null,
      overdueTaskCount: null,
    });
  });

  it('makes at most 4 database round trips, the same with small and large data', async () => {
    const small = await dashboardCommands('koordination@lip.example');
    const smallHttp = await httpCommands('koordination@lip.example');
    await addBulkData(t.app.deps.models, 200);
    const large = await dashboardCommands('koordination@lip.example');
    const largeHttp = await httpCommands('koordination@lip.example');

    expect(small.commands.length).toBeLessThanOrEqual(4);
    expect(large.commands).toEqual(small.commands);
    expect(large.result?.actionFields[0]?.openTaskCount).toBeGreaterThan(140);
    // Over HTTP two more: the session and its person, looked up once per request.
    expect(smallHttp.commands.length).toBeLessThanOrEqual(6);
    expect(largeHttp.commands).toEqual(smallHttp.commands);
  }, 60_000);
});
