/**
 * The versions module's face to other modules: the typed client of the collab server's internal
 * endpoints (content, versions, passages). Callers authorize with the policy first.
 */
export {
  collabCreateVersion,
  collabViewVersion,
  getDocumentContent,
  getVersionContent,
  getVersionState,
  resolvePassages,
  type CollabInternalDeps,
} from './collab-internal.client';
