import { Types } from 'mongoose';
import { op } from '../../db/connection';
import { requireViewer, type RequestScope } from '../../scope';
import { documentVisitId, type DocumentVisitDoc } from './document-visit.model';
import { loadVisibleDocument } from './document.service';

/**
 * Records that the viewer looked at a document now (anyone who may see it), so comments written
 * before this moment no longer count as new for them. Returns the time recorded.
 */
export async function markDocumentSeen(scope: RequestScope, documentId: unknown): Promise<Date> {
  const viewer = requireViewer(scope);
  const { document } = await loadVisibleDocument(scope, documentId);
  const personId = viewer.actor.personId;
  const seenAt = new Date();
  await scope.models.DocumentVisit.replaceOne(
    { _id: documentVisitId(personId, String(document._id)) },
    {
      _id: documentVisitId(personId, String(document._id)),
      personId: new Types.ObjectId(personId),
      documentId: document._id,
      seenAt,
    },
    { upsert: true },
  );
  return seenAt;
}

/** When the viewer last looked at each of the given documents (absent: never), in one query. */
export async function lastSeenByDocument(
  scope: RequestScope,
  documentIds: readonly Types.ObjectId[],
): Promise<Map<string, Date>> {
  const viewer = requireViewer(scope);
  if (documentIds.length === 0) return new Map();
  const ids = documentIds.map((id) => documentVisitId(viewer.actor.personId, String(id)));
  const rows = await scope.models.DocumentVisit.find({ _id: op({ $in: ids }) }).lean<
    DocumentVisitDoc[]
  >();
  return new Map(rows.map((row) => [String(row.documentId), row.seenAt]));
}
