import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { toGraphQLEnum } from '../../validation';
import type { ExportFormat, ExportTargetKind } from './export.model';
import { exportFormats, findExportJob, listExportJobs, requestExport } from './export.service';

const upper = <T extends string>(value: string) => value.toUpperCase() as T;

/** Resolvers of export jobs; the file itself is served over HTTP (`export.routes.ts`). */
export const exportResolvers: Resolvers = {
  Query: {
    exportFormats: async (_p, _a, { scope }) =>
      (await exportFormats(scope.office)).map((f) => ({ ...f, format: upper(f.format) })),
    exportJob: (_p, { id }, { scope }) => findExportJob(scope, id),
    exportJobs: (_p, _a, { scope }) => listExportJobs(scope),
  },
  Mutation: {
    requestExport: async (_p, { input }, { scope }) => ({
      job: await requestExport(scope, {
        target: { ...input.target, kind: input.target.kind.toLowerCase() as ExportTargetKind },
        format: input.format.toLowerCase() as ExportFormat,
      }),
    }),
  },
  ExportJob: {
    id: (j) => String(j._id),
    format: (j) => upper(j.format),
    targetKind: (j) => upper(j.target.kind),
    status: (j) => toGraphQLEnum(j.status),
    error: (j, _a, { scope }) => (j.error ? j.error[scope.locale] : null),
    errorCode: (j) => j.error?.code ?? null,
    downloadUrl: (j) => (j.status === 'done' ? `/exports/${String(j._id)}/download` : null),
  },
};
