import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { compareDocuments } from '@lip/common/compare';
import { chromium } from 'playwright-core';
import { createOfficeConverter } from '../../api/src/modules/export/office-converter';
import { renderDocx } from '../../api/src/modules/export/render-docx';
import { renderHtml } from '../../api/src/modules/export/render-html';
import type { MeasureSnapshot } from '../../api/src/modules/measure/measure.snapshot';
import { buildPaperDocument, type ResolvedPart } from '../../api/src/modules/paper/paper.document';

/**
 * Benchmarks of the foundation paper (issue 10), each the median and p95 of repeated runs:
 * - export of a ~120-page paper (six chapters of about 8 pages, 85 measure sheets of about one page) to DOCX and
 *   to PDF (DOCX through LibreOffice headless), the renderers the export job runs;
 * - the reading view's document of that paper: the model and its HTML on the server, then
 *   parsing and laying it out in Debian's Chromium until the page answers input;
 * - comparing two versions of the B4-sized document (automerge-paper trace, ~100k characters).
 * `BENCH_RUNS` (default 7) sets the repetitions. Prints a Markdown table for docs/benchmarks.md.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const FIELDS = ['education', 'economy', 'health', 'living', 'participation', 'administration'];
const PREFIX = ['BIL', 'WIR', 'GES', 'WOH', 'TEI', 'VER'];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const median = (values: number[]) => percentile(values, 50);

const SENTENCES = [
  'Die Landeshauptstadt Hannover versteht Integration als gemeinsame Aufgabe der Stadtgesellschaft.',
  'Migrant*innenorganisationen, Verwaltung und Träger arbeiten in den Expert*innengruppen zusammen.',
  'Die Angebote sollen in allen Stadtbezirken erreichbar sein und mehrsprachig informieren.',
  'Für die Umsetzung werden Zuständigkeiten, Zeiträume und Indikatoren festgelegt.',
  'Die Erfahrungen der Beiräte fließen über die Beratungsrunden in den Text ein.',
];

function paragraphText(i: number): string {
  return Array.from({ length: 5 }, (_, k) => SENTENCES[(i + k) % SENTENCES.length]).join(' ');
}

/** One chapter: about 8 pages of headings, paragraphs, lists and a table. */
function chapter(field: number): unknown {
  const content: unknown[] = [];
  for (let section = 0; section < 5; section += 1) {
    content.push({
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: `Abschnitt ${section + 1}` }],
    });
    for (let p = 0; p < 6; p += 1) {
      content.push({
        type: 'paragraph',
        content: [
          { type: 'text', text: paragraphText(field + section + p) },
          { type: 'text', text: ' Hervorgehoben.', marks: [{ type: 'bold' }] },
        ],
      });
    }
    content.push({
      type: 'bulletList',
      content: SENTENCES.slice(0, 4).map((s) => ({
        type: 'listItem',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: s }] }],
      })),
    });
    if (section % 3 === 0) {
      content.push({
        type: 'table',
        content: [
          ['Bezirk', 'Angebote', 'Teilnehmende'],
          ...Array.from({ length: 6 }, (_, r) => [`Bezirk ${r + 1}`, `${r * 3 + 2}`, `${r * 40}`]),
        ].map((row, r) => ({
          type: 'tableRow',
          content: row.map((cell) => ({
            type: r === 0 ? 'tableHeader' : 'tableCell',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: cell }] }],
          })),
        })),
      });
    }
  }
  return { type: 'doc', content };
}

