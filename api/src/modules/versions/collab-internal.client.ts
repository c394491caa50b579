import {
  toCollabInternalPath,
  type CollabInternalParams,
  type CollabInternalRoute,
  type DocumentContent,
  type ResolvePassagesRequest,
  type ResolvedPassage,
  type VersionContent,
  type VersionSummary,
  type VersionView,
} from '@lip/common';
import { collabInternalToken } from '@lip/common/server';
import type { Secrets } from '../../auth/secrets';
import type { Config } from '../../config';
import { DomainError } from '../../errors';

/**
 * What the client needs: where the collab server's internal listener is and the shared secret
 * (both `AppDeps` and a `RequestScope` fit).
 */
export interface CollabInternalDeps {
  config: Pick<Config, 'collabInternalUrl' | 'collabInternalPort'>;
  secrets: Pick<Secrets, 'collabSecret'>;
}

/** How long the API waits for one internal call, in ms. */
const TIMEOUT_MS = 15_000;

function baseUrl(deps: CollabInternalDeps): string {
  return deps.config.collabInternalUrl ?? `http://127.0.0.1:${deps.config.collabInternalPort}`;
}

/**
 * Calls one internal endpoint with a fresh (expiring) bearer token. Resolves with the response,
 * or undefined for 404 (no such document or version); an unreachable server or another
 * failure is a `conflict` (try again), a refused body `invalid-input`.
 */
async function call(
  deps: CollabInternalDeps,
  route: CollabInternalRoute,
  params: CollabInternalParams,
  init: { method: 'GET' | 'POST'; body?: unknown } = { method: 'GET' },
): Promise<Response | undefined> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl(deps)}${toCollabInternalPath(route, params)}`, {
      method: init.method,
      headers: {
        authorization: `Bearer ${collabInternalToken(deps.secrets.collabSecret)}`,
        'content-type': 'application/json',
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    throw new DomainError('conflict', 'collab-unavailable');
  }
  if (response.status === 404) return undefined;
  if (response.status === 400 || response.status === 413) {
    throw new DomainError('invalid-input', route);
  }
  if (!response.ok) throw new DomainError('conflict', `collab-status-${response.status}`);
  return response;
}

/**
 * The collab server's internal endpoints as typed functions. The live document is in the collab
 * process, so content, versions and passages are read there. None of them authorizes: call
 * them after the policy allowed the viewer to see (or edit) the document.
 */
async function json<T>(response: Response | undefined): Promise<T | undefined> {
  return response ? ((await response.json()) as T) : undefined;
}

/** Named versions of a document, newest first. */
export async function collabListVersions(
  deps: CollabInternalDeps,
  documentId: string,
): Promise<VersionSummary[]> {
  const body = await json<{ versions: VersionSummary[] }>(
    await call(deps, 'versions', { documentId }),
  );
  return body?.versions ?? [];
}

/** One version read-only (summary, text, HTML, state), or null. */
export async function collabViewVersion(
  deps: CollabInternalDeps,
  documentId: string,
  versionId: string,
): Promise<VersionView | null> {
  return (await json<VersionView>(await call(deps, 'version', { documentId, versionId }))) ?? null;
}

/** Saves the live content as a named version; null when the collab server knows no document. */
export async function collabCreateVersion(
  deps: CollabInternalDeps,
  documentId: string,
  input: { label: string; personId: string; name: string },
): Promise<VersionSummary | null> {
  const body = await json<{ version: VersionSummary }>(
    await call(deps, 'versions', { documentId }, { method: 'POST', body: input }),
  );
  return body?.version ?? null;
}

/** Restores a version as a new change; null when there is no such version. */
export async function collabRestoreVersion(
  deps: CollabInternalDeps,
  documentId: string,
  versionId: string,
): Promise<VersionSummary | null> {
  const body = await json<{ version: VersionSummary }>(
    await call(deps, 'restoreVersion', { documentId, versionId }, { method: 'POST' }),
  );
  return body?.version ?? null;
}

/** The live content of a document as ProseMirror JSON, text and HTML. */
export async function getDocumentContent(
  deps: CollabInternalDeps,
  documentId: string,
): Promise<DocumentContent> {
  const body = await json<DocumentContent>(await call(deps, 'content', { documentId }));
  if (!body) throw new DomainError('not-found', 'document');
  return body;
}

/** A named version's content as ProseMirror JSON, text and HTML, or null. */
export async function getVersionContent(
  deps: CollabInternalDeps,
  documentId: string,
  versionId: string,
): Promise<VersionContent | null> {
  return (
    (await json<VersionContent>(await call(deps, 'versionContent', { documentId, versionId }))) ??
    null
  );
}

/** A named version's Yjs state (one update), e.g. for a read-only editor in the browser, or null. */
export async function getVersionState(
  deps: CollabInternalDeps,
  documentId: string,
  versionId: string,
): Promise<Uint8Array | null> {
  const response = await call(deps, 'versionState', { documentId, versionId });
  return response ? new Uint8Array(await response.arrayBuffer()) : null;
}

/**
 * Where anchored passages are in the live content (`found`, `found-by-quote`, `deleted`) and
 * their frozen text (from `versionId` when given, else the quote), in the anchors' order.
 */
export async function resolvePassages(
  deps: CollabInternalDeps,
  documentId: string,
  request: ResolvePassagesRequest,
): Promise<ResolvedPassage[]> {
  const body = await json<{ passages: ResolvedPassage[] }>(
    await call(deps, 'passages', { documentId }, { method: 'POST', body: request }),
  );
  if (!body) throw new DomainError('not-found', request.versionId ? 'version' : 'document');
  return body.passages;
}
