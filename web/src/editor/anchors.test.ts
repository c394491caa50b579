import * as Y from 'yjs';
import { Editor } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { COLLAB_FRAGMENT, editorExtensions } from '@lip/common';
import { resolveAnchor, toAnchor } from './anchors';

function createEditor(ydoc: Y.Doc): Editor {
  return new Editor({
    element: document.createElement('div'),
    extensions: [
      ...editorExtensions(),
      Collaboration.configure({ document: ydoc, field: COLLAB_FRAGMENT }),
    ],
  });
}

function rangeOf(editor: Editor, text: string): { from: number; to: number } {
  let found: { from: number; to: number } | undefined;
  editor.state.doc.descendants((node, pos) => {
    if (found || !node.isText || !node.text) return;
    const index = node.text.indexOf(text);
    if (index >= 0) found = { from: pos + index, to: pos + index + text.length };
  });
  if (!found) throw new Error(`"${text}" not in the document`);
  return found;
}

/** Two Y.Docs kept in sync directly, standing in for two people connected through the server. */
function connect(a: Y.Doc, b: Y.Doc): void {
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== b) Y.applyUpdate(b, update, a);
  });
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== a) Y.applyUpdate(a, update, b);
  });
}

describe('comment anchors', () => {
  it('stay on the commented text while someone else edits before and inside the paragraph', () => {
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    connect(mine, theirs);
    const me = createEditor(mine);
    const them = createEditor(theirs);
    me.commands.setContent('<p>Bildung ist ein Schlüssel für Teilhabe.</p>');

    const target = rangeOf(me, 'Schlüssel');
    const anchor = toAnchor(me.state, target.from, target.to);
    expect(anchor).toBeDefined();

    them.commands.insertContentAt(1, 'Vorweg: ');
    them.commands.insertContentAt(0, '<h2>Neue Überschrift</h2>');

    const resolved = resolveAnchor(me.state, mine, anchor!);
    expect(resolved).toBeDefined();
    expect(me.state.doc.textBetween(resolved!.from, resolved!.to)).toBe('Schlüssel');
    expect(resolved!.from).toBeGreaterThan(target.from);
    me.destroy();
    them.destroy();
  });

  it('resolves to nothing once the commented text was deleted', () => {
    const ydoc = new Y.Doc();
    const editor = createEditor(ydoc);
    editor.commands.setContent('<p>Erster Satz. Zweiter Satz.</p>');
    const target = rangeOf(editor, 'Zweiter');
    const anchor = toAnchor(editor.state, target.from, target.to)!;
    editor.commands.deleteRange({ from: target.from - 1, to: target.to + 7 });
    expect(resolveAnchor(editor.state, ydoc, anchor)).toBeUndefined();
    editor.destroy();
  });

  it('ignores anchors that are not ours', () => {
    const ydoc = new Y.Doc();
    const editor = createEditor(ydoc);
    expect(resolveAnchor(editor.state, ydoc, 'not json')).toBeUndefined();
    expect(resolveAnchor(editor.state, ydoc, '{"v":2}')).toBeUndefined();
    editor.destroy();
  });
});
