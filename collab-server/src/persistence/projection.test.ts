import { COLLAB_FRAGMENT } from '@lip/common';
import * as Y from 'yjs';
import { projectContent, removeForeignContent } from './projection';

/** A document with one readable paragraph, then `addForeign` puts in what no editor writes. */
function documentWith(addForeign: (fragment: Y.XmlFragment, paragraph: Y.XmlElement) => void) {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(COLLAB_FRAGMENT);
  const kept = new Y.XmlElement('paragraph');
  kept.insert(0, [new Y.XmlText('Hallo')]);
  const other = new Y.XmlElement('paragraph');
  fragment.insert(0, [kept, other]);
  addForeign(fragment, other);
  return doc;
}

// Casts: the typed API forbids these shapes, but a Yjs update from any client can carry them.
const FOREIGN: Record<string, (fragment: Y.XmlFragment, paragraph: Y.XmlElement) => void> = {
  'a map inside a paragraph': (_f, p) =>
    (p as unknown as Y.Array<unknown>).insert(0, [new Y.Map()]),
  'a plain value inside a paragraph': (_f, p) => (p as unknown as Y.Array<unknown>).insert(0, [42]),
  'a plain value at the top': (f) => (f as unknown as Y.Array<unknown>).insert(0, [{ a: 1 }]),
  'a bare text at the top': (f) => f.insert(0, [new Y.XmlText('lose')]),
  // The fuzz harness sent such a chain: reading it overflowed the stack of every projection.
  'blockquotes nested 1,500 deep': (f) => {
    // Level by level into the document: Yjs integrates a detached chain recursively.
    let parent = new Y.XmlElement('blockquote');
    f.insert(2, [parent]);
    for (let depth = 1; depth < 1_500; depth += 1) {
      const child = new Y.XmlElement('blockquote');
      parent.insert(0, [child]);
      parent = child;
    }
  },
};

describe('the projection of a document', () => {
  it.each(Object.entries(FOREIGN))('reads the editor content around %s', (_name, addForeign) => {
    const doc = documentWith(addForeign);
    expect(projectContent(doc)).toEqual({ text: 'Hallo\n\n', html: '<p>Hallo</p><p></p>' });
    // Removed from the document itself, so it is stored and every editor can read it again.
    expect(removeForeignContent(doc.getXmlFragment(COLLAB_FRAGMENT))).toBe(0);
  });

  it('keeps blockquotes and lists nested as deep as a person nests them', () => {
    const doc = documentWith((fragment) => {
      let inner = new Y.XmlElement('paragraph');
      inner.insert(0, [new Y.XmlText('tief')]);
      for (let depth = 0; depth < 30; depth += 1) {
        const item = new Y.XmlElement('listItem');
        const label = new Y.XmlElement('paragraph');
        label.insert(0, [new Y.XmlText(`Ebene ${depth}`)]);
        item.insert(0, [label, inner]);
        const list = new Y.XmlElement('bulletList');
        list.insert(0, [item]);
        inner = list;
      }
      fragment.insert(2, [inner]);
    });
    expect(removeForeignContent(doc.getXmlFragment(COLLAB_FRAGMENT))).toBe(0);
    expect(projectContent(doc).text).toContain('tief');
  });

  it('removes nothing from content an editor writes', () => {
    const doc = documentWith(() => undefined);
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    expect(removeForeignContent(doc.getXmlFragment(COLLAB_FRAGMENT))).toBe(0);
    expect(updates).toEqual([]);
  });
});
