import { Types } from 'mongoose';
import { z } from 'zod';
import { TASK_PRIORITIES, TASK_STATUSES, type ActivityVerb, type TaskStatus } from '@lip/common';
import { canAct, canSee } from '../../auth/policy';
import type { Lease } from '../../db/keyed-lock';
import { op } from '../../db/connection';
import { DomainError, forbidden, invalidField, notFound } from '../../errors';
import { Topics } from '../../pubsub/pubsub';
import { requireViewer, type RequestScope } from '../../scope';
import { dateSchema, objectIdSchema, parseInput, textSchema } from '../../validation';
import type { TaskChangeEvent } from './task.events';
import { recordActivity } from '../activity/activity.service';
import { notify } from '../notification';
import type { ProcessDoc } from '../process/process.model';
import { findProcess, loadProcess } from '../process/process.service';
import type { TaskDoc, TaskOriginDoc, TaskTrashDoc } from './task.model';

/** Whether a task is past its deadline and not done. */
export function isOverdue(task: Pick<TaskDoc, 'deadline' | 'status'>, now = new Date()): boolean {
  return (
    task.status !== 'done' && task.deadline !== null && task.deadline.getTime() < now.getTime()
  );
}

const taskResource = (t: Pick<TaskDoc, 'actionFieldKey' | 'assigneeIds'>) => ({
  type: 'task' as const,
  actionFieldKey: t.actionFieldKey,
  assigneeIds: t.assigneeIds,
});

/** A task the viewer may see, with its process; else `not-found`. */
export async function loadVisibleTask(
  scope: RequestScope,
  id: unknown,
): Promise<{ task: TaskDoc; process: ProcessDoc }> {
  const viewer = requireViewer(scope);
  const taskId = parseInput(objectIdSchema, id);
  const task = await scope.loaders.task.load(taskId);
  if (!task) throw notFound('task');
  const process = await loadProcess(scope, String(task.processId));
  if (!canSee(viewer.actor, process, taskResource(task))) throw notFound('task');
  return { task, process };
}

/** A task or null (nullable query). */
export async function findTask(scope: RequestScope, id: unknown): Promise<TaskDoc | null> {
  if (!objectIdSchema.safeParse(id).success) return null;
  try {
    return (await loadVisibleTask(scope, id)).task;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not-found') return null;
    throw error;
  }
}

/** Whether the viewer may change the task. */
export function canEditTask(scope: RequestScope, process: ProcessDoc, task: TaskDoc): boolean {
  return (
    scope.viewer !== null &&
    canAct(scope.viewer.actor, 'workOnTasks', process, {
      type: 'actionField',
      key: task.actionFieldKey,
    })
  );
}

/** Whether the viewer may delete (and restore) the task. */
export function canDeleteTask(scope: RequestScope, process: ProcessDoc, task: TaskDoc): boolean {
  return (
    scope.viewer !== null && canAct(scope.viewer.actor, 'deleteTask', process, taskResource(task))
  );
}

const STATUS_RANK: Record<TaskStatus, number> = { open: 0, 'in-progress': 1, blocked: 2, done: 3 };

/** The longest deadline window a task list can ask for ("due in the next N days"). */
export const MAX_DUE_WITHIN_DAYS = 366;

/** Orders of a task list: the board's (status column, then position) or by deadline. */
export const TASK_ORDERS = ['position', 'deadline'] as const;
export type TaskOrder = (typeof TASK_ORDERS)[number];

const listSchema = z.object({
  filter: z
    .object({
      processId: objectIdSchema.nullish(),
      actionFieldKey: z.string().max(60).nullish(),
      status: z.array(z.enum(TASK_STATUSES)).max(4).nullish(),
      assigneeId: objectIdSchema.nullish(),
      mine: z.boolean().nullish(),
      overdue: z.boolean().nullish(),
      dueWithinDays: z.number().int().min(0).max(MAX_DUE_WITHIN_DAYS).nullish(),
      documentId: objectIdSchema.nullish(),
      milestoneId: objectIdSchema.nullish(),
    })
    .nullish(),
  orderBy: z.enum(TASK_ORDERS).default('position'),
  first: z.number().int().min(1).max(200).default(50),
  after: z.string().max(200).nullish(),
});

