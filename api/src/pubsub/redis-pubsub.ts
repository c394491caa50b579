import { RedisPubSub } from 'graphql-redis-subscriptions';
import { Redis } from 'ioredis';
import { mongo } from 'mongoose';
import {
  revocationChannel,
  type CollabRevocationRecord,
  type CollabRevocationSink,
} from '@lip/common';
import { signRevocationNotice } from '@lip/common/server';
import type { Logger } from '../logger';
import type { PubSub } from './pubsub';

type EngineClient = NonNullable<
  NonNullable<ConstructorParameters<typeof RedisPubSub>[0]>['publisher']
>;

/** The API's side of Redis (with `REDIS_URL`): subscriptions and revocation notices. */
export interface RedisBroker {
  /** Live events across every API process (graphql-redis-subscriptions; at most once). */
  pubsub: PubSub;
  /**
   * Wraps a revocation sink so every record written is also announced on the revocation channel
   * (the fast path; the collab processes still poll the database, the source of truth).
   */
  announcing(sink: CollabRevocationSink): CollabRevocationSink;
  /** `ok` while both connections are ready; `degraded` while Redis is unreachable. */
  status(): 'ok' | 'degraded';
  close(): Promise<void>;
}

/**
 * Connects to Redis for the API. Payloads travel as canonical Extended JSON, so ObjectIds and
 * Dates arrive as they were published. Publishing never waits for a connection: while Redis is
 * down an event is dropped and counted (subscribers refetch when they reconnect, as after any
 * missed event), and the API keeps serving.
 */
export function createRedisBroker(options: {
  url: string;
  /** Prefix of every channel (`REDIS_PREFIX`, shared with the collab processes). */
  prefix: string;
  /** Signs revocation notices (the collab secret). */
  secret: string;
  logger: Logger;
}): RedisBroker {
  const { prefix, logger } = options;
  const retryStrategy = (attempt: number) => Math.min(50 * 2 ** Math.min(attempt, 6), 2000);
  const publisher = new Redis(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1000,
    retryStrategy,
    connectionName: 'lip-api-pub',
  });
  const subscriber = new Redis(options.url, {
    maxRetriesPerRequest: null,
    retryStrategy,
    connectionName: 'lip-api-sub',
  });
  let failures = 0;
  const countFailure = (what: string, error: unknown) => {
    failures += 1;
    if (failures === 1 || failures % 1000 === 0) {
      logger.warn({ err: error, failures }, `redis: ${what} failed`);
    }
  };
  for (const client of [publisher, subscriber]) {
    // Without a listener ioredis logs every failed reconnect to stderr.
    client.on('error', (error: unknown) => countFailure('connection', error));
  }
  const engine = new RedisPubSub({
    // graphql-redis-subscriptions types its clients with its own copy of ioredis 5; the clients
    // of our ioredis 6 have the same pub/sub API.
    publisher: publisher as unknown as EngineClient,
    subscriber: subscriber as unknown as EngineClient,
    serializer: (value: unknown) => mongo.BSON.EJSON.stringify(value, { relaxed: false }),
    deserializer: (text: string | Buffer) =>
      mongo.BSON.EJSON.parse(String(text), { relaxed: false }) as unknown,
  });
  const channel = (topic: string) => `${prefix}api:${topic}`;
  let count = 0;

  const pubsub: PubSub = {
    publish(topic, payload) {
      engine
        .publish(channel(topic), payload)
        .catch((error: unknown) => countFailure('publish', error));
    },
    subscriberCount: () => count,
    subscribe<T>(topic: string): AsyncIterableIterator<T> {
      const source = engine.asyncIterableIterator(channel(topic)) as AsyncIterableIterator<T>;
      count += 1;
      let open = true;
      const close = () => {
        if (open) count -= 1;
        open = false;
      };
      const iterator: AsyncIterableIterator<T> = {
        next: () => source.next(),
        return: () => {
          close();
          return source.return
            ? source.return()
            : Promise.resolve({ value: undefined, done: true as const });
        },
        throw: (error?: unknown) => {
          close();
          return source.throw ? source.throw(error) : Promise.reject(error);
        },
        [Symbol.asyncIterator]: () => iterator,
      };
      return iterator;
    },
  };

  return {
    pubsub,
    announcing(sink) {
      return {
        async insertMany(records: CollabRevocationRecord[]) {
          const stored = (await sink.insertMany(records)) as unknown;
          const ids = Array.isArray(stored)
            ? stored.map((doc: { _id?: unknown }) => String(doc._id))
            : [];
          records.forEach((record, index) => {
            const id = ids[index];
            if (!id) return;
            const notice = signRevocationNotice(
              {
                id,
                reason: record.reason,
                createdAtMs: record.createdAt.getTime(),
                ...(record.personId ? { personId: record.personId } : {}),
                ...(record.documentId ? { documentId: record.documentId } : {}),
                ...(record.sessionId ? { sessionId: record.sessionId } : {}),
              },
              options.secret,
            );
            publisher
              .publish(revocationChannel(prefix), notice)
              .catch((error: unknown) => countFailure('revocation notice', error));
          });
          return stored;
        },
      };
    },
    status: () =>
      publisher.status === 'ready' && subscriber.status === 'ready' ? 'ok' : 'degraded',
    async close() {
      await engine.close().catch(() => undefined);
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
