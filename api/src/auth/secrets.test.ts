import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveSecrets } from './secrets';

describe('shared secrets', () => {
  it('generates secrets.json once and returns the same secrets to every later caller', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'lip-secrets-')), 'nested');
    const first = resolveSecrets({ dataDir });
    const second = resolveSecrets({ dataDir });
    expect(second).toEqual(first);
    expect(first.collabSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.collabSecret).not.toBe(first.sessionSecret);
    const file = join(dataDir, 'secrets.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('prefers configured secrets over the file', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lip-secrets-'));
    const generated = resolveSecrets({ dataDir });
    const configured = resolveSecrets({ dataDir, collabSecret: 'c'.repeat(32) });
    expect(configured).toEqual({
      collabSecret: 'c'.repeat(32),
      sessionSecret: generated.sessionSecret,
    });
  });
});
