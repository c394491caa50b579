import {
  PASSAGE_LIMITS,
  type PassageAnchor as CollabAnchor,
  type ReviewPassageStatus,
} from '@lip/common';
import { op } from '../../db/connection';
import { DomainError } from '../../errors';
import type { RequestScope } from '../../scope';
import type { DocumentDoc } from '../document/document.model';
import {
  collabCreateVersion,
  collabViewVersion,
  getDocumentContent,
  resolvePassages as resolveByCollab,
} from '../versions';

/**
 * What the review workflow asks of the collab server, through the versions module's typed client
 * of its internal endpoints (docs/review-and-measures.md): freeze a document as a named version,
 * read a version (its text, HTML and Yjs state, so a browser can open it read-only), and resolve
 * remark anchors to their frozen and current text. The API checks its policy before calling.
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

/** Whether an error is the client's "collab server unreachable or failing" (try again). */
function isCollabFailure(error: unknown): boolean {
  return (
    error instanceof DomainError && error.code === 'conflict' && /^collab-/.test(error.message)
  );
}

/** Saves the live content of a document as a named version; returns the version id. */
export async function freezeDocument(
  scope: RequestScope,
  documentId: string,
  label: string,
  by: { personId: string; name: string },
): Promise<string> {
  let version;
  try {
    version = await collabCreateVersion(scope, documentId, {
      label: label.slice(0, 200),
      personId: by.personId,
      name: by.name,
    });
  } catch (error) {
    if (isCollabFailure(error)) throw new DomainError('collab-unavailable', 'freezing a version');
    throw error;
  }
  if (!version) throw new DomainError('collab-unavailable', `document ${documentId} not found`);
  return version.id;
}

/** A frozen version's content, or null when the collab server does not know it. */
export async function readFrozenVersion(
  scope: RequestScope,
  documentId: string,
  versionId: string,
): Promise<FrozenVersion | null> {
  const view = await collabViewVersion(scope, documentId, versionId);
  if (!view) return null;
  return {
    versionId: view.version.id,
    label: view.version.label,
    html: view.html,
    text: view.text,
    state: view.state,
  };
}

/** One remark anchor: Yjs relative positions when the remark has them, and its quote. */
export interface PassageAnchor {
  /** Yjs relative positions (base64) of the passage's start and end. */
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

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * One document's passages from the collab server: anchors with positions through
 * `POST …/passages` (in chunks of its limit), quote-only anchors (remarks made without a
 * selection, older remarks) against the live text. Null when the collab server cannot answer.
 */
async function resolveDocumentPassages(
  scope: RequestScope,
  documentId: string,
  versionId: string | null,
  anchors: PassageAnchor[],
): Promise<PassageResult[] | null> {
  const results: PassageResult[] = new Array<PassageResult>(anchors.length);
  const positioned: { index: number; anchor: CollabAnchor }[] = [];
  const quoteOnly: number[] = [];
  anchors.forEach((anchor, index) => {
    const quote = anchor.quote.slice(0, PASSAGE_LIMITS.maxQuoteLength);
    if (anchor.start && anchor.end) {
      positioned.push({ index, anchor: { start: anchor.start, end: anchor.end, quote } });
    } else {
      quoteOnly.push(index);
    }
  });
  try {
    for (let from = 0; from < positioned.length; from += PASSAGE_LIMITS.maxAnchors) {
      const chunk = positioned.slice(from, from + PASSAGE_LIMITS.maxAnchors);
      const answer = await resolveByCollab(scope, documentId, {
        anchors: chunk.map((c) => c.anchor),
        ...(versionId ? { versionId } : {}),
      });
      chunk.forEach((c, i) => {
        const passage = answer[i];
        results[c.index] = passage
          ? {
              status: passage.status,
              frozenText: passage.frozenText,
              currentText: passage.currentText,
            }
          : { status: 'unknown', frozenText: c.anchor.quote || null, currentText: null };
      });
    }
    if (quoteOnly.length > 0) {
      const live = normalise((await getDocumentContent(scope, documentId)).text);
      for (const index of quoteOnly) {
        const quote = normalise(anchors[index]?.quote ?? '');
        results[index] =
          quote.length > 0 && live.includes(quote)
            ? { status: 'found-by-quote', frozenText: quote, currentText: quote }
            : {
                status: quote ? 'deleted' : 'unknown',
                frozenText: quote || null,
                currentText: null,
              };
      }
    }
  } catch (error) {
    // Unreachable, failing, or no such document or version: the caller falls back.
    if (error instanceof DomainError) return null;
    throw error;
  }
  return results;
}

/**
 * Passages of several documents: the collab server answers per document (in parallel); for a
 * document it cannot answer, the quote is looked up in the stored text projection (one database
 * query for all of them): found there means unchanged, otherwise the passage is `unknown`.
 */
export async function resolvePassages(
  scope: RequestScope,
  requests: { documentId: string; versionId: string | null; anchors: PassageAnchor[] }[],
): Promise<Map<string, PassageResult[]>> {
  const answers = await Promise.all(
    requests.map((r) =>
      r.anchors.length === 0
        ? Promise.resolve([])
        : resolveDocumentPassages(scope, r.documentId, r.versionId, r.anchors),
    ),
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
