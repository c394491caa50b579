import type { VersionSummary } from '@lip/common';
import { forbidden, notFound } from '../../errors';
import { requireViewer, type RequestScope } from '../../scope';
import { loadVisibleDocument, modeFor } from '../document/document.service';
import {
  collabCreateVersion,
  collabListVersions,
  collabRestoreVersion,
  collabViewVersion,
} from './collab-internal.client';

export type { VersionSummary };

const OBJECT_ID = /^[0-9a-f]{24}$/;

/** Loads the document the viewer may see and checks edit rights when `mustEdit`. */
async function authorize(scope: RequestScope, documentId: string, mustEdit: boolean) {
  requireViewer(scope);
  const { document, process } = await loadVisibleDocument(scope, documentId);
  if (mustEdit && modeFor(scope, process, document) !== 'edit') throw forbidden('version');
  return String(document._id);
}

/** Named versions of a document, newest first. */
export async function listVersions(scope: RequestScope, documentId: string) {
  return collabListVersions(scope, await authorize(scope, documentId, false));
}

/** One version read-only (HTML and text), or null. */
export async function viewVersion(scope: RequestScope, documentId: string, versionId: string) {
  const id = await authorize(scope, documentId, false);
  if (!OBJECT_ID.test(versionId)) return null;
  return collabViewVersion(scope, id, versionId);
}

/** Saves the live content as a named version in the viewer's name. */
export async function createVersion(scope: RequestScope, documentId: string, label: string) {
  const id = await authorize(scope, documentId, true);
  const viewer = requireViewer(scope);
  const version = await collabCreateVersion(scope, id, {
    label,
    personId: String(viewer.person._id),
    name: viewer.person.name,
  });
  if (!version) throw notFound('document');
  return version;
}

/** Restores a version as a new change on top of the live document. */
export async function restoreVersion(scope: RequestScope, documentId: string, versionId: string) {
  const id = await authorize(scope, documentId, true);
  if (!OBJECT_ID.test(versionId)) throw notFound('version');
  const version = await collabRestoreVersion(scope, id, versionId);
  if (!version) throw notFound('version');
  // The collab server projects the restored text shortly; the search watches for it.
  await scope.search.noteChange('document', id, 5 * 60_000);
  return version;
}
