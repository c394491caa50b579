import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { requireViewer } from '../../scope';
import { findProcess, listProcesses } from './process.service';

/** Resolvers of processes and their budget (any signed-in person may read the structure). */
export const processResolvers: Resolvers = {
  Query: {
    process: (_p, { id }, { scope }) => {
      requireViewer(scope);
      return findProcess(scope, id);
    },
    processes: (_p, _a, { scope }) => {
      requireViewer(scope);
      return listProcesses(scope);
    },
  },
  Process: {
    id: (p) => String(p._id),
    actionFields: (p) =>
      [...p.actionFields].sort((a, b) => a.order - b.order).map((field) => ({ field, process: p })),
    milestones: (p) => [...p.milestones].sort((a, b) => a.date.getTime() - b.date.getTime()),
    bodies: (p) => p.bodies,
  },
  BudgetLine: {
    id: (b) => String(b._id),
  },
  Milestone: {
    id: (m) => String(m._id),
    actionFieldKey: (m) => m.actionFieldKey ?? null,
  },
};
