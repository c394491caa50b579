import { canAct } from '../../auth/policy';
import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { requireViewer } from '../../scope';
import { listDocuments } from '../document/document.service';
import { findProcess } from '../process/process.service';

/** Resolvers of action fields (data of a process). */
export const actionFieldResolvers: Resolvers = {
  Query: {
    actionField: async (_p, { key, processId }, { scope }) => {
      requireViewer(scope);
      const process = await findProcess(scope, processId);
      const field = process?.actionFields.find((a) => a.key === key);
      return process && field ? { field, process } : null;
    },
  },
  ActionField: {
    key: (p) => p.field.key,
    name: (p) => p.field.name,
    description: (p) => p.field.description,
    order: (p) => p.field.order,
    group: (p) => {
      const group = p.process.groups.find((g) => g.actionFieldKey === p.field.key);
      return group ? { group, process: p.process } : null;
    },
    documents: (p, _a, { scope }) =>
      listDocuments(scope, { actionFieldKey: p.field.key, processId: String(p.process._id) }),
    milestones: (p) =>
      p.process.milestones
        .filter((m) => m.actionFieldKey === p.field.key)
        .sort((a, b) => a.date.getTime() - b.date.getTime()),
    viewerCanManage: (p, _a, { scope }) =>
      scope.viewer !== null &&
      canAct(scope.viewer.actor, 'manageGroup', p.process, {
        type: 'actionField',
        key: p.field.key,
      }),
    viewerCanCreateDocument: (p, _a, { scope }) =>
      scope.viewer !== null &&
      canAct(scope.viewer.actor, 'createDocument', p.process, {
        type: 'actionField',
        key: p.field.key,
      }),
    viewerCanWorkOnTasks: (p, _a, { scope }) =>
      scope.viewer !== null &&
      canAct(scope.viewer.actor, 'workOnTasks', p.process, {
        type: 'actionField',
        key: p.field.key,
      }),
  },
};
