import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { op } from './connection';
import { startTestApp, type TestApp, type TestClient } from '../testing/test-app';

const SESSION_SECRET = randomBytes(32).toString('hex');

/** Two API instances with their own connections and locks on one database (a load balancer). */
let a: TestApp;
let b: TestApp;
let viaA: TestClient;
let viaB: TestClient;
beforeAll(async () => {
  a = await startTestApp(__filename, { env: { SESSION_SECRET } });
  b = await startTestApp(__filename, {
    seed: false,
    dbName: a.app.deps.config.dbName,
    env: { SESSION_SECRET },
  });
  viaA = await a.signIn('koordination@lip.example');
  viaB = b.anonymous();
  viaB.cookie = viaA.cookie;
}, 60_000);
afterAll(async () => {
  await b.app.stop();
  await a.close();
}, 30_000);

const through = (i: number) => (i % 2 === 0 ? viaA : viaB);

// Hundreds of writes through two processes on one embedded database take a few seconds.
jest.setTimeout(60_000);

describe('two API processes on one database', () => {
  it('lose no task move or update among 50 concurrent conflicting ones', async () => {
    const process = await a.app.deps.models.Process.findOne({}).lean();
    const anchor = await a.app.deps.models.Task.create({
      processId: process?._id,
      actionFieldKey: 'education',
      title: 'Anker',
      status: 'done',
      position: 1_000_000,
    });
    const tasks = await a.app.deps.models.Task.insertMany(
      Array.from({ length: 50 }, (_, i) => ({
        processId: process?._id,
        actionFieldKey: 'education',
        title: `Aufgabe ${i}`,
        status: 'open',
        position: i * 1024,
      })),
    );
    // Every task moves before the same anchor (all compute their position from the same
    // neighbours) while its title changes through the other process.
    const results = await Promise.all(
      tasks.flatMap((task, i) => [
        through(i).gql(
          'mutation ($id: ID!, $before: ID!) { moveTask(input: { taskId: $id, status: DONE, beforeTaskId: $before }) { task { id } } }',
          { id: String(task._id), before: String(anchor._id) },
        ),
        through(i + 1).gql(
          'mutation ($id: ID!, $title: String!) { updateTask(input: { taskId: $id, title: $title }) { task { id } } }',
          { id: String(task._id), title: `Aufgabe ${i} (geändert)` },
        ),
      ]),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);

    const stored = await a.app.deps.models.Task.find({
      _id: op({ $in: tasks.map((t) => t._id) }),
    }).lean();
    expect(stored.filter((t) => t.status !== 'done')).toEqual([]);
    expect(stored.filter((t) => !t.title.endsWith('(geändert)'))).toEqual([]);
    const positions = stored.map((t) => t.position);
    expect(new Set(positions).size).toBe(50);
    expect(positions.every((p) => Number.isFinite(p) && p < anchor.position)).toBe(true);
  });

  it('lose no member among 50 concurrent additions to one group', async () => {
    const people = await a.app.deps.models.Person.insertMany(
      Array.from({ length: 50 }, (_, i) => ({
        name: `Neues Mitglied ${i}`,
        email: `mitglied-${i}@lip.example`,
      })),
    );
    const process = await a.app.deps.models.Process.findOne({}).lean();
    const group = process?.groups.find((g) => g.actionFieldKey === 'social');
    const results = await Promise.all(
      people.map((person, i) =>
        through(i).gql(
          'mutation ($input: AddGroupMemberInput!) { addGroupMember(input: $input) { group { id } } }',
          {
            input: {
              groupId: String(group?._id),
              personId: String(person._id),
              role: 'MEMBER',
              sector: 'CIVIL_SOCIETY',
            },
          },
        ),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const after = await a.app.deps.models.Process.findOne({ _id: process?._id }).lean();
    const members = new Set(
      after?.groups
        .find((g) => String(g._id) === String(group?._id))
        ?.members.map((m) => String(m.personId)),
    );
    const missing = people.filter((p) => !members.has(String(p._id)));
    expect(missing.map((p) => p.name)).toEqual([]);
    expect(after?.revision).toBe((process?.revision ?? 0) + 50);
  });

  it('hands a lease whose holder died to the next writer after it expires', async () => {
    const key = `test:${new Types.ObjectId().toHexString()}`;
    // A holder that crashed: its lease record stays, unreleased, until it expires.
    await a.app.deps.models.WriteLease.create({
      _id: `${key}:1`,
      key,
      n: 1,
      owner: 'crashed',
      expiresAt: new Date(Date.now() + 300),
      releasedAt: null,
    });
    const ran = await b.app.deps.writeLock.run(key, async () => 'ran');
    expect(ran).toBe('ran');
    const latest = await a.app.deps.models.WriteLease.findOne({ key }).sort({ n: -1 }).lean();
    expect(latest).toMatchObject({ n: 2, releasedAt: expect.any(Date) });
  });
});
