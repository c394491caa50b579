import { Types } from 'mongoose';
import { z } from 'zod';
import { COMMENT_VISIBILITIES } from '@lip/common';
import { allowedVisibilities, bodyIdsOf, canAct, canSee, type Actor } from '../../auth/policy';
import { op } from '../../db/connection';
import { DomainError, forbidden, notFound } from '../../errors';
import type { CommentChangeEvent } from './comment.events';
import { Topics } from '../../pubsub/pubsub';
import { requireViewer, toActor, type RequestScope } from '../../scope';
import { objectIdSchema, parseInput } from '../../validation';
import { recordActivity } from '../activity/activity.service';
import { loadVisibleDocument, toDocumentFacts } from '../document/document.service';
import type { DocumentDoc } from '../document/document.model';
import { notify } from '../notification';
import type { PersonDoc } from '../person/person.model';
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

const mentionsSchema = z.array(objectIdSchema).max(20, 'at most 20 people').nullish();

const createSchema = z.object({
  documentId: objectIdSchema,
  body: bodySchema,
  mentionIds: mentionsSchema,
  anchor: z.string().max(2_000).nullish(),
  quote: z.string().max(2_000).nullish(),
  visibility: z.enum(COMMENT_VISIBILITIES).nullish(),
});

/**
 * The body a comment is credited to: a council member commenting on a draft shared with their
 * council (or on their council's statement) comments for the council.
 */
function creditedBodyId(
  actor: Actor,
  process: ProcessDoc,
  document: DocumentDoc,
): Types.ObjectId | null {
  const mine = bodyIdsOf(actor, process);
  if (document.statementOf) {
    return mine.has(String(document.statementOf.bodyId)) ? document.statementOf.bodyId : null;
  }
  return document.sharedWithBodyIds.find((id) => mine.has(String(id))) ?? null;
}

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
  const mentionIds = await checkMentions(scope, process, {
    document,
    visibility,
    authorId: String(viewer.person._id),
    mentionIds: args.mentionIds ?? [],
  });
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
        mentionIds,
        bodyId: creditedBodyId(viewer.actor, process, document),
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
  await scope.search.noteChange('thread', String(thread._id));
  await notifyComment(scope, document, thread, { mentionIds, replyTo: [] });
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

const replySchema = z.object({
  threadId: objectIdSchema,
  body: bodySchema,
  mentionIds: mentionsSchema,
});

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
  const mentionIds = await checkMentions(scope, process, {
    document,
    visibility: thread.visibility,
    authorId: String(thread.comments[0]?.authorId ?? ''),
    mentionIds: args.mentionIds ?? [],
  });
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
            mentionIds,
            bodyId: creditedBodyId(viewer.actor, process, document),
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
  await scope.search.noteChange('thread', String(updated._id));
  // Everyone who took part in the thread before hears of the reply.
  const participants = thread.comments.flatMap((c) => [
    String(c.authorId),
    ...(c.mentionIds ?? []).map(String),
  ]);
  await notifyComment(scope, document, updated, { mentionIds, replyTo: participants });
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
  await scope.search.noteChange('thread', String(updated._id));
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

/**
 * Checks the people mentioned in a comment: each must exist and be able to read the thread (by
 * the policy), so a mention never shows someone a comment they may not see.
 */
async function checkMentions(
  scope: RequestScope,
  process: ProcessDoc,
  thread: {
    document: DocumentDoc;
    visibility: CommentThreadDoc['visibility'];
    authorId: string;
    mentionIds: string[];
  },
): Promise<Types.ObjectId[]> {
  const ids = [...new Set(thread.mentionIds)];
  if (ids.length === 0) return [];
  const people = await scope.models.Person.find(
    { _id: op({ $in: ids.map((id) => new Types.ObjectId(id)) }) },
    { passwordHash: 0 },
  ).lean<PersonDoc[]>();
  const resource = {
    type: 'thread' as const,
    document: toDocumentFacts(thread.document),
    visibility: thread.visibility,
    authorId: thread.authorId,
  };
  for (const id of ids) {
    const person = people.find((p) => String(p._id) === id);
    if (!person || !canSee(toActor(person), process, resource)) {
      throw new DomainError('invalid-input', `mentionIds: ${id} cannot read this comment`, [
        { path: 'mentionIds', message: 'every mentioned person must be able to read the comment' },
      ]);
    }
  }
  return ids.map((id) => new Types.ObjectId(id));
}

