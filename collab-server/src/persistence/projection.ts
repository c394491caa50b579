import { COLLAB_FRAGMENT, editorSchema, type DocumentContent } from '@lip/common';
import type { DOMOutputSpec, Mark, Node as PMNode, Schema } from '@tiptap/pm/model';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

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

/** The origin of the transaction that removes foreign content (see {@link removeForeignContent}). */
export const FOREIGN_CONTENT_ORIGIN = Symbol('remove foreign content');

/**
 * How deep elements may nest in a document: a list nested 30 deep is about 60 levels (a list and
 * its item per level). Deeper content no person writes, and reading it (ProseMirror, the HTML and
 * text projections, the browser's editor) recurses once per level and overflows the stack.
 */
export const MAX_ELEMENT_DEPTH = 100;

/**
 * Deletes what no editor writes into the rich-text fragment: anything but elements at the top,
 * anything but elements and text inside an element (maps, arrays, plain JSON values, a bare text
 * at the top), and elements nested deeper than {@link MAX_ELEMENT_DEPTH}. A client that is not
 * the editor can send such content in a valid Yjs update, and the Yjs-to-ProseMirror reading
 * (ours and the browser's) throws on it, which left the document's projection failing forever
 * and the document pinned in memory. The deletion is an ordinary Yjs change, so it is stored and
 * reaches every editor. Returns how many items went.
 */
export function removeForeignContent(fragment: Y.XmlFragment): number {
  const foreign: { parent: Y.XmlFragment | Y.XmlElement; index: number }[] = [];
  // Walked with a stack of its own, not recursion: the content can be nested any depth.
  const pending: { parent: Y.XmlFragment | Y.XmlElement; depth: number }[] = [
    { parent: fragment, depth: 0 },
  ];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { parent, depth } = next;
    // One parent's children are pushed in index order, so the reversed list deletes each
    // parent's last child first.
    parent.toArray().forEach((child: unknown, index) => {
      if (child instanceof Y.XmlElement && depth < MAX_ELEMENT_DEPTH) {
        pending.push({ parent: child, depth: depth + 1 });
      } else if (!(depth > 0 && child instanceof Y.XmlText)) {
        foreign.push({ parent, index });
      }
    });
  }
  if (foreign.length === 0) return 0;
  const remove = () => {
    // Last first, so the earlier indexes of the same parent stay right.
    for (const { parent, index } of foreign.reverse()) parent.delete(index, 1);
  };
  if (fragment.doc) fragment.doc.transact(remove, FOREIGN_CONTENT_ORIGIN);
  else remove();
  return foreign.length;
}

/** The rich-text fragment of a document, with foreign content removed, read as ProseMirror. */
function readRoot(ydoc: Y.Doc, schema: Schema): PMNode {
  const fragment = ydoc.getXmlFragment(COLLAB_FRAGMENT);
  removeForeignContent(fragment);
  return yXmlFragmentToProseMirrorRootNode(fragment, schema);
}

/**
 * Projects the rich text of a Yjs document (the `default` fragment) to plain text and HTML,
 * reading it with the shared editor schema exactly as the web editor does.
 */
export function projectContent(ydoc: Y.Doc, schema: Schema = editorSchema()): ContentProjection {
  const root = readRoot(ydoc, schema);
  return { text: toPlainText(root), html: toHtml(root) };
}

/** The content of a Yjs document as ProseMirror JSON, text and HTML, read once. */
export function toDocumentContent(ydoc: Y.Doc, schema: Schema): DocumentContent {
  const root = readRoot(ydoc, schema);
  return {
    json: root.toJSON() as DocumentContent['json'],
    text: toPlainText(root),
    html: toHtml(root),
  };
}
