import { Redis } from 'ioredis';
import type { CollabLogger } from '../logger';

/**
 * The pub/sub the relay runs on: Redis in production (`createRedisBus`), an in-memory hub in
 * unit tests (`createMemoryHub`). Publishing never waits for a connection: while the bus is
 * down a publish fails at once and the relay counts it.
 */
export interface RelayBus {
  /** Subscribes to a channel; resolves once the subscription is active (queued while down). */
  subscribe(channel: string): Promise<void>;
  unsubscribe(channel: string): Promise<void>;
  publish(channel: string, data: Uint8Array): Promise<void>;
  /** The handler of incoming messages on the channels subscribed with `subscribe`. */
  onMessage(handler: (channel: string, data: Uint8Array) => void): void;
  /** Subscribes to a fixed channel with its own handler (the revocation fast path). */
  listen(channel: string, handler: (data: Uint8Array) => void): Promise<void>;
  /**
   * Called after the bus reconnected and `channels` are subscribed again: messages may have
   * been missed meanwhile, so the relay resyncs every document.
   */
  onReconnected(handler: () => void): void;
  /** Whether both directions are connected. */
  isUp(): boolean;
  close(): Promise<void>;
}

/**
 * A {@link RelayBus} on Redis pub/sub (ioredis): one connection publishes (no offline queue, a
 * publish while Redis is down fails at once, after at most `commandTimeoutMs` when it is slow),
 * one subscribes (subscriptions wait for the connection). Both reconnect forever with a backoff
 * up to 2 s; after a reconnect every channel is subscribed again before `onReconnected` runs.
 * Redis only ever carries copies: the database stays the place of record.
 */
export function createRedisBus(options: {
  url: string;
  logger: CollabLogger;
  commandTimeoutMs?: number;
}): RelayBus {
  const { logger } = options;
  const retryStrategy = (attempt: number) => Math.min(50 * 2 ** Math.min(attempt, 6), 2000);
  const publisher = new Redis(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: options.commandTimeoutMs ?? 1000,
    retryStrategy,
    connectionName: 'lip-collab-relay-pub',
  });
  const subscriber = new Redis(options.url, {
    autoResubscribe: false,
    maxRetriesPerRequest: null,
    retryStrategy,
    connectionName: 'lip-collab-relay-sub',
  });
  const channels = new Set<string>();
  const listeners = new Map<string, (data: Uint8Array) => void>();
  let messageHandler: (channel: string, data: Uint8Array) => void = () => undefined;
  let reconnectedHandler: () => void = () => undefined;
  let everReady = false;
  let closed = false;
  let wasDown = false;

  const noteDown = (which: string) => (error?: unknown) => {
    if (closed) return;
    if (!wasDown)
      logger.warn('relay: Redis unavailable', { connection: which, error: String(error ?? '') });
    wasDown = true;
  };
  for (const [client, which] of [
    [publisher, 'publish'],
    [subscriber, 'subscribe'],
  ] as const) {
    // Without an error listener ioredis prints every failed reconnect attempt.
    client.on('error', noteDown(which));
    client.on('close', noteDown(which));
  }
  publisher.on('ready', () => {
    if (subscriber.status === 'ready' && wasDown) {
      wasDown = false;
      logger.info('relay: Redis is back', {});
    }
  });
  subscriber.on('ready', () => {
    if (!everReady) {
      everReady = true;
      return;
    }
    const list = [...channels, ...listeners.keys()];
    const resubscribed = list.length > 0 ? subscriber.subscribe(...list) : Promise.resolve(0);
    resubscribed.then(
      () => {
        if (publisher.status === 'ready' && wasDown) {
          wasDown = false;
          logger.info('relay: Redis is back', {});
        }
        reconnectedHandler();
      },
      (error: unknown) => logger.warn('relay: resubscribing failed', { error: String(error) }),
    );
  });
  subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
    const name = channel.toString();
    const data = new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
    const listener = listeners.get(name);
    if (listener) listener(data);
    else messageHandler(name, data);
  });

  return {
    async subscribe(channel) {
      channels.add(channel);
      await subscriber.subscribe(channel);
    },
    async unsubscribe(channel) {
      channels.delete(channel);
      if (subscriber.status === 'ready') await subscriber.unsubscribe(channel);
    },
    async publish(channel, data) {
      await publisher.publish(channel, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    },
    onMessage(handler) {
      messageHandler = handler;
    },
    async listen(channel, handler) {
      listeners.set(channel, handler);
      await subscriber.subscribe(channel);
    },
    onReconnected(handler) {
      reconnectedHandler = handler;
    },
    isUp: () => publisher.status === 'ready' && subscriber.status === 'ready',
    async close() {
      closed = true;
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}

/**
 * An in-memory pub/sub hub for unit tests: buses created from it see each other's messages
 * (delivered asynchronously, like Redis), and `setUp(false)` simulates an outage (publishes
 * fail, nothing is delivered; `setUp(true)` reconnects every bus).
 */
export function createMemoryHub() {
  const buses = new Set<{
    channels: Set<string>;
    listeners: Map<string, (data: Uint8Array) => void>;
    deliver: (channel: string, data: Uint8Array) => void;
    reconnected: () => void;
  }>();
  let up = true;
  return {
    setUp(value: boolean): void {
      const wasUp = up;
      up = value;
      if (value && !wasUp) for (const bus of buses) queueMicrotask(bus.reconnected);
    },
    createBus(): RelayBus {
      const bus = {
        channels: new Set<string>(),
        listeners: new Map<string, (data: Uint8Array) => void>(),
        deliver: (_channel: string, _data: Uint8Array) => undefined as void,
        reconnected: () => undefined as void,
      };
      buses.add(bus);
      return {
        async subscribe(channel) {
          bus.channels.add(channel);
        },
        async unsubscribe(channel) {
          bus.channels.delete(channel);
        },
        async publish(channel, data) {
          if (!up) throw new Error('bus down');
          const copy = data.slice();
          for (const other of buses) {
            const listener = other.listeners.get(channel);
            if (listener) setImmediate(() => up && listener(copy));
            else if (other.channels.has(channel)) {
              setImmediate(() => up && other.deliver(channel, copy));
            }
          }
        },
        onMessage(handler) {
          bus.deliver = handler;
        },
        async listen(channel, handler) {
          bus.listeners.set(channel, handler);
        },
        onReconnected(handler) {
          bus.reconnected = handler;
        },
        isUp: () => up,
        async close() {
          buses.delete(bus);
        },
      };
    },
  };
}