/** Notifies the people mentioned in the newest comment, and the thread's earlier participants. */
async function notifyComment(
  scope: RequestScope,
  document: DocumentDoc,
  thread: CommentThreadDoc,
  who: { mentionIds: Types.ObjectId[]; replyTo: string[] },
): Promise<void> {
  const viewer = requireViewer(scope);
  const comment = thread.comments[thread.comments.length - 1];
  if (!comment) return;
  const ref = {
    document: { id: String(document._id), title: document.title },
    threadId: String(thread._id),
    commentId: String(comment._id),
    excerpt: comment.body,
  };
  const base = {
    actor: { id: String(viewer.person._id), name: viewer.person.name },
    processId: String(thread.processId),
  };
  const mentioned = who.mentionIds.map(String);
  await notify(scope, { ...base, recipientIds: mentioned }, { kind: 'mention', comment: ref });
  if (who.replyTo.length === 0) return;
  // Participants may have lost access since; the policy decides with their current rights.
  const process = await scope.loaders.process.load(String(thread.processId));
  if (!process) return;
  const others = [...new Set(who.replyTo)].filter((id) => !mentioned.includes(id));
  const people = await scope.models.Person.find(
    { _id: op({ $in: others.map((id) => new Types.ObjectId(id)) }) },
    { passwordHash: 0 },
  ).lean<PersonDoc[]>();
  const resource = threadResource(document, thread);
  const recipients = people
    .filter((p) => canSee(toActor(p), process, resource))
    .map((p) => String(p._id));
  await notify(scope, { ...base, recipientIds: recipients }, { kind: 'reply', comment: ref });
}

const candidatesSchema = z.object({
  documentId: objectIdSchema,
  visibility: z.enum(COMMENT_VISIBILITIES),
  search: z.string().trim().max(100, 'must have at most 100 characters').nullish(),
});

/**
 * People who could read a comment of the given visibility on a document, for the @-mention
 * picker: by the policy, at most 10, names matching the search (umlaut-insensitive).
 */
export async function listMentionCandidates(
  scope: RequestScope,
  input: unknown,
): Promise<PersonDoc[]> {
  const viewer = requireViewer(scope);
  const args = parseInput(candidatesSchema, input);
  const { document, process } = await loadVisibleDocument(scope, args.documentId);
  const resource = {
    type: 'thread' as const,
    document: toDocumentFacts(document),
    visibility: args.visibility,
    authorId: String(viewer.person._id),
  };
  const people = await scope.models.Person.find({ status: 'active' }, { passwordHash: 0 })
    .sort({ name: 1 })
    .limit(2000)
    .lean<PersonDoc[]>();
  const fold = (s: string) =>
    s
      .toLocaleLowerCase('de')
      .normalize('NFD')
      .replace(/\p{M}+/gu, '');
  const needle = args.search ? fold(args.search) : '';
  const result: PersonDoc[] = [];
  for (const person of people) {
    if (String(person._id) === viewer.actor.personId) continue;
    if (
      needle &&
      !fold(person.name)
        .split(/\s+/)
        .some((w) => w.startsWith(needle)) &&
      !fold(person.name).startsWith(needle)
    )
      continue;
    if (!canSee(toActor(person), process, resource)) continue;
    result.push(person);
    if (result.length >= 10) break;
  }
  for (const p of result) scope.loaders.person.prime(String(p._id), p);
  return result;
}
