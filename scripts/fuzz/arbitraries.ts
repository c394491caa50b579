import fc from 'fast-check';

/**
 * Building blocks every surface draws from: strings that broke parsers and regular expressions
 * before (lone surrogates, broken percent-escapes, ReDoS fodder, huge values), operator objects
 * aimed at a document database, and references to real records that are resolved against the
 * running product at execution time (so a case replays the same way on a fresh product).
 */

/** Kinds of records a case may point at; the context resolves them to ids of the running product. */
export const REF_KINDS = [
  'document',
  'group',
  'person',
  'body',
  'task',
  'thread',
  'milestone',
  'organisation',
  'process',
  'version',
  'invitationToken',
] as const;
export type RefKind = (typeof REF_KINDS)[number];

/**
 * A placeholder for the n-th known record of a kind. It is written into query texts, variables
 * and frames as a plain string and replaced right before sending (see `resolveRefs`).
 */
export function refToken(kind: RefKind, index: number): string {
  return `@@ref:${kind}:${index}@@`;
}

/** Matches every placeholder made by {@link refToken}. */
export const REF_PATTERN = /@@ref:([a-zA-Z]+):(\d+)@@/g;

/** An arbitrary placeholder for a record of the kind. */
export function refArb(kind: RefKind): fc.Arbitrary<string> {
  return fc.nat({ max: 40 }).map((index) => refToken(kind, index));
}

/** Strings with lone UTF-16 surrogates (not encodable as UTF-8, not valid in GraphQL). */
export const LONE_SURROGATES = ['\uD800', 'a\uDFFFb', '\uDBFF', 'x\uD83D', '\uDE00\uD83D'];

/** Percent-escapes a URL decoder may choke on. */
export const BAD_ESCAPES = [
  '%ZZ',
  '%',
  '%E0%A4%A',
  '%C0%80',
  '%ED%A0%80',
  '%00',
  '%2',
  '%%',
  '%u0041',
];

/** A string of `length` characters built from `unit`. */
export function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const shortText = fc.oneof(
  fc.string({ maxLength: 24 }),
  fc.string({ unit: 'grapheme', maxLength: 16 }),
  fc.string({ unit: 'binary', maxLength: 16 }),
);

const specialText = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\t\r\n',
  '\u202E\u0000\uFEFF',
  ...LONE_SURROGATES,
  ...BAD_ESCAPES,
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  "'; db.dropDatabase(); '",
  '$where',
  '$gt',
  'a.b',
  '__proto__',
  'constructor',
  'toString',
  'admin@lip.example',
  'a@b',
  'ä@ö.ü',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e309',
  '0x1F',
  '2019-13-45T25:61:61Z',
  '+275760-09-13T00:00:00.000Z',
  '0000-00-00',
  '000000000000000000000000',
  'ffffffffffffffffffffffff',
  'zzzzzzzzzzzzzzzzzzzzzzzz',
  'ObjectId("000000000000000000000000")',
  '🧨'.repeat(3),
  'Ä'.repeat(300),
);

/** Long strings: at, below and above the documented limits; the ReDoS probe of finding 1. */
const longText = fc
  .tuple(
    fc.constantFrom('x', 'ä', '🧨', 'a.', '.', ' ', '\\', '%', '{', '\uD800', 'ab%ZZ'),
    fc.constantFrom(201, 1_001, 5_001, 20_001, 60_000, 99_000, 250_000),
  )
  .map(([unit, length]) => repeatTo(unit, length));

/** Everything a text field might receive; long values are rarer than short ones. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: shortText },
  { weight: 5, arbitrary: specialText },
  { weight: 1, arbitrary: longText },
  { weight: 1, arbitrary: fc.constant(`a@${'.'.repeat(40_000)}`) },
);

/** Strings that look like ids, and ones that do not. */
export const idLike: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 24, maxLength: 24 }),
  fc.constantFrom(
    'not-an-id',
    '',
    '0',
    '-1',
    '0123456789abcdef0123456',
    'ZZZZZZZZZZZZZZZZZZZZZZZZ',
  ),
  nastyString,
);

/** Objects a naive handler might pass to a database query as operators. */
export const operatorObject: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  { $gt: '' },
  { $ne: null },
  { $ne: 'x' },
  { $exists: true },
  { $regex: '.*' },
  { $regex: '(a+)+$' },
  { $where: 'sleep(1000) || true' },
  { $in: [] },
  { $expr: { $eq: [1, 1] } },
  [{ $gt: '' }],
  { __proto__: { admin: true } },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { constructor: { prototype: { polluted: true } } },
  { toString: 'x', valueOf: 1 },
  { 'a.b': 1, $set: { systemRole: 'admin' } },
);

/** Any JSON value, now and then an operator object or a nasty string. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: operatorObject },
  { weight: 2, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, 0, -1, 2 ** 31, 2 ** 53 + 1, 1.5) },
);

/** JSON text nested `depth` levels deep in arrays or objects (parser and walker recursion). */
export function nestedJsonText(depth: number, style: 'array' | 'object' | 'mixed'): string {
  switch (style) {
    case 'array':
      return `${'['.repeat(depth)}${']'.repeat(depth)}`;
    case 'object':
      return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    case 'mixed':
      return `${'[{"a":'.repeat(depth)}1${'}]'.repeat(depth)}`;
  }
}

/** Depths that are fine, near typical limits, and far beyond any stack. */
export const nestingDepth = fc.constantFrom(8, 13, 50, 200, 1_000, 5_000, 20_000, 100_000);
