import type { DocumentContent, ResolvePassagesRequest, ResolvedPassage } from '@lip/common';
import type { Schema } from '@tiptap/pm/model';
import { toDocumentContent } from '../persistence/projection';
import type { LiveDocument, VersionsService } from '../versions/versions.service';
import { createPassageReader, resolvePassages } from './passages';

/**
 * Reading content for other features (review rounds, measures, exports): the live content as
 * ProseMirror JSON, text and HTML, and where anchored passages are now. The document is held in
 * memory while it is read, and loaded from the database when nobody has it open.
 */
export function createContentService(deps: {
  openDocument: (documentId: string) => Promise<LiveDocument>;
  versions: () => Promise<VersionsService>;
  schema: Schema;
}) {
  async function withDocument<T>(documentId: string, use: (doc: LiveDocument) => T): Promise<T> {
    const doc = await deps.openDocument(documentId);
    const release = doc.hold();
    try {
      return use(doc);
    } finally {
      release();
    }
  }

  return {
    async documentContent(documentId: string): Promise<DocumentContent> {
      return withDocument(documentId, (doc) => toDocumentContent(doc.ydoc, deps.schema));
    },

    /**
     * Resolves anchors (taken in the version `versionId`, when given) against the live content;
     * the frozen text comes from that version, else from the anchor's quote.
     */
    async passages(
      documentId: string,
      request: ResolvePassagesRequest,
    ): Promise<ResolvedPassage[]> {
      let frozenTexts: Array<string | undefined> = [];
      if (request.versionId) {
        const versions = await deps.versions();
        frozenTexts = await versions.withVersionDoc(documentId, request.versionId, (versionDoc) => {
          const reader = createPassageReader(versionDoc, deps.schema);
          return request.anchors.map((anchor) => reader.textAt(anchor));
        });
      }
      return withDocument(documentId, (doc) =>
        resolvePassages(
          createPassageReader(doc.ydoc, deps.schema),
          request.anchors,
          (_anchor, index) => frozenTexts[index],
        ),
      );
    },
  };
}

/** The content service of one collab server. */
export type ContentService = ReturnType<typeof createContentService>;
