import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { defaultFerretdbBin, resolveEngine } from '@lip/engine';
import { createApp, type App } from '../../api/src/app';
import { loadConfig } from '../../api/src/config';
import { countCommands } from '../../api/src/db/connection';
import { compareEngines } from './api-engines';
import { writeBenchmarkSection } from './report';
import { addSearchData, measureSearch } from './search-bench';
import { benchReviewApi } from './review/review-api';
import { createLoaders } from '../../api/src/loaders';
import { addBulkData } from '../../api/src/modules/dashboard/bulk-data';
import { loadDashboard } from '../../api/src/modules/dashboard/dashboard.service';
import { seedDemoWorkspace } from '../../api/src/modules/seed/seed';
import type { PersonDoc } from '../../api/src/modules/person/person.model';
import { toActor, type RequestScope } from '../../api/src/scope';

/**
 * `npm run bench:api`: counts the database round trips of the dashboard at two data sizes and
 * measures its throughput against a naive implementation of the same data (a query per item,
 * hydrated mongoose documents), side by side in one run, median of 5 rounds. Writes the
 * `## API` section of docs/benchmarks.md.
 */
const ROUNDS = 5;
const DURATION_S = 5;
const CONNECTIONS = 2;
const SIZES = [20, 200];
const VIEWER = 'koordination@lip.example';

async function scopeFor(app: App): Promise<RequestScope> {
  const person = await app.deps.models.Person.findOne({ email: VIEWER }).lean<PersonDoc>();
  if (!person) throw new Error('seed missing');
  return {
    ...app.deps,
    viewer: { person, sessionId: 'bench', actor: toActor(person) },
    locale: 'de',
    loaders: createLoaders(app.deps.models),
    clientAddress: '127.0.0.1',
  };
}

/**
 * The same dashboard written the obvious way: hydrated documents, one query per action field,
 * status, member, task assignee and activity actor.
 */
async function naiveDashboard(scope: RequestScope) {
  const { models } = scope;
  const process = await models.Process.findOne({}).sort({ createdAt: -1 });
  if (!process) return null;
  const now = new Date();
  const fields = [];
  for (const field of process.actionFields) {
    const group = process.groups.find((g) => g.actionFieldKey === field.key);
    const members = [];
    for (const m of group?.members ?? []) {
      const person = await models.Person.findById(m.personId);
      members.push({ name: person?.name ?? m.name, role: m.role });
    }
    const documentCounts = [];
    for (const status of ['draft', 'in-review', 'returned', 'accepted'] as const) {
      const docs = await models.Document.find({
        processId: process._id,
        actionFieldKey: field.key,
        status,
      });
      documentCounts.push({ status, count: docs.length });
    }
    const tasks = await models.Task.find({ processId: process._id, actionFieldKey: field.key });
    const open = tasks.filter((t) => t.status !== 'done');
    fields.push({
      key: field.key,
      members,
      documentCounts,
      openTaskCount: open.length,
      overdueTaskCount: open.filter((t) => t.deadline && t.deadline < now).length,
    });
  }
  const me = scope.viewer?.person._id;
  const myTasks = await models.Task.find({ processId: process._id, assigneeIds: me });
  const activity = await models.Activity.find({ processId: process._id })
    .sort({ _id: -1 })
    .limit(15);
  const recent = [];
  for (const a of activity) {
    const actor = a.actorId ? await models.Person.findById(a.actorId) : null;
    recent.push({ verb: a.verb, actor: actor?.name ?? a.actorName });
  }
  return { title: process.title, fields, myTasks: myTasks.map((t) => t.title), recent };
}

function serve(handler: () => Promise<unknown>): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => {
    handler()
      .then((body) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(body));
      })
      .catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    }),
  );
}