function measure(field: number, n: number): MeasureSnapshot {
  return {
    measureId: `m${field}-${n}`,
    actionFieldKey: FIELDS[field] ?? 'education',
    descriptionDocumentId: `d${field}-${n}`,
    revision: 3,
    code: `${PREFIX[field]}-${String(n + 1).padStart(2, '0')}`,
    title: `Maßnahme ${n + 1} im Handlungsfeld ${field + 1}`,
    goal: paragraphText(n),
    startingSituation: paragraphText(n + 2),
    targetGroups: ['Eltern', 'Jugendliche'],
    districts: ['Linden-Limmer', 'Vahrenheide'],
    leadOrganisation: 'Fachbereich Schule',
    leadUnit: 'Bildungsbüro',
    partnerOrganisations: ['Migrant*innenverein Nord', 'Stadtbibliothek'],
    start: '2027-01-01',
    end: '2028-12-31',
    horizon: null,
    priority: 'high',
    indicators: [
      {
        name: 'Teilnehmende',
        baseline: '120',
        target: '400',
        source: 'Träger',
        interval: 'jährlich',
      },
    ],
    budget: { amountEur: 25_000, source: 'city-budget', budgetLine: '1.2.3' },
    status: 'accepted',
    progress: [],
  };
}

/** The paper: front matter, six fields each with its chapter and 14-15 measures (85 in all). */
function benchPaper() {
  const parts: ResolvedPart[] = [];
  const base = {
    visible: true,
    missing: false,
    lastChangedAt: new Date('2027-03-01T10:00:00Z'),
    versionId: null,
    measureId: null,
    actionFieldKey: null,
    snapshot: null,
    content: null,
  };
  const doc = (id: string, title: string, json: unknown): ResolvedPart => ({
    ...base,
    entryId: id,
    kind: 'document',
    title,
    status: 'accepted',
    documentId: id,
    content: { doc: json as { type: 'doc' }, text: '', html: '' },
  });
  parts.push(doc('preface', 'Vorwort', chapter(0)));
  let measures = 0;
  FIELDS.forEach((field, f) => {
    parts.push({
      ...base,
      entryId: `part-${field}`,
      kind: 'part',
      title: `Handlungsfeld ${f + 1}`,
      status: null,
      documentId: null,
    });
    parts.push(doc(`chapter-${field}`, `Kapitel ${f + 1}`, chapter(f)));
    parts.push({
      ...base,
      entryId: `measures-${field}`,
      kind: 'measures',
      title: 'Maßnahmen',
      status: null,
      documentId: null,
    });
    const count = f < 1 ? 15 : 14;
    for (let n = 0; n < count; n += 1) {
      measures += 1;
      const snapshot = measure(f, n);
      parts.push({
        ...base,
        entryId: snapshot.measureId,
        kind: 'measure',
        title: snapshot.title,
        status: 'accepted',
        documentId: snapshot.descriptionDocumentId,
        measureId: snapshot.measureId,
        actionFieldKey: field,
        snapshot,
        content: {
          doc: {
            type: 'doc',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: paragraphText(n) }] }],
          },
          text: '',
          html: '',
        },
      });
    }
  });
  return {
    measures,
    document: buildPaperDocument({
      title: 'Grundlagenpapier',
      subtitle: 'Lokaler Integrationsplan',
      processTitle: 'LIP Hannover',
      editionName: 'Beschlussfassung',
      date: new Date('2027-03-01T10:00:00Z'),
      locale: 'de',
      parts,
    }),
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

function pdfPages(pdf: Buffer, dir: string): Promise<number> {
  const file = join(dir, 'paper.pdf');
  return writeFile(file, pdf).then(() => {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  });
}

/** The B4 trace replayed to two points: 90 % and all of its operations, as paragraph docs. */
function b4Versions(): { before: unknown; after: unknown; chars: number } {
  const path = '/work/shared/bench-data/automerge-paper.json.gz';
  const trace = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as {
    txns: { patches: [number, number, string][] }[];
  };
  const replay = (until: number) => {
    let text = '';
    trace.txns.slice(0, until).forEach((txn) => {
      for (const [pos, del, ins] of txn.patches) {
        text = text.slice(0, pos) + ins + text.slice(pos + del);
      }
    });
    return text;
  };
  const toDoc = (text: string) => ({
    type: 'doc',
    content: text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })),
  });
  const end = replay(trace.txns.length);
  const earlier = replay(Math.round(trace.txns.length * 0.9));
  return { before: toDoc(earlier), after: toDoc(end), chars: end.length };
}

