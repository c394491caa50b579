import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { toGraphQLEnum } from '../../validation';
import { assembleWork } from '../work/work.service';
import { loadDashboard } from './dashboard.service';

/** Resolvers of the start page. */
export const dashboardResolvers: Resolvers = {
  Query: {
    dashboard: (_p, { processId }, { scope }) => loadDashboard(scope, processId),
  },
  Dashboard: {
    actionFields: (d) => d.actionFields,
    myWork: (d) => assembleWork(d.work),
  },
  ActionFieldSummary: {
    actionField: (s) => ({ field: s.field, process: s.process }),
    viewerSeesInside: (s) => s.seesInside,
    documentCounts: (s) =>
      s.documentCounts.map((c) => ({ status: toGraphQLEnum(c.status), count: c.count })),
  },
};
