/**
 * The collab server's internal HTTP contract: paths and bodies of the endpoints the API calls
 * after its own policy check. They listen on the collab server's internal listener only
 * (`COLLAB_INTERNAL_HOST`/`COLLAB_INTERNAL_PORT`) and need the expiring internal bearer token
 * (`collabInternalToken` in `@lip/common/server`).
 */

/** Every internal route, by name, as a path template; ids are 24 hex characters. */
export const COLLAB_INTERNAL_ROUTES = {
  /** GET: the live content (ProseMirror JSON, text, HTML). */
  content: '/internal/documents/:documentId/content',
  /** POST `{anchors, versionId?}`: resolve passages against the live content. */
  passages: '/internal/documents/:documentId/passages',
  /** GET: list named versions; POST `{label, personId, name}`: save one. */
  versions: '/internal/documents/:documentId/versions',
  /** GET: one version's summary, text, HTML and Yjs state (base64). */
  version: '/internal/documents/:documentId/versions/:versionId',
  /** GET: a version's content (ProseMirror JSON, text, HTML). */
  versionContent: '/internal/documents/:documentId/versions/:versionId/content',
  /** GET: a version's Yjs state as `application/octet-stream`. */
  versionState: '/internal/documents/:documentId/versions/:versionId/state',
  /** POST: restore a version as a new change on top of the live document. */
  restoreVersion: '/internal/documents/:documentId/versions/:versionId/restore',
} as const;
export type CollabInternalRoute = keyof typeof COLLAB_INTERNAL_ROUTES;

/** Ids of the internal routes: a document, and for version routes a version. */
export interface CollabInternalParams {
  documentId: string;
  versionId?: string;
}

const ID = /^[0-9a-f]{24}$/;

/** The path of an internal route; throws on an id that is not 24 hex characters. */
export function toCollabInternalPath(
  route: CollabInternalRoute,
  params: CollabInternalParams,
): string {
  return COLLAB_INTERNAL_ROUTES[route].replace(/:(documentId|versionId)/g, (_match, name) => {
    const value = params[name as keyof CollabInternalParams];
    if (value === undefined || !ID.test(value)) throw new RangeError(`invalid ${String(name)}`);
    return value;
  });
}

/** The route and ids of a request path, or undefined when it is not an internal route. */
export function matchCollabInternalPath(
  path: string,
): { route: CollabInternalRoute; params: CollabInternalParams } | undefined {
  const segments = path.split('/');
  for (const [route, template] of Object.entries(COLLAB_INTERNAL_ROUTES)) {
    const parts = template.split('/');
    if (parts.length !== segments.length) continue;
    const params: Partial<CollabInternalParams> = {};
    const matches = parts.every((part, index) => {
      const segment = segments[index] ?? '';
      if (!part.startsWith(':')) return part === segment;
      if (!ID.test(segment)) return false;
      params[part.slice(1) as keyof CollabInternalParams] = segment;
      return true;
    });
    if (matches && params.documentId) {
      return {
        route: route as CollabInternalRoute,
        params: params as CollabInternalParams,
      };
    }
  }
  return undefined;
}

/** A named version as listed to people (without its state). */
export interface VersionSummary {
  id: string;
  documentId: string;
  label: string;
  createdBy: { personId: string; name: string };
  /** ISO 8601. */
  createdAt: string;
}

/** Rich text content read with the editor schema: ProseMirror JSON, plain text and HTML. */
export interface DocumentContent {
  /** ProseMirror document JSON (`{type: 'doc', content: [...]}`). */
  json: { type: 'doc'; content?: unknown[] };
  text: string;
  html: string;
}

/** A version's content, with its summary. */
export interface VersionContent extends DocumentContent {
  version: VersionSummary;
}

/** A version viewed read-only: summary, text, HTML and its Yjs state in base64. */
export interface VersionView {
  version: VersionSummary;
  text: string;
  html: string;
  state: string;
}

/**
 * A passage anchored in a document: Yjs relative positions of its start and end (base64 of
 * `Y.encodeRelativePosition`) and the text it quoted when it was anchored.
 */
export interface PassageAnchor {
  start: string;
  end: string;
  quote: string;
}

/** How many anchors one passages request may resolve, and the longest quote, in characters. */
export const PASSAGE_LIMITS = { maxAnchors: 500, maxQuoteLength: 10_000 } as const;

/** The body of a passages request; with `versionId` the frozen text comes from that version. */
export interface ResolvePassagesRequest {
  anchors: PassageAnchor[];
  versionId?: string;
}

/**
 * Where a passage is now: `found` when its positions still resolve in the live content,
 * `found-by-quote` when they do not but the quote occurs there, `deleted` when neither.
 */
export type PassageStatus = 'found' | 'found-by-quote' | 'deleted';

/** One resolved passage, in the order of the request's anchors. */
export interface ResolvedPassage {
  status: PassageStatus;
  /** The text between the positions in the version (or the quote without a version). */
  frozenText: string;
  /** The text of the passage in the live content, or null when deleted. */
  currentText: string | null;
}
