import type { WorkContext, WorkItem } from '../work/work.types';
import type { DocumentDoc } from './document.model';

/** A draft nobody has changed for this long counts as stuck for its coordinators. */
export const STALLED_AFTER_DAYS = 21;

const DAY_MS = 86_400_000;

function item(
  document: DocumentDoc,
  fields: Pick<WorkItem, 'kind' | 'role' | 'dueAt' | 'overdue'> & Partial<WorkItem>,
): WorkItem {
  return {
    id: `${fields.kind}:${String(document._id)}`,
    title: document.title,
    context: null,
    actionFieldKey: document.actionFieldKey,
    count: null,
    link: `/documents/${String(document._id)}`,
    ...fields,
  };
}

/** When the document's text or its details last changed. */
function lastChange(document: DocumentDoc): number {
  return Math.max(document.updatedAt.getTime(), document.contentUpdatedAt?.getTime() ?? 0);
}

/**
 * Document work for coordinators: reviews past their deadline and drafts unchanged for
 * {@link STALLED_AFTER_DAYS} days. Uses the context's documents; no query.
 */
export function documentWork(context: WorkContext): WorkItem[] {
  const { now, standing } = context;
  const items: WorkItem[] = [];
  const coordinated = new Set(standing.coordinatedKeys);
  for (const document of context.documents) {
    const deadline = document.reviewDeadline;
    const late = deadline !== null && deadline.getTime() < now.getTime();
    // What a reviewing body owes is its statement per round and the steering group's decisions
    // come from the review module (`review.work.ts`): review state is written only by rounds.
    if (document.status === 'in-review') {
      if (late && coordinated.has(document.actionFieldKey)) {
        items.push(
          item(document, {
            kind: 'review-overdue',
            role: 'coordinator',
            dueAt: deadline,
            overdue: true,
          }),
        );
      }
    }
    if (
      (document.status === 'draft' || document.status === 'returned') &&
      coordinated.has(document.actionFieldKey) &&
      now.getTime() - lastChange(document) > STALLED_AFTER_DAYS * DAY_MS
    ) {
      items.push(
        item(document, {
          kind: 'draft-stalled',
          role: 'coordinator',
          dueAt: null,
          overdue: false,
          count: Math.floor((now.getTime() - lastChange(document)) / DAY_MS),
        }),
      );
    }
  }
  return items;
}
