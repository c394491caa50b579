import type { Resolvers } from '../../graphql/generated/resolvers-types';
import {
  createVersion,
  listVersions,
  restoreVersion,
  viewVersion,
  type VersionSummary,
} from './versions.service';

function toDocumentVersion(v: VersionSummary) {
  return {
    id: v.id,
    documentId: v.documentId,
    label: v.label,
    createdById: v.createdBy.personId,
    createdByName: v.createdBy.name,
    createdAt: v.createdAt,
  };
}

/** Resolvers of named document versions; the collab server holds the content. */
export const versionsResolvers: Resolvers = {
  Query: {
    documentVersions: async (_p, { documentId }, { scope }) =>
      (await listVersions(scope, documentId)).map(toDocumentVersion),
    documentVersion: async (_p, { documentId, versionId }, { scope }) => {
      const found = await viewVersion(scope, documentId, versionId);
      return found
        ? { version: toDocumentVersion(found.version), html: found.html, text: found.text }
        : null;
    },
  },
  Mutation: {
    createDocumentVersion: async (_p, { input }, { scope }) => ({
      version: toDocumentVersion(await createVersion(scope, input.documentId, input.label)),
    }),
    restoreDocumentVersion: async (_p, { input }, { scope }) => ({
      version: toDocumentVersion(await restoreVersion(scope, input.documentId, input.versionId)),
    }),
  },
};
