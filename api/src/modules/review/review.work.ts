import type { WorkContext, WorkItem } from '../work/work.types';
import { effectiveStatus } from './review-access';
import { reviewDashboardOf } from './review-dashboard.service';

/**
 * Review work (document status is written only by the review workflow, so this is where the
 * steering group's decisions come from): for the steering group every round item without a
 * decision, due at the round's deadline while the bodies still review and at once when the round
 * is evaluated; for a group's members the remarks of a round that wait for their response or its
 * approval. A body's assessment due comes from the shared document (`document.work.ts`).
 * The same five queries as the review section of the start page, whatever the size, and none
 * for people who are neither in the steering group nor in a group.
 */
export async function reviewWork(context: WorkContext): Promise<WorkItem[]> {
  const { standing, scope, process, now } = context;
  if (!standing.steering && standing.groups.length === 0) return [];
  const data = await reviewDashboardOf(scope, process);
  const items: WorkItem[] = [];
  if (standing.steering) {
    for (const entry of data.steeringInbox) {
      for (const item of entry.pendingItems) {
        items.push({
          id: `decision-pending:${String(entry.round._id)}:${item.index}`,
          kind: 'decision-pending',
          role: 'steering',
          title: item.title,
          context: `${entry.round.number}: ${entry.round.title}`,
          actionFieldKey: item.actionFieldKey,
          dueAt: null,
          overdue: false,
          count: null,
          link: `/review/rounds/${String(entry.round._id)}/responses`,
        });
      }
    }
    // Still with the bodies: the decision comes after the review, at the deadline.
    for (const round of data.visibleInProgress) {
      for (const item of round.items) {
        items.push({
          id: `decision-pending:${String(round._id)}:${item.index}`,
          kind: 'decision-pending',
          role: 'steering',
          title: item.title,
          context: `${round.number}: ${round.title}`,
          actionFieldKey: item.actionFieldKey,
          dueAt: round.deadline,
          overdue: false,
          count: null,
          link: `/review/rounds/${String(round._id)}`,
        });
      }
    }
  }
  for (const waiting of data.remarksWaiting) {
    const count = waiting.withoutResponse + waiting.awaitingApproval;
    items.push({
      id: `remarks-open:${String(waiting.round._id)}:${String(waiting.group._id)}`,
      kind: 'remarks-open',
      role: 'member',
      title: waiting.round.title,
      context: null,
      actionFieldKey: waiting.group.actionFieldKey,
      dueAt: null,
      overdue: effectiveStatus(waiting.round, now) === 'closed',
      count,
      link: `/review/rounds/${String(waiting.round._id)}/responses`,
    });
  }
  return items;
}
