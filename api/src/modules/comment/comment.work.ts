import { canSee } from '../../auth/policy';
import { op } from '../../db/connection';
import { lastSeenByDocument } from '../document/document-visit.service';
import { toDocumentFacts } from '../document/document.service';
import type { WorkContext, WorkItem } from '../work/work.types';
import type { CommentThreadDoc } from './comment.model';

/** Thread fields the work list needs: no comment bodies, quotes or anchors. */
const THREAD_WORK_PROJECTION = {
  documentId: 1,
  visibility: 1,
  resolved: 1,
  'comments.authorId': 1,
  'comments.createdAt': 1,
} as const;

/**
 * Comment work for group members, on the documents of their groups: documents with comments by
 * others since the member last opened them (`document_visits`), and open remarks that reviewing
 * bodies left on them. Two queries in parallel, whatever the number of documents or threads.
 */
export async function commentWork(context: WorkContext): Promise<WorkItem[]> {
  const { actor, process, scope, standing } = context;
  if (standing.groups.length === 0) return [];
  const groupIds = new Set(standing.groups.map((g) => String(g._id)));
  const documents = context.documents.filter((d) => groupIds.has(String(d.groupId)));
  if (documents.length === 0) return [];
  const ids = documents.map((d) => d._id);
  const [seen, threads] = await Promise.all([
    lastSeenByDocument(scope, ids),
    scope.models.CommentThread.find({ documentId: op({ $in: ids }) }, THREAD_WORK_PROJECTION)
      .batchSize(100_000)
      .lean<CommentThreadDoc[]>(),
  ]);
  const reviewers = new Set(process.bodies.flatMap((b) => b.memberIds.map((id) => String(id))));
  const items: WorkItem[] = [];
  for (const document of documents) {
    const facts = toDocumentFacts(document);
    const group = standing.groups.find((g) => String(g._id) === String(document.groupId));
    const insiders = new Set(group?.members.map((m) => String(m.personId)) ?? []);
    const visible = threads.filter(
      (t) =>
        String(t.documentId) === String(document._id) &&
        canSee(actor, process, {
          type: 'thread',
          document: facts,
          visibility: t.visibility,
          authorId: String(t.comments[0]?.authorId ?? ''),
        }),
    );
    const since = seen.get(String(document._id))?.getTime() ?? 0;
    const fresh = visible.flatMap((t) =>
      t.comments.filter(
        (c) => String(c.authorId) !== actor.personId && c.createdAt.getTime() > since,
      ),
    );
    const base = {
      role: 'member' as const,
      title: document.title,
      context: null,
      actionFieldKey: document.actionFieldKey,
      dueAt: null,
      overdue: false,
      link: `/documents/${String(document._id)}`,
    };
    if (fresh.length > 0) {
      items.push({
        ...base,
        id: `new-comments:${String(document._id)}`,
        kind: 'new-comments',
        count: fresh.length,
      });
    }
    const remarks = visible.filter((t) => {
      const author = String(t.comments[0]?.authorId ?? '');
      return (
        !t.resolved && t.visibility === 'shared' && reviewers.has(author) && !insiders.has(author)
      );
    });
    if (remarks.length > 0) {
      items.push({
        ...base,
        id: `remarks-open:${String(document._id)}`,
        kind: 'remarks-open',
        count: remarks.length,
        dueAt: document.status === 'in-review' ? document.reviewDeadline : null,
      });
    }
  }
  return items;
}
