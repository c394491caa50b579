import type * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import {
  CollabCloseCode,
  isRetryableClose,
  toCollabDocumentName,
  type CollabMode,
} from '@lip/common';
import { readTicketClaims } from './ticket';

/** A ticket from the API's `collabTicket` mutation, with the collab server URL when it names one. */
export interface IssuedTicket {
  ticket: string;
  url?: string | null;
}

/** Why fetching a ticket failed: access decisions end the session, anything else is retried. */
export class TicketError extends Error {
  constructor(
    readonly kind: 'no-access' | 'signed-out' | 'transient',
    message: string,
  ) {
    super(message);
    this.name = 'TicketError';
  }
}

/** The connection's life as the indicator shows it. */
export type CollabPhase = 'connecting' | 'connected' | 'offline' | 'no-access' | 'failed';

/** A snapshot of the connection for the UI. */
export interface CollabState {
  phase: CollabPhase;
  /** Whether the first sync with the server finished on the current connection. */
  synced: boolean;
  /** Whether local changes have not yet been handed to the server. */
  pending: boolean;
  mode: CollabMode | null;
  name: string;
  color: string;
  /** The close code that ended the session (no-access, failed). */
  closeCode: number | null;
}

/** Options of {@link createCollabConnection}. */
export interface CollabConnectionOptions {
  documentId: string;
  ydoc: Y.Doc;
  /** Websocket base used when the API does not name one (e.g. `ws://127.0.0.1:1234`). */
  fallbackUrl: string;
  fetchTicket: () => Promise<IssuedTicket>;
  onChange: (state: CollabState) => void;
  /** Longest wait between reconnect attempts in milliseconds. */
  maxBackoffMs?: number;
  WebSocketPolyfill?: typeof WebSocket;
  /** Cross-tab sync; off in tests so convergence must go through the server. */
  disableBc?: boolean;
}

/** The handle returned by {@link createCollabConnection}. */
export interface CollabConnection {
  /** Resolves with the provider once the first ticket was issued (rejects on no access). */
  ready: Promise<WebsocketProvider>;
  getState: () => CollabState;
  destroy: () => void;
}

const PENDING_POLL_MS = 150;

/**
 * Connects a Y.Doc to the collab server with the official y-websocket provider. Every
 * (re)connection uses a fresh ticket: the provider never reconnects on its own after the server
 * closes; we fetch a new ticket for retryable codes and for AccessRevoked (the API's policy then
 * decides), and stop with "no access" on Forbidden or when the API refuses a ticket.
 */
export function createCollabConnection(options: CollabConnectionOptions): CollabConnection {
  const maxBackoffMs = options.maxBackoffMs ?? 5000;
  let provider: WebsocketProvider | null = null;
  let destroyed = false;
  let attempts = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let pendingTimer: ReturnType<typeof setInterval> | null = null;
  let state: CollabState = {
    phase: 'connecting',
    synced: false,
    pending: false,
    mode: null,
    name: '',
    color: '#1f5f99',
    closeCode: null,
  };

  const update = (patch: Partial<CollabState>) => {
    if (destroyed) return;
    state = { ...state, ...patch };
    options.onChange(state);
  };

  const applyTicket = (issued: IssuedTicket) => {
    const claims = readTicketClaims(issued.ticket);
    if (claims) update({ mode: claims.mode, name: claims.name, color: claims.color });
    if (provider) {
      provider.params = { ...provider.params, ticket: issued.ticket };
      if (provider.awareness && claims) {
        provider.awareness.setLocalStateField('user', { name: claims.name, color: claims.color });
      }
    }
  };

  const isSent = () =>
    provider !== null &&
    provider.wsconnected &&
    provider.ws !== null &&
    provider.ws.bufferedAmount === 0;

  const watchPending = () => {
    if (pendingTimer !== null) return;
    pendingTimer = setInterval(() => {
      if (isSent()) {
        if (pendingTimer !== null) clearInterval(pendingTimer);
        pendingTimer = null;
        update({ pending: false });
      }
    }, PENDING_POLL_MS);
  };

  const onLocalUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === provider || destroyed) return;
    if (!state.pending) update({ pending: true });
    watchPending();
  };
  options.ydoc.on('update', onLocalUpdate);

  const reconnect = async () => {
    if (destroyed || !provider) return;
    update({ phase: navigator.onLine === false ? 'offline' : 'connecting', synced: false });
    try {
      applyTicket(await options.fetchTicket());
      attempts = 0;
      provider.connect();
    } catch (error) {
      if (error instanceof TicketError && error.kind !== 'transient') {
        update({ phase: 'no-access', closeCode: CollabCloseCode.AccessRevoked });
        return;
      }
      attempts += 1;
      update({ phase: 'offline' });
      retryTimer = setTimeout(
        () => void reconnect(),
        Math.min(maxBackoffMs, 250 * 2 ** Math.min(attempts, 6)),
      );
    }
  };

  const onClosed = ({ code }: { code: number; reason: string }) => {
    if (destroyed) return;
    if (code === CollabCloseCode.Forbidden) {
      update({ phase: 'no-access', closeCode: code });
      return;
    }
    if (code === CollabCloseCode.AccessRevoked || isRetryableClose(code)) {
      const delay = Math.min(maxBackoffMs, 100 * 2 ** Math.min(attempts, 6));
      attempts += 1;
      retryTimer = setTimeout(() => void reconnect(), delay);
      return;
    }
    update({ phase: 'failed', closeCode: code });
  };

  const ready = (async () => {
    const first = await options.fetchTicket().catch((error: unknown) => {
      if (error instanceof TicketError && error.kind !== 'transient') {
        update({ phase: 'no-access', closeCode: CollabCloseCode.Forbidden });
      } else {
        update({ phase: 'failed', closeCode: null });
      }
      throw error;
    });
    if (destroyed) throw new Error('destroyed');
    const created = new WebsocketProvider(
      first.url || options.fallbackUrl,
      toCollabDocumentName(options.documentId),
      options.ydoc,
      {
        params: { ticket: first.ticket },
        connect: false,
        disableBc: options.disableBc ?? false,
        maxBackoffTime: maxBackoffMs,
        // We decide about every server close ourselves, with a fresh ticket (see onClosed).
        shouldReconnect: () => false,
        ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
      },
    );
    provider = created;
    applyTicket(first);
    created.on('status', ({ status }) => {
      if (status === 'connected') {
        attempts = 0;
        update({ phase: 'connected', closeCode: null });
      } else if (status === 'disconnected' && state.phase === 'connected') {
        update({ phase: navigator.onLine === false ? 'offline' : 'connecting', synced: false });
      }
    });
    created.on('sync', (synced: boolean) => update({ synced }));
    created.on('closed', onClosed);
    created.connect();
    return created;
  })();
  // The caller observes failures through the state; avoid an unhandled rejection here.
  ready.catch(() => undefined);

  return {
    ready,
    getState: () => state,
    destroy: () => {
      destroyed = true;
      if (retryTimer !== null) clearTimeout(retryTimer);
      if (pendingTimer !== null) clearInterval(pendingTimer);
      options.ydoc.off('update', onLocalUpdate);
      provider?.destroy();
    },
  };
}
