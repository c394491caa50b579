import { op } from '../../db/connection';
import type { AppDeps } from '../../scope';
import type { TaskDoc } from '../task/task.model';
import { sendDigests } from './notification.mail';
import { notify } from './notification.service';

const DAY_MS = 24 * 60 * 60_000;
/** Overdue reminders only for deadlines of the last week, so a first start does not flood people. */
const OVERDUE_WINDOW_MS = 7 * DAY_MS;

/**
 * Reminds assignees of open tasks due within the next 24 hours and of overdue ones. Each reminder
 * is once-only per task, deadline and person (`task-due:<task>:<deadline>:<person>` as the
 * notification `_id`), so every API process may run this and a changed deadline reminds again.
 */
export async function notifyDueTasks(deps: AppDeps, now = new Date()): Promise<number> {
  const filter: Record<string, unknown> = {
    status: op({ $ne: 'done' }),
    deadline: op({
      $ne: null,
      $gt: new Date(now.getTime() - OVERDUE_WINDOW_MS),
      $lte: new Date(now.getTime() + DAY_MS),
    }),
  };
  const tasks = await deps.models.Task.find(filter).limit(5_000).lean<TaskDoc[]>();
  let count = 0;
  for (const task of tasks) {
    if (!task.deadline || task.assigneeIds.length === 0) continue;
    const overdue = task.deadline.getTime() <= now.getTime();
    const kind = overdue ? ('task-overdue' as const) : ('task-due' as const);
    count += await notify(
      deps,
      {
        recipientIds: task.assigneeIds.map(String),
        actor: null,
        processId: String(task.processId),
        key: `${kind}:${String(task._id)}:${task.deadline.toISOString()}`,
      },
      { kind, task: { id: String(task._id), title: task.title }, deadline: task.deadline },
    );
  }
  return count;
}

/** The notification scheduler of one API process. */
export interface NotificationJobs {
  runOnce(now?: Date): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

/** A reminder job another module adds (e.g. statements due); it claims its work once-only. */
export type ReminderJob = (deps: AppDeps, now: Date) => Promise<unknown>;

/**
 * Runs the due-task reminders, the `reminders` of other modules and the daily digests every
 * `intervalMs` (default 5 min). Safe with several API processes: every job claims its work with
 * unique inserts.
 */
export function createNotificationJobs(
  deps: AppDeps,
  reminders: readonly ReminderJob[] = [],
  intervalMs = 5 * 60_000,
): NotificationJobs {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const runOnce = async (now = new Date()) => {
    await notifyDueTasks(deps, now);
    for (const reminder of reminders) await reminder(deps, now);
    await sendDigests(deps, now);
  };
  const tick = () => {
    if (running) return;
    running = runOnce()
      .catch((error: unknown) => deps.logger.error({ err: error }, 'notification jobs failed'))
      .finally(() => {
        running = null;
      });
  };
  return {
    runOnce,
    start() {
      if (timer) return;
      timer = setInterval(tick, intervalMs);
      timer.unref();
      tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
