import * as Y from 'yjs';
import { waitFor } from '@testing-library/react';
import { CollabCloseCode } from '@lip/common';
import { createCollabConnection, TicketError, type CollabState } from './collab-connection';
import { readTicketClaims } from './ticket';

function toTicket(payload: Record<string, unknown>, signature = 'sig'): string {
  const json = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${json}.${signature}`;
}

const DOC_ID = 'aaaaaaaaaaaaaaaaaaaaaaaa';

/** A stand-in for the browser WebSocket that records every connection the provider opens. */
function createFakeSockets() {
  const sockets: FakeSocket[] = [];
  class FakeSocket {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    readyState = 0;
    bufferedAmount = 0;
    binaryType = 'arraybuffer';
    onopen: ((event: unknown) => void) | null = null;
    onclose: ((event: unknown) => void) | null = null;
    onmessage: ((event: unknown) => void) | null = null;
    onerror: ((event: unknown) => void) | null = null;
    sent: unknown[] = [];
    constructor(readonly url: string) {
      sockets.push(this);
    }
    send(data: unknown) {
      this.sent.push(data);
    }
    close() {
      this.readyState = 3;
    }
    open() {
      this.readyState = 1;
      this.onopen?.({});
    }
    serverClose(code: number) {
      this.readyState = 3;
      this.onclose?.({ code, reason: '' });
    }
  }
  return { sockets, FakeSocket: FakeSocket as unknown as typeof WebSocket };
}

function setup(fetchTicket: () => Promise<{ ticket: string; url: string }>) {
  const { sockets, FakeSocket } = createFakeSockets();
  const states: CollabState[] = [];
  const connection = createCollabConnection({
    documentId: DOC_ID,
    ydoc: new Y.Doc(),
    fallbackUrl: 'ws://fallback.invalid',
    fetchTicket,
    onChange: (state) => states.push(state),
    WebSocketPolyfill: FakeSocket,
    disableBc: true,
    maxBackoffMs: 50,
  });
  return { sockets, states, connection };
}

describe('readTicketClaims', () => {
  it('reads mode, name and colour without verifying', () => {
    const ticket = toTicket({ v: 1, mode: 'comment', name: 'Beirat Nord', color: '#aa3300' });
    expect(readTicketClaims(ticket)).toEqual({
      mode: 'comment',
      name: 'Beirat Nord',
      color: '#aa3300',
    });
  });

  it('rejects malformed tickets', () => {
    expect(readTicketClaims('not-a-ticket')).toBeUndefined();
    expect(readTicketClaims(toTicket({ mode: 'admin' }))).toBeUndefined();
  });
});

describe('createCollabConnection', () => {
  it('connects to the room doc.<id> on the URL the API names, with the ticket as query param', async () => {
    const ticket = toTicket({ v: 1, mode: 'edit', name: 'Ada', color: '#112233' });
    const { sockets, states, connection } = setup(async () => ({
      ticket,
      url: 'ws://collab.test:9',
    }));
    await connection.ready;
    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.url).toBe(`ws://collab.test:9/doc.${DOC_ID}?ticket=${ticket}`);
    sockets[0]!.open();
    expect(states.at(-1)).toMatchObject({ phase: 'connected', mode: 'edit', name: 'Ada' });
    connection.destroy();
  });

  it('fetches a fresh ticket and reconnects after the ticket expired', async () => {
    let issued = 0;
    const { sockets, connection } = setup(async () => {
      issued += 1;
      return {
        ticket: toTicket({ v: 1, mode: 'edit', name: `n${issued}`, color: '#112233' }),
        url: 'ws://c',
      };
    });
    await connection.ready;
    sockets[0]!.serverClose(CollabCloseCode.TicketExpired);
    await waitFor(() => expect(sockets).toHaveLength(2));
    expect(issued).toBe(2);
    const fresh = toTicket({ v: 1, mode: 'edit', name: 'n2', color: '#112233' });
    expect(sockets[1]!.url).toBe(`ws://c/doc.${DOC_ID}?ticket=${fresh}`);
    connection.destroy();
  });

  it('stops with "no access" when the server forbids the document', async () => {
    const fetchTicket = jest.fn(async () => ({
      ticket: toTicket({ v: 1, mode: 'edit', name: 'A', color: '#112233' }),
      url: 'ws://c',
    }));
    const { sockets, states, connection } = setup(fetchTicket);
    await connection.ready;
    sockets[0]!.serverClose(CollabCloseCode.Forbidden);
    expect(states.at(-1)?.phase).toBe('no-access');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(sockets).toHaveLength(1);
    expect(fetchTicket).toHaveBeenCalledTimes(1);
    connection.destroy();
  });

  it('asks the API again after access was revoked and shows "no access" when it refuses', async () => {
    let calls = 0;
    const { sockets, states, connection } = setup(async () => {
      calls += 1;
      if (calls > 1) throw new TicketError('no-access', 'FORBIDDEN');
      return {
        ticket: toTicket({ v: 1, mode: 'edit', name: 'A', color: '#112233' }),
        url: 'ws://c',
      };
    });
    await connection.ready;
    sockets[0]!.open();
    sockets[0]!.serverClose(CollabCloseCode.AccessRevoked);
    await waitFor(() => expect(states.at(-1)?.phase).toBe('no-access'));
    expect(calls).toBe(2);
    connection.destroy();
  });

  it('gives up on a message that was too big', async () => {
    const { sockets, states, connection } = setup(async () => ({
      ticket: toTicket({ v: 1, mode: 'edit', name: 'A', color: '#112233' }),
      url: 'ws://c',
    }));
    await connection.ready;
    sockets[0]!.serverClose(CollabCloseCode.MessageTooBig);
    expect(states.at(-1)).toMatchObject({
      phase: 'failed',
      closeCode: CollabCloseCode.MessageTooBig,
    });
    connection.destroy();
  });
});
