import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { startProduct } from '../../tests/e2e/support/product';
import { writeBenchmarkSection } from './report';
import { benchReviewWeb } from './review/review-web';
import {
  documentIdByTitle,
  launchChromium,
  newPersonContext,
  signIn,
} from '../../tests/e2e/support/browser';

/**
 * `npm run bench:web`: (1) the initial JavaScript of the dashboard route in KB gzip, from the Vite
 * build manifest (the entry chunk plus its static imports; lazy routes and the editor are not
 * counted), budget 250 KB; (2) keystroke-to-remote latency with 10 editors on one document in
 * Chromium, p95 budget 100 ms. Writes the results into the `## Web` section of docs/benchmarks.md;
 * then the response table page (`## Review (web)`). `npm run bench:web -- --only=review` runs
 * only the latter.
 */
const repoRoot = resolve(__dirname, '..', '..');
const distDir = join(repoRoot, 'web', 'dist');
const INITIAL_JS_BUDGET_KB = 250;
const LATENCY_BUDGET_MS = 100;
const EDITORS = 10;
const KEYSTROKES = 40;
const KEYSTROKE_GAP_MS = 150;
const DOCUMENT_TITLE = 'Bildung: Maßnahmen (Entwurf)';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

/** Sums the gzip size (level 9) of the entry chunk and everything it imports statically. */
export function measureInitialJs(manifestPath: string): { kb: number; files: string[] } {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error('no entry chunk in the Vite manifest');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const child of manifest[key]?.imports ?? []) visit(child);
  };
  visit(entryKey);
  const files = [...seen].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'));
  const bytes = files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length,
    0,
  );
  return { kb: bytes / 1024, files };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((done) => setTimeout(done, 50));
  }
}

/**
 * Page-side expression: the editor's text length without remote caret labels (they are widgets
 * inside the text). A string, not a function, because the TypeScript runner rewrites function
 * sources with helpers the page does not have.
 */
const EDITOR_TEXT_LENGTH = `(() => {
  const editor = document.querySelector('.editor__content .prose');
  if (!editor) return -1;
  const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
  let length = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement || !node.parentElement.closest('.collaboration-carets__caret')) {
      length += (node.textContent || '').length;
    }
  }
  return length;
})()`;

/** Page-side script: records when the editor's text first reached each length. */
const OBSERVE_LENGTHS = `(() => {
  const editor = document.querySelector('.editor__content .prose');
  if (!editor) throw new Error('no editor');
  const seen = {};
  window.__lengths = seen;
  const record = () => {
    const length = ${EDITOR_TEXT_LENGTH};
    if (seen[length] === undefined) seen[length] = Date.now();
  };
  record();
  new MutationObserver(record).observe(editor, { subtree: true, childList: true, characterData: true });
})()`;

async function measureLatency(): Promise<{
  p50: number;
  p95: number;
  max: number;
  samples: number;
}> {
  const product = await startProduct();
  const browser = await launchChromium();
  try {
    const pages: Page[] = [];
    let documentId = '';
    for (let index = 0; index < EDITORS; index += 1) {
      const context = await newPersonContext(browser, product.apiUrl);
      const email = index % 2 === 0 ? 'bildung@lip.example' : 'bildung2@lip.example';
      const page = await signIn(context, email);
      if (!documentId) documentId = await documentIdByTitle(context, DOCUMENT_TITLE);
      await page.goto(`/documents/${documentId}`);
      await page.locator('.editor__content .prose').waitFor();
      await page.locator('[data-status="saved"]').waitFor({ timeout: 30_000 });
      pages.push(page);
    }
    const [writer, ...readers] = pages as [Page, ...Page[]];
    await writer.locator('.editor__content .prose').click();
    await writer.keyboard.press('Control+End');
    await writer.keyboard.type(' ');
    const baseText = (page: Page) => page.evaluate<number>(EDITOR_TEXT_LENGTH);
    const writerLength = await baseText(writer);
    await waitUntil(
      async () => (await Promise.all(readers.map(baseText))).every((n) => n === writerLength),
      20_000,
    );
    await Promise.all(readers.map((reader) => reader.evaluate(OBSERVE_LENGTHS)));

    const sentAt: number[] = [];
    for (let key = 0; key < KEYSTROKES; key += 1) {
      sentAt.push(Date.now());
      await writer.keyboard.press('x');
      await new Promise((done) => setTimeout(done, KEYSTROKE_GAP_MS));
    }
    const finalLength = writerLength + KEYSTROKES;
    await waitUntil(
      async () => (await Promise.all(readers.map(baseText))).every((n) => n >= finalLength),
      20_000,
    );
    const latencies: number[] = [];
    for (const reader of readers) {
      const seen = await reader.evaluate<Record<number, number>>('window.__lengths');
      sentAt.forEach((at, key) => {
        const arrived = seen[writerLength + key + 1];
        if (arrived !== undefined) latencies.push(arrived - at);
      });
    }
    return {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      max: Math.max(...latencies),
      samples: latencies.length,
    };
  } finally {
    await browser.close();
    await product.stop();
  }
}

