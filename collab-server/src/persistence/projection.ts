import { COLLAB_FRAGMENT, editorSchema, type DocumentContent } from '@lip/common';
import type { DOMOutputSpec, Mark, Node as PMNode, Schema } from '@tiptap/pm/model';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';

/** Plain text and HTML of a document, stored with it for search, previews and export. */
export interface ContentProjection {
  text: string;
  html: string;
}

const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'col', 'input', 'wbr']);

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function renderAttributes(attrs: Record<string, unknown>): string {
  return Object.entries(attrs)
    .filter(([, value]) => value !== null && value !== undefined && value !== false)
    .map(([key, value]) => ` ${key}="${escapeHtml(String(value))}"`)
    .join('');
}

/**
 * Renders a ProseMirror `DOMOutputSpec` (the array form the schema's `toDOM` returns) as an HTML
 * string, putting `hole` where the spec has its content hole `0`. No DOM is needed on the server.
 */
function renderSpec(spec: DOMOutputSpec, hole: string): string {
  if (typeof spec === 'string') return escapeHtml(spec);
  if (!Array.isArray(spec)) return '';
  const [rawTag, ...rest] = spec as readonly unknown[];
  const tag = String(rawTag).split(' ').at(-1) ?? 'span';
  let children = rest;
  let attrs: Record<string, unknown> = {};
  const first = rest[0];
  if (first && typeof first === 'object' && !Array.isArray(first)) {
    attrs = first as Record<string, unknown>;
    children = rest.slice(1);
  }
  const inner = children
    .map((child) => (child === 0 ? hole : renderSpec(child as DOMOutputSpec, hole)))
    .join('');
  if (VOID_ELEMENTS.has(tag)) return `<${tag}${renderAttributes(attrs)}>`;
  return `<${tag}${renderAttributes(attrs)}>${inner}</${tag}>`;
}

function renderMarks(marks: readonly Mark[], text: string): string {
  return marks.reduceRight((html, mark) => {
    const toDOM = mark.type.spec.toDOM;
    return toDOM ? renderSpec(toDOM(mark, true), html) : html;
  }, text);
}

function renderNode(node: PMNode): string {
  if (node.isText) return renderMarks(node.marks, escapeHtml(node.text ?? ''));
  let content = '';
  node.forEach((child) => {
    content += renderNode(child);
  });
  const toDOM = node.type.spec.toDOM;
  const html = toDOM ? renderSpec(toDOM(node), content) : content;
  return renderMarks(node.marks, html);
}

/** Serializes a ProseMirror document to HTML with the editor schema's own `toDOM` rules. */
export function toHtml(doc: PMNode): string {
  let html = '';
  doc.forEach((child) => {
    html += renderNode(child);
  });
  return html;
}

/** Plain text of a ProseMirror document: blocks separated by a blank line. */
export function toPlainText(root: PMNode): string {
  return root.textBetween(0, root.content.size, '\n\n', '\n');
}

/**
 * Projects the rich text of a Yjs document (the `default` fragment) to plain text and HTML,
 * reading it with the shared editor schema exactly as the web editor does.
 */
export function projectContent(ydoc: Y.Doc, schema: Schema = editorSchema()): ContentProjection {
  const root = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(COLLAB_FRAGMENT), schema);
  return { text: toPlainText(root), html: toHtml(root) };
}

/** The content of a Yjs document as ProseMirror JSON, text and HTML, read once. */
export function toDocumentContent(ydoc: Y.Doc, schema: Schema): DocumentContent {
  const root = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(COLLAB_FRAGMENT), schema);
  return {
    json: root.toJSON() as DocumentContent['json'],
    text: toPlainText(root),
    html: toHtml(root),
  };
}
