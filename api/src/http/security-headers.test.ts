import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../testing/test-app';

let t: TestApp;
let https: TestApp;
beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'lip-dist-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>LIP</title>');
  t = await startTestApp(__filename, { seed: false, webDistDir: dist });
  https = await startTestApp(__filename, {
    seed: false,
    env: {
      PUBLIC_URL: 'https://lip.hannover.example',
      COLLAB_PUBLIC_URL: 'wss://collab.hannover.example',
    },
  });
}, 30_000);
afterAll(async () => {
  await t.close();
  await https.close();
});

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name] = values.join(' ');
  }
  return out;
}

describe('security headers', () => {
  it.each(['/', '/action-fields/education', '/healthz', '/graphql?query=%7Bping%7D'])(
    'sends the policy headers on %s',
    async (path) => {
      const res = await fetch(`${t.url}${path}`, { headers: { 'apollo-require-preflight': '1' } });
      expect(res.status).toBe(200);
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp).toMatchObject({
        'default-src': "'self'",
        'script-src': "'self'",
        'object-src': "'none'",
        'frame-ancestors': "'none'",
        'base-uri': "'self'",
      });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-powered-by')).toBeNull();
    },
  );

  it('lets the app connect to its own API socket and to the collab server, nothing else', async () => {
    const res = await fetch(`${t.url}/`);
    const host = new URL(t.url).host;
    expect(directives(res.headers.get('content-security-policy'))['connect-src']).toBe(
      `'self' ws://127.0.0.1:${t.app.deps.config.collabPort} ws://${host} wss://${host}`,
    );
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('uses the configured public addresses and asks for https when served over https', async () => {
    const res = await fetch(`${https.url}/healthz`);
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp['connect-src']).toBe(
      "'self' wss://collab.hannover.example wss://lip.hannover.example",
    );
    expect(csp).toHaveProperty('upgrade-insecure-requests');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
  });
});