async function main() {
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  const dir = await mkdtemp(join(tmpdir(), 'lip-bench-paper-'));
  const office = createOfficeConverter({ command: 'soffice', slots: 1, timeoutMs: 300_000 });
  const rows: string[] = [];
  try {
    const { document: paperDocument, measures } = benchPaper();

    // DOCX, then PDF (DOCX + LibreOffice), as the export job renders them.
    const docx: number[] = [];
    const pdf: number[] = [];
    let pages = 0;
    await office.convert(await renderDocx(paperDocument), 'pdf'); // start-up of LibreOffice's profile
    for (let i = 0; i < RUNS; i += 1) {
      const d = await timed(() => renderDocx(paperDocument));
      docx.push(d.ms);
      const p = await timed(async () => office.convert(await renderDocx(paperDocument), 'pdf'));
      pdf.push(p.ms);
      if (i === 0) pages = await pdfPages(p.value, dir);
    }
    rows.push(
      `| export to DOCX, ${pages}-page paper (6 chapters, ${measures} measures), median / p95 | ${median(docx).toFixed(0)} ms / ${percentile(docx, 95).toFixed(0)} ms | p95 < 4 s |`,
      `| export to PDF (DOCX + LibreOffice), same paper, median / p95 | ${median(pdf).toFixed(0)} ms / ${percentile(pdf, 95).toFixed(0)} ms | p95 < 10 s |`,
    );

    // Reading view: the server's HTML of the paper, then Chromium parsing and laying it out.
    const server: number[] = [];
    let html = '';
    for (let i = 0; i < RUNS; i += 1) {
      const r = await timed(async () => renderHtml(benchPaper().document).html);
      server.push(r.ms);
      html = r.value;
    }
    const page = join(dir, 'reading.html');
    const css = readFileSync(join(__dirname, '../../web/src/features/paper/paper.css'), 'utf8');
    await writeFile(
      page,
      `<!doctype html><html lang="de"><head><meta charset="utf-8"><style>${css}</style></head><body><main class="paper-reading"><article class="paper-reading__document">${html}</article></main></body></html>`,
    );
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
    const client: number[] = [];
    try {
      for (let i = 0; i < RUNS; i += 1) {
        const tab = await browser.newPage();
        const start = performance.now();
        await tab.goto(`file://${page}`, { waitUntil: 'load' });
        // Interactive: layout done and a click on the last heading is handled.
        await tab.evaluate(
          () =>
            new Promise<void>((done) => {
              void document.body.getBoundingClientRect();
              requestAnimationFrame(() => setTimeout(done, 0));
            }),
        );
        await tab.locator('h2').last().click({ timeout: 10_000 });
        client.push(performance.now() - start);
        await tab.close();
      }
    } finally {
      await browser.close();
    }
    const total = server.map((s, i) => s + (client[i] ?? 0));
    rows.push(
      `| reading view of that paper: server model + HTML, median | ${median(server).toFixed(0)} ms | |`,
      `| same, Chromium load, layout and first click, median | ${median(client).toFixed(0)} ms | |`,
      `| same, together, median / p95 | ${median(total).toFixed(0)} ms / ${percentile(total, 95).toFixed(0)} ms | < 2 s |`,
    );

    // Compare two versions of the B4 document.
    const { before, after, chars } = b4Versions();
    const compare: number[] = [];
    let summary = '';
    for (let i = 0; i < RUNS; i += 1) {
      const c = await timed(async () => compareDocuments(before, after));
      compare.push(c.ms);
      summary = `${c.value.summary.changes} changes`;
    }
    rows.push(
      `| compare two versions of the B4 document (${chars} characters, 90 % vs. 100 % of the trace; ${summary}), median / p95 | ${median(compare).toFixed(0)} ms / ${percentile(compare, 95).toFixed(0)} ms | < 300 ms |`,
    );
  } finally {
    await office.close();
    await rm(dir, { recursive: true, force: true });
  }
  process.stdout.write(
    `\n${RUNS} runs each; load average at start (1/5/15 min): ${load}\n\n| measure | result | budget |\n|---|---|---|\n${rows.join('\n')}\n`,
  );
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
