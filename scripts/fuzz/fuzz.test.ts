import fc from 'fast-check';
import { parse, validate } from 'graphql';
import { buildSchema } from '../../api/src/graphql/schema';
import type { FuzzContext } from './context';
import { isErrorLogLine } from './product';
import { SURFACES } from './run';
import { SURFACE_NAMES } from './runner';
import { operationArbitrary, rootFieldNames, SESSION_ENDING_MUTATIONS } from './schema-operations';
import { graphqlSurface } from './surfaces/graphql';
import { encodeFrame, yWebsocketSurface } from './surfaces/y-websocket';

/** The harness itself, without a product: generation is deterministic, broad and well-formed. */
const schema = buildSchema();
// The arbitraries read only the schema from the context; execution needs the running product.
const context = { schema } as FuzzContext;

async function valueAt<T>(arbitrary: fc.Arbitrary<T>, seed: number, path: string): Promise<T> {
  let seen: T | undefined;
  await fc.check(
    fc.asyncProperty(arbitrary, async (value) => {
      seen = value;
      return true;
    }),
    { seed, numRuns: 1, path },
  );
  return seen as T;
}

describe('the fuzz harness', () => {
  it.each(SURFACE_NAMES)(
    'replays case i of a seed exactly from --seed and --path (%s)',
    async (name) => {
      const arbitrary = SURFACES[name].arbitrary(context);
      const cases = fc.sample(arbitrary, { seed: 42, numRuns: 25 });
      const replayed = await valueAt(arbitrary, 42, '24');
      expect(JSON.stringify(replayed)).toBe(JSON.stringify(cases[24]));
    },
  );

  it('generates operations on every root field of the schema', () => {
    const queries = fc
      .sample(operationArbitrary(schema, { subscriptions: true }), { seed: 7, numRuns: 4_000 })
      .map((operation) => operation.query);
    const text = queries.join('\n');
    const missing = [
      ...rootFieldNames(schema, 'query'),
      ...rootFieldNames(schema, 'mutation'),
      ...rootFieldNames(schema, 'subscription'),
    ].filter((field) => !new RegExp(`\\b${field}\\b`).test(text));
    expect(missing).toEqual([]);
  });

  it('writes typed operations that mostly pass validation, so they reach the resolvers', () => {
    const typed = fc
      .sample(operationArbitrary(schema), { seed: 8, numRuns: 500 })
      .filter((operation) => ['query', 'mutation'].includes(operation.kind));
    const valid = typed.filter((operation) => {
      try {
        return validate(schema, parse(operation.query)).length === 0;
      } catch {
        // Inline strings with lone surrogates are rejected by the parser, on purpose.
        return false;
      }
    });
    expect(typed.length).toBeGreaterThan(100);
    expect(valid.length / typed.length).toBeGreaterThan(0.8);
  });

  it('keeps every generated operation small enough for the harness (under 20 MB)', () => {
    const cases = fc.sample(graphqlSurface.arbitrary(context), { seed: 5988, numRuns: 3_000 });
    const sizes = cases.map(
      (testCase) =>
        testCase.operation.query.length +
        (JSON.stringify(testCase.operation.variables) ?? '').length,
    );
    expect(Math.max(...sizes)).toBeLessThan(20_000_000);
  });

  it('never ends the session of a signed-in identity', () => {
    const cases = fc.sample(graphqlSurface.arbitrary(context), { seed: 9, numRuns: 2_000 });
    const ending = cases.filter(
      (testCase) =>
        testCase.identity !== 'anonymous' &&
        SESSION_ENDING_MUTATIONS.some((name) =>
          new RegExp(`\\b${name}\\b`).test(testCase.operation.query),
        ),
    );
    expect(ending).toEqual([]);
  });

  it('counts the pino lines at level error and fatal of the product, and nothing else', () => {
    const line = (level: number) =>
      JSON.stringify({
        level,
        time: '2026-12-03T17:00:00.000Z',
        pid: 1,
        msg: 'level 40 "level":50',
      });
    expect([10, 20, 30, 40, 50, 60].map((level) => isErrorLogLine(line(level)))).toEqual([
      false,
      false,
      false,
      false,
      true,
      true,
    ]);
    expect(isErrorLogLine('Error: "level":50 in a stack trace')).toBe(false);
    expect(isErrorLogLine('LIP_READY api=http://127.0.0.1:1 collab=ws://127.0.0.1:2')).toBe(false);
  });

  it('encodes every generated y-websocket frame', () => {
    const cases = fc.sample(yWebsocketSurface.arbitrary(context), { seed: 10, numRuns: 300 });
    const kinds = new Set<string>();
    for (const testCase of cases) {
      for (const frame of testCase.frames) {
        kinds.add(frame.k);
        expect(encodeFrame(frame)).toBeInstanceOf(Uint8Array);
      }
    }
    expect([...kinds].sort()).toEqual(
      [
        'awareness',
        'framed-garbage',
        'huge',
        'oversized-length',
        'random',
        'small',
        'state-vector',
        'truncated-varint',
        'update',
      ].sort(),
    );
  });
});
