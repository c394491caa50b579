import type { WorkContext, WorkItem } from '../work/work.types';
import { effectiveStatus } from './review-access';
import { reviewDashboardOf } from './review-dashboard.service';

/**
 * Review work (document status is written only by the review workflow, so this is where the
 * bodies' and the steering group's work comes from): for a reviewing body's members one item per
 * open round whose statement the body has not submitted (one per round, however many documents
 * it reviews; gone once submitted or when the round closes); for the steering group every round
 * item without a decision, due at the round's deadline while the bodies still review and at once
 * when the round is evaluated; for a group's members the remarks of a round that wait for their
 * response or its approval. The same five queries as the review section of the start page,
 * whatever the number of rounds, and none for people who hold none of these roles.
 */
export async function reviewWork(context: WorkContext): Promise<WorkItem[]> {
  const { standing, scope, process, now } = context;
  if (!standing.steering && standing.groups.length === 0 && standing.reviewBodies.length === 0) {
    return [];
  }
  const data = await reviewDashboardOf(scope, process);
  const items: WorkItem[] = [];
  for (const due of data.statementsDue) {
    // Late statements are still accepted after the deadline, but no longer asked for.
    if (effectiveStatus(due.round, now) !== 'open') continue;
    const fields = new Set(due.round.items.map((item) => item.actionFieldKey));
    items.push({
      id: `statement-due:${String(due.round._id)}:${String(due.body._id)}`,
      kind: 'statement-due',
      role: 'reviewer',
      title: due.round.title,
      context: due.body.name,
      actionFieldKey: fields.size === 1 ? (due.round.items[0]?.actionFieldKey ?? null) : null,
      dueAt: due.deadline,
      overdue: false,
      count: null,
      link: `/review/rounds/${String(due.round._id)}/statements/${String(due.body._id)}`,
    });
  }
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
