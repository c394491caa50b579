import { hashPassword } from '../../auth/password';
import { errorCode, startTestApp, type GqlResult, type TestApp } from '../../testing/test-app';

const SIGN_IN = 'mutation SignIn($input: SignInInput!) { signIn(input: $input) { viewer { id } } }';

let direct: TestApp;
let untrusting: TestApp;
let proxied: TestApp;
beforeAll(async () => {
  direct = await startTestApp(__filename, { seed: false });
  untrusting = await startTestApp(__filename, { seed: false });
  proxied = await startTestApp(__filename, { seed: false, env: { TRUST_PROXY: 'loopback' } });
  await direct.app.deps.models.Person.create({
    name: 'Ziel Konto',
    email: 'ziel@lip.example',
    passwordHash: await hashPassword('das-richtige-passwort'),
  });
}, 30_000);
afterAll(async () => {
  await direct.close();
  await untrusting.close();
  await proxied.close();
});

/** A sign-in attempt sent as if through a proxy that reports `forwardedFor` as the client. */
async function attempt(
  app: TestApp,
  email: string,
  password: string,
  forwardedFor?: string,
): Promise<GqlResult> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    body: JSON.stringify({ query: SIGN_IN, variables: { input: { email, password } } }),
  });
  return (await res.json()) as GqlResult;
}

const codes = (results: GqlResult[]) => results.map((r) => errorCode(r) ?? 'OK');
const count = (values: string[], value: string) => values.filter((v) => v === value).length;

describe('sign-in limits', () => {
  it('verifies at most 5 of 20 concurrent wrong passwords for one account', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(direct, 'ziel@lip.example', `falsch-${i}`)),
    );
    const answers = codes(results);
    // UNAUTHENTICATED = the password was verified and wrong; RATE_LIMITED = refused before.
    expect(count(answers, 'UNAUTHENTICATED')).toBeLessThanOrEqual(5);
    expect(count(answers, 'RATE_LIMITED')).toBeGreaterThanOrEqual(15);
    expect(count(answers, 'UNAUTHENTICATED') + count(answers, 'RATE_LIMITED')).toBe(20);
  });

  it('gives separate address buckets to clients behind a trusted proxy', async () => {
    const fromA = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        attempt(proxied, `a${i}@lip.example`, 'x', '203.0.113.1'),
      ),
    );
    expect(count(codes(fromA), 'UNAUTHENTICATED')).toBe(30);
    const aAgain = await attempt(proxied, 'a-more@lip.example', 'x', '203.0.113.1');
    expect(errorCode(aAgain)).toBe('RATE_LIMITED');
    const fromB = await attempt(proxied, 'b@lip.example', 'x', '203.0.113.2');
    expect(errorCode(fromB)).toBe('UNAUTHENTICATED');
  });

  it('ignores X-Forwarded-For when no proxy is trusted', async () => {
    const fromA = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        attempt(untrusting, `c${i}@lip.example`, 'x', '203.0.113.1'),
      ),
    );
    expect(count(codes(fromA), 'UNAUTHENTICATED')).toBe(30);
    const claimsB = await attempt(untrusting, 'd@lip.example', 'x', '203.0.113.2');
    expect(errorCode(claimsB)).toBe('RATE_LIMITED');
  });
});
