import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { toGraphQLEnum } from '../../validation';
import { loadMyWork } from './work.service';

/** Resolvers of the viewer's work list. */
export const workResolvers: Resolvers = {
  Query: {
    myWork: (_p, { processId }, { scope }) => loadMyWork(scope, processId),
  },
  MyWork: {
    roles: (w) => w.roles.map((role) => toGraphQLEnum(role)),
    items: (w) => w.items.map((item) => ({ item, process: w.process })),
  },
  WorkItem: {
    id: (p) => p.item.id,
    kind: (p) => toGraphQLEnum(p.item.kind),
    role: (p) => toGraphQLEnum(p.item.role),
    title: (p) => p.item.title,
    context: (p) => p.item.context,
    actionField: (p) => {
      const field = p.process.actionFields.find((a) => a.key === p.item.actionFieldKey);
      return field ? { field, process: p.process } : null;
    },
    dueAt: (p) => p.item.dueAt,
    overdue: (p) => p.item.overdue,
    count: (p) => p.item.count,
    link: (p) => p.item.link,
  },
};
