import { errorCode, startTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(__filename);
});
afterAll(async () => {
  await t.close();
});

const CREATE = `mutation ($input: CreateTaskInput!) {
  createTask(input: $input) { task { id title status priority overdue position assignees { name } actionFieldKey viewerCanEdit } }
}`;
const UPDATE =
  'mutation ($input: UpdateTaskInput!) { updateTask(input: $input) { task { id title deadline priority overdue } } }';
const MOVE =
  'mutation ($input: MoveTaskInput!) { moveTask(input: $input) { task { id status position } } }';
const ASSIGN =
  'mutation ($input: AssignTaskInput!) { assignTask(input: $input) { task { assignees { name } } } }';
const DELETE = 'mutation ($id: ID!) { deleteTask(taskId: $id) { deletedTaskId } }';
const LIST = `query ($filter: TaskFilter, $orderBy: TaskOrder, $first: Int, $after: String) {
  tasks(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { totalCount nodes { id title status deadline } pageInfo { hasNextPage endCursor } }
}`;
const RESTORE =
  'mutation ($id: ID!) { restoreTask(taskId: $id) { task { id title status assignees { name } } } }';
const DAY_MS = 86_400_000;

async function createAs(email: string, input: Record<string, unknown>) {
  const client = await t.signIn(email);
  return client.gql(CREATE, { input: { actionFieldKey: 'education', title: 'Aufgabe', ...input } });
}

