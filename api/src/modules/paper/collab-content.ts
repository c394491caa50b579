import { DomainError } from '../../errors';
import type { RequestScope } from '../../scope';
import {
  collabCreateVersion,
  getDocumentContent,
  getVersionContent,
} from '../versions/collab-internal.client';

/**
 * A document's content as the collab server renders it from the stored Yjs state (a never
 * edited document from its seed): ProseMirror JSON with the editor schema, plain text and HTML.
 */
export interface DocumentContent {
  doc: { type: 'doc'; content?: unknown[] };
  text: string;
  html: string;
}

/** A named version as the collab server lists it. */
export interface VersionRef {
  id: string;
  label: string;
  createdAt: string;
}

/**
 * What the paper, comparisons and exports need from the collab server: the live content, a named
 * version's content, and taking a named version. A thin layer over the typed internal client
 * (`versions/collab-internal.client.ts`) so these modules read one shape. Callers authorize
 * first (the policy); this does not. An unreachable collab server is a `conflict` (try again):
 * exports never fall back to a partial copy of the text.
 */
export interface CollabContentSource {
  live(documentId: string): Promise<DocumentContent>;
  /** Null when the version does not exist (for that document). */
  version(documentId: string, versionId: string): Promise<DocumentContent | null>;
  createVersion(
    documentId: string,
    label: string,
    by: { personId: string; name: string },
  ): Promise<VersionRef>;
}

/** The collab content source of the API's configuration (internal URL and shared secret). */
export function collabContentSource(
  scope: Pick<RequestScope, 'config' | 'secrets'>,
): CollabContentSource {
  return {
    async live(documentId) {
      const content = await getDocumentContent(scope, documentId);
      return { doc: content.json, text: content.text, html: content.html };
    },
    async version(documentId, versionId) {
      const content = await getVersionContent(scope, documentId, versionId);
      if (!content || content.version.documentId !== documentId) return null;
      return { doc: content.json, text: content.text, html: content.html };
    },
    async createVersion(documentId, label, by) {
      const version = await collabCreateVersion(scope, documentId, { label, ...by });
      if (!version) throw new DomainError('not-found', 'document');
      return { id: version.id, label: version.label, createdAt: version.createdAt };
    },
  };
}
