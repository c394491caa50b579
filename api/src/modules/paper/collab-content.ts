import { collabInternalToken } from '@lip/common/server';
import { Types } from 'mongoose';
import { DomainError } from '../../errors';
import type { RequestScope } from '../../scope';

/**
 * A document's content as the collab server renders it from the stored Yjs state: ProseMirror
 * JSON (the editor schema), plain text and HTML. `doc` is null when only the text is known (see
 * {@link CollabContentSource}); `source` says which path answered.
 */
export interface DocumentContent {
  doc: unknown | null;
  text: string;
  html: string;
  source: 'collab' | 'seed' | 'projection';
}

/** A named version as the collab server lists it. */
export interface VersionRef {
  id: string;
  label: string;
  createdAt: string;
}

/**
 * What the paper, comparisons and exports need from the collab server, behind one interface so
 * the transport can change: the live content, a named version's content, and taking a named
 * version. Callers authorize first (the policy); this client does not.
 *
 * Contract (docs/review-and-measures.md): `GET /internal/documents/:id/content` and
 * `GET …/versions/:versionId/content` answer `{doc, text, html}`. Until a collab server offers
 * them (it answers 404 "no such endpoint"), the live content falls back to the document's
 * `seedContent` while it was never edited, else to the collab server's text projection; a
 * version falls back to the text of `GET …/versions/:versionId`. Both fallbacks keep the words
 * and paragraphs but lose headings, lists and marks. The live fallback is also used while the
 * collab server cannot be reached.
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

/** Bounded so a hung collab server cannot hold an edition or export forever. */
const TIMEOUT_MS = 30_000;

interface CallResult {
  status: number;
  body: unknown;
}

function isMissingEndpoint(result: CallResult): boolean {
  const error = (result.body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return (
    result.status === 404 && error?.code === 'NOT_FOUND' && error.message === 'no such endpoint'
  );
}

function contentOf(body: unknown, source: DocumentContent['source']): DocumentContent {
  const value = (body ?? {}) as Record<string, unknown>;
  const doc = value.doc ?? value.json ?? value.content ?? null;
  return {
    doc: typeof doc === 'object' ? doc : null,
    text: typeof value.text === 'string' ? value.text : '',
    html: typeof value.html === 'string' ? value.html : '',
    source,
  };
}

/** The collab content source of the API's configuration (internal URL and shared secret). */
export function collabContentSource(
  scope: Pick<RequestScope, 'config' | 'secrets' | 'models'>,
): CollabContentSource {
  const base = scope.config.collabInternalUrl ?? `http://127.0.0.1:${scope.config.collabPort}`;

  async function call(
    path: string,
    init: { method: 'GET' | 'POST'; body?: unknown } = { method: 'GET' },
  ): Promise<CallResult> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method: init.method,
        headers: {
          authorization: `Bearer ${collabInternalToken(scope.secrets.collabSecret)}`,
          'content-type': 'application/json',
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      throw new DomainError('conflict', 'collab-unavailable');
    }
    const body: unknown = await response.json().catch(() => null);
    return { status: response.status, body };
  }

  function failed(result: CallResult): DomainError {
    if (result.status === 400)
      return new DomainError('invalid-input', 'collab rejected the request');
    return new DomainError('conflict', `collab-status-${result.status}`);
  }

  return {
    async live(documentId) {
      let result: CallResult | null;
      try {
        result = await call(`/internal/documents/${documentId}/content`);
      } catch {
        // The collab server is unreachable: read what the database holds rather than nothing.
        result = null;
      }
      if (result?.status === 200) return contentOf(result.body, 'collab');
      if (result && !isMissingEndpoint(result)) throw failed(result);
      const row = await scope.models.Document.findOne(
        { _id: new Types.ObjectId(documentId) },
        { seedContent: 1, contentText: 1, contentHtml: 1, contentUpdatedAt: 1 },
      ).lean<{
        seedContent?: unknown;
        contentText?: string | null;
        contentHtml?: string | null;
        contentUpdatedAt?: Date | null;
      }>();
      if (!row?.contentUpdatedAt && row?.seedContent && typeof row.seedContent === 'object') {
        return { doc: row.seedContent, text: '', html: '', source: 'seed' };
      }
      return {
        doc: null,
        text: row?.contentText ?? '',
        html: row?.contentHtml ?? '',
        source: 'projection',
      };
    },

    async version(documentId, versionId) {
      const path = `/internal/documents/${documentId}/versions/${versionId}`;
      const result = await call(`${path}/content`);
      if (result.status === 200) return contentOf(result.body, 'collab');
      if (!isMissingEndpoint(result)) {
        if (result.status === 404) return null;
        throw failed(result);
      }
      const view = await call(path);
      if (view.status === 404) return null;
      if (view.status !== 200) throw failed(view);
      const body = view.body as { text?: unknown; html?: unknown };
      return {
        doc: null,
        text: typeof body.text === 'string' ? body.text : '',
        html: typeof body.html === 'string' ? body.html : '',
        source: 'projection',
      };
    },

    async createVersion(documentId, label, by) {
      const result = await call(`/internal/documents/${documentId}/versions`, {
        method: 'POST',
        body: { label, personId: by.personId, name: by.name },
      });
      if (result.status !== 201 && result.status !== 200) throw failed(result);
      const version = (result.body as { version?: VersionRef } | null)?.version;
      if (!version) throw failed(result);
      return { id: version.id, label: version.label, createdAt: version.createdAt };
    },
  };
}
