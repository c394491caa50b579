import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { createMilestone, updateMilestone } from './milestone.service';

/** Resolvers of milestone changes (reading is part of Process and ActionField). */
export const milestoneResolvers: Resolvers = {
  Mutation: {
    createMilestone: async (_p, { input }, { scope }) => ({
      milestone: await createMilestone(scope, input),
    }),
    updateMilestone: async (_p, { input }, { scope }) => ({
      milestone: await updateMilestone(scope, input),
    }),
  },
};
