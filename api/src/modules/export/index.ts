/**
 * Exports: the intermediate model, its builders and renderers (DOCX, Markdown, ODT and PDF via
 * LibreOffice). Other modules (the review work's response tables) import from here only.
 */
export * from './export-document';
export { fromPlainText, fromProseMirror, type ProseMirrorJson } from './from-prosemirror';
export { renderDocx } from './render-docx';
export { renderMarkdown } from './render-markdown';
export {
  createOfficeConverter,
  OfficeConversionError,
  PDF_FILTER,
  type OfficeConverter,
  type OfficeStatus,
  type OfficeTarget,
} from './office-converter';
export { escapeHtml, renderHtml, type HtmlTocEntry } from './render-html';
export { measureSheetBlock } from './build-measure';
