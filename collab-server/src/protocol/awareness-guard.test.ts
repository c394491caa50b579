import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  MAX_AWARENESS_CLIENTS_PER_CONNECTION,
  screenAwarenessUpdate,
  type AwarenessSender,
} from './awareness-guard';

function sender(personId: string, name = personId): AwarenessSender {
  return {
    personId,
    awarenessClients: new Set(),
    awarenessClaimed: false,
    identity: { name, color: '#123456' },
  };
}

/** Encodes entries the way y-protocols does, with any states (also hostile ones). */
function update(entries: Array<[clientId: number, clock: number, state: unknown]>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const [clientId, clock, state] of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

/** Applies an accepted update to a fresh awareness and returns the states it holds. */
function statesAfter(accepted: Uint8Array): Map<number, Record<string, unknown>> {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState(null);
  awarenessProtocol.applyAwarenessUpdate(awareness, accepted, 'test');
  const states = new Map(awareness.getStates()) as Map<number, Record<string, unknown>>;
  awareness.destroy();
  return states;
}

describe('awareness guard', () => {
  it('lets the first update claim free client ids and replaces the user with the ticket identity', () => {
    const reader = sender('reader', 'Rita Reader');
    const verdict = screenAwarenessUpdate(
      update([[7, 1, { user: { name: 'Bürgermeisterin', color: '#ff0000' }, cursor: null }]]),
      reader,
      () => undefined,
    );
    expect(verdict.kind).toBe('accept');
    if (verdict.kind !== 'accept') return;
    expect(verdict.claims).toEqual([7]);
    expect(statesAfter(verdict.update).get(7)).toEqual({
      user: { name: 'Rita Reader', color: '#123456' },
      cursor: null,
    });
  });

  it('does not let a first update claim an id another person owns', () => {
    const alice = sender('alice');
    alice.awarenessClients.add(1);
    alice.awarenessClaimed = true;
    const mallory = sender('mallory');
    const verdict = screenAwarenessUpdate(
      update([
        [1, 9, { user: { name: 'alice' }, cursor: { anchor: 'x' } }],
        [2, 1, { cursor: null }],
      ]),
      mallory,
      (id) => (id === 1 ? alice : undefined),
    );
    expect(verdict).toMatchObject({ kind: 'accept', claims: [2], dropped: 1 });
    if (verdict.kind !== 'accept') return;
    expect([...statesAfter(verdict.update).keys()]).toEqual([2]);
  });

  it('drops updates and removals of ids the connection does not own after its first update', () => {
    const mallory = sender('mallory');
    mallory.awarenessClaimed = true;
    mallory.awarenessClients.add(2);
    const verdict = screenAwarenessUpdate(
      update([
        [1, 10, null],
        [3, 1, { cursor: null }],
      ]),
      mallory,
      () => undefined,
    );
    expect(verdict).toEqual({ kind: 'nothing-left', claims: [], dropped: 2 });
  });

  it('lets a connection remove its own state', () => {
    const bob = sender('bob');
    bob.awarenessClaimed = true;
    bob.awarenessClients.add(5);
    const verdict = screenAwarenessUpdate(update([[5, 3, null]]), bob, () => bob);
    expect(verdict).toMatchObject({ kind: 'accept', dropped: 0 });
  });

  it('lets a reconnect of the same person take over its own id from the old connection', () => {
    const old = sender('carol');
    old.awarenessClients.add(4);
    const fresh = sender('carol');
    const verdict = screenAwarenessUpdate(update([[4, 2, { cursor: null }]]), fresh, () => old);
    expect(verdict).toMatchObject({ kind: 'accept', claims: [4] });
  });

  it(`claims at most ${MAX_AWARENESS_CLIENTS_PER_CONNECTION} ids per connection`, () => {
    const greedy = sender('greedy');
    const entries = Array.from(
      { length: 10 },
      (_, i) => [100 + i, 1, { n: i }] as [number, number, unknown],
    );
    const verdict = screenAwarenessUpdate(update(entries), greedy, () => undefined);
    expect(verdict).toMatchObject({
      kind: 'accept',
      claims: [100, 101, 102, 103],
      dropped: 10 - MAX_AWARENESS_CLIENTS_PER_CONNECTION,
    });
  });

  it('drops states that are not objects', () => {
    const verdict = screenAwarenessUpdate(
      update([
        [1, 1, 'a string'],
        [2, 1, [1, 2]],
        [3, 1, 42],
      ]),
      sender('odd'),
      () => undefined,
    );
    expect(verdict).toMatchObject({ kind: 'nothing-left', dropped: 3 });
  });

  it('reports truncated and non-JSON updates as malformed instead of throwing', () => {
    const good = update([[1, 1, { cursor: null }]]);
    expect(
      screenAwarenessUpdate(good.subarray(0, good.length - 3), sender('x'), () => undefined),
    ).toMatchObject({ kind: 'malformed' });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, '{not json');
    expect(
      screenAwarenessUpdate(encoding.toUint8Array(encoder), sender('x'), () => undefined),
    ).toMatchObject({ kind: 'malformed' });
    expect(
      screenAwarenessUpdate(new Uint8Array([0xff]), sender('x'), () => undefined),
    ).toMatchObject({ kind: 'malformed' });
  });
});
