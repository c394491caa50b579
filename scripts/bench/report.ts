import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@lip/engine';

/**
 * Replaces the `## <title>` section of docs/benchmarks.md with `body` (appending the section
 * when it is missing), so each benchmark keeps its own results current without touching the
 * others'. Prettier runs afterwards to keep `npm run lint` green after a benchmark run.
 */
export function writeBenchmarkSection(title: string, body: string): void {
  const file = join(repoRoot, 'docs', 'benchmarks.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const section = `## ${title}\n\n${body.trim()}\n`;
  const start = current.indexOf(`\n## ${title}\n`);
  let next: string;
  if (start === -1) {
    next = `${current.trimEnd()}\n\n${section}`;
  } else {
    const after = current.indexOf('\n## ', start + 1);
    next = `${current.slice(0, start + 1)}${section}${after === -1 ? '' : `\n${current.slice(after + 1)}`}`;
  }
  writeFileSync(file, next);
  execFileSync('npx', ['prettier', '--write', file], { cwd: repoRoot, stdio: 'ignore' });
}
