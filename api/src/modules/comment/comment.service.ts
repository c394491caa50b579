import { Types } from 'mongoose';
import { z } from 'zod';
import { COMMENT_VISIBILITIES } from '@lip/common';
import { allowedVisibilities, canAct, canSee } from '../../auth/policy';
import { DomainError, forbidden, notFound } from '../../errors';
import type { CommentChangeEvent } from './comment.events';
import { Topics } from '../../pubsub/pubsub';
import { requireViewer, type RequestScope } from '../../scope';
import { objectIdSchema, parseInput } from '../../validation';
import { recordActivity } from '../activity/activity.service';
import { loadVisibleDocument, toDocumentFacts } from '../document/document.service';
import type { DocumentDoc } from '../document/document.model';
import type { ProcessDoc } from '../process/process.model';
import type { CommentThreadDoc } from './comment.model';

const bodySchema = z.string().trim().min(1, 'must not be empty').max(5_000);

function threadResource(document: DocumentDoc, thread: CommentThreadDoc) {
  return {
    type: 'thread' as const,
    document: toDocumentFacts(document),
    visibility: thread.visibility,
    authorId: String(thread.comments[0]?.authorId ?? ''),
  };
}

/** Threads on a document the viewer may see (group threads only for the group side). */
export async function listThreads(
  scope: RequestScope,
  documentId: unknown,
  includeResolved: boolean,
): Promise<CommentThreadDoc[]> {
  const viewer = requireViewer(scope);
  const { document, process } = await loadVisibleDocument(scope, documentId);
  const filter: Record<string, unknown> = { documentId: document._id };
  if (!includeResolved) filter.resolved = false;
  const threads = await scope.models.CommentThread.find(filter)
    .sort({ createdAt: 1 })
    .lean<CommentThreadDoc[]>();
  return threads.filter((t) => canSee(viewer.actor, process, threadResource(document, t)));
}

const createSchema = z.object({
  documentId: objectIdSchema,
  body: bodySchema,
  anchor: z.string().max(2_000).nullish(),
  quote: z.string().max(2_000).nullish(),
  visibility: z.enum(COMMENT_VISIBILITIES).nullish(),
});

function publish(scope: RequestScope, event: CommentChangeEvent): void {
  scope.pubsub.publish(Topics.commentChanged(String(event.thread.documentId)), event);
}

/**
 * Starts a thread. Reviewers (council, round table, steering group) may only start shared
 * threads; the group side defaults to group-internal ones.
 */
export async function createThread(scope: RequestScope, input: unknown): Promise<CommentThreadDoc> {
  const viewer = requireViewer(scope);
  const args = parseInput(createSchema, input);
  const { document, process } = await loadVisibleDocument(scope, args.documentId);
  const facts = toDocumentFacts(document);
  if (!canAct(viewer.actor, 'comment', process, { type: 'document', document: facts })) {
    throw forbidden();
  }
  const allowed = allowedVisibilities(viewer.actor, process, facts);
  const visibility = args.visibility ?? allowed[0] ?? 'shared';
  if (!allowed.includes(visibility)) throw forbidden('visibility');
  const now = new Date();
  const created = await scope.models.CommentThread.create({
    documentId: document._id,
    processId: process._id,
    actionFieldKey: document.actionFieldKey,
    anchor: args.anchor ?? null,
    quote: args.quote ?? null,
    visibility,
    comments: [
      {
        body: args.body,
        authorId: viewer.person._id,
        organisationId: viewer.person.organisationId,
        createdAt: now,
      },
    ],
    createdAt: now,
    updatedAt: now,
  });
  const thread = created.toObject<CommentThreadDoc>();
  await recordActivity(scope, {
    processId: process._id,
    actionFieldKey: document.actionFieldKey,
    groupId: document.groupId,
    documentId: document._id,
    verb: 'comment.created',
    subjectTitle: document.title,
  });
  publish(scope, { kind: 'CREATED', thread });
  return thread;
}

async function loadVisibleThread(
  scope: RequestScope,
  threadId: unknown,
): Promise<{ thread: CommentThreadDoc; document: DocumentDoc; process: ProcessDoc }> {
  const viewer = requireViewer(scope);
  const id = parseInput(objectIdSchema, threadId);
  const thread = await scope.models.CommentThread.findOne({ _id: id }).lean<CommentThreadDoc>();
  if (!thread) throw notFound('thread');
  const { document, process } = await loadVisibleDocument(scope, String(thread.documentId));
  if (!canSee(viewer.actor, process, threadResource(document, thread))) throw notFound('thread');
  return { thread, document, process };
}