/** A task's place in a list order: numbers compared first, the id last (ties never happen). */
type SortKey = [number, number, string];

function sortKeyOf(order: TaskOrder, task: TaskDoc): SortKey {
  const id = String(task._id);
  if (order === 'deadline') {
    return [task.deadline?.getTime() ?? Number.MAX_SAFE_INTEGER, STATUS_RANK[task.status], id];
  }
  return [STATUS_RANK[task.status], task.position, id];
}

function compareKeys(a: SortKey, b: SortKey): number {
  return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
}

/** Cursor = base64url of "<number>:<number>:<id>" (the sort key of the list's order). */
function encodeCursor(key: SortKey): string {
  return Buffer.from(key.join(':')).toString('base64url');
}

function decodeCursor(cursor: string): SortKey {
  const [a, b, id] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  const key: SortKey = [Number(a), Number(b), id ?? ''];
  if (!Number.isFinite(key[0]) || !Number.isFinite(key[1]) || !/^[0-9a-f]{24}$/.test(key[2])) {
    throw invalidField('after', 'format', 'invalid cursor');
  }
  return key;
}

/** Midnight UTC of the day `date` falls on. */
function startOfUtcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/**
 * Tasks the viewer may see, cursor-paginated, by status column then position (the board) or by
 * deadline. Fields the viewer cannot see inside are filtered in the query, so pages are full.
 * `dueWithinDays` keeps open tasks due from today up to the end of the N-th day after today.
 */
export async function listTasks(
  scope: RequestScope,
  input: unknown,
): Promise<{
  nodes: TaskDoc[];
  hasNextPage: boolean;
  totalCount: number;
  cursorOf: (t: TaskDoc) => string;
}> {
  const viewer = requireViewer(scope);
  const args = parseInput(listSchema, input);
  const f = args.filter ?? {};
  const cursorOf = (task: TaskDoc) => encodeCursor(sortKeyOf(args.orderBy, task));
  const process = await findProcess(scope, f.processId);
  const empty = { nodes: [], hasNextPage: false, totalCount: 0, cursorOf };
  if (!process) return empty;
  const me = viewer.person._id;
  const insideKeys = process.actionFields
    .map((a) => a.key)
    .filter((key) =>
      canSee(viewer.actor, process, { type: 'task', actionFieldKey: key, assigneeIds: [] }),
    );

  const now = new Date();
  const and: Record<string, unknown>[] = [{ processId: process._id }];
  // Visible: fields the viewer sees inside, or tasks assigned to the viewer.
  and.push({ $or: [{ actionFieldKey: op({ $in: insideKeys }) }, { assigneeIds: me }] });
  if (f.actionFieldKey) and.push({ actionFieldKey: f.actionFieldKey });
  if (f.status?.length) and.push({ status: op({ $in: f.status }) });
  if (f.assigneeId) and.push({ assigneeIds: new Types.ObjectId(f.assigneeId) });
  if (f.mine) and.push({ assigneeIds: me });
  if (f.documentId) and.push({ documentId: new Types.ObjectId(f.documentId) });
  if (f.milestoneId) and.push({ milestoneId: new Types.ObjectId(f.milestoneId) });
  if (f.overdue) {
    and.push({ status: op({ $ne: 'done' }) }, { deadline: op({ $lt: now, $ne: null }) });
  }
  if (f.dueWithinDays != null) {
    const from = new Date(startOfUtcDay(now));
    const until = new Date(startOfUtcDay(now) + (f.dueWithinDays + 1) * 86_400_000);
    and.push({ status: op({ $ne: 'done' }) }, { deadline: op({ $gte: from, $lt: until }) });
  }
  const rows = await scope.models.Task.find({ $and: and }).lean<TaskDoc[]>();
  // Sorting by column rank needs a computed key; task lists per process are small enough.
  const keyed = rows
    .map((task) => ({ task, key: sortKeyOf(args.orderBy, task) }))
    .sort((a, b) => compareKeys(a.key, b.key));
  let start = 0;
  if (args.after) {
    const after = decodeCursor(args.after);
    start = keyed.findIndex((row) => compareKeys(row.key, after) > 0);
    if (start < 0) start = keyed.length;
  }
  const page = keyed.slice(start, start + args.first).map((row) => row.task);
  return {
    nodes: page,
    hasNextPage: start + args.first < keyed.length,
    totalCount: keyed.length,
    cursorOf,
  };
}

