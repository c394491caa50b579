import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import { resolveAnchor } from './anchors';

/** A comment thread's anchor as the editor highlights it. */
export interface HighlightedAnchor {
  id: string;
  anchor: string;
  active: boolean;
}

/** Plugin key; dispatch a transaction with this meta to redraw after the anchor list changed. */
export const commentHighlightsKey = new PluginKey('commentHighlights');

/**
 * Highlights the text each open comment thread is attached to. Ranges are resolved from the
 * Yjs relative positions on every render, so they follow the text while others edit.
 */
export const CommentHighlights = Extension.create<{
  ydoc: Y.Doc | null;
  getAnchors: () => HighlightedAnchor[];
}>({
  name: 'commentHighlights',
  addOptions() {
    return { ydoc: null, getAnchors: () => [] };
  },
  addProseMirrorPlugins() {
    const { ydoc, getAnchors } = this.options;
    return [
      new Plugin({
        key: commentHighlightsKey,
        props: {
          decorations(state) {
            if (!ydoc) return DecorationSet.empty;
            const decorations: Decoration[] = [];
            for (const item of getAnchors()) {
              const range = resolveAnchor(state, ydoc, item.anchor);
              if (!range || range.to > state.doc.content.size) continue;
              decorations.push(
                Decoration.inline(range.from, range.to, {
                  class: item.active ? 'comment-mark comment-mark--active' : 'comment-mark',
                  'data-thread-id': item.id,
                }),
              );
            }
            return DecorationSet.create(state.doc, decorations);
          },
        },
      }),
    ];
  },
});
