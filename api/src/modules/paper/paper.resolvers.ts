import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { renderHtml } from '../export';
import { partAnchor, type ResolvedPart } from './paper.document';
import {
  createEdition,
  documentContent,
  listEditions,
  loadEdition,
  loadPaper,
  outlineEntries,
  readPaper,
  updatePaper,
  viewerManagesPaper,
} from './paper.service';
import { DomainError } from '../../errors';
import { findMeasure, measureSheetFields } from '../measure';
import type { OutlineEntryKind } from './paper.model';

type Kind = 'PART' | 'DOCUMENT' | 'MEASURE' | 'MEASURES';
const kindOf = (kind: OutlineEntryKind) => kind.toUpperCase() as Kind;

function toPart(part: ResolvedPart) {
  return {
    entryId: part.entryId,
    kind: kindOf(part.kind),
    title: part.title,
    status: part.status,
    lastChangedAt: part.lastChangedAt,
    visible: part.visible,
    missing: part.missing,
    documentId: part.documentId,
    versionId: part.versionId,
    measureId: part.measureId,
    anchor: partAnchor(part.entryId),
  };
}

/** Resolvers of the paper, its outline, reading view, editions and document contents. */
export const paperResolvers: Resolvers = {
  Query: {
    paper: async (_p, { processId }, { scope }) => loadPaper(scope, processId),
    paperReading: async (_p, { processId, editionId }, { scope }) => {
      const read = await readPaper(scope, { processId, editionId });
      const { html, toc } = renderHtml(read.document);
      const contentParts = read.parts.filter((p) => p.kind === 'document' || p.kind === 'measure');
      return {
        editionId: read.edition ? String(read.edition._id) : null,
        editionName: read.edition?.name ?? null,
        title: read.document.title,
        subtitle: read.document.titlePage?.subtitle ?? '',
        processTitle: read.process.title,
        runningHeader: read.document.runningHeader,
        date: read.document.metadata.createdAt,
        html,
        toc,
        parts: read.parts.map(toPart),
        complete: contentParts.every((p) => p.visible && !p.missing),
        hiddenParts: contentParts.filter((p) => !p.visible && !p.missing).length,
        missingParts: contentParts.filter((p) => p.missing).length,
      };
    },
    paperEdition: async (_p, { id }, { scope }) => {
      try {
        return (await loadEdition(scope, id)).edition;
      } catch (error) {
        if (error instanceof DomainError && error.code === 'not-found') return null;
        throw error;
      }
    },
    documentContent: async (_p, { documentId, versionId }, { scope }) => {
      const content = await documentContent(scope, { documentId, versionId });
      if (!content) return null;
      return {
        documentId: String(content.document._id),
        versionId: versionId ?? null,
        title: content.document.title,
        doc: content.doc ? JSON.stringify(content.doc) : null,
        text: content.text,
      };
    },
  },
  Mutation: {
    updatePaper: async (_p, { input }, { scope }) => {
      const paper = await updatePaper(scope, {
        ...input,
        outline: input.outline?.map((entry) => ({ ...entry, kind: entry.kind.toLowerCase() })),
      });
      return { paper: await loadPaper(scope, String(paper.processId)) };
    },
    createPaperEdition: async (_p, { input }, { scope }) => ({
      edition: await createEdition(scope, input),
    }),
  },
  Paper: {
    id: ({ paper }) => paper._id,
    processId: ({ paper }) => String(paper.processId),
    title: ({ paper }) => paper.title,
    subtitle: ({ paper }) => paper.subtitle,
    revision: ({ paper }) => paper.revision,
    updatedAt: ({ paper }) => paper.updatedAt,
    outline: ({ paper, process }, _a, { scope }) => outlineEntries(scope, paper, process),
    editions: ({ paper }, _a, { scope }) => listEditions(scope, paper._id),
    viewerCanManage: ({ process }, _a, { scope }) => viewerManagesPaper(scope, process),
  },
  OutlineEntry: {
    id: ({ entry }) => entry.id,
    kind: ({ entry }) => kindOf(entry.kind),
    title: ({ entry }) => entry.title,
    documentId: ({ entry }) => (entry.documentId ? String(entry.documentId) : null),
    document: ({ document }) => document,
    measureId: ({ entry }) => (entry.measureId ? String(entry.measureId) : null),
    measure: ({ measure }) => measure,
    actionFieldKey: ({ entry }) => entry.actionFieldKey,
    label: ({ label }) => label,
    missing: ({ missing }) => missing,
  },
  PaperEdition: {
    id: (e) => String(e._id),
    measureSheet: async (e, { measureId }, { scope }) => {
      const full = e.parts ? e : (await loadEdition(scope, String(e._id))).edition;
      const part = full.parts.find((p) => p.measureId && String(p.measureId) === measureId);
      if (!part?.measureSnapshot) return null;
      // Only for people who may see the measure today.
      if (!(await findMeasure(scope, measureId))) return null;
      return measureSheetFields(part.measureSnapshot, scope.locale);
    },
    parts: async (e, _a, { scope }) => {
      const full = e.parts ? e : (await loadEdition(scope, String(e._id))).edition;
      return full.parts.map((part) =>
        toPart({
          entryId: part.entryId,
          kind: part.kind,
          title: part.title,
          visible: true,
          missing: false,
          status: part.documentStatus,
          lastChangedAt: part.lastChangedAt,
          documentId: part.documentId ? String(part.documentId) : null,
          versionId: part.versionId,
          measureId: part.measureId ? String(part.measureId) : null,
          actionFieldKey: part.actionFieldKey,
          content: null,
          snapshot: null,
        }),
      );
    },
  },
};
