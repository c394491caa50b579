/**
 * The foundation paper: outline, reading view, editions. Exports build from `readPaper` (the
 * same document the reading view shows); `collabContentSource` is the one client for document
 * contents (live and versions) from the collab server.
 */
export {
  collabContentSource,
  type CollabContentSource,
  type DocumentContent,
} from './collab-content';
export { buildPaperDocument, partAnchor, type ResolvedPart } from './paper.document';
export {
  loadEdition,
  loadPaper,
  mapLimit,
  readPaper,
  resolveEditionParts,
  resolveLiveParts,
} from './paper.service';
export type { EditionDoc, PaperDoc } from './paper.model';
