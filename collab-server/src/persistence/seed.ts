import { COLLAB_FRAGMENT } from '@lip/common';
import type { Schema } from '@tiptap/pm/model';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/**
 * Builds the first Yjs update of a new document from ProseMirror JSON (`seedContent` of the
 * `documents` collection). Seeding happens on the server only: two clients seeding an empty
 * document would insert the content twice. Returns undefined for missing or unusable JSON.
 */
export function toSeedUpdate(seedContent: unknown, schema: Schema): Uint8Array | undefined {
  let json: unknown = seedContent;
  if (typeof json === 'string') {
    try {
      json = JSON.parse(json);
    } catch {
      return undefined;
    }
  }
  if (!json || typeof json !== 'object') return undefined;
  const ydoc = new Y.Doc();
  try {
    prosemirrorJSONToYXmlFragment(schema, json, ydoc.getXmlFragment(COLLAB_FRAGMENT));
    return Y.encodeStateAsUpdate(ydoc);
  } catch {
    return undefined;
  } finally {
    ydoc.destroy();
  }
}
