import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { resolveEngine } from '@lip/engine';
import { createApp } from '../../api/src/app';
import { loadConfig } from '../../api/src/config';
import { createKeyedLock } from '../../api/src/db/keyed-lock';
import { createLoaders } from '../../api/src/loaders';
import type { PersonDoc } from '../../api/src/modules/person/person.model';
import { seedDemoWorkspace } from '../../api/src/modules/seed/seed';
import { moveTask } from '../../api/src/modules/task/task.service';
import { toActor, type RequestScope } from '../../api/src/scope';
import { writeBenchmarkSection } from './report';

/**
 * `npm run bench:hardening`: the costs of the API's defences, median of repeated runs.
 * (1) A sign-in with a hostile email (`a@`, 90,000 dots, `@`) end to end over HTTP, next to the
 * backtracking pattern it replaced, run once in process on 40,000 dots. (2) A task move under the
 * cross-process write lease against the same move under the in-process lock only. Writes the
 * `## API hardening` section of docs/benchmarks.md.
 */
const SIGN_INS = 15;
const MOVES = 40;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lip-bench-hardening-'));
  const engine = await resolveEngine({ dataDir, searchPath: [] });
  const lines: string[] = [];
  try {
    const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, MONGODB_DB: 'bench' });
    const app = await createApp({ config, mongodbUri: engine.uri, log: () => undefined });
    await seedDemoWorkspace(app.deps.models);
    const port = await app.start(0);

    const hostile = `a@${'.'.repeat(90_000)}@`;
    const signIns: number[] = [];
    for (let i = 0; i < SIGN_INS; i += 1) {
      signIns.push(
        await timed(async () => {
          const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              query: 'mutation ($i: SignInInput!) { signIn(input: $i) { viewer { id } } }',
              variables: { i: { email: hostile, password: 'x' } },
            }),
          });
          await res.text();
        }),
      );
    }
    const oldPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
    const oldStart = performance.now();
    oldPattern.test(`a@${'.'.repeat(40_000)}@`);
    const oldMs = performance.now() - oldStart;

    const person = await app.deps.models.Person.findOne({
      email: 'koordination@lip.example',
    }).lean<PersonDoc>();
    if (!person) throw new Error('seed missing');
    const scopeWith = (writeLock: RequestScope['writeLock']): RequestScope => ({
      ...app.deps,
      writeLock,
      viewer: { person, sessionId: 'bench', actor: toActor(person) },
      locale: 'de',
      loaders: createLoaders(app.deps.models),
      clientAddress: '127.0.0.1',
    });
    const task = await app.deps.models.Task.findOne({ actionFieldKey: 'education' }).lean();
    if (!task) throw new Error('seed has no task');
    const inProcess = createKeyedLock();
    const leased: number[] = [];
    const local: number[] = [];
    const statuses = ['open', 'in-progress', 'blocked', 'done'] as const;
    for (let i = 0; i < MOVES; i += 1) {
      const input = { taskId: String(task._id), status: statuses[i % statuses.length] };
      leased.push(await timed(() => moveTask(scopeWith(app.deps.writeLock), input)));
      local.push(await timed(() => moveTask(scopeWith(inProcess), input)));
    }
    await app.deps.connection.dropDatabase();
    await app.stop();

    lines.push(
      `Measured by \`npm run bench:hardening\` (\`scripts/bench/bench-hardening.ts\`) on ${cpus().length} × ${cpus()[0]?.model.trim()},`,
      `Node ${process.version}, embedded FerretDB (SQLite backend), ${new Date().toISOString().slice(0, 10)}.`,
      '',
      '| measurement | median |',
      '|---|---|',
      `| sign-in with \`a@\` + 90,000 dots + \`@\`, whole HTTP request (${SIGN_INS} runs) | ${median(signIns).toFixed(1)} ms |`,
      `| the replaced email pattern alone on \`a@\` + 40,000 dots + \`@\` (once) | ${oldMs.toFixed(0)} ms |`,
      `| task move under the cross-process write lease (${MOVES} runs) | ${median(leased).toFixed(1)} ms |`,
      `| the same move under the in-process lock only (${MOVES} runs, alternating) | ${median(local).toFixed(1)} ms |`,
      '',
      'The lease costs four round trips per write (read the newest lease, insert the next, mark it',
      'released, prune the older ones); the difference of the two moves is that price.',
      '',
    );
  } finally {
    await engine.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const section = lines.join('\n');
  writeBenchmarkSection('API hardening', section);
  console.log(`\n${section}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
