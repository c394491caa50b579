import { cpus, loadavg } from 'node:os';
import type { BrowserContext } from 'playwright-core';
import { startProduct } from '../../../tests/e2e/support/product';
import {
  documentIdByTitle,
  graphqlAs,
  launchChromium,
  newPersonContext,
  signIn,
} from '../../../tests/e2e/support/browser';

const BODIES = 14;
const REMARKS = 300;
const RUNS = 20;
const SERIES = 3;
const BUDGET_MS = 1000;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

async function gql<T = Record<string, unknown>>(
  context: BrowserContext,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  return graphqlAs<T>(context, query, variables);
}

/**
 * The review part of `npm run bench:web`: a round with 14 bodies and 300 remarks, each with a
 * drafted response, made through the API as the people would; then the response table page is
 * opened in Chromium in 3 series of 20 loads and timed from navigation until its 300th row is on the page.
 * Returns the markdown of the `## Review (web)` section.
 */
export async function benchReviewWeb(): Promise<string> {
  const product = await startProduct();
  const browser = await launchChromium();
  try {
    const jonas = await newPersonContext(browser, product.apiUrl);
    await signIn(jonas, 'koordination@lip.example');
    const elena = await newPersonContext(browser, product.apiUrl);
    await signIn(elena, 'beirat-nord@lip.example');
    const daniel = await newPersonContext(browser, product.apiUrl);
    await signIn(daniel, 'bildung2@lip.example');
    const { bodies } = await gql<{ bodies: { id: string; kind: string }[] }>(
      jonas,
      'query B { bodies { id kind } }',
    );
    const reviewing = bodies.filter((b) => b.kind !== 'STEERING_GROUP').slice(0, BODIES);
    const { viewer } = await gql<{ viewer: { person: { id: string } } }>(
      elena,
      'query V { viewer { person { id } } }',
    );
    for (const body of reviewing) {
      await gql(
        jonas,
        'mutation M($input: BodyMemberInput!) { addBodyMember(input: $input) { body { id } } }',
        {
          input: { bodyId: body.id, personId: viewer.person.id },
        },
      );
    }
    const documentId = await documentIdByTitle(jonas, 'Bildung: Maßnahmen (Entwurf)');
    const created = await gql<{ createReviewRound: { round: { id: string } } }>(
      jonas,
      'mutation C($input: CreateReviewRoundInput!) { createReviewRound(input: $input) { round { id } } }',
      {
        input: {
          title: 'Benchmark',
          documentIds: [documentId],
          bodyIds: reviewing.map((b) => b.id),
          deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        },
      },
    );
    const roundId = created.createReviewRound.round.id;
    await gql(jonas, 'mutation O($id: ID!) { openReviewRound(roundId: $id) { round { id } } }', {
      id: roundId,
    });
    const remarkIds: string[] = [];
    for (const [index, body] of reviewing.entries()) {
      const started = await gql<{ startStatement: { statement: { id: string } } }>(
        elena,
        'mutation S($input: StartStatementInput!) { startStatement(input: $input) { statement { id } } }',
        { input: { roundId, bodyId: body.id } },
      );
      const statementId = started.startStatement.statement.id;
      const count =
        Math.floor(REMARKS / reviewing.length) + (index < REMARKS % reviewing.length ? 1 : 0);
      for (let n = 0; n < count; n += 1) {
        const added = await gql<{ addRemark: { remark: { id: string } } }>(
          elena,
          'mutation R($input: AddRemarkInput!) { addRemark(input: $input) { remark { id } } }',
          {
            input: {
              statementId,
              itemIndex: 0,
              quote: 'Erste Sammlung von Maßnahmen der Expert*innengruppe.',
              text: `Anmerkung ${n + 1} des Gremiums ${index + 1}: bitte genauer fassen.`,
            },
          },
        );
        remarkIds.push(added.addRemark.remark.id);
      }
      await gql(
        elena,
        'mutation U($input: UpdateStatementInput!) { updateStatement(input: $input) { statement { id } } }',
        {
          input: { statementId, assessment: 'AGREE_WITH_REMARKS' },
        },
      );
      await gql(
        elena,
        'mutation X($input: StatementActionInput!) { submitStatement(input: $input) { statement { id } } }',
        {
          input: { statementId },
        },
      );
    }
    for (const remarkId of remarkIds) {
      await gql(
        daniel,
        'mutation D($input: SaveResponseInput!) { saveResponse(input: $input) { remark { id } } }',
        {
          input: {
            remarkId,
            vote: 'PARTLY_ACCEPTED',
            reason: 'Wird geprüft und teilweise übernommen.',
          },
        },
      );
    }
    const page = await daniel.newPage();
    const url = `/review/rounds/${roundId}/responses`;
    const load = async (): Promise<number> => {
      const start = Date.now();
      await page.goto(url);
      await page
        .locator('.review-row')
        .nth(REMARKS - 1)
        .waitFor({ timeout: 60_000 });
      return Date.now() - start;
    };
    await load();
    // The machine is shared: several series, each with the 1-minute load average it ran under,
    // and the medians of the series' percentiles as the result.
    const series: { p50: number; p95: number; max: number; load1: number }[] = [];
    for (let s = 0; s < SERIES; s += 1) {
      const load1 = loadavg()[0] ?? 0;
      const times: number[] = [];
      for (let run = 0; run < RUNS; run += 1) times.push(await load());
      const result = {
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        max: Math.max(...times),
        load1,
      };
      series.push(result);
      console.log(
        `review web, series ${s + 1}: p50 ${result.p50} ms, p95 ${result.p95} ms, max ${result.max} ms (load ${load1.toFixed(1)})`,
      );
    }
    const p50 = median(series.map((x) => x.p50));
    const p95 = median(series.map((x) => x.p95));
    const loads = series.map((x) => x.load1.toFixed(1)).join(', ');
    console.log(`review web: response table page p50 ${p50} ms, p95 ${p95} ms (medians)`);
    return [
      'Measured by `npm run bench:web -- --only=review` (`scripts/bench/review/review-web.ts`) with the',
      `product and Chromium on the same ${cpus().length}-core machine, ${new Date().toISOString().slice(0, 10)}: a round with ${reviewing.length} bodies and ${remarkIds.length}`,
      'remarks, each with a drafted response, made through the API; the response table page opened as a',
      `group member, timed from navigation until the ${REMARKS}th row is on the page (data, passages and`,
      `rendering). ${SERIES} series of ${RUNS} loads; the results are the medians of the series, with the`,
      `1-minute load average at the start of each series (${loads}; the machine is shared).`,
      '',
      '| measure | result | budget | |',
      '|---|---|---|---|',
      `| response table page with ${REMARKS} rows, p95 (median of ${SERIES} series of ${RUNS} loads) | ${p95} ms | ${BUDGET_MS} ms | ${p95 <= BUDGET_MS ? 'within budget' : '**over budget**'} |`,
      `| same, p50 | ${p50} ms | | |`,
      ...series.map(
        (x, i) =>
          `| series ${i + 1}: p50 / p95 / max at load ${x.load1.toFixed(1)} | ${x.p50} / ${x.p95} / ${x.max} ms | | |`,
      ),
      '',
    ].join('\n');
  } finally {
    await browser.close();
    await product.stop();
  }
}