async function requestsPerSecond(url: string): Promise<number> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    timeout: 60,
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`errors while benchmarking ${url}`);
  // Completed requests over the run (the per-second average rounds slow runs down to 0).
  return result.requests.total / DURATION_S;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main(): Promise<void> {
  if (!existsSync(defaultFerretdbBin)) throw new Error('run `npm run setup` first (FerretDB)');
  // `-- --engines` compares FerretDB on SQLite with FerretDB on PostgreSQL (its own section).
  if (process.argv.includes('--engines')) {
    const section = await compareEngines();
    writeBenchmarkSection('API: database engines', section);
    console.log(`\n${section}`);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'lip-bench-api-'));
  const engine = await resolveEngine({ dataDir, searchPath: [] });
  const ferretVersion = execFileSync(defaultFerretdbBin, ['--version'], { encoding: 'utf8' })
    .split('\n')
    .find((line) => line.toLowerCase().startsWith('version'))
    ?.replace(/^version:\s*/i, 'FerretDB ')
    .trim();
  const rows: string[] = [];
  let throughput: { real: number; naive: number; size: number } | undefined;
  // `-- --search-only` or `-- --review-only` runs just that part (it writes only its own section).
  const searchOnly = process.argv.includes('--search-only');
  const reviewOnly = process.argv.includes('--review-only');
  let review: string | undefined;
  try {
    for (const size of searchOnly || reviewOnly ? [] : SIZES) {
      const config = loadConfig({
        NODE_ENV: 'production',
        SECOND_FACTOR_ROLES: 'none',
        DATA_DIR: dataDir,
        MONGODB_DB: `bench_${size}`,
      });
      const app = await createApp({ config, mongodbUri: engine.uri, log: () => undefined });
      await app.deps.connection.dropDatabase();
      await Promise.all(Object.values(app.deps.models).map((model) => model.init()));
      await seedDemoWorkspace(app.deps.models);
      await addBulkData(app.deps.models, size);
      const counts = {
        documents: await app.deps.models.Document.countDocuments({}),
        tasks: await app.deps.models.Task.countDocuments({}),
      };
      const real = await countCommands(app.deps.connection, async () =>
        loadDashboard(await scopeFor(app)),
      );
      const naive = await countCommands(app.deps.connection, async () =>
        naiveDashboard(await scopeFor(app)),
      );
      // scopeFor itself reads the person once; subtract it from both.
      const realTrips = real.commands.length - 1;
      const naiveTrips = naive.commands.length - 1;
      rows.push(
        `| ${counts.documents} documents, ${counts.tasks} tasks, ${size} extra members per group | ${realTrips} | ${naiveTrips} |`,
      );
      console.log(`size ${size}: dashboard ${realTrips} round trips, naive ${naiveTrips}`);

      // Throughput at the smaller size: at the larger one the naive version needs seconds per request.
      if (size === SIZES[0]) {
        const viewerScope = await scopeFor(app);
        const realServer = await serve(() =>
          loadDashboard({ ...viewerScope, loaders: createLoaders(app.deps.models) }),
        );
        const naiveServer = await serve(() => naiveDashboard(viewerScope));
        const realRuns: number[] = [];
        const naiveRuns: number[] = [];
        for (let round = 0; round < ROUNDS; round += 1) {
          realRuns.push(await requestsPerSecond(realServer.url));
          naiveRuns.push(await requestsPerSecond(naiveServer.url));
          console.log(
            `round ${round + 1}: dashboard ${realRuns.at(-1)} req/s, naive ${naiveRuns.at(-1)} req/s`,
          );
        }
        throughput = { real: median(realRuns), naive: median(naiveRuns), size };
        realServer.server.close();
        naiveServer.server.close();
      }
      await app.deps.connection.dropDatabase();
      await app.stop();
    }
    if (!reviewOnly) await benchSearch(engine.uri, dataDir);
    if (!searchOnly) review = await benchReviewApi(engine.uri, dataDir);
  } finally {
    await engine.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (review) writeBenchmarkSection('Review (API)', review);
  if (searchOnly || reviewOnly) return;
  if (!throughput) throw new Error('no throughput measured');
  if (throughput.naive <= 0)
    throw new Error('the naive version completed no request; lengthen DURATION_S');
  const ratio = throughput.real / throughput.naive;
  const section = [
    `Measured by \`npm run bench:api\` (\`scripts/bench/bench-api.ts\`) on ${cpus().length} × ${cpus()[0]?.model.trim()},`,
    `Node ${process.version}, ${ferretVersion ?? 'FerretDB'} (SQLite backend), ${new Date().toISOString().slice(0, 10)}.`,
    '',
    'Database round trips of the dashboard (commands seen by mongodb command monitoring):',
    '',
    '| data | dashboard service | naive implementation |',
    '|---|---|---|',
    ...rows,
    '',
    `Throughput at the smaller size, ${CONNECTIONS} connections, ${DURATION_S} s per run, median of ${ROUNDS} alternating runs`,
    '(the service behind a bare HTTP handler, so GraphQL parsing is not part of either number):',
    '',
    '| implementation | requests/s |',
    '|---|---|',
    `| dashboard service (4 queries, lean, projections) | ${throughput.real.toFixed(1)} |`,
    `| naive (query per item, hydrated documents) | ${throughput.naive.toFixed(1)} |`,
    `| ratio | ${ratio.toFixed(1)}× |`,
    '',
  ].join('\n');
  writeBenchmarkSection('API', section);
  console.log(`\n${section}`);
}