/** Whether the viewer may reply in / resolve a thread (for the `viewerCan*` fields). */
export async function threadCapabilities(
  scope: RequestScope,
  thread: CommentThreadDoc,
): Promise<{ reply: boolean; resolve: boolean }> {
  const viewer = scope.viewer;
  if (!viewer) return { reply: false, resolve: false };
  const document = await scope.loaders.document.load(String(thread.documentId));
  const process = document ? await scope.loaders.process.load(String(document.processId)) : null;
  if (!document || !process) return { reply: false, resolve: false };
  const facts = toDocumentFacts(document);
  return {
    reply: canAct(viewer.actor, 'comment', process, { type: 'document', document: facts }),
    resolve: canAct(viewer.actor, 'resolveThread', process, threadResource(document, thread)),
  };
}

/**
 * Writes to one thread one at a time across API processes: on FerretDB a `$push` rewrites the
 * whole document, so two concurrent replies (or a reply and a resolve) would lose one.
 */
function lockThread<T>(
  scope: RequestScope,
  thread: CommentThreadDoc,
  write: () => Promise<T>,
): Promise<T> {
  return scope.writeLock.run(`thread:${String(thread._id)}`, write);
}

const replySchema = z.object({ threadId: objectIdSchema, body: bodySchema });

/** Adds a reply to a thread the viewer may see and comment on. */
export async function replyToThread(
  scope: RequestScope,
  input: unknown,
): Promise<CommentThreadDoc> {
  const viewer = requireViewer(scope);
  const args = parseInput(replySchema, input);
  const { thread, document, process } = await loadVisibleThread(scope, args.threadId);
  if (
    !canAct(viewer.actor, 'comment', process, {
      type: 'document',
      document: toDocumentFacts(document),
    })
  ) {
    throw forbidden();
  }
  const updated = await lockThread(scope, thread, async () => {
    const current = await scope.models.CommentThread.findOne(
      { _id: thread._id },
      { comments: 1 },
    ).lean<CommentThreadDoc>();
    if ((current?.comments.length ?? 0) >= 500) {
      throw new DomainError('invalid-input', 'thread is full');
    }
    const now = new Date();
    return scope.models.CommentThread.findOneAndUpdate(
      { _id: thread._id },
      {
        $push: {
          comments: {
            _id: new Types.ObjectId(),
            body: args.body,
            authorId: viewer.person._id,
            organisationId: viewer.person.organisationId,
            createdAt: now,
          },
        },
        $set: { updatedAt: now },
      },
      { returnDocument: 'after' },
    ).lean<CommentThreadDoc>();
  });
  if (!updated) throw notFound('thread');
  await recordActivity(scope, {
    processId: process._id,
    actionFieldKey: document.actionFieldKey,
    groupId: document.groupId,
    documentId: document._id,
    verb: 'comment.replied',
    subjectTitle: document.title,
  });
  publish(scope, { kind: 'REPLIED', thread: updated });
  return updated;
}

/** Resolves or reopens a thread (the group side or the thread's author). */
export async function setThreadResolved(
  scope: RequestScope,
  threadId: unknown,
  resolved: boolean,
): Promise<CommentThreadDoc> {
  const viewer = requireViewer(scope);
  const { thread, document, process } = await loadVisibleThread(scope, threadId);
  if (!canAct(viewer.actor, 'resolveThread', process, threadResource(document, thread))) {
    throw forbidden();
  }
  const now = new Date();
  const updated = await lockThread(scope, thread, () =>
    scope.models.CommentThread.findOneAndUpdate(
      { _id: thread._id },
      {
        $set: {
          resolved,
          resolvedAt: resolved ? now : null,
          resolvedById: resolved ? viewer.person._id : null,
          updatedAt: now,
        },
      },
      { returnDocument: 'after' },
    ).lean<CommentThreadDoc>(),
  );
  if (!updated) throw notFound('thread');
  await recordActivity(scope, {
    processId: process._id,
    actionFieldKey: document.actionFieldKey,
    groupId: document.groupId,
    documentId: document._id,
    verb: resolved ? 'comment.resolved' : 'comment.reopened',
    subjectTitle: document.title,
  });
  publish(scope, { kind: resolved ? 'RESOLVED' : 'REOPENED', thread: updated });
  return updated;
}

/** Checks the viewer may watch a document's comments; returns the topic. */
export async function commentSubscriptionTopic(
  scope: RequestScope,
  documentId: unknown,
): Promise<string> {
  const { document } = await loadVisibleDocument(scope, documentId);
  return Topics.commentChanged(String(document._id));
}

/** Whether a comment event may be delivered to the subscriber (thread visibility). */
export async function canReceiveCommentChange(
  scope: RequestScope,
  event: CommentChangeEvent,
): Promise<boolean> {
  const viewer = scope.viewer;
  if (!viewer) return false;
  const document = await scope.models.Document.findOne(
    { _id: event.thread.documentId },
    { seedContent: 0, contentHtml: 0, contentText: 0 },
  ).lean<DocumentDoc>();
  if (!document) return false;
  const process = await scope.loaders.process.load(String(document.processId));
  if (!process) return false;
  return canSee(viewer.actor, process, threadResource(document, event.thread));
}