const createSchema = z.object({
  processId: objectIdSchema.nullish(),
  actionFieldKey: z.string().min(1).max(60),
  documentId: objectIdSchema.nullish(),
  title: textSchema(200, 2),
  description: z.string().max(10_000).default(''),
  assigneeIds: z.array(objectIdSchema).max(20).default([]),
  deadline: dateSchema.nullish(),
  status: z.enum(TASK_STATUSES).default('open'),
  priority: z.enum(TASK_PRIORITIES).default('normal'),
  milestoneId: objectIdSchema.nullish(),
});

async function checkReferences(
  scope: RequestScope,
  process: ProcessDoc,
  actionFieldKey: string,
  refs: { assigneeIds?: string[] | null; milestoneId?: string | null; documentId?: string | null },
): Promise<void> {
  if (refs.milestoneId && !process.milestones.some((m) => String(m._id) === refs.milestoneId)) {
    throw new DomainError('not-found', 'milestone');
  }
  if (refs.documentId) {
    const doc = await scope.loaders.document.load(refs.documentId);
    if (!doc || doc.actionFieldKey !== actionFieldKey)
      throw new DomainError('not-found', 'document');
  }
  if (refs.assigneeIds?.length) {
    const people = await scope.loaders.person.loadMany(refs.assigneeIds);
    if (people.some((p) => !p || p instanceof Error))
      throw new DomainError('not-found', 'assignee');
  }
}

function publishTask(scope: RequestScope, event: TaskChangeEvent): void {
  scope.pubsub.publish(Topics.taskChanged(event.processId), event);
}

async function nextPosition(scope: RequestScope, processId: Types.ObjectId, status: TaskStatus) {
  const last = await scope.models.Task.findOne({ processId, status }, { position: 1 })
    .sort({ position: -1 })
    .lean<TaskDoc>();
  return (last?.position ?? 0) + 1024;
}

/** Creates a task in an action field (its workers: group members, coordinators, admins). */
export async function createTask(scope: RequestScope, input: unknown): Promise<TaskDoc> {
  const viewer = requireViewer(scope);
  const args = parseInput(createSchema, input);
  const process = await loadProcess(scope, args.processId);
  if (!process.actionFields.some((a) => a.key === args.actionFieldKey)) {
    throw new DomainError('not-found', 'action field');
  }
  if (
    !canAct(viewer.actor, 'workOnTasks', process, { type: 'actionField', key: args.actionFieldKey })
  ) {
    throw forbidden();
  }
  await checkReferences(scope, process, args.actionFieldKey, args);
  return insertTask(scope, process, {
    actionFieldKey: args.actionFieldKey,
    documentId: args.documentId ? new Types.ObjectId(args.documentId) : null,
    title: args.title,
    description: args.description,
    assigneeIds: [...new Set(args.assigneeIds)].map((id) => new Types.ObjectId(id)),
    deadline: args.deadline ?? null,
    status: args.status,
    priority: args.priority,
    milestoneId: args.milestoneId ? new Types.ObjectId(args.milestoneId) : null,
    origin: null,
  });
}

/** The fields of a new task; the caller has checked permissions and references. */
export type NewTask = Pick<
  TaskDoc,
  | 'actionFieldKey'
  | 'documentId'
  | 'title'
  | 'description'
  | 'assigneeIds'
  | 'deadline'
  | 'status'
  | 'priority'
  | 'milestoneId'
> & { origin: TaskOriginDoc | null };

/**
 * Inserts a checked task in the field's group, records the activity and publishes the change.
 * Also used by the review workflow for tasks made from remarks and steering decisions.
 */
