import { errorCode, startTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(__filename);
});
afterAll(async () => {
  await t.close();
});

const CREATE =
  'mutation ($input: CreateMilestoneInput!) { createMilestone(input: $input) { milestone { id title actionFieldKey viewerCanManage } } }';
const UPDATE =
  'mutation ($input: UpdateMilestoneInput!) { updateMilestone(input: $input) { milestone { id title date done } } }';
const DELETE = 'mutation ($id: ID!) { deleteMilestone(milestoneId: $id) { deletedMilestoneId } }';
const RIGHTS = `{
  process { viewerCanManageMilestones milestones { title viewerCanManage } }
  actionField(key: "education") { viewerCanManageMilestones }
}`;

async function createAs(email: string, input: Record<string, unknown>) {
  const client = await t.signIn(email);
  return client.gql(CREATE, { input: { date: '2030-05-01T00:00:00Z', ...input } });
}

describe('milestones', () => {
  it('tells each person which milestones they may manage', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const all = (await coordinator.gql(RIGHTS)).data;
    expect(all?.process.viewerCanManageMilestones).toBe(true);
    expect(all?.actionField.viewerCanManageMilestones).toBe(true);
    expect(
      all?.process.milestones.every((m: { viewerCanManage: boolean }) => m.viewerCanManage),
    ).toBe(true);

    const member = await t.signIn('bildung@lip.example');
    const none = (await member.gql(RIGHTS)).data;
    expect(none?.process.viewerCanManageMilestones).toBe(false);
    expect(none?.actionField.viewerCanManageMilestones).toBe(false);
    expect(
      none?.process.milestones.some((m: { viewerCanManage: boolean }) => m.viewerCanManage),
    ).toBe(false);
  });

  it('lets a coordinator edit title and date and delete a milestone, unlinking its tasks', async () => {
    const created = await createAs('koordination@lip.example', {
      title: 'Fachtag Bildung',
      actionFieldKey: 'education',
    });
    const id = created.data?.createMilestone.milestone.id;
    const coordinator = await t.signIn('koordination@lip.example');
    const edited = await coordinator.gql(UPDATE, {
      input: {
        milestoneId: id,
        title: 'Fachtag Bildung (verschoben)',
        date: '2030-06-01T00:00:00Z',
      },
    });
    expect(edited.data?.updateMilestone.milestone).toEqual({
      id,
      title: 'Fachtag Bildung (verschoben)',
      date: '2030-06-01T00:00:00.000Z',
      done: false,
    });
    const task = await coordinator.gql(
      'mutation ($input: CreateTaskInput!) { createTask(input: $input) { task { id milestone { id } } } }',
      { input: { actionFieldKey: 'education', title: 'Fachtag vorbereiten', milestoneId: id } },
    );
    const taskId = task.data?.createTask.task.id;
    expect(task.data?.createTask.task.milestone).toEqual({ id });

    const deleted = await coordinator.gql(DELETE, { id });
    expect(deleted.data?.deleteMilestone.deletedMilestoneId).toBe(id);
    const process = await t.app.deps.models.Process.findOne({}).lean();
    expect(process?.milestones.some((m) => String(m._id) === id)).toBe(false);
    const after = await coordinator.gql('query ($id: ID!) { task(id: $id) { milestone { id } } }', {
      id: taskId,
    });
    expect(after.data?.task).toEqual({ milestone: null });
  });

  it('forbids a group member and an observer to delete a milestone, and says not found for an unknown one', async () => {
    const created = await createAs('admin@lip.example', { title: 'Bleibt' });
    const id = created.data?.createMilestone.milestone.id;
    for (const email of ['bildung@lip.example', 'beobachtung@lip.example']) {
      const client = await t.signIn(email);
      expect(errorCode(await client.gql(DELETE, { id }))).toBe('FORBIDDEN');
    }
    const admin = await t.signIn('admin@lip.example');
    expect(errorCode(await admin.gql(DELETE, { id: '0123456789abcdef01234567' }))).toBe(
      'NOT_FOUND',
    );
    const process = await t.app.deps.models.Process.findOne({}).lean();
    expect(process?.milestones.some((m) => String(m._id) === id)).toBe(true);
  });

  it('names the field and its limit when a title is too long', async () => {
    const result = await createAs('koordination@lip.example', { title: 'x'.repeat(201) });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.fields).toEqual([
      { path: 'title', rule: 'too-long', limit: 200, message: 'höchstens 200 Zeichen' },
    ]);
  });
});
