import { Schema, type Connection, type Types } from 'mongoose';
import { TASK_PRIORITIES, TASK_STATUSES, type TaskPriority, type TaskStatus } from '@lip/common';

/** A task of an action field. `position` orders it within its status column. */
export interface TaskDoc {
  _id: Types.ObjectId;
  processId: Types.ObjectId;
  actionFieldKey: string;
  groupId: Types.ObjectId | null;
  documentId: Types.ObjectId | null;
  title: string;
  description: string;
  assigneeIds: Types.ObjectId[];
  deadline: Date | null;
  status: TaskStatus;
  priority: TaskPriority;
  milestoneId: Types.ObjectId | null;
  position: number;
  createdById: Types.ObjectId | null;
  createdAt: Date;
  updatedAt: Date;
  /** Where the task came from in the review workflow (a remark, a steering decision). */
  origin?: TaskOriginDoc | null;
}

/** A task made from a remark of a statement, or from the reasons of a steering decision. */
export interface TaskOriginDoc {
  kind: 'remark' | 'decision';
  roundId: Types.ObjectId;
  remarkId: string | null;
  decisionId: string | null;
}

const taskSchema = new Schema<TaskDoc>(
  {
    processId: { type: Schema.Types.ObjectId, required: true },
    actionFieldKey: { type: String, required: true },
    groupId: { type: Schema.Types.ObjectId, default: null },
    documentId: { type: Schema.Types.ObjectId, default: null },
    title: { type: String, required: true },
    description: { type: String, default: '' },
    assigneeIds: { type: [Schema.Types.ObjectId], default: [] },
    deadline: { type: Date, default: null },
    status: { type: String, enum: TASK_STATUSES, default: 'open' },
    priority: { type: String, enum: TASK_PRIORITIES, default: 'normal' },
    milestoneId: { type: Schema.Types.ObjectId, default: null },
    position: { type: Number, default: 0 },
    createdById: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, default: () => new Date() },
    updatedAt: { type: Date, default: () => new Date() },
    origin: {
      type: new Schema(
        {
          kind: { type: String, enum: ['remark', 'decision'], required: true },
          roundId: { type: Schema.Types.ObjectId, required: true },
          remarkId: { type: String, default: null },
          decisionId: { type: String, default: null },
        },
        { _id: false },
      ),
      default: null,
    },
  },
  { collection: 'tasks', versionKey: false },
);
taskSchema.index({ processId: 1, status: 1, position: 1 });

/** Registers the Task model on a connection. */
export function registerTaskModel(connection: Connection) {
  return connection.model<TaskDoc>('Task', taskSchema);
}
export type TaskModel = ReturnType<typeof registerTaskModel>;

/**
 * A deleted task, kept under the task's own `_id` for the undo window so `restoreTask` can put it
 * back unchanged. Moving between two collections keyed by the same `_id` needs no transaction:
 * each insert is atomic and a repeated one is a harmless duplicate.
 */
export interface TaskTrashDoc {
  _id: Types.ObjectId;
  task: TaskDoc;
  deletedById: Types.ObjectId;
  deletedAt: Date;
}

const taskTrashSchema = new Schema<TaskTrashDoc>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    task: { type: Schema.Types.Mixed, required: true },
    deletedById: { type: Schema.Types.ObjectId, required: true },
    deletedAt: { type: Date, required: true },
  },
  { collection: 'task_trash', versionKey: false },
);

/** Registers the deleted-task model on a connection. */
export function registerTaskTrashModel(connection: Connection) {
  return connection.model<TaskTrashDoc>('TaskTrash', taskTrashSchema);
}
