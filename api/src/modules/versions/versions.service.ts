import { collabInternalToken } from '@lip/common/server';
import { DomainError, forbidden, notFound } from '../../errors';
import { requireViewer, type RequestScope } from '../../scope';
import { loadVisibleDocument, modeFor } from '../document/document.service';

/** A version as the collab server lists it. */
export interface VersionSummary {
  id: string;
  documentId: string;
  label: string;
  createdBy: { personId: string; name: string };
  createdAt: string;
}

/** The collab server's internal base URL (`COLLAB_INTERNAL_URL`, else the local collab port). */
function collabBaseUrl(scope: RequestScope): string {
  return scope.config.collabInternalUrl ?? `http://127.0.0.1:${scope.config.collabPort}`;
}

/**
 * Calls a collab server internal endpoint with the bearer token derived from the shared secret.
 * The live document lives in the collab process, so versions are made and restored there.
 */
async function callCollab<T>(
  scope: RequestScope,
  path: string,
  init: { method: 'GET' | 'POST'; body?: unknown } = { method: 'GET' },
): Promise<T | undefined> {
  let response: Response;
  try {
    response = await fetch(`${collabBaseUrl(scope)}${path}`, {
      method: init.method,
      headers: {
        authorization: `Bearer ${collabInternalToken(scope.secrets.collabSecret)}`,
        'content-type': 'application/json',
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new DomainError('conflict', 'collab-unavailable');
  }
  if (response.status === 404) return undefined;
  if (response.status === 400) throw new DomainError('invalid-input', 'version');
  if (!response.ok) throw new DomainError('conflict', `collab-status-${response.status}`);
  return (await response.json()) as T;
}

/** Loads the document the viewer may see and checks edit rights when `mustEdit`. */
async function authorize(scope: RequestScope, documentId: string, mustEdit: boolean) {
  requireViewer(scope);
  const { document, process } = await loadVisibleDocument(scope, documentId);
  if (mustEdit && modeFor(scope, process, document) !== 'edit') throw forbidden('version');
  return String(document._id);
}

/** Named versions of a document, newest first. */
export async function listVersions(scope: RequestScope, documentId: string) {
  const id = await authorize(scope, documentId, false);
  const body = await callCollab<{ versions: VersionSummary[] }>(
    scope,
    `/internal/documents/${id}/versions`,
  );
  return body?.versions ?? [];
}

/** One version read-only (HTML and text), or null. */
export async function viewVersion(scope: RequestScope, documentId: string, versionId: string) {
  const id = await authorize(scope, documentId, false);
  if (!/^[0-9a-f]{24}$/.test(versionId)) return null;
  const body = await callCollab<{ version: VersionSummary; html: string; text: string }>(
    scope,
    `/internal/documents/${id}/versions/${versionId}`,
  );
  return body ?? null;
}

/** Saves the live content as a named version in the viewer's name. */
export async function createVersion(scope: RequestScope, documentId: string, label: string) {
  const id = await authorize(scope, documentId, true);
  const viewer = requireViewer(scope);
  const body = await callCollab<{ version: VersionSummary }>(
    scope,
    `/internal/documents/${id}/versions`,
    {
      method: 'POST',
      body: {
        label,
        personId: String(viewer.person._id),
        name: viewer.person.name,
      },
    },
  );
  if (!body) throw notFound('document');
  return body.version;
}

/** Restores a version as a new change on top of the live document. */
export async function restoreVersion(scope: RequestScope, documentId: string, versionId: string) {
  const id = await authorize(scope, documentId, true);
  if (!/^[0-9a-f]{24}$/.test(versionId)) throw notFound('version');
  const body = await callCollab<{ version: VersionSummary }>(
    scope,
    `/internal/documents/${id}/versions/${versionId}/restore`,
    { method: 'POST' },
  );
  if (!body) throw notFound('version');
  // The collab server projects the restored text shortly; the search watches for it.
  await scope.search.noteChange('document', id, 5 * 60_000);
  return body.version;
}
