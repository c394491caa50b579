import type { Resolvers } from '../../graphql/generated/resolvers-types';
import {
  canManageMilestone,
  canManageMilestonesOf,
  createMilestone,
  deleteMilestone,
  updateMilestone,
} from './milestone.service';

/** Resolvers of milestone changes and rights (reading is part of Process and ActionField). */
export const milestoneResolvers: Resolvers = {
  Mutation: {
    createMilestone: async (_p, { input }, { scope }) => ({
      milestone: await createMilestone(scope, input),
    }),
    updateMilestone: async (_p, { input }, { scope }) => ({
      milestone: await updateMilestone(scope, input),
    }),
    deleteMilestone: async (_p, { milestoneId }, { scope }) => ({
      deletedMilestoneId: await deleteMilestone(scope, milestoneId),
    }),
  },
  Milestone: {
    viewerCanManage: (m, _a, { scope }) => canManageMilestone(scope, m),
  },
  Process: {
    viewerCanManageMilestones: (p, _a, { scope }) => canManageMilestonesOf(scope, p, null),
  },
  ActionField: {
    viewerCanManageMilestones: (p, _a, { scope }) =>
      canManageMilestonesOf(scope, p.process, p.field.key),
  },
};
