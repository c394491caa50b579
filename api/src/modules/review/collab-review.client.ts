import type { ReviewPassageStatus } from '@lip/common';
import { op } from '../../db/connection';
import { DomainError } from '../../errors';
import type { RequestScope } from '../../scope';
import type { DocumentDoc } from '../document/document.model';
import { callCollab, collabBaseUrl } from '../versions/versions.service';
import { collabInternalToken } from '@lip/common/server';

/**
 * What the review workflow asks of the collab server, through its internal endpoints
 * (docs/review-and-measures.md): freeze a document as a named version, read a version (its
 * text, HTML and Yjs state, so a browser can open it read-only), and resolve remark anchors to
 * their frozen and current text. The API checks its policy before calling any of these.
 */

/** A frozen version as the review pages show it. */
export interface FrozenVersion {
  versionId: string;
  label: string;
  html: string;
  text: string;
  /** The version's Yjs update, base64. */
  state: string;
}

/** Saves the live content of a document as a named version; returns the version id. */
export async function freezeDocument(
  scope: RequestScope,
  documentId: string,
  label: string,
  by: { personId: string; name: string },
): Promise<string> {
  const body = await callCollab<{ version: { id: string } }>(
    scope,
    `/internal/documents/${documentId}/versions`,
    { method: 'POST', body: { label: label.slice(0, 200), personId: by.personId, name: by.name } },
  );
  if (!body) throw new DomainError('collab-unavailable', `document ${documentId} not found`);
  return body.version.id;
}

/** A frozen version's content, or null when the collab server does not know it. */
export async function readFrozenVersion(
  scope: RequestScope,
  documentId: string,
  versionId: string,
): Promise<FrozenVersion | null> {
  const body = await callCollab<{
    version: { id: string; label: string };
    html: string;
    text: string;
    state?: string;
  }>(scope, `/internal/documents/${documentId}/versions/${versionId}`);
  if (!body) return null;
  return {
    versionId: body.version.id,
    label: body.version.label,
    html: body.html,
    text: body.text,
    state: body.state ?? '',
  };
}

/** One remark anchor, as the passages endpoint takes it. */
export interface PassageAnchor {
  /** Yjs relative positions (base64) of the passage's start and end, when the remark has them. */
  start: string | null;
  end: string | null;
  quote: string;
}

/** Where one anchored passage stands: its text in the frozen version and in the live draft. */
export interface PassageResult {
  status: ReviewPassageStatus;
  frozenText: string | null;
  currentText: string | null;
}

/**
 * Splits a stored editor anchor (`{"v":1,"from":…,"to":…}`, see web/src/editor/anchors.ts)
 * into the start and end the passages endpoint takes; nulls when it is not in that shape.
 */
export function toPassageAnchor(anchor: string | null, quote: string | null): PassageAnchor {
  let start: string | null = null;
  let end: string | null = null;
  if (anchor) {
    try {
      const parsed = JSON.parse(anchor) as { from?: unknown; to?: unknown };
      if (typeof parsed.from === 'string' && typeof parsed.to === 'string') {
        start = parsed.from;
        end = parsed.to;
      }
    } catch {
      // An anchor we cannot read is treated like none: the quote still finds the passage.
    }
  }
  return { start, end, quote: quote ?? '' };
}

const PASSAGES_TIMEOUT_MS = 5_000;

/**
 * Resolves anchors of one document through `POST /internal/documents/:id/passages`. Returns null
 * when the collab server does not offer the endpoint (an older collab server) or cannot be
 * reached, so the response table still shows, with passages from the projection instead.
 */
export async function resolvePassagesByCollab(
  scope: RequestScope,
  documentId: string,
  versionId: string | null,
  anchors: PassageAnchor[],
): Promise<PassageResult[] | null> {
  if (anchors.length === 0) return [];
  let response: Response;
  try {
    response = await fetch(`${collabBaseUrl(scope)}/internal/documents/${documentId}/passages`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${collabInternalToken(scope.secrets.collabSecret)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ anchors, ...(versionId ? { versionId } : {}) }),
      signal: AbortSignal.timeout(PASSAGES_TIMEOUT_MS),
    });
  } catch {
    return null;
  }
  if (!response.ok) return null;
  try {
    const body = (await response.json()) as { passages?: Partial<PassageResult>[] };
    if (!Array.isArray(body.passages) || body.passages.length !== anchors.length) return null;
    return body.passages.map((passage) => ({
      status: isPassageStatus(passage.status) ? passage.status : 'unknown',
      frozenText: typeof passage.frozenText === 'string' ? passage.frozenText : null,
      currentText: typeof passage.currentText === 'string' ? passage.currentText : null,
    }));
  } catch {
    return null;
  }
}

function isPassageStatus(value: unknown): value is ReviewPassageStatus {
  return (
    value === 'found' || value === 'found-by-quote' || value === 'deleted' || value === 'unknown'
  );
}

/**
 * Passages of several documents: the collab server answers per document (one request each, in
 * parallel); for a document it cannot answer, the quote is looked up in the stored text
 * projection (one database query for all of them): found there means unchanged, otherwise the
 * state of the passage is unknown.
 */
export async function resolvePassages(
  scope: RequestScope,
  requests: { documentId: string; versionId: string | null; anchors: PassageAnchor[] }[],
): Promise<Map<string, PassageResult[]>> {
  const answers = await Promise.all(
    requests.map((r) => resolvePassagesByCollab(scope, r.documentId, r.versionId, r.anchors)),
  );
  const result = new Map<string, PassageResult[]>();
  const missing: typeof requests = [];
  requests.forEach((request, index) => {
    const answer = answers[index];
    if (answer) result.set(request.documentId, answer);
    else missing.push(request);
  });
  if (missing.length > 0) {
    const rows = await scope.models.Document.find(
      { _id: op({ $in: missing.map((m) => m.documentId) }) },
      { contentText: 1 },
    ).lean<Pick<DocumentDoc, '_id' | 'contentText'>[]>();
    const texts = new Map(rows.map((row) => [String(row._id), row.contentText ?? '']));
    for (const request of missing) {
      const text = normalise(texts.get(request.documentId) ?? '');
      result.set(
        request.documentId,
        request.anchors.map((anchor) => {
          const quote = anchor.quote.trim();
          const found = quote.length > 0 && text.includes(normalise(quote));
          return found
            ? { status: 'found-by-quote', frozenText: quote, currentText: quote }
            : { status: 'unknown', frozenText: quote || null, currentText: null };
        }),
      );
    }
  }
  return result;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
