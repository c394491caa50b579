import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { EditorContent, useEditor } from '@tiptap/react';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { useTranslation } from 'react-i18next';
import { COLLAB_FRAGMENT, editorExtensions } from '@lip/common';
import { createCollabConnection, type CollabState, type IssuedTicket } from './collab-connection';
import { resolveAnchor, toAnchor } from './anchors';
import {
  CommentHighlights,
  commentHighlightsKey,
  type HighlightedAnchor,
} from './comment-highlights';
import { ShortcutHelp, Toolbar } from './Toolbar';
import { ConnectionStatus } from './ConnectionStatus';
import { PresenceList } from './PresenceList';
import { readableTextColor } from './colors';
import './editor.css';

/** What the comments sidebar may ask of the editor. */
export interface EditorHandle {
  /** The current non-empty selection as a stored anchor plus its quoted text, else null. */
  selectionAnchor: () => { anchor: string; quote: string } | null;
  /** Selects and scrolls to a thread's text, when it still exists. */
  revealAnchor: (anchor: string) => void;
}

/** Props of {@link CollaborativeEditor}. */
export interface CollaborativeEditorProps {
  documentId: string;
  /** Accessible name of the writing area (the document title). */
  label: string;
  fetchTicket: () => Promise<IssuedTicket>;
  /** Websocket base when the API does not name the collab server. */
  fallbackUrl: string;
  threads: HighlightedAnchor[];
  onSelectionChange?: (hasSelection: boolean) => void;
  onStateChange?: (state: CollabState) => void;
  /** A highlighted passage was clicked: the id of its comment thread. */
  onThreadClick?: (threadId: string) => void;
  handleRef?: Ref<EditorHandle | null>;
}

function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' ? user.color : '#1f5f99';
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = color;
  label.style.color = readableTextColor(color);
  label.textContent = typeof user.name === 'string' ? user.name : '';
  caret.append(label);
  return caret;
}

function EditorSurface({
  provider,
  ydoc,
  state,
  label,
  threads,
  onSelectionChange,
  onThreadClick,
  handleRef,
}: {
  provider: WebsocketProvider;
  ydoc: Y.Doc;
  state: CollabState;
  label: string;
  threads: HighlightedAnchor[];
  onSelectionChange?: (hasSelection: boolean) => void;
  onThreadClick?: (threadId: string) => void;
  handleRef?: Ref<EditorHandle | null>;
}) {
  const { t } = useTranslation();
  const threadsRef = useRef(threads);
  const onThreadClickRef = useRef(onThreadClick);
  useEffect(() => {
    onThreadClickRef.current = onThreadClick;
  });
  const editable = state.mode === 'edit';
  const editor = useEditor(
    {
      extensions: [
        ...editorExtensions(),
        Collaboration.configure({ document: ydoc, field: COLLAB_FRAGMENT }),
        CollaborationCaret.configure({
          provider,
          user: { name: state.name, color: state.color },
          render: renderCaret,
        }),
        CommentHighlights.configure({ ydoc, getAnchors: () => threadsRef.current }),
      ],
      editable,
      editorProps: {
        // Clicking commented text opens its thread in the sidebar (keyboard users use the sidebar).
        handleClick: (_view, _pos, event) => {
          const target = event.target instanceof Element ? event.target : null;
          const threadId = target?.closest('[data-thread-id]')?.getAttribute('data-thread-id');
          if (threadId) onThreadClickRef.current?.(threadId);
          return false;
        },
        attributes: {
          class: 'prose',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
        },
      },
    },
    [provider, ydoc],
  );

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.setEditable(editable);
    editor.view.dom.setAttribute('aria-readonly', String(!editable));
  }, [editor, editable]);

  useEffect(() => {
    threadsRef.current = threads;
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, true));
  }, [editor, threads]);

  useEffect(() => {
    if (!editor || !onSelectionChange) return;
    const listener = () => onSelectionChange(!editor.state.selection.empty);
    editor.on('selectionUpdate', listener);
    return () => {
      editor.off('selectionUpdate', listener);
    };
  }, [editor, onSelectionChange]);

  useImperativeHandle(
    handleRef,
    () => ({
      selectionAnchor: () => {
        if (!editor) return null;
        const { from, to, empty } = editor.state.selection;
        if (empty) return null;
        const anchor = toAnchor(editor.state, from, to);
        if (!anchor) return null;
        return { anchor, quote: editor.state.doc.textBetween(from, to, ' ').slice(0, 500) };
      },
      revealAnchor: (anchor) => {
        if (!editor) return;
        const range = resolveAnchor(editor.state, ydoc, anchor);
        if (!range) return;
        editor.chain().setTextSelection(range).scrollIntoView().run();
      },
    }),
    [editor, ydoc],
  );

  if (!editor) return null;
  return (
    <>
      {editable ? (
        <Toolbar editor={editor} />
      ) : (
        // Only people who may comment are told to select a passage for it.
        <p className="hint">
          {t(state.mode === 'comment' ? 'editor.readOnlyHint' : 'editor.readOnlyHintNoComment')}
        </p>
      )}
      <EditorContent editor={editor} className="editor__content" />
      {editable ? <ShortcutHelp /> : null}
    </>
  );
}

/**
 * The collaborative editor of one document: Tiptap bound to the document's Y.Doc through the
 * y-websocket provider, with presence, a connection/saving indicator and a toolbar.
 */
export default function CollaborativeEditor(props: CollaborativeEditorProps) {
  const { documentId, fallbackUrl, onStateChange } = props;
  const [session, setSession] = useState<{ ydoc: Y.Doc; provider: WebsocketProvider } | null>(null);
  const [state, setState] = useState<CollabState | null>(null);
  const fetchTicketRef = useRef(props.fetchTicket);
  const onStateChangeRef = useRef(onStateChange);

  useEffect(() => {
    fetchTicketRef.current = props.fetchTicket;
    onStateChangeRef.current = onStateChange;
  });

  // The Y.Doc and provider are created in an effect (not during render) and destroyed together,
  // so StrictMode's double mount and a change of document each start from a clean state.
  useEffect(() => {
    const ydoc = new Y.Doc();
    const connection = createCollabConnection({
      documentId,
      ydoc,
      fallbackUrl,
      fetchTicket: () => fetchTicketRef.current(),
      onChange: (next) => {
        setState(next);
        onStateChangeRef.current?.(next);
      },
    });
    connection.ready.then(
      (provider) => setSession({ ydoc, provider }),
      () => undefined,
    );
    return () => {
      connection.destroy();
      ydoc.destroy();
      setSession(null);
    };
  }, [documentId, fallbackUrl]);

  return (
    <section className="editor" aria-label={props.label}>
      <div className="editor__bar">
        <ConnectionStatus state={state} />
        {session ? <PresenceList awareness={session.provider.awareness} /> : null}
      </div>
      {session && state && state.phase !== 'no-access' ? (
        <EditorSurface
          provider={session.provider}
          ydoc={session.ydoc}
          state={state}
          label={props.label}
          threads={props.threads}
          onSelectionChange={props.onSelectionChange}
          onThreadClick={props.onThreadClick}
          handleRef={props.handleRef}
        />
      ) : null}
    </section>
  );
}