/** `--only=review` runs the response table part alone (it needs a minute, the rest several). */
function onlyPart(argv: readonly string[]): 'review' | null {
  const only = argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  if (only === undefined) return null;
  if (only !== 'review') throw new Error(`unknown part "${only}"; known: review`);
  return only;
}

async function main(): Promise<void> {
  const only = onlyPart(process.argv.slice(2));
  console.log('building web/dist …');
  execFileSync('npm', ['run', 'build', '-w', 'web'], { cwd: repoRoot, stdio: 'ignore' });
  if (only === 'review') {
    console.log('measuring the response table page with 300 remarks …');
    writeBenchmarkSection('Review (web)', await benchReviewWeb());
    return;
  }
  const initial = measureInitialJs(join(distDir, '.vite', 'manifest.json'));
  console.log(`initial JS of the dashboard route: ${initial.kb.toFixed(1)} KB gzip`);
  console.log(`measuring keystroke-to-remote latency with ${EDITORS} editors …`);
  const latency = await measureLatency();
  console.log(
    `latency over ${latency.samples} samples: p50 ${latency.p50} ms, p95 ${latency.p95} ms, max ${latency.max} ms`,
  );
  console.log('measuring the response table page with 300 remarks …');
  writeBenchmarkSection('Review (web)', await benchReviewWeb());
  const verdict = (ok: boolean) => (ok ? 'within budget' : '**over budget**');
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  writeBenchmarkSection(
    'Web',
    `
Measured by \`npm run bench:web\` (\`scripts/bench/bench-web.ts\`) on ${cpus().length} × ${cpu},
Node ${process.version}, Debian Chromium via playwright-core, the embedded FerretDB.

| measure | result | budget | |
|---|---|---|---|
| initial JavaScript of the dashboard route (entry + static imports, gzip -9) | ${initial.kb.toFixed(1)} KB | ${INITIAL_JS_BUDGET_KB} KB | ${verdict(initial.kb <= INITIAL_JS_BUDGET_KB)} |
| keystroke in one Chromium → visible in the others, p95 (${EDITORS} editors, ${latency.samples} samples) | ${latency.p95} ms | ${LATENCY_BUDGET_MS} ms | ${verdict(latency.p95 <= LATENCY_BUDGET_MS)} |
| same, p50 / max | ${latency.p50} ms / ${latency.max} ms | | |

Initial files: ${initial.files.map((file) => `\`${file.replace(/^assets\//, '')}\``).join(', ')}. The
document page (Tiptap, Yjs, y-websocket) and the other routes are separate chunks loaded on
demand. Latency is measured from just before the key press is sent over CDP to the moment a
MutationObserver in each of the 9 other pages sees the text grow (one clock: same machine), with
${KEYSTROKE_GAP_MS} ms between key presses; all ${EDITORS} pages share the machine's 2 cores with the
API, the collab server and the database.
`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