export async function insertTask(
  scope: RequestScope,
  process: ProcessDoc,
  fields: NewTask,
): Promise<TaskDoc> {
  const viewer = requireViewer(scope);
  const group = process.groups.find((g) => g.actionFieldKey === fields.actionFieldKey);
  const created = await lockTasks(scope, process._id, async () =>
    scope.models.Task.create({
      ...fields,
      processId: process._id,
      groupId: group?._id ?? null,
      position: await nextPosition(scope, process._id, fields.status),
      createdById: viewer.person._id,
    }),
  );
  const task = created.toObject<TaskDoc>();
  await recordActivity(scope, {
    processId: process._id,
    actionFieldKey: task.actionFieldKey,
    groupId: task.groupId,
    documentId: task.documentId,
    verb: 'task.created',
    subjectTitle: task.title,
  });
  publishTask(scope, eventOf('CREATED', task));
  await scope.search.noteChange('task', String(task._id));
  await notifyAssigned(scope, task, task.assigneeIds.map(String));
  return task;
}

function eventOf(kind: TaskChangeEvent['kind'], task: TaskDoc): TaskChangeEvent {
  return {
    kind,
    taskId: String(task._id),
    actionFieldKey: task.actionFieldKey,
    processId: String(task.processId),
    task: kind === 'DELETED' ? null : task,
  };
}

async function loadEditableTask(scope: RequestScope, taskId: string) {
  const { task, process } = await loadVisibleTask(scope, taskId);
  if (!canEditTask(scope, process, task)) throw forbidden();
  return { task, process };
}

/**
 * Runs a read-modify-write of a process's tasks under the write lease `tasks:<processId>`: on
 * FerretDB an update rewrites the whole document and is not atomic with its filter, so two
 * concurrent writes to one task (a move and an edit) or two moves that compute positions from
 * the same neighbours would lose one of them, also across API processes.
 */
function lockTasks<T>(
  scope: RequestScope,
  processId: Types.ObjectId,
  write: (lease: Lease) => Promise<T>,
): Promise<T> {
  return scope.writeLock.run(`tasks:${String(processId)}`, write);
}

async function saveTask(
  scope: RequestScope,
  lease: Lease,
  task: TaskDoc,
  set: Record<string, unknown>,
  kind: TaskChangeEvent['kind'],
  verb: ActivityVerb,
  detail?: string,
): Promise<TaskDoc> {
  lease.assertHeld();
  const updated = await scope.models.Task.findOneAndUpdate(
    { _id: task._id },
    { $set: { ...set, updatedAt: new Date() } },
    { returnDocument: 'after' },
  ).lean<TaskDoc>();
  if (!updated) throw notFound('task');
  scope.loaders.task.clear(String(task._id)).prime(String(task._id), updated);
  await recordActivity(scope, {
    processId: task.processId,
    actionFieldKey: task.actionFieldKey,
    groupId: task.groupId,
    documentId: task.documentId,
    verb,
    subjectTitle: updated.title,
    detail: detail ?? null,
  });
  publishTask(scope, eventOf(kind, updated));
  await scope.search.noteChange('task', String(updated._id));
  return updated;
}

const updateSchema = z.object({
  taskId: objectIdSchema,
  title: textSchema(200, 2).optional(),
  description: z.string().max(10_000).optional(),
  deadline: dateSchema.nullable().optional(),
  priority: z.enum(TASK_PRIORITIES).optional(),
  milestoneId: objectIdSchema.nullable().optional(),
  documentId: objectIdSchema.nullable().optional(),
  assigneeIds: z.array(objectIdSchema).max(20).optional(),
});

/**
 * Changes fields of a task in one write; `null` clears deadline, milestone or document, and
 * `assigneeIds` replaces the assignees (so a dialog saves title and people together).
 */
