import { Types } from 'mongoose';
import { z } from 'zod';
import {
  COLLAB_TICKET_TTL_SECONDS,
  COMMENT_VISIBILITIES,
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  toCollabDocumentName,
  writeCollabRevocations,
  type CollabMode,
  type DocumentStatus,
} from '@lip/common';
import { signCollabTicket } from '@lip/common/server';
import { canAct, canSee, collabModeFor, type DocumentFacts } from '../../auth/policy';
import { DomainError, forbidden, notFound } from '../../errors';
import { requireViewer, type RequestScope } from '../../scope';
import { dateSchema, objectIdSchema, parseInput, textSchema } from '../../validation';
import { recordActivity } from '../activity/activity.service';
import { notify } from '../notification';
import type { ProcessDoc } from '../process/process.model';
import { findProcess, loadProcess } from '../process/process.service';
import { DOCUMENT_LIST_PROJECTION, type DocumentDoc } from './document.model';

/** The facts about a document the policy needs. */
export function toDocumentFacts(doc: DocumentDoc): DocumentFacts {
  return {
    actionFieldKey: doc.actionFieldKey,
    groupId: doc.groupId,
    status: doc.status,
    sharedWithBodyIds: doc.sharedWithBodyIds,
  };
}

/** A document with its process, when the viewer may see it; else `not-found`. */
export async function loadVisibleDocument(
  scope: RequestScope,
  id: unknown,
): Promise<{ document: DocumentDoc; process: ProcessDoc }> {
  const viewer = requireViewer(scope);
  const documentId = parseInput(objectIdSchema, id);
  const document = await scope.loaders.document.load(documentId);
  if (!document) throw notFound('document');
  const process = await loadProcess(scope, String(document.processId));
  if (!canSee(viewer.actor, process, { type: 'document', document: toDocumentFacts(document) })) {
    throw notFound('document');
  }
  return { document, process };
}

/** A document the viewer may see, or null (for the nullable `document` query). */
export async function findDocument(scope: RequestScope, id: unknown): Promise<DocumentDoc | null> {
  requireViewer(scope);
  if (!objectIdSchema.safeParse(id).success) return null;
  try {
    return (await loadVisibleDocument(scope, id)).document;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not-found') return null;
    throw error;
  }
}

/** The projection fields written by the collab server, read only when asked for (batched). */
export function loadDocumentContent(
  scope: RequestScope,
  id: Types.ObjectId,
): Promise<Pick<DocumentDoc, 'contentText' | 'contentHtml' | 'contentUpdatedAt'>> {
  return scope.loaders.documentContent.load(String(id));
}

/**
 * Number of comment threads on a document that the viewer may see: group-internal threads count
 * only for those who may read them (a council member sees the number of shared threads).
 */
export async function countVisibleThreads(
  scope: RequestScope,
  document: DocumentDoc,
): Promise<number> {
  const viewer = scope.viewer;
  const process = await scope.loaders.process.load(String(document.processId));
  if (!viewer || !process) return 0;
  const counts = await scope.loaders.commentCounts.load(String(document._id));
  const facts = toDocumentFacts(document);
  return COMMENT_VISIBILITIES.filter((visibility) =>
    canSee(viewer.actor, process, { type: 'thread', document: facts, visibility, authorId: '' }),
  ).reduce((sum, visibility) => sum + counts[visibility], 0);
}

const listSchema = z.object({
  actionFieldKey: z.string().max(60).nullish(),
  status: z.enum(DOCUMENT_STATUSES).nullish(),
  processId: objectIdSchema.nullish(),
});

/** Documents the viewer may see, by action field and order. */
export async function listDocuments(scope: RequestScope, input: unknown): Promise<DocumentDoc[]> {
  const viewer = requireViewer(scope);
  const args = parseInput(listSchema, input);
  const process = await findProcess(scope, args.processId);
  if (!process) return [];
  const filter: Record<string, unknown> = { processId: process._id };
  if (args.actionFieldKey) filter.actionFieldKey = args.actionFieldKey;
  if (args.status) filter.status = args.status;
  const rows = await scope.models.Document.find(filter, DOCUMENT_LIST_PROJECTION)
    .sort({ actionFieldKey: 1, order: 1 })
    .lean<DocumentDoc[]>();
  for (const row of rows) scope.loaders.document.prime(String(row._id), row);
  return rows.filter((d) =>
    canSee(viewer.actor, process, { type: 'document', document: toDocumentFacts(d) }),
  );
}

const createSchema = z.object({
  groupId: objectIdSchema,
  kind: z.enum(DOCUMENT_KINDS),
  title: textSchema(200, 2),
  order: z.number().int().min(0).max(10_000).nullish(),
});

