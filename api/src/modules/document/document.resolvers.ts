import type { DocumentStatus } from '@lip/common';
import { canAct } from '../../auth/policy';
import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { notFound } from '../../errors';
import { fromGraphQLEnum, toGraphQLEnum } from '../../validation';
import { listActivity } from '../activity/activity.service';
import type { BodyDoc } from '../process/process.model';
import {
  countVisibleThreads,
  createDocument,
  findDocument,
  issueCollabTicket,
  listDocuments,
  loadDocumentContent,
  modeFor,
  toDocumentFacts,
  updateDocument,
} from './document.service';
import { lastSeenByDocument, markDocumentSeen } from './document-visit.service';

/** Resolvers of documents and collab tickets (the review workflow writes their status). */
export const documentResolvers: Resolvers = {
  Query: {
    document: (_p, { id }, { scope }) => findDocument(scope, id),
    documents: (_p, { actionFieldKey, status, processId }, { scope }) =>
      listDocuments(scope, {
        actionFieldKey,
        processId,
        status: status ? fromGraphQLEnum<DocumentStatus>(status) : null,
      }),
  },
  Mutation: {
    createDocument: async (_p, { input }, { scope }) => ({
      document: await createDocument(scope, { ...input, kind: fromGraphQLEnum(input.kind) }),
    }),
    updateDocument: async (_p, { input }, { scope }) => ({
      document: await updateDocument(scope, {
        ...input,
        kind: input.kind ? fromGraphQLEnum(input.kind) : null,
      }),
    }),
    markDocumentSeen: async (_p, { documentId }, { scope }) => {
      const seenAt = await markDocumentSeen(scope, documentId);
      const document = await findDocument(scope, documentId);
      if (!document) throw notFound('document');
      return { document, seenAt };
    },
    collabTicket: async (_p, { documentId }, { scope }) => {
      const ticket = await issueCollabTicket(scope, documentId);
      return { ...ticket, mode: toGraphQLEnum(ticket.mode) };
    },
  },
  Document: {
    id: (d) => String(d._id),
    processId: (d) => String(d.processId),
    kind: (d) => toGraphQLEnum(d.kind),
    status: (d) => toGraphQLEnum(d.status),
    group: async (d, _a, { scope }) => {
      const process = await scope.loaders.process.load(String(d.processId));
      const group = process?.groups.find((g) => String(g._id) === String(d.groupId));
      if (!process || !group) throw notFound('group');
      return { group, process };
    },
    sharedWith: async (d, _a, { scope }) => {
      const process = await scope.loaders.process.load(String(d.processId));
      const ids = d.sharedWithBodyIds.map(String);
      return process?.bodies.filter((b: BodyDoc) => ids.includes(String(b._id))) ?? [];
    },
    // List queries leave the content out; read it only when a client asks for it.
    contentText: async (d, _a, { scope }) =>
      (d.contentText !== undefined
        ? d.contentText
        : (await loadDocumentContent(scope, d._id)).contentText) ?? null,
    contentHtml: async (d, _a, { scope }) =>
      (d.contentHtml !== undefined
        ? d.contentHtml
        : (await loadDocumentContent(scope, d._id)).contentHtml) ?? null,
    contentUpdatedAt: async (d, _a, { scope }) =>
      (d.contentUpdatedAt !== undefined
        ? d.contentUpdatedAt
        : (await loadDocumentContent(scope, d._id)).contentUpdatedAt) ?? null,
    createdBy: (d, _a, { scope }) =>
      d.createdById ? scope.loaders.person.load(String(d.createdById)) : null,
    viewerMode: async (d, _a, { scope }) => {
      const process = await scope.loaders.process.load(String(d.processId));
      if (!process) throw notFound('process');
      return toGraphQLEnum(modeFor(scope, process, d));
    },
    viewerCanEdit: async (d, _a, { scope }) => {
      const process = await scope.loaders.process.load(String(d.processId));
      return (
        !!process &&
        !!scope.viewer &&
        canAct(scope.viewer.actor, 'editDocument', process, {
          type: 'document',
          document: toDocumentFacts(d),
        })
      );
    },
    viewerCanComment: async (d, _a, { scope }) => {
      const process = await scope.loaders.process.load(String(d.processId));
      return (
        !!process &&
        !!scope.viewer &&
        canAct(scope.viewer.actor, 'comment', process, {
          type: 'document',
          document: toDocumentFacts(d),
        })
      );
    },
    commentCount: (d, _a, { scope }) => countVisibleThreads(scope, d),
    viewerLastSeenAt: async (d, _a, { scope }) =>
      (await lastSeenByDocument(scope, [d._id])).get(String(d._id)) ?? null,
    activity: async (d, { first, after }, { scope }) => {
      const page = await listActivity(scope, {
        processId: String(d.processId),
        documentId: String(d._id),
        first,
        after,
      });
      return {
        nodes: page.nodes,
        edges: page.nodes.map((node) => ({ cursor: String(node._id), node })),
        pageInfo: {
          hasNextPage: page.hasNextPage,
          endCursor: page.nodes.length ? String(page.nodes[page.nodes.length - 1]?._id) : null,
        },
      };
    },
  },
};