export async function updateTask(scope: RequestScope, input: unknown): Promise<TaskDoc> {
  const args = parseInput(updateSchema, input);
  const { task, process } = await loadEditableTask(scope, args.taskId);
  await checkReferences(scope, process, task.actionFieldKey, args);
  const set: Record<string, unknown> = {};
  if (args.title !== undefined) set.title = args.title;
  if (args.description !== undefined) set.description = args.description;
  if (args.deadline !== undefined) set.deadline = args.deadline;
  if (args.priority !== undefined) set.priority = args.priority;
  if (args.milestoneId !== undefined) {
    set.milestoneId = args.milestoneId ? new Types.ObjectId(args.milestoneId) : null;
  }
  if (args.documentId !== undefined) {
    set.documentId = args.documentId ? new Types.ObjectId(args.documentId) : null;
  }
  if (args.assigneeIds !== undefined) {
    set.assigneeIds = [...new Set(args.assigneeIds)].map((id) => new Types.ObjectId(id));
  }
  const updated = await lockTasks(scope, task.processId, (lease) =>
    saveTask(scope, lease, task, set, 'UPDATED', 'task.updated'),
  );
  if (args.assigneeIds !== undefined) {
    const before = new Set(task.assigneeIds.map(String));
    await notifyAssigned(
      scope,
      updated,
      updated.assigneeIds.map(String).filter((id) => !before.has(id)),
    );
  }
  return updated;
}

const moveSchema = z.object({
  taskId: objectIdSchema,
  status: z.enum(TASK_STATUSES),
  beforeTaskId: objectIdSchema.nullish(),
});

/**
 * Moves a task into a status column before another task (or to the end): its position becomes
 * the midpoint between the neighbours, so no other task is rewritten.
 */
export async function moveTask(scope: RequestScope, input: unknown): Promise<TaskDoc> {
  const args = parseInput(moveSchema, input);
  const { task } = await loadEditableTask(scope, args.taskId);
  if (args.beforeTaskId === args.taskId) throw new DomainError('invalid-input', 'beforeTaskId');
  // Neighbours are read inside the lease, so concurrent moves see each other's positions.
  return lockTasks(scope, task.processId, async (lease) => {
    let position: number;
    if (args.beforeTaskId) {
      const before = await scope.models.Task.findOne({
        _id: args.beforeTaskId,
        processId: task.processId,
      }).lean<TaskDoc>();
      if (!before || before.status !== args.status)
        throw new DomainError('not-found', 'beforeTaskId');
      const previous = await scope.models.Task.findOne({
        processId: task.processId,
        status: args.status,
        position: op({ $lt: before.position }),
        _id: op({ $ne: task._id }),
      })
        .sort({ position: -1 })
        .lean<TaskDoc>();
      position = previous ? (previous.position + before.position) / 2 : before.position - 1024;
    } else {
      position = await nextPosition(scope, task.processId, args.status);
    }
    return saveTask(
      scope,
      lease,
      task,
      { status: args.status, position },
      'MOVED',
      'task.moved',
      args.status,
    );
  });
}

const assignSchema = z.object({
  taskId: objectIdSchema,
  assigneeIds: z.array(objectIdSchema).max(20),
});

/** Replaces the assignees of a task. */
export async function assignTask(scope: RequestScope, input: unknown): Promise<TaskDoc> {
  const args = parseInput(assignSchema, input);
  const { task, process } = await loadEditableTask(scope, args.taskId);
  await checkReferences(scope, process, task.actionFieldKey, { assigneeIds: args.assigneeIds });
  const ids = [...new Set(args.assigneeIds)].map((id) => new Types.ObjectId(id));
  const updated = await lockTasks(scope, task.processId, (lease) =>
    saveTask(scope, lease, task, { assigneeIds: ids }, 'UPDATED', 'task.assigned'),
  );
  const before = new Set(task.assigneeIds.map(String));
  await notifyAssigned(
    scope,
    updated,
    ids.map(String).filter((id) => !before.has(id)),
  );
  return updated;
}

/** Tells people newly assigned to a task (never the person who assigned themselves). */
async function notifyAssigned(scope: RequestScope, task: TaskDoc, personIds: string[]) {
  const viewer = requireViewer(scope);
  await notify(
    scope,
    {
      recipientIds: personIds,
      actor: { id: String(viewer.person._id), name: viewer.person.name },
      processId: String(task.processId),
    },
    { kind: 'task-assigned', task: { id: String(task._id), title: task.title } },
  );
}

/** How long a deleted task can be restored (the web offers undo for a few seconds of it). */
export const TASK_UNDO_WINDOW_MS = 10 * 60_000;

/**
 * Deletes a task (group speakers/leads, coordinators of the field, admins). The task is first
 * copied to the trash under its own id, then removed, so `restoreTask` can bring it back within
 * {@link TASK_UNDO_WINDOW_MS}; trash older than that is cleared on the way.
 */