/**
 * The search at ten times the demo data: index build time and memory, and query latency through
 * the search service (index, policy filter and the database re-check of the page). Writes the
 * `## Search` section.
 */
async function benchSearch(mongodbUri: string, dataDir: string): Promise<void> {
  const config = loadConfig({
    NODE_ENV: 'production',
    SECOND_FACTOR_ROLES: 'none',
    DATA_DIR: dataDir,
    MONGODB_DB: 'bench_search',
  });
  const app = await createApp({ config, mongodbUri, log: () => undefined });
  try {
    await app.deps.connection.dropDatabase();
    await Promise.all(Object.values(app.deps.models).map((model) => model.init()));
    await seedDemoWorkspace(app.deps.models);
    await addSearchData(app);
    const result = await measureSearch(app, console.log);
    const section = [
      `Measured by \`npm run bench:api\` (\`scripts/bench/search-bench.ts\`) on ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
      '',
      `Data: ${result.counts.documents} documents (300 words of text each), ${result.counts.threads} comment threads with 20,000 comments, ${result.counts.tasks} tasks, the demo people; ${result.entries} index entries.`,
      '',
      `| index | value |`,
      '|---|---|',
      `| build from the database at start | ${(result.buildMs / 1000).toFixed(1)} s |`,
      `| heap of the index (after GC) | ${result.heapMb.toFixed(0)} MB |`,
      `| one catch-up with nothing changed (the change log; every 2 s per API process) | ${result.catchUpMs.toFixed(0)} ms |`,
      '',
      `Query latency through the search service (German analysis, index, the access policy on every hit, snippets of the page of 20), ${result.queries} queries × 5 per round (single and two-word queries, umlaut spellings, the three most frequent words), median of 5 rounds after a warm-up round:`,
      '',
      '| viewer | p50 ms (all queries) | p95 ms (all queries) | p95 CPU ms (20 typical queries) | median CPU ms (the 3 most frequent words) |',
      '|---|---|---|---|---|',
      ...result.rows,
      '',
      `Load average during the run: ${result.load.toFixed(1)} on ${cpus().length} cores. The machine is shared with other work, which inflates wall times; the CPU columns are the search's own CPU time per query (this process), which other processes do not inflate. The three most frequent words of the generated text each occur in about 40 % of all entries, the worst case for ranking.`,
      '',
    ].join('\n');
    writeBenchmarkSection('Search', section);
    console.log(`\n${section}`);
  } finally {
    await app.deps.connection.dropDatabase();
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