/** Creates a draft for a group (its members, the field's coordinators, admins). */
export async function createDocument(scope: RequestScope, input: unknown): Promise<DocumentDoc> {
  const viewer = requireViewer(scope);
  const args = parseInput(createSchema, input);
  const process = await loadProcessOfGroup(scope, args.groupId);
  const group = process.groups.find((g) => String(g._id) === args.groupId);
  if (!group) throw notFound('group');
  if (
    !canAct(viewer.actor, 'createDocument', process, {
      type: 'actionField',
      key: group.actionFieldKey,
    })
  ) {
    throw forbidden();
  }
  let order = args.order;
  if (order == null) {
    const last = await scope.models.Document.findOne({ groupId: group._id }, { order: 1 })
      .sort({ order: -1 })
      .lean<DocumentDoc>();
    order = (last?.order ?? 0) + 1;
  }
  const created = await scope.models.Document.create({
    processId: process._id,
    actionFieldKey: group.actionFieldKey,
    groupId: group._id,
    kind: args.kind,
    title: args.title,
    status: 'draft',
    order,
    createdById: viewer.person._id,
  });
  const doc = created.toObject<DocumentDoc>();
  await recordActivity(scope, {
    processId: process._id,
    actionFieldKey: group.actionFieldKey,
    groupId: group._id,
    documentId: doc._id,
    verb: 'document.created',
    subjectTitle: doc.title,
  });
  await scope.search.noteChange('document', String(doc._id));
  return doc;
}

async function loadProcessOfGroup(scope: RequestScope, groupId: string): Promise<ProcessDoc> {
  const process = await scope.models.Process.findOne({
    'groups._id': new Types.ObjectId(groupId),
  }).lean<ProcessDoc>();
  if (!process) throw notFound('group');
  scope.loaders.process.prime(String(process._id), process);
  return process;
}

const updateSchema = z.object({
  documentId: objectIdSchema,
  title: textSchema(200, 2).nullish(),
  order: z.number().int().min(0).max(10_000).nullish(),
  kind: z.enum(DOCUMENT_KINDS).nullish(),
});

/** Changes title, order or kind of a document (whoever may edit it). */
export async function updateDocument(scope: RequestScope, input: unknown): Promise<DocumentDoc> {
  const viewer = requireViewer(scope);
  const args = parseInput(updateSchema, input);
  const { document, process } = await loadVisibleDocument(scope, args.documentId);
  if (
    !canAct(viewer.actor, 'editDocument', process, {
      type: 'document',
      document: toDocumentFacts(document),
    })
  ) {
    throw forbidden();
  }
  const set: Record<string, unknown> = { updatedAt: new Date() };
  if (args.title != null) set.title = args.title;
  if (args.order != null) set.order = args.order;
  if (args.kind != null) set.kind = args.kind;
  // The same lease as status changes: an update rewrites the whole document on FerretDB.
  const updated = await scope.writeLock.run(`document:${String(document._id)}`, () =>
    updateAndRead(scope, { _id: document._id }, set),
  );
  if (!updated) throw notFound('document');
  await recordActivity(scope, {
    processId: process._id,
    actionFieldKey: document.actionFieldKey,
    groupId: document.groupId,
    documentId: document._id,
    verb: 'document.updated',
    subjectTitle: updated.title,
  });
  await scope.search.noteChange('document', String(document._id));
  scope.loaders.document.clear(String(document._id)).prime(String(document._id), updated);
  return updated;
}

const statusSchema = z
  .object({
    documentId: objectIdSchema,
    status: z.enum(DOCUMENT_STATUSES),
    bodyIds: z.array(objectIdSchema).min(1).max(20).nullish(),
    reviewDeadline: dateSchema.nullish(),
  })
  .superRefine((value, ctx) => {
    if (value.status !== 'in-review') return;
    if (!value.bodyIds?.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['bodyIds'],
        message: 'required when sending for review',
        params: { rule: 'required' },
      });
    }
    if (!value.reviewDeadline) {
      ctx.addIssue({
        code: 'custom',
        path: ['reviewDeadline'],
        message: 'required when sending for review',
        params: { rule: 'required' },
      });
    } else if (value.reviewDeadline.getTime() <= Date.now()) {
      ctx.addIssue({
        code: 'custom',
        path: ['reviewDeadline'],
        message: 'must be in the future',
        params: { rule: 'future' },
      });
    }
  });

