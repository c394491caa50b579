import * as Y from 'yjs';
import type { EditorState } from '@tiptap/pm/state';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';

/** A comment anchor as stored (opaquely) by the API: two Yjs relative positions, base64. */
interface StoredAnchor {
  v: 1;
  from: string;
  to: string;
}

interface SyncState {
  type: Y.XmlFragment;
  binding: { mapping: Map<Y.AbstractType<unknown>, unknown> } | null;
}

function syncState(state: EditorState): SyncState | undefined {
  const value = ySyncPluginKey.getState(state) as SyncState | undefined;
  return value?.binding ? value : undefined;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  bytes.forEach((byte) => (binary += String.fromCharCode(byte)));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

/**
 * Encodes a ProseMirror range as Yjs relative positions, so the comment stays on the same text
 * while others insert or delete around it. Undefined when the editor is not bound to a Y.Doc.
 */
export function toAnchor(state: EditorState, from: number, to: number): string | undefined {
  const sync = syncState(state);
  if (!sync?.binding) return undefined;
  const mapping = sync.binding.mapping as Parameters<typeof absolutePositionToRelativePosition>[2];
  const start = absolutePositionToRelativePosition(from, sync.type, mapping) as Y.RelativePosition;
  const end = absolutePositionToRelativePosition(to, sync.type, mapping) as Y.RelativePosition;
  const stored: StoredAnchor = {
    v: 1,
    from: toBase64(Y.encodeRelativePosition(start)),
    to: toBase64(Y.encodeRelativePosition(end)),
  };
  return JSON.stringify(stored);
}

/**
 * Resolves a stored anchor to the current ProseMirror range, or undefined when the text it was
 * attached to has been deleted (the thread then shows its quoted text only).
 */
export function resolveAnchor(
  state: EditorState,
  ydoc: Y.Doc,
  anchor: string,
): { from: number; to: number } | undefined {
  const sync = syncState(state);
  if (!sync?.binding) return undefined;
  try {
    const stored = JSON.parse(anchor) as Partial<StoredAnchor>;
    if (stored.v !== 1 || !stored.from || !stored.to) return undefined;
    const mapping = sync.binding.mapping as Parameters<
      typeof relativePositionToAbsolutePosition
    >[3];
    const from = relativePositionToAbsolutePosition(
      ydoc,
      sync.type,
      Y.decodeRelativePosition(fromBase64(stored.from)),
      mapping,
    );
    const to = relativePositionToAbsolutePosition(
      ydoc,
      sync.type,
      Y.decodeRelativePosition(fromBase64(stored.to)),
      mapping,
    );
    if (from === null || to === null || to <= from) return undefined;
    return { from, to };
  } catch {
    return undefined;
  }
}
