import type { Connection } from 'mongoose';
import { testDatabase } from '../../../jest/database';
import { DomainError } from '../errors';
import { openConnection } from './connection';
import { createLeaseLock } from './keyed-lock';
import { registerWriteLeaseModel, type WriteLeaseModel } from './write-lease.model';

let connection: Connection;
let model: WriteLeaseModel;
beforeAll(async () => {
  const { uri, dbName } = testDatabase(__filename);
  connection = await openConnection(uri, dbName);
  model = registerWriteLeaseModel(connection);
  await model.init();
});
afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

describe('the lease lock', () => {
  it('never runs two tasks of a key at once, across two lock instances', async () => {
    const locks = [createLeaseLock({ model }), createLeaseLock({ model })];
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        locks[i % 2]?.run('shared', async () => {
          inside += 1;
          most = Math.max(most, inside);
          await new Promise((resolve) => setTimeout(resolve, 2));
          order.push(i);
          inside -= 1;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(order).toHaveLength(30);
    // One lease per task, numbered without gaps or repeats, all released (none pruned yet:
    // pruning waits until no stale read can reach a record).
    const records = await model.find({ key: 'shared' }).sort({ n: 1 }).lean();
    expect(records.map((r) => r.n)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(records.every((r) => r.releasedAt instanceof Date)).toBe(true);
  });

  it('runs tasks of different keys side by side', async () => {
    const lock = createLeaseLock({ model });
    let inside = 0;
    let most = 0;
    // Each task waits inside until all three are in (a serialising lock would time out here),
    // so a slow lease acquisition cannot make the tasks merely look sequential.
    let allInside!: () => void;
    const everyoneIn = new Promise<void>((resolve) => (allInside = resolve));
    await Promise.all(
      ['a', 'b', 'c'].map((key) =>
        lock.run(key, async () => {
          inside += 1;
          most = Math.max(most, inside);
          if (inside === 3) allInside();
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([
            everyoneIn,
            new Promise((resolve) => (timer = setTimeout(resolve, 10_000))),
          ]);
          clearTimeout(timer);
          inside -= 1;
        }),
      ),
    );
    expect(most).toBe(3);
  });

  it('releases the lease when the task fails', async () => {
    const lock = createLeaseLock({ model });
    await expect(
      lock.run('failing', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await lock.run('failing', async () => 'next')).toBe('next');
  });

  it('refuses to write when a stalled holder has too little of its lease left', async () => {
    let now = Date.now();
    const lock = createLeaseLock({
      model,
      now: () => now,
      timing: { leaseMs: 10_000, safetyMarginMs: 2_000 },
    });
    const outcome = await lock
      .run('stalled', async (lease) => {
        now += 9_000;
        lease.assertHeld();
        return 'wrote';
      })
      .catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(DomainError);
    expect((outcome as DomainError).code).toBe('conflict');
  });

  it('reports conflict when a key stays busy longer than the wait', async () => {
    await model.create({
      _id: 'busy:1',
      key: 'busy',
      n: 1,
      owner: 'elsewhere',
      expiresAt: new Date(Date.now() + 60_000),
    });
    const lock = createLeaseLock({ model, timing: { acquireTimeoutMs: 200 } });
    const outcome = await lock.run('busy', async () => 'ran').catch((error: unknown) => error);
    expect((outcome as DomainError).code).toBe('conflict');
  });

  it('never inserts a lease on a read older than the safety margin', async () => {
    // Every look at the clock is 4 s later: each read counts as stale, so no lease is taken.
    let now = Date.now();
    const lock = createLeaseLock({
      model,
      now: () => (now += 4_000),
      timing: { safetyMarginMs: 3_000, acquireTimeoutMs: 30_000 },
    });
    const outcome = await lock.run('slow-reader', async () => 'ran').catch((e: unknown) => e);
    expect((outcome as DomainError).code).toBe('conflict');
    expect(await model.countDocuments({ key: 'slow-reader' })).toBe(0);
  });

  it('prunes only released records older than the prune age, never the newest', async () => {
    const old = new Date(Date.now() - 120_000);
    await model.create([
      {
        _id: 'prune:1',
        key: 'prune',
        n: 1,
        owner: 'x',
        expiresAt: old,
        releasedAt: old,
        createdAt: old,
      },
      {
        _id: 'prune:2',
        key: 'prune',
        n: 2,
        owner: 'x',
        expiresAt: new Date(),
        releasedAt: new Date(),
      },
    ]);
    await createLeaseLock({ model }).run('prune', async () => undefined);
    const left = await model.find({ key: 'prune' }).sort({ n: 1 }).lean();
    expect(left.map((r) => r.n)).toEqual([2, 3]);
  });
});
