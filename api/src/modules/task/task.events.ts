import type { TaskDoc } from './task.model';

/** A task change event, published on `Topics.taskChanged` and delivered to subscribers. */
export interface TaskChangeEvent {
  kind: 'CREATED' | 'UPDATED' | 'MOVED' | 'DELETED' | 'RESTORED';
  taskId: string;
  actionFieldKey: string;
  processId: string;
  task: TaskDoc | null;
}
