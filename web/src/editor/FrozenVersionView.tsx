import { useEffect, useImperativeHandle, useMemo, useRef, type Ref } from 'react';
import * as Y from 'yjs';
import { EditorContent, useEditor } from '@tiptap/react';
import { Collaboration } from '@tiptap/extension-collaboration';
import { COLLAB_FRAGMENT, editorExtensions } from '@lip/common';
import { resolveAnchor, toAnchor } from './anchors';
import {
  CommentHighlights,
  commentHighlightsKey,
  type HighlightedAnchor,
} from './comment-highlights';
import type { EditorHandle } from './CollaborativeEditor';
import './editor.css';

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

/** Props of {@link FrozenVersionView}. */
export interface FrozenVersionViewProps {
  /** The version's Yjs update, base64 (from the API's `reviewItemVersion`). */
  state: string;
  /** Accessible name of the text. */
  label: string;
  /** Passages to highlight (remarks), resolved from their anchors in this version. */
  highlights: HighlightedAnchor[];
  onSelectionChange?: (hasSelection: boolean) => void;
  handleRef?: Ref<EditorHandle | null>;
}

/**
 * A frozen version opened read-only in the editor: its Yjs state is applied to a local Y.Doc (no
 * connection), so passages selected here are anchored with the same Yjs relative positions as
 * comments in the live draft and follow their text there.
 */
export default function FrozenVersionView(props: FrozenVersionViewProps) {
  const { state, highlights, onSelectionChange } = props;
  const ydoc = useMemo(() => {
    const doc = new Y.Doc();
    if (state) {
      try {
        Y.applyUpdate(doc, fromBase64(state));
      } catch {
        // A damaged state shows an empty text rather than breaking the page.
      }
    }
    return doc;
  }, [state]);
  useEffect(() => () => ydoc.destroy(), [ydoc]);
  const highlightsRef = useRef(highlights);
  const editor = useEditor(
    {
      extensions: [
        ...editorExtensions(),
        Collaboration.configure({ document: ydoc, field: COLLAB_FRAGMENT }),
        CommentHighlights.configure({ ydoc, getAnchors: () => highlightsRef.current }),
      ],
      editable: false,
      editorProps: {
        attributes: {
          class: 'prose',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-readonly': 'true',
          'aria-label': props.label,
        },
      },
    },
    [ydoc],
  );

  useEffect(() => {
    highlightsRef.current = highlights;
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, true));
  }, [editor, highlights]);

  useEffect(() => {
    if (!editor || !onSelectionChange) return;
    const listener = () => onSelectionChange(!editor.state.selection.empty);
    editor.on('selectionUpdate', listener);
    return () => {
      editor.off('selectionUpdate', listener);
    };
  }, [editor, onSelectionChange]);

  useImperativeHandle(
    props.handleRef,
    () => ({
      selectionAnchor: () => {
        if (!editor) return null;
        const { from, to, empty } = editor.state.selection;
        if (empty) return null;
        const anchor = toAnchor(editor.state, from, to);
        if (!anchor) return null;
        return { anchor, quote: editor.state.doc.textBetween(from, to, ' ').slice(0, 2000) };
      },
      revealAnchor: (anchor) => {
        if (!editor) return;
        const range = resolveAnchor(editor.state, ydoc, anchor);
        if (range) editor.chain().setTextSelection(range).scrollIntoView().run();
      },
    }),
    [editor, ydoc],
  );

  return (
    <div className="editor editor--frozen">
      <EditorContent editor={editor} className="editor__content" />
    </div>
  );
}
