import type { WorkContext, WorkItem } from '../work/work.types';
import { isOverdue } from './task.service';

/** At most this many assigned tasks are listed one by one; the rest stay on the task page. */
export const MAX_ASSIGNED_ITEMS = 20;

/**
 * Task work: the viewer's own open tasks (by deadline), and for each field they coordinate the
 * number of overdue and of blocked tasks, linking to the task list filtered the same way. Uses
 * the context's open tasks; no query.
 */
export function taskWork(context: WorkContext): WorkItem[] {
  const { now, process, standing } = context;
  const items: WorkItem[] = [];
  const mine = context.openTasks
    .filter((t) => t.assigneeIds.some((id) => String(id) === context.actor.personId))
    .sort(
      (a, b) =>
        (a.deadline?.getTime() ?? Number.MAX_SAFE_INTEGER) -
        (b.deadline?.getTime() ?? Number.MAX_SAFE_INTEGER),
    )
    .slice(0, MAX_ASSIGNED_ITEMS);
  for (const task of mine) {
    items.push({
      id: `task-assigned:${String(task._id)}`,
      kind: 'task-assigned',
      role: 'member',
      title: task.title,
      context: null,
      actionFieldKey: task.actionFieldKey,
      dueAt: task.deadline,
      overdue: isOverdue(task, now),
      count: null,
      link: `/tasks?assignee=me&field=${encodeURIComponent(task.actionFieldKey)}&view=list`,
    });
  }
  for (const key of standing.coordinatedKeys) {
    const field = process.actionFields.find((a) => a.key === key);
    if (!field) continue;
    const tasks = context.openTasks.filter((t) => t.actionFieldKey === key);
    const overdue = tasks.filter((t) => isOverdue(t, now));
    const blocked = tasks.filter((t) => t.status === 'blocked');
    const name = field.name[context.scope.locale];
    const field_ = encodeURIComponent(key);
    if (overdue.length > 0) {
      const oldest = Math.min(...overdue.map((t) => t.deadline?.getTime() ?? now.getTime()));
      items.push({
        id: `tasks-overdue:${key}`,
        kind: 'tasks-overdue',
        role: 'coordinator',
        title: name,
        context: null,
        actionFieldKey: key,
        dueAt: new Date(oldest),
        overdue: true,
        count: overdue.length,
        link: `/tasks?field=${field_}&deadline=overdue&view=list`,
      });
    }
    if (blocked.length > 0) {
      items.push({
        id: `tasks-blocked:${key}`,
        kind: 'tasks-blocked',
        role: 'coordinator',
        title: name,
        context: null,
        actionFieldKey: key,
        dueAt: null,
        overdue: false,
        count: blocked.length,
        link: `/tasks?field=${field_}&status=BLOCKED&view=list`,
      });
    }
  }
  return items;
}