/**
 * Moves a document through review: IN_REVIEW shares it with bodies until a deadline (group
 * speakers/leads, coordinators); ACCEPTED or RETURNED is the steering group's decision; DRAFT
 * withdraws it. Every status change may change who may edit, comment or read (accepted: nobody
 * edits any more; unshared: bodies lose access), so every live editor connection of the
 * document is revoked and reconnects with a ticket for its new mode.
 */
export async function changeDocumentStatus(
  scope: RequestScope,
  input: unknown,
): Promise<DocumentDoc> {
  const args = parseInput(statusSchema, input);
  // One status change per document at a time: the status filter below is not atomic on FerretDB.
  return scope.writeLock.run(`document:${args.documentId}`, () => changeStatusNow(scope, args));
}

async function changeStatusNow(
  scope: RequestScope,
  args: z.infer<typeof statusSchema>,
): Promise<DocumentDoc> {
  const viewer = requireViewer(scope);
  const { document, process } = await loadVisibleDocument(scope, args.documentId);
  const resource = { type: 'document' as const, document: toDocumentFacts(document) };
  const action = transitionAction(document.status, args.status);
  if (!action) throw new DomainError('invalid-transition', `${document.status} -> ${args.status}`);
  if (!canAct(viewer.actor, action, process, resource)) throw forbidden();

  const set: Record<string, unknown> = { status: args.status, updatedAt: new Date() };
  let sharedWith = document.sharedWithBodyIds.map(String);
  if (args.status === 'in-review') {
    for (const id of args.bodyIds ?? []) {
      if (!process.bodies.some((b) => String(b._id) === id && b.kind !== 'steering-group')) {
        throw new DomainError('not-found', 'body');
      }
    }
    sharedWith = [...new Set(args.bodyIds ?? [])];
    set.sharedWithBodyIds = sharedWith.map((id) => new Types.ObjectId(id));
    set.reviewDeadline = args.reviewDeadline;
  } else if (args.status === 'draft') {
    sharedWith = [];
    set.sharedWithBodyIds = [];
    set.reviewDeadline = null;
  }
  const updated = await updateAndRead(scope, { _id: document._id, status: document.status }, set);
  if (!updated) throw new DomainError('conflict', 'status changed concurrently');

  const unshared = document.sharedWithBodyIds.some((id) => !sharedWith.includes(String(id)));
  await writeCollabRevocations(scope.revocationSink, [
    {
      documentId: String(document._id),
      reason: unshared ? 'document-unshared' : 'document-status-changed',
    },
  ]);
  await recordActivity(scope, {
    processId: process._id,
    actionFieldKey: document.actionFieldKey,
    groupId: document.groupId,
    documentId: document._id,
    verb: 'document.status-changed',
    subjectTitle: document.title,
    detail: args.status,
  });
  scope.loaders.document.clear(String(document._id)).prime(String(document._id), updated);
  await scope.search.noteChange('document', String(document._id));
  await notifyStatusChange(scope, process, updated);
  return updated;
}

/**
 * Tells the document's group of a status change (a decision when the steering group accepted or
 * returned it) and, when it goes into review, the members of the bodies it is shared with.
 */
async function notifyStatusChange(
  scope: RequestScope,
  process: ProcessDoc,
  document: DocumentDoc,
): Promise<void> {
  const viewer = requireViewer(scope);
  const base = {
    actor: { id: String(viewer.person._id), name: viewer.person.name },
    processId: String(process._id),
  };
  const ref = { id: String(document._id), title: document.title };
  const group = process.groups.find((g) => String(g._id) === String(document.groupId));
  const groupIds = group?.members.map((m) => String(m.personId)) ?? [];
  const status = document.status;
  if (status === 'accepted' || status === 'returned') {
    await notify(
      scope,
      { ...base, recipientIds: groupIds },
      { kind: 'document-decision', document: ref, status },
    );
  } else {
    await notify(
      scope,
      { ...base, recipientIds: groupIds },
      { kind: 'document-status', document: ref, status },
    );
  }
  if (status === 'in-review') {
    const shared = new Set(document.sharedWithBodyIds.map(String));
    const reviewers = process.bodies
      .filter((b) => shared.has(String(b._id)))
      .flatMap((b) => b.memberIds.map(String))
      .filter((id) => !groupIds.includes(id));
    await notify(
      scope,
      { ...base, recipientIds: reviewers },
      { kind: 'document-shared', document: ref, reviewDeadline: document.reviewDeadline },
    );
  }
}

/**
 * Updates one document and reads it back without content. Two commands, because FerretDB 1.24
 * does not support a projection on findAndModify.
 */
