import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { notFound } from '../../errors';
import { fromGraphQLEnum, toGraphQLEnum } from '../../validation';
import type { CommentChangeEvent } from './comment.events';
import { filterAsync } from '../../pubsub/filter';
import type { PersonDoc } from '../person/person.model';
import {
  canReceiveCommentChange,
  commentSubscriptionTopic,
  createThread,
  listMentionCandidates,
  listThreads,
  replyToThread,
  setThreadResolved,
  threadCapabilities,
} from './comment.service';

/** Resolvers of comment threads on documents. */
export const commentResolvers: Resolvers = {
  Query: {
    comments: (_p, { documentId, includeResolved }, { scope }) =>
      listThreads(scope, documentId, includeResolved ?? true),
    mentionCandidates: (_p, { documentId, visibility, search }, { scope }) =>
      listMentionCandidates(scope, { documentId, visibility: fromGraphQLEnum(visibility), search }),
  },
  Mutation: {
    createComment: async (_p, { input }, { scope }) => ({
      thread: await createThread(scope, {
        ...input,
        visibility: input.visibility ? fromGraphQLEnum(input.visibility) : null,
      }),
    }),
    replyToComment: async (_p, { input }, { scope }) => ({
      thread: await replyToThread(scope, input),
    }),
    resolveComment: async (_p, { threadId }, { scope }) => ({
      thread: await setThreadResolved(scope, threadId, true),
    }),
    reopenComment: async (_p, { threadId }, { scope }) => ({
      thread: await setThreadResolved(scope, threadId, false),
    }),
  },
  Subscription: {
    commentChanged: {
      subscribe: async (_p, { documentId }, { scope }) => {
        const topic = await commentSubscriptionTopic(scope, documentId);
        return filterAsync(scope.pubsub.subscribe<CommentChangeEvent>(topic), (event) =>
          canReceiveCommentChange(scope, event),
        );
      },
      resolve: (event: CommentChangeEvent) => event,
    },
  },
  CommentChange: {
    kind: (e) => e.kind,
    thread: (e) => e.thread,
  },
  CommentThread: {
    id: (t) => String(t._id),
    documentId: (t) => String(t.documentId),
    visibility: (t) => toGraphQLEnum(t.visibility),
    resolvedBy: (t, _a, { scope }) =>
      t.resolvedById ? scope.loaders.person.load(String(t.resolvedById)) : null,
    comments: (t) => t.comments,
    viewerCanReply: async (t, _a, { scope }) => (await threadCapabilities(scope, t)).reply,
    viewerCanResolve: async (t, _a, { scope }) => (await threadCapabilities(scope, t)).resolve,
  },
  Comment: {
    id: (c) => String(c._id),
    author: async (c, _a, { scope }) => {
      const person = await scope.loaders.person.load(String(c.authorId));
      if (!person) throw notFound('person');
      return person;
    },
    organisation: (c, _a, { scope }) =>
      c.organisationId ? scope.loaders.organisation.load(String(c.organisationId)) : null,
    mentions: async (c, _a, { scope }) => {
      const people = await scope.loaders.person.loadMany((c.mentionIds ?? []).map(String));
      return people.filter((p): p is PersonDoc => p !== null && !(p instanceof Error));
    },
    onBehalfOf: async (c, _a, { scope }) => {
      if (!c.bodyId) return null;
      const process = await scope.loaders.currentProcess();
      return process?.bodies.find((b) => String(b._id) === String(c.bodyId)) ?? null;
    },
  },
};
