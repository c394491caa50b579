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
import { op } from '../../db/connection';
import { DomainError, forbidden, notFound } from '../../errors';
import { requireViewer, type RequestScope } from '../../scope';
import { objectIdSchema, parseInput, textSchema } from '../../validation';
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
    statement: doc.statementOf ?? null,
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
  // Measure descriptions open through their measure and statement texts through their review
  // round; neither is listed with the papers.
  const filter: Record<string, unknown> = {
    processId: process._id,
    kind: op({ $nin: NOT_LISTED_KINDS }),
  };
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

/** Kinds listed with the papers; measure descriptions and statements live with their records. */
const NOT_LISTED_KINDS = ['measure-description', 'statement'] as const;

/**
 * Kinds a person may give a document; a measure description is made with its measure and a
 * statement text by the review workflow.
 */
const WRITABLE_KINDS = DOCUMENT_KINDS.filter(
  (kind) => !(NOT_LISTED_KINDS as readonly string[]).includes(kind),
);

const createSchema = z.object({
  groupId: objectIdSchema,
  kind: z.enum(WRITABLE_KINDS),
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
  kind: z.enum(WRITABLE_KINDS).nullish(),
});

/** Changes title, order or kind of a document (whoever may edit it). */
export async function updateDocument(scope: RequestScope, input: unknown): Promise<DocumentDoc> {
  const viewer = requireViewer(scope);
  const args = parseInput(updateSchema, input);
  const { document, process } = await loadVisibleDocument(scope, args.documentId);
  // A statement's text is renamed and typed by the review workflow only.
  if (document.kind === 'statement') throw forbidden('statement');
  if (
    !canAct(viewer.actor, 'editDocument', process, {
      type: 'document',
      document: toDocumentFacts(document),
    })
  ) {
    throw forbidden();
  }
  if (document.kind === 'measure-description' && (args.title != null || args.kind != null)) {
    // Its title follows the measure's code and title.
    throw new DomainError('invalid-input', 'measure description', [
      {
        path: 'title',
        rule: 'invalid',
        message: 'follows its measure',
        text: {
          de: 'Titel: Die Beschreibung einer Maßnahme trägt deren Nummer und Titel; bitte die Maßnahme ändern.',
          en: 'Title: a measure description carries its measure’s number and title; please change the measure.',
        },
      },
    ]);
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
  filter: { _id: Types.ObjectId },
  set: Record<string, unknown>,
): Promise<DocumentDoc | null> {
  const written = await scope.models.Document.updateOne(filter, { $set: set });
  if (written.matchedCount !== 1) return null;
  return scope.models.Document.findOne(
    { _id: filter._id },
    DOCUMENT_LIST_PROJECTION,
  ).lean<DocumentDoc>();
}

/** The review state the workflow writes on documents (never a person directly). */
export interface ReviewState {
  status: DocumentStatus;
  sharedWithBodyIds: Types.ObjectId[];
  reviewDeadline: Date | null;
}

/**
 * Writes status, sharing and review deadline of documents for the review workflow (a round
 * opened or cancelled, a steering decision): one update for all of them. Every live editor
 * connection of those documents is revoked (the collab revocation contract), so each editor
 * reconnects with the mode the policy now allows; the groups and, when shared for review, the
 * bodies' members are notified.
 */
export async function writeReviewState(
  scope: RequestScope,
  process: ProcessDoc,
  documents: DocumentDoc[],
  state: ReviewState,
): Promise<void> {
  if (documents.length === 0) return;
  const now = new Date();
  await scope.models.Document.updateMany(
    { _id: op({ $in: documents.map((d) => d._id) }) },
    { $set: { ...state, updatedAt: now } },
  );
  const keep = new Set(state.sharedWithBodyIds.map(String));
  await writeCollabRevocations(
    scope.revocationSink,
    documents.map((document) => ({
      documentId: String(document._id),
      reason: document.sharedWithBodyIds.some((id) => !keep.has(String(id)))
        ? ('document-unshared' as const)
        : ('document-status-changed' as const),
    })),
    now,
  );
  for (const document of documents) {
    scope.loaders.document.clear(String(document._id));
    await scope.search.noteChange('document', String(document._id));
    if (state.status !== document.status) {
      await notifyStatusChange(scope, process, { ...document, ...state });
    }
  }
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
  const allowed = collabModeFor(viewer.actor, process, toDocumentFacts(document));
  if (!allowed) throw notFound('document');
  // Someone who must still set up a second factor may read, not write (see graphql/schema.ts).
  const mode: CollabMode = viewer.actor.mustSetUpSecondFactor ? 'read' : allowed;
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

/**
 * Used by the dashboard to read all documents of a process without content in one query
 * (measure descriptions are counted with their measures, not here).
 */
export function listProcessDocumentsRaw(scope: RequestScope, processId: Types.ObjectId) {
  return scope.models.Document.find(
    { processId, kind: op({ $nin: NOT_LISTED_KINDS }) },
    DOCUMENT_LIST_PROJECTION,
  )
    .sort({ order: 1 })
    .lean<DocumentDoc[]>();
}
