import { createCollabServer } from '../../../collab-server/src/server';
import { createApp } from '../../../api/src/app';
import { loadConfig } from '../../../api/src/config';
import { countCommands } from '../../../api/src/db/connection';
import { createLoaders } from '../../../api/src/loaders';
import type { PersonDoc } from '../../../api/src/modules/person/person.model';
import { addBulkReviewRound } from '../../../api/src/modules/review/bulk-review';
import { loadResponseTable } from '../../../api/src/modules/review/response-table.service';
import { exportResponseTable } from '../../../api/src/modules/review/response-table.routes';
import { seedDemoWorkspace } from '../../../api/src/modules/seed/seed';
import { toActor, type RequestScope } from '../../../api/src/scope';

const BODIES = 14;
const REMARKS = 300;
const TABLE_RUNS = 20;
const DOCX_RUNS = 10;
const ODT_RUNS = 3;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0
  );
}

async function timed(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * The review part of `npm run bench:api`: a round with 14 bodies and 300 remarks and responses.
 * Round trips of the response table (small vs large), its build time, and the DOCX (and ODT)
 * export time, each over repeated runs. Returns the markdown of the `## Review (API)` section.
 */
export async function benchReviewApi(mongodbUri: string, dataDir: string): Promise<string> {
  const config = loadConfig({
    NODE_ENV: 'production',
    SECOND_FACTOR_ROLES: 'none',
    DATA_DIR: dataDir,
    MONGODB_DB: 'bench_review',
  });
  const app = await createApp({ config, mongodbUri, log: () => undefined });
  await app.deps.connection.dropDatabase();
  await Promise.all(Object.values(app.deps.models).map((model) => model.init()));
  await seedDemoWorkspace(app.deps.models);
  const db = app.deps.connection.db;
  if (!db) throw new Error('no database');
  const collab = createCollabServer({ database: { db }, secret: app.deps.secrets.collabSecret });
  const { port } = await collab.listen(0);
  config.collabInternalUrl = `http://127.0.0.1:${port}`;
  try {
    const person = await app.deps.models.Person.findOne({
      email: 'koordination@lip.example',
    }).lean<PersonDoc>();
    if (!person) throw new Error('seed missing');
    const scope = (): RequestScope => ({
      ...app.deps,
      viewer: { person, sessionId: 'bench', actor: toActor(person) },
      locale: 'de',
      loaders: createLoaders(app.deps.models),
      clientAddress: '127.0.0.1',
    });
    const small = (await app.deps.models.ReviewRound.findOne({ number: 2 }).lean())!;
    await loadResponseTable(scope(), String(small._id));
    const smallTrips = await countCommands(app.deps.connection, () =>
      loadResponseTable(scope(), String(small._id)),
    );
    const { roundId } = await addBulkReviewRound(app.deps.models, {
      bodies: BODIES,
      remarks: REMARKS,
    });
    await loadResponseTable(scope(), roundId);
    const largeTrips = await countCommands(app.deps.connection, () =>
      loadResponseTable(scope(), roundId),
    );
    const table = await timed(TABLE_RUNS, () => loadResponseTable(scope(), roundId));
    const docx = await timed(DOCX_RUNS, () => exportResponseTable(scope(), roundId, 'docx'));
    const odt = await timed(ODT_RUNS, () => exportResponseTable(scope(), roundId, 'odt'));
    const docxBytes = (await exportResponseTable(scope(), roundId, 'docx')).body.byteLength;
    const ms = (values: number[], p: number) => `${Math.round(percentile(values, p))} ms`;
    console.log(
      `review: table ${ms(table, 50)} p50, docx ${ms(docx, 95)} p95, odt ${ms(odt, 50)} p50`,
    );
    return [
      `Measured by \`npm run bench:api\` (\`scripts/bench/review/review-api.ts\`), same machine and engine,`,
      `${new Date().toISOString().slice(0, 10)}: a closed round with ${BODIES} bodies and ${REMARKS} remarks, each with a response;`,
      'the collab server runs in the same process (passages are asked of it, one request per document).',
      '',
      '| measure | result | budget |',
      '|---|---|---|',
      `| database round trips of the response table, ${small.items.length} document and 5 remarks | ${smallTrips.commands.length} | bounded |`,
      `| database round trips of the response table, ${REMARKS} remarks from ${BODIES} bodies | ${largeTrips.commands.length} | bounded: does not grow with the size |`,
      `| building the table (${REMARKS} rows with passages), p50 / p95 of ${TABLE_RUNS} | ${ms(table, 50)} / ${ms(table, 95)} | |`,
      `| DOCX export (table, model, docx), p50 / p95 of ${DOCX_RUNS} | ${ms(docx, 50)} / ${ms(docx, 95)} | 3 s p95 |`,
      `| ODT export (DOCX through LibreOffice headless), p50 of ${ODT_RUNS} | ${ms(odt, 50)} | |`,
      `| DOCX size | ${(docxBytes / 1024).toFixed(0)} KB | |`,
      '',
    ].join('\n');
  } finally {
    await collab.close();
    await app.deps.connection.dropDatabase();
    await app.stop();
  }
}
