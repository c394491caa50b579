import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Name and caret colour of a connection, taken from its ticket (never from the client). */
export interface AwarenessIdentity {
  name: string;
  color: string;
}

/** What the guard knows about the connection an awareness update came from. */
export interface AwarenessSender {
  personId: string;
  /** Awareness client ids this connection owns. */
  awarenessClients: Set<number>;
  /** Whether its first awareness update (which claims its ids) has been seen. */
  awarenessClaimed: boolean;
  identity: AwarenessIdentity;
}

/** How many awareness client ids one connection may claim (y-websocket uses one). */
export const MAX_AWARENESS_CLIENTS_PER_CONNECTION = 4;

/** The guard's decision on one awareness update. */
export type AwarenessVerdict =
  | {
      kind: 'accept';
      /** The update to apply: only the sender's own entries, `user` set from its ticket. */
      update: Uint8Array;
      /** Ids this update claims for the sender (its first update only). */
      claims: number[];
      /** Entries dropped: other connections' ids or unusable states. */
      dropped: number;
    }
  | { kind: 'nothing-left'; claims: number[]; dropped: number }
  | { kind: 'malformed'; reason: string };

interface Entry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

function decodeEntries(update: Uint8Array): Entry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i += 1) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    if (state === null || (typeof state === 'object' && !Array.isArray(state))) {
      entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
    } else {
      // A state that is not an object cannot carry a caret; mark it for dropping.
      entries.push({ clientId, clock: -1, state: null });
    }
  }
  return entries;
}

function encodeEntries(entries: readonly Entry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Screens one awareness update (the y-protocols encoding) from a connection. The first update a
 * connection sends claims its client ids: ids no other connection owns, or owned by another
 * connection of the same person (a reconnect whose old socket is not closed yet). Afterwards it
 * may only update or remove its own ids; entries for anyone else's are dropped, so nobody can
 * move or remove another person's caret. The `user` field (name, colour) of every state is
 * replaced by the ticket's, so nobody appears under another name. Never throws: an update that
 * cannot be decoded is `malformed`.
 */
export function screenAwarenessUpdate(
  update: Uint8Array,
  sender: AwarenessSender,
  ownerOf: (clientId: number) => AwarenessSender | undefined,
): AwarenessVerdict {
  let entries: Entry[];
  try {
    entries = decodeEntries(update);
  } catch (error) {
    return { kind: 'malformed', reason: error instanceof Error ? error.message : 'decode error' };
  }
  const claims: number[] = [];
  if (!sender.awarenessClaimed) {
    for (const { clientId } of entries) {
      if (claims.length >= MAX_AWARENESS_CLIENTS_PER_CONNECTION) break;
      if (claims.includes(clientId)) continue;
      const owner = ownerOf(clientId);
      if (!owner || owner === sender || owner.personId === sender.personId) claims.push(clientId);
    }
  }
  const own = (clientId: number) =>
    sender.awarenessClients.has(clientId) || claims.includes(clientId);
  const kept: Entry[] = [];
  for (const entry of entries) {
    if (entry.clock < 0 || !own(entry.clientId)) continue;
    kept.push(
      entry.state === null
        ? entry
        : {
            ...entry,
            state: {
              ...entry.state,
              user: { name: sender.identity.name, color: sender.identity.color },
            },
          },
    );
  }
  const dropped = entries.length - kept.length;
  if (kept.length === 0) return { kind: 'nothing-left', claims, dropped };
  return { kind: 'accept', update: encodeEntries(kept), claims, dropped };
}
