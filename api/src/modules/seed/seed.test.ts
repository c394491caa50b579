import { DEFAULT_ACTION_FIELD_KEYS } from '@lip/common';
import { op } from '../../db/connection';
import { seedDemoWorkspace } from './seed';
import { startTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(__filename, { seed: false });
});
afterAll(async () => {
  await t.close();
});

describe('demo seed', () => {
  it('seeds the Hannover process into an empty database', async () => {
    const result = await seedDemoWorkspace(t.app.deps.models);
    expect(result.seeded).toBe(true);
    const process = await t.app.deps.models.Process.findOne({}).lean();
    const first = process?.periodStart.getUTCFullYear() ?? 0;
    expect(process?.title).toBe(
      `Aktualisierung des Lokalen Integrationsplans (LIP) ${first}–${process?.periodEnd.getUTCFullYear()}`,
    );
    expect(process?.actionFields.map((a) => a.key)).toEqual([...DEFAULT_ACTION_FIELD_KEYS]);
    expect(process?.groups).toHaveLength(6);
    expect(process?.bodies.filter((b) => b.kind === 'district-council')).toHaveLength(13);
    expect(process?.bodies.map((b) => b.name)).toEqual(
      expect.arrayContaining(['Runder Tisch gegen Rassismus', 'Lenkungsgruppe']),
    );
    expect(process?.budgetLines.map((b) => [b.amountEur, b.year])).toEqual([
      [170_000, first],
      [170_000, first + 1],
      [130_000, first],
    ]);
    for (const group of process?.groups ?? []) {
      const sectors = new Set(group.members.map((m) => m.sector));
      expect(sectors).toEqual(new Set(['administration', 'civil-society']));
    }
  });

  it('creates every demo account with a working password', async () => {
    for (const email of [
      'admin@lip.example',
      'koordination@lip.example',
      'bildung@lip.example',
      'bildung2@lip.example',
      'wirtschaft@lip.example',
      'beirat-nord@lip.example',
      'lenkung@lip.example',
      'beobachtung@lip.example',
    ]) {
      const client = await t.signIn(email);
      expect(client.cookie).toMatch(/^lip_session=/);
    }
  });

  it('shares the education foundation chapter with all councils and the round table until a future deadline', async () => {
    const shared = await t.app.deps.models.Document.findOne({
      title: 'Bildung: Ausgangslage und Ziele',
    }).lean();
    expect(shared?.status).toBe('in-review');
    expect(shared?.sharedWithBodyIds).toHaveLength(14);
    expect(shared?.reviewDeadline?.getTime()).toBeGreaterThan(Date.now());
    expect(shared?.seedContent).toMatchObject({ type: 'doc' });
    const draft = await t.app.deps.models.Document.findOne({
      title: 'Bildung: Maßnahmen (Entwurf)',
    }).lean();
    expect(draft?.status).toBe('draft');
    expect(draft?.sharedWithBodyIds).toEqual([]);
  });

  it('keeps every seeded date inside the process period, which runs around today', async () => {
    const process = await t.app.deps.models.Process.findOne({}).lean();
    const start = process?.periodStart.getTime() ?? 0;
    const end = process?.periodEnd.getTime() ?? 0;
    const now = Date.now();
    expect(start).toBeLessThan(now);
    expect(end).toBeGreaterThan(now);
    // About two years, started more than a year ago: the drafting phase.
    expect((end - start) / 86_400_000).toBeGreaterThan(700);
    const dates = [
      ...(process?.milestones.map((m) => m.date) ?? []),
      ...(await t.app.deps.models.Task.find({}).lean()).flatMap((task) =>
        task.deadline ? [task.deadline] : [],
      ),
      ...(await t.app.deps.models.Document.find({}).lean()).flatMap((d) =>
        d.reviewDeadline ? [d.reviewDeadline, d.createdAt] : [d.createdAt],
      ),
    ];
    for (const date of dates) {
      expect(date.getTime()).toBeGreaterThanOrEqual(start);
      expect(date.getTime()).toBeLessThanOrEqual(end);
    }
    // The milestones that already happened are done; the rest are ahead.
    for (const milestone of process?.milestones ?? []) {
      expect({ title: milestone.title, done: milestone.done }).toEqual({
        title: milestone.title,
        done: milestone.date.getTime() < now,
      });
    }
  });

  it('places the same story around another day', async () => {
    const { demoProcess } = await import('./seed.data');
    const december = demoProcess(new Date('2026-12-03T10:00:00Z'));
    expect(december.title).toBe('Aktualisierung des Lokalen Integrationsplans (LIP) 2025–2027');
    expect(december.periodStart.toISOString()).toBe('2025-10-01T00:00:00.000Z');
    expect(december.periodEnd.toISOString()).toBe('2027-09-30T00:00:00.000Z');
  });

  it('includes overdue tasks', async () => {
    const overdue = await t.app.deps.models.Task.countDocuments({
      status: op({ $ne: 'done' as const }),
      deadline: op({ $lt: new Date() }),
    });
    expect(overdue).toBeGreaterThan(0);
  });

  it('never runs twice and never touches a non-empty database', async () => {
    const people = await t.app.deps.models.Person.countDocuments({});
    const again = await seedDemoWorkspace(t.app.deps.models);
    expect(again).toEqual({ seeded: false, reason: 'database is not empty' });
    expect(await t.app.deps.models.Person.countDocuments({})).toBe(people);
  });

  it('leaves a database with other data alone', async () => {
    await t.app.deps.models.Person.db.dropDatabase();
    await t.app.deps.models.Person.create({ name: 'Jemand', email: 'jemand@example.org' });
    const result = await seedDemoWorkspace(t.app.deps.models);
    expect(result.seeded).toBe(false);
    expect(await t.app.deps.models.Process.countDocuments({})).toBe(0);
    expect(await t.app.deps.models.Person.countDocuments({})).toBe(1);
  });
});
