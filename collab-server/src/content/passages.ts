import {
  COLLAB_FRAGMENT,
  type PassageAnchor,
  type PassageStatus,
  type ResolvedPassage,
} from '@lip/common';
import type { Node as PMNode, Schema } from '@tiptap/pm/model';
import { initProseMirrorDoc, relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/** Separator between blocks in passage text, as the editor quotes a selection. */
const BLOCK_SEPARATOR = ' ';

/**
 * A Yjs document read once for resolving passages: its ProseMirror document, the mapping
 * between the two, and the full text to search quotes in.
 */
export interface PassageReader {
  /** The text between the anchor's positions, or undefined when they do not resolve. */
  textAt(anchor: Pick<PassageAnchor, 'start' | 'end'>): string | undefined;
  /** Whether the text contains the quote. */
  contains(quote: string): boolean;
}

function decodePosition(base64: string): Y.RelativePosition | undefined {
  try {
    return Y.decodeRelativePosition(new Uint8Array(Buffer.from(base64, 'base64')));
  } catch {
    return undefined;
  }
}

/** Whether a position lies in content that still exists (no deleted paragraph around it). */
function isInLiveContent(ydoc: Y.Doc, position: Y.RelativePosition): boolean {
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, ydoc);
  if (!absolute) return false;
  let item = absolute.type._item;
  while (item) {
    if (item.deleted) return false;
    item = (item.parent as Y.AbstractType<unknown>)._item;
  }
  return true;
}

/** Reads a Yjs document for passage resolution (one ProseMirror conversion for all anchors). */
export function createPassageReader(ydoc: Y.Doc, schema: Schema): PassageReader {
  const fragment = ydoc.getXmlFragment(COLLAB_FRAGMENT);
  const { doc, mapping } = initProseMirrorDoc(fragment, schema) as {
    doc: PMNode;
    mapping: Parameters<typeof relativePositionToAbsolutePosition>[3];
  };
  let fullText: string | undefined;

  function resolve(base64: string): number | undefined {
    const position = decodePosition(base64);
    if (!position || !isInLiveContent(ydoc, position)) return undefined;
    try {
      const absolute = relativePositionToAbsolutePosition(ydoc, fragment, position, mapping);
      if (absolute === null || absolute < 0 || absolute > doc.content.size) return undefined;
      return absolute;
    } catch {
      return undefined;
    }
  }

  return {
    textAt(anchor) {
      const from = resolve(anchor.start);
      const to = resolve(anchor.end);
      if (from === undefined || to === undefined || to <= from) return undefined;
      return doc.textBetween(from, to, BLOCK_SEPARATOR);
    },
    contains(quote) {
      fullText ??= doc.textBetween(0, doc.content.size, BLOCK_SEPARATOR);
      return quote.length > 0 && fullText.includes(quote);
    },
  };
}

/**
 * Resolves passages in the live content: `found` when the positions still enclose text,
 * `found-by-quote` when they do not but the quote occurs, `deleted` otherwise. `frozen` is the
 * passage's text in the version it was anchored in (undefined: use the quote).
 */
export function resolvePassages(
  live: PassageReader,
  anchors: readonly PassageAnchor[],
  frozen: (anchor: PassageAnchor, index: number) => string | undefined,
): ResolvedPassage[] {
  return anchors.map((anchor, index) => {
    const frozenText = frozen(anchor, index) ?? anchor.quote;
    const current = live.textAt(anchor);
    let status: PassageStatus;
    let currentText: string | null;
    if (current !== undefined) {
      status = 'found';
      currentText = current;
    } else if (live.contains(anchor.quote)) {
      status = 'found-by-quote';
      currentText = anchor.quote;
    } else {
      status = 'deleted';
      currentText = null;
    }
    return { status, frozenText, currentText };
  });
}