async function updateAndRead(
  scope: RequestScope,
  filter: { _id: Types.ObjectId; status?: DocumentStatus },
  set: Record<string, unknown>,
): Promise<DocumentDoc | null> {
  const written = await scope.models.Document.updateOne(filter, { $set: set });
  if (written.matchedCount !== 1) return null;
  return scope.models.Document.findOne(
    { _id: filter._id },
    DOCUMENT_LIST_PROJECTION,
  ).lean<DocumentDoc>();
}

function transitionAction(from: DocumentStatus, to: DocumentStatus) {
  if (to === 'in-review' && (from === 'draft' || from === 'returned'))
    return 'sendForReview' as const;
  if (to === 'draft' && from === 'in-review') return 'withdrawReview' as const;
  if ((to === 'accepted' || to === 'returned') && from === 'in-review')
    return 'decideReview' as const;
  return null;
}

/** The status changes the viewer may make on a document now. */
export function allowedTransitions(
  scope: RequestScope,
  process: ProcessDoc,
  document: DocumentDoc,
): DocumentStatus[] {
  const viewer = scope.viewer;
  if (!viewer) return [];
  const resource = { type: 'document' as const, document: toDocumentFacts(document) };
  return DOCUMENT_STATUSES.filter((to) => {
    const action = transitionAction(document.status, to);
    return action !== null && canAct(viewer.actor, action, process, resource);
  });
}

/** The viewer's editor mode for a document they can see. */
export function modeFor(
  scope: RequestScope,
  process: ProcessDoc,
  document: DocumentDoc,
): CollabMode {
  const viewer = requireViewer(scope);
  return collabModeFor(viewer.actor, process, toDocumentFacts(document)) ?? 'read';
}

/** How long after an edit ticket the search watches a document's projected text. */
const EDIT_WATCH_MS = 30 * 60_000;

const CARET_COLOURS = ['#1f6feb', '#b35900', '#2da44e', '#8250df', '#cf222e', '#0a7f86', '#9a6700'];

/**
 * Signs a short-lived ticket for the collab server with the viewer's mode for the document.
 * `url` is the configured public collab URL, else ws://127.0.0.1:<collabPort>.
 */
export async function issueCollabTicket(
  scope: RequestScope,
  documentId: unknown,
): Promise<{ ticket: string; url: string; room: string; mode: CollabMode; expiresAt: Date }> {
  const viewer = requireViewer(scope);
  // Before the policy reads the document: a revocation written after this refuses the ticket
  // at connect, so a mode decided on a document state that changed meanwhile never gets in.
  const iatMs = Date.now();
  const { document, process } = await loadVisibleDocument(scope, documentId);
  const mode = collabModeFor(viewer.actor, process, toDocumentFacts(document));
  if (!mode) throw notFound('document');
  // Whoever may edit may change the text through the collab server: indexes watch the document.
  if (mode === 'edit')
    await scope.search.noteChange('document', String(document._id), EDIT_WATCH_MS);
  const iat = Math.floor(iatMs / 1000);
  const exp = iat + COLLAB_TICKET_TTL_SECONDS;
  const personId = String(viewer.person._id);
  const colour =
    CARET_COLOURS[parseInt(personId.slice(-4), 16) % CARET_COLOURS.length] ?? '#1f6feb';
  const ticket = signCollabTicket(
    {
      v: 1,
      doc: String(document._id),
      sub: personId,
      sid: viewer.sessionId.slice(0, 128),
      mode,
      name: viewer.person.name.slice(0, 200),
      color: colour,
      iat,
      iatMs,
      exp,
    },
    scope.secrets.collabSecret,
  );
  return {
    ticket,
    url: scope.config.collabPublicUrl ?? `ws://127.0.0.1:${scope.config.collabPort}`,
    room: toCollabDocumentName(String(document._id)),
    mode,
    expiresAt: new Date(exp * 1000),
  };
}

/** Documents in review shared with the given bodies (the viewer's review queue). */
export function findAwaitingReview(documents: DocumentDoc[], bodyIds: Set<string>): DocumentDoc[] {
  return documents
    .filter(
      (d) => d.status === 'in-review' && d.sharedWithBodyIds.some((id) => bodyIds.has(String(id))),
    )
    .sort((a, b) => (a.reviewDeadline?.getTime() ?? 0) - (b.reviewDeadline?.getTime() ?? 0));
}

/** Used by the dashboard to read all documents of a process without content in one query. */
export function listProcessDocumentsRaw(scope: RequestScope, processId: Types.ObjectId) {
  return scope.models.Document.find({ processId }, DOCUMENT_LIST_PROJECTION)
    .sort({ order: 1 })
    .lean<DocumentDoc[]>();
}
