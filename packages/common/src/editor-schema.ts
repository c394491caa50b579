import { getSchema, type AnyExtension } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import type { Schema } from '@tiptap/pm/model';

/**
 * The editor schema, decided once: the web editor and the collab server's projection (plain
 * text, HTML) use these extensions, so both read the same Y.XmlFragment the same way.
 * Undo/redo is off because Collaboration brings its own Yjs-aware history.
 */
export function editorExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      heading: { levels: [1, 2, 3, 4] },
      link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
    }),
    TableKit.configure({ table: { resizable: false } }),
  ];
}

/** The ProseMirror schema derived from {@link editorExtensions}. */
export function editorSchema(): Schema {
  return getSchema(editorExtensions());
}