export async function deleteTask(scope: RequestScope, taskId: unknown): Promise<string> {
  const viewer = requireViewer(scope);
  const { task, process } = await loadVisibleTask(scope, taskId);
  if (!canAct(viewer.actor, 'deleteTask', process, taskResource(task))) throw forbidden();
  const now = new Date();
  // The copy and the removal run under the tasks lease, so a concurrent edit or restore of the
  // same task cannot interleave (also across API processes).
  await lockTasks(scope, task.processId, async () => {
    await scope.models.TaskTrash.replaceOne(
      { _id: task._id },
      { _id: task._id, task, deletedById: viewer.person._id, deletedAt: now },
      { upsert: true },
    );
    await scope.models.Task.deleteOne({ _id: task._id });
  });
  await scope.models.TaskTrash.deleteMany({
    deletedAt: op({ $lt: new Date(now.getTime() - TASK_UNDO_WINDOW_MS) }),
  });
  await scope.search.noteChange('task', String(task._id));
  scope.loaders.task.clear(String(task._id));
  await recordActivity(scope, {
    processId: task.processId,
    actionFieldKey: task.actionFieldKey,
    groupId: task.groupId,
    documentId: task.documentId,
    verb: 'task.deleted',
    subjectTitle: task.title,
  });
  publishTask(scope, eventOf('DELETED', task));
  return String(task._id);
}

/**
 * Puts a task deleted within the undo window back as it was (whoever may delete it may restore
 * it); afterwards, or for an unknown id, `not-found`.
 */
export async function restoreTask(scope: RequestScope, taskId: unknown): Promise<TaskDoc> {
  const viewer = requireViewer(scope);
  const id = parseInput(objectIdSchema, taskId);
  /** The trashed task while it can still be restored, else null. */
  const restorable = async () => {
    const doc = await scope.models.TaskTrash.findOne({ _id: id }).lean<TaskTrashDoc>();
    return doc && doc.deletedAt.getTime() >= Date.now() - TASK_UNDO_WINDOW_MS ? doc : null;
  };
  const found = await restorable();
  if (!found) throw notFound('task');
  const process = await loadProcess(scope, String(found.task.processId));
  if (!canAct(viewer.actor, 'deleteTask', process, taskResource(found.task))) {
    throw canSee(viewer.actor, process, taskResource(found.task)) ? forbidden() : notFound('task');
  }
  // Under the same lease as deleteTask, re-reading the trash: a second restore finds it empty.
  const restored = await lockTasks(scope, process._id, async () => {
    const trashed = await restorable();
    if (!trashed) throw notFound('task');
    const back = { ...trashed.task, updatedAt: new Date() };
    try {
      await scope.models.Task.collection.insertOne(back);
    } catch (error) {
      // Already back (a repeated request): the insert is atomic, so only the first one wins.
      if ((error as { code?: number }).code !== 11000) throw error;
    }
    await scope.models.TaskTrash.deleteOne({ _id: back._id });
    return back;
  });
  await scope.search.noteChange('task', String(restored._id));
  await recordActivity(scope, {
    processId: restored.processId,
    actionFieldKey: restored.actionFieldKey,
    groupId: restored.groupId,
    documentId: restored.documentId,
    verb: 'task.restored',
    subjectTitle: restored.title,
  });
  publishTask(scope, eventOf('RESTORED', restored));
  return restored;
}

/** Whether a task change event may be delivered to the viewer of a subscription. */
export async function canReceiveTaskChange(
  scope: RequestScope,
  event: TaskChangeEvent,
): Promise<boolean> {
  const viewer = scope.viewer;
  if (!viewer) return false;
  const process = await findProcess(scope, event.processId);
  if (!process) return false;
  return canSee(viewer.actor, process, {
    type: 'task',
    actionFieldKey: event.actionFieldKey,
    assigneeIds: event.task?.assigneeIds ?? [],
  });
}

/** The process id the viewer's task subscription listens to. */
export async function taskSubscriptionTopic(scope: RequestScope): Promise<string> {
  requireViewer(scope);
  const process = await loadProcess(scope);
  return Topics.taskChanged(String(process._id));
}
