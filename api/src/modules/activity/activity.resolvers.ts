import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { listActivity } from './activity.service';

/** Resolvers of the activity log. */
export const activityResolvers: Resolvers = {
  Query: {
    activity: async (_p, { filter, first, after }, { scope }) => {
      const page = await listActivity(scope, { ...filter, first, after });
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
  Activity: {
    id: (a) => String(a._id),
    actor: (a, _args, { scope }) =>
      a.actorId ? scope.loaders.person.load(String(a.actorId)) : null,
    documentId: (a) => (a.documentId ? String(a.documentId) : null),
  },
};