describe('tasks', () => {
  it('lets a group member create a task in their field, assigned and overdue-aware', async () => {
    const daniel = await t.personId('bildung2@lip.example');
    const result = await createAs('bildung@lip.example', {
      title: 'Statistik anfragen',
      assigneeIds: [daniel],
      deadline: '2001-01-01T00:00:00Z',
      priority: 'HIGH',
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.createTask.task).toMatchObject({
      title: 'Statistik anfragen',
      status: 'OPEN',
      priority: 'HIGH',
      overdue: true,
      assignees: [{ name: 'Daniel Okafor' }],
      viewerCanEdit: true,
    });
  });

  it('forbids a member of another group and an observer to create a task', async () => {
    expect(errorCode(await createAs('wirtschaft@lip.example', {}))).toBe('FORBIDDEN');
    expect(errorCode(await createAs('beobachtung@lip.example', {}))).toBe('FORBIDDEN');
  });

  it('rejects unknown assignees and action fields, writing nothing', async () => {
    const before = await t.app.deps.models.Task.countDocuments({});
    expect(
      errorCode(
        await createAs('bildung@lip.example', { assigneeIds: ['0123456789abcdef01234567'] }),
      ),
    ).toBe('NOT_FOUND');
    expect(errorCode(await createAs('admin@lip.example', { actionFieldKey: 'space' }))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await createAs('bildung@lip.example', { assigneeIds: ['not-an-id'] }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await t.app.deps.models.Task.countDocuments({})).toBe(before);
  });

  it('lets a group member update a task and forbids a council member to', async () => {
    const created = await createAs('bildung@lip.example', { title: 'Entwurf lesen' });
    const id = created.data?.createTask.task.id;
    const member = await t.signIn('bildung2@lip.example');
    const updated = await member.gql(UPDATE, {
      input: { taskId: id, title: 'Entwurf gründlich lesen', deadline: null, priority: 'LOW' },
    });
    expect(updated.data?.updateTask.task).toMatchObject({
      title: 'Entwurf gründlich lesen',
      deadline: null,
      priority: 'LOW',
      overdue: false,
    });
    const council = await t.signIn('beirat-nord@lip.example');
    expect(errorCode(await council.gql(UPDATE, { input: { taskId: id, title: 'Nope' } }))).toBe(
      'NOT_FOUND',
    );
    const other = await t.signIn('wirtschaft@lip.example');
    expect(errorCode(await other.gql(UPDATE, { input: { taskId: id, title: 'Nope' } }))).toBe(
      'NOT_FOUND',
    );
  });

  it('moves a task between columns and before another task', async () => {
    const a = (await createAs('bildung@lip.example', { title: 'Erste' })).data?.createTask.task.id;
    const b = (await createAs('bildung@lip.example', { title: 'Zweite' })).data?.createTask.task.id;
    const member = await t.signIn('bildung2@lip.example');
    const movedB = await member.gql(MOVE, { input: { taskId: b, status: 'IN_PROGRESS' } });
    expect(movedB.errors).toBeUndefined();
    expect(movedB.data?.moveTask.task.status).toBe('IN_PROGRESS');
    const movedA = await member.gql(MOVE, {
      input: { taskId: a, status: 'IN_PROGRESS', beforeTaskId: b },
    });
    expect(movedA.data?.moveTask.task.position).toBeLessThan(movedB.data?.moveTask.task.position);
    const column = await member.gql(LIST, {
      filter: { actionFieldKey: 'education', status: ['IN_PROGRESS'] },
    });
    const titles = column.data?.tasks.nodes.map((n: { title: string }) => n.title);
    expect(titles.indexOf('Erste')).toBeLessThan(titles.indexOf('Zweite'));
    const observer = await t.signIn('beobachtung@lip.example');
    expect(errorCode(await observer.gql(MOVE, { input: { taskId: a, status: 'DONE' } }))).toBe(
      'FORBIDDEN',
    );
  });

  it('assigns people and forbids an observer to', async () => {
    const id = (await createAs('bildung@lip.example', { title: 'Zuweisen' })).data?.createTask.task
      .id;
    const ayse = await t.personId('bildung@lip.example');
    const coordinator = await t.signIn('koordination@lip.example');
    const assigned = await coordinator.gql(ASSIGN, { input: { taskId: id, assigneeIds: [ayse] } });
    expect(assigned.data?.assignTask.task.assignees).toEqual([{ name: 'Ayşe Demir' }]);
    const observer = await t.signIn('beobachtung@lip.example');
    expect(errorCode(await observer.gql(ASSIGN, { input: { taskId: id, assigneeIds: [] } }))).toBe(
      'FORBIDDEN',
    );
  });

  it('lets the group speaker delete a task and forbids a plain member', async () => {
    const id = (await createAs('bildung@lip.example', { title: 'Löschen' })).data?.createTask.task
      .id;
    const member = await t.signIn('bildung2@lip.example');
    expect(errorCode(await member.gql(DELETE, { id }))).toBe('FORBIDDEN');
    const speaker = await t.signIn('bildung@lip.example');
    expect((await speaker.gql(DELETE, { id })).data?.deleteTask.deletedTaskId).toBe(id);
    expect(await t.app.deps.models.Task.countDocuments({ _id: id })).toBe(0);
  });

  it('keeps both assignees when a task is edited with two, and replaces them in one write', async () => {
    const [ayse, daniel] = await Promise.all([
      t.personId('bildung@lip.example'),
      t.personId('bildung2@lip.example'),
    ]);
    const id = (
      await createAs('bildung@lip.example', { title: 'Zu zweit', assigneeIds: [ayse, daniel] })
    ).data?.createTask.task.id;
    const member = await t.signIn('bildung2@lip.example');
    const UPDATE_PEOPLE =
      'mutation ($input: UpdateTaskInput!) { updateTask(input: $input) { task { title assignees { name } } } }';
    const renamed = await member.gql(UPDATE_PEOPLE, { input: { taskId: id, title: 'Zu zweit!' } });
    expect(
      renamed.data?.updateTask.task.assignees.map((p: { name: string }) => p.name).sort(),
    ).toEqual(['Ayşe Demir', 'Daniel Okafor']);
    const swapped = await member.gql(UPDATE_PEOPLE, {
      input: { taskId: id, title: 'Zu zweit', assigneeIds: [daniel, ayse, daniel] },
    });
    expect(swapped.data?.updateTask.task).toEqual({
      title: 'Zu zweit',
      assignees: [{ name: 'Daniel Okafor' }, { name: 'Ayşe Demir' }],
    });
    const observer = await t.signIn('beobachtung@lip.example');
    expect(
      errorCode(await observer.gql(UPDATE_PEOPLE, { input: { taskId: id, assigneeIds: [] } })),
    ).toBe('FORBIDDEN');
  });

  it('tells each person newly added in the task dialog, and nobody already on the task', async () => {
    const [ayse, daniel, jan] = await Promise.all([
      t.personId('bildung@lip.example'),
      t.personId('bildung2@lip.example'),
      t.personId('person4@lip.example'),
    ]);
    const id = (
      await createAs('bildung@lip.example', { title: 'Elternbrief', assigneeIds: [ayse] })
    ).data?.createTask.task.id;
    const coordinator = await t.signIn('koordination@lip.example');
    const updated = await coordinator.gql(UPDATE, {
      input: { taskId: id, title: 'Elternbrief übersetzen', assigneeIds: [ayse, daniel, jan] },
    });
    expect(updated.errors).toBeUndefined();
    const NOTICES = '{ notifications(first: 50) { nodes { kind link } } }';
    const taskNotices = async (email: string) =>
      ((await (await t.signIn(email)).gql(NOTICES)).data?.notifications.nodes ?? []).filter(
        (n: { link: string }) => n.link === `/tasks?task=${String(id)}`,
      );
    for (const email of ['bildung2@lip.example', 'person4@lip.example']) {
      expect(await taskNotices(email)).toEqual([
        { kind: 'TASK_ASSIGNED', link: `/tasks?task=${String(id)}` },
      ]);
    }
    // Ayşe created the task assigned to herself and stayed on it: nothing new for her.
    expect(await taskNotices('bildung@lip.example')).toEqual([]);
  });

  it('lists only tasks not done that are due within the window, by deadline', async () => {
    const now = Date.now();
    const field = { actionFieldKey: 'urban-life' };
    const coordinator = await t.signIn('koordination@lip.example');
    const make = (title: string, days: number | null, status = 'OPEN') =>
      coordinator.gql(CREATE, {
        input: {
          ...field,
          title,
          status,
          deadline: days === null ? null : new Date(now + days * DAY_MS).toISOString(),
        },
      });
    await make('Fenster spät', 13);
    await make('Fenster früh', 2);
    await make('Fenster heute', 0);
    await make('Fenster erledigt', 3, 'DONE');
    await make('Fenster zu spät', 20);
    await make('Fenster überfällig', -2);
    await make('Fenster ohne Frist', null);
    const result = await coordinator.gql(LIST, {
      filter: { ...field, dueWithinDays: 14 },
      orderBy: 'DEADLINE',
    });
    expect(result.data?.tasks.nodes.map((n: { title: string }) => n.title)).toEqual([
      'Fenster heute',
      'Fenster früh',
      'Fenster spät',
    ]);
    expect(errorCode(await coordinator.gql(LIST, { filter: { dueWithinDays: 400 } }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('pages through tasks by deadline with cursors, tasks without a deadline last', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const all = await coordinator.gql(LIST, { orderBy: 'DEADLINE', first: 200 });
    const seen: { id: string; deadline: string | null }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page += 1) {
      const result: {
        data?: {
          tasks: {
            nodes: { id: string; deadline: string | null }[];
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          };
        } | null;
      } = await coordinator.gql(LIST, { orderBy: 'DEADLINE', first: 4, after });
      const tasks = result.data?.tasks;
      if (!tasks) throw new Error('no tasks');
      seen.push(...tasks.nodes);
      if (!tasks.pageInfo.hasNextPage) break;
      after = tasks.pageInfo.endCursor;
    }
    expect(seen.map((n) => n.id)).toEqual(all.data?.tasks.nodes.map((n: { id: string }) => n.id));
    const times = seen.map((n) => (n.deadline ? Date.parse(n.deadline) : Infinity));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('restores a deleted task unchanged for whoever may delete it, and not for others', async () => {
    const daniel = await t.personId('bildung2@lip.example');
    const id = (
      await createAs('bildung@lip.example', {
        title: 'Rückgängig machen',
        assigneeIds: [daniel],
        status: 'IN_PROGRESS',
      })
    ).data?.createTask.task.id;
    const speaker = await t.signIn('bildung@lip.example');
    await speaker.gql(DELETE, { id });
    const member = await t.signIn('bildung2@lip.example');
    expect(errorCode(await member.gql(RESTORE, { id }))).toBe('FORBIDDEN');
    const outsider = await t.signIn('wirtschaft@lip.example');
    expect(errorCode(await outsider.gql(RESTORE, { id }))).toBe('NOT_FOUND');

    const restored = await speaker.gql(RESTORE, { id });
    expect(restored.errors).toBeUndefined();
    expect(restored.data?.restoreTask.task).toEqual({
      id,
      title: 'Rückgängig machen',
      status: 'IN_PROGRESS',
      assignees: [{ name: 'Daniel Okafor' }],
    });
    expect(await t.app.deps.models.TaskTrash.countDocuments({ _id: id })).toBe(0);
    // A second undo finds nothing to restore.
    expect(errorCode(await speaker.gql(RESTORE, { id }))).toBe('NOT_FOUND');
  });

  it('does not restore a task after the undo window', async () => {
    const id = (await createAs('bildung@lip.example', { title: 'Zu spät' })).data?.createTask.task
      .id;
    const speaker = await t.signIn('bildung@lip.example');
    await speaker.gql(DELETE, { id });
    await t.app.deps.models.TaskTrash.updateOne(
      { _id: id },
      { $set: { deletedAt: new Date(Date.now() - 11 * 60_000) } },
    );
    expect(errorCode(await speaker.gql(RESTORE, { id }))).toBe('NOT_FOUND');
    expect(await t.app.deps.models.Task.countDocuments({ _id: id })).toBe(0);
  });

  it('paginates with cursors without repeating or skipping tasks', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 50; page += 1) {
      const result: {
        data?: {
          tasks: {
            totalCount: number;
            nodes: { id: string }[];
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          };
        } | null;
      } = await coordinator.gql(LIST, { first: 3, after });
      const tasks = result.data?.tasks;
      if (!tasks) throw new Error('no tasks');
      total = tasks.totalCount;
      seen.push(...tasks.nodes.map((n) => n.id));
      if (!tasks.pageInfo.hasNextPage) break;
      after = tasks.pageInfo.endCursor;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect(total).toBeGreaterThan(6);
  });

  it('shows a member of another field only tasks assigned to them', async () => {
    const other = await t.signIn('wirtschaft@lip.example');
    const result = await other.gql(LIST, { filter: { actionFieldKey: 'education' } });
    expect(result.data?.tasks.totalCount).toBe(0);
    const mine = await other.gql(LIST, { filter: { mine: true } });
    expect(mine.data?.tasks.totalCount).toBeGreaterThan(0);
  });

  it('rejects a forged cursor with BAD_USER_INPUT', async () => {
    const member = await t.signIn('bildung@lip.example');
    expect(errorCode(await member.gql(LIST, { after: 'bm90LWEtY3Vyc29y' }))).toBe('BAD_USER_INPUT');
  });
});
