import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import {
  anyJson,
  idLike,
  nastyString,
  nestedJsonText,
  nestingDepth,
  operatorObject,
  refArb,
  type RefKind,
} from './arbitraries';

/**
 * GraphQL operations generated from the schema: valid-looking ones (right root fields, known
 * argument names, real record ids through placeholders) with wrong argument types, missing and
 * extra variables, huge strings, lone surrogates and operator objects, and the structural
 * attacks (deep nesting, many aliases, fragment cycles, many directives, token floods).
 */

/** One GraphQL request as sent in a body: `{ query, variables, operationName }`. */
export interface GeneratedOperation {
  /** Which generator made it, for the report's per-kind counts. */
  kind: string;
  query: string;
  /** Usually an object; sometimes not (a string, an array, null) on purpose. */
  variables?: unknown;
  operationName?: string;
}

/**
 * Root fields the generator never calls for a signed-in identity: they end the fuzzer's own
 * session (`endSession` is the sign-out of the web app) or delete its account (`deleteAccount`
 * with the identity's own address, which the e-mail arbitrary offers). The matrix and the
 * privacy tests cover them.
 */
export const SESSION_ENDING_MUTATIONS = [
  'signOut',
  'signOutEverywhere',
  'endSession',
  'deleteAccount',
];

/**
 * The largest list of copies of one value, in characters of its JSON: well past every limit of
 * the API (bodies over 100 kB are refused), small enough that a case never costs the harness
 * more than a few megabytes.
 */
const MAX_REPEATED_LIST_CHARS = 2_000_000;

/** A value with its GraphQL literal, so inline arguments and variables carry the same thing. */
type Value =
  | { k: 'scalar'; v: unknown }
  | { k: 'enum'; v: string }
  | { k: 'list'; v: Value[] }
  | { k: 'object'; v: [string, Value][] };

function toJson(value: Value): unknown {
  switch (value.k) {
    case 'scalar':
    case 'enum':
      return value.v;
    case 'list':
      return value.v.map(toJson);
    case 'object':
      return Object.fromEntries(value.v.map(([key, inner]) => [key, toJson(inner)]));
  }
}

/** Prints any JSON value as a GraphQL literal (object keys that are not names become names). */
function jsonLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(jsonLiteral).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([key, inner]) => `${toName(key)}: ${jsonLiteral(inner)}`,
  );
  return `{${entries.join(', ')}}`;
}

function toName(key: string): string {
  const name = key.replace(/[^_0-9A-Za-z]/g, '_');
  return /^[_A-Za-z]/.test(name) ? name : `_${name}`;
}

function toLiteral(value: Value): string {
  switch (value.k) {
    case 'scalar':
      return jsonLiteral(value.v);
    case 'enum':
      return /^[_A-Za-z][_0-9A-Za-z]*$/.test(value.v) ? value.v : JSON.stringify(value.v);
    case 'list':
      return `[${value.v.map(toLiteral).join(', ')}]`;
    case 'object':
      return `{${value.v.map(([key, inner]) => `${toName(key)}: ${toLiteral(inner)}`).join(', ')}}`;
  }
}

/** Which record an argument or input field named like this points at. */
function refKindFor(name: string, rootField?: string): RefKind | undefined {
  const byName: Record<string, RefKind> = {
    documentId: 'document',
    groupId: 'group',
    personId: 'person',
    assigneeId: 'person',
    assigneeIds: 'person',
    bodyId: 'body',
    bodyIds: 'body',
    taskId: 'task',
    beforeTaskId: 'task',
    threadId: 'thread',
    milestoneId: 'milestone',
    organisationId: 'organisation',
    processId: 'process',
    versionId: 'version',
    token: 'invitationToken',
  };
  if (byName[name]) return byName[name];
  if (name !== 'id' || !rootField) return undefined;
  const byRoot: Record<string, RefKind> = {
    document: 'document',
    body: 'body',
    person: 'person',
    task: 'task',
    expertGroup: 'group',
    organisation: 'organisation',
    process: 'process',
  };
  return byRoot[rootField];
}

const ACTION_FIELD_KEYS = [
  'education',
  'economy',
  'social',
  'urban-life',
  'democracy',
  'administration',
];

/** A wrong value for any type: JSON of another shape, operator objects, nasty strings. */
const wrongValue: fc.Arbitrary<Value> = anyJson.map((v) => ({ k: 'scalar', v }));

interface ValueOptions {
  /** Chance (0..1) that any one value is replaced by a wrong one. */
  wrongness: number;
  rootField?: string;
  depth: number;
}

function maybeWrong(arb: fc.Arbitrary<Value>, options: ValueOptions): fc.Arbitrary<Value> {
  if (options.wrongness <= 0) return arb;
  const wrongWeight = Math.max(1, Math.round(options.wrongness * 10));
  return fc.oneof(
    { weight: Math.max(1, 10 - wrongWeight), arbitrary: arb },
    { weight: wrongWeight, arbitrary: wrongValue },
  );
}

function scalarValue(
  typeName: string,
  argName: string,
  options: ValueOptions,
): fc.Arbitrary<Value> {
  const kind = refKindFor(argName, options.rootField);
  const scalar = (arb: fc.Arbitrary<unknown>): fc.Arbitrary<Value> =>
    arb.map((v) => ({ k: 'scalar', v }));
  switch (typeName) {
    case 'ID':
      return scalar(
        kind
          ? fc.oneof({ weight: 4, arbitrary: refArb(kind) }, { weight: 1, arbitrary: idLike })
          : idLike,
      );
    case 'String':
      if (/key$/i.test(argName)) {
        return scalar(
          fc.oneof(
            { weight: 3, arbitrary: fc.constantFrom(...ACTION_FIELD_KEYS) },
            { weight: 1, arbitrary: nastyString },
          ),
        );
      }
      if (kind) return scalar(fc.oneof(refArb(kind), nastyString));
      if (/email/i.test(argName)) {
        return scalar(
          fc.oneof(
            fc.constantFrom('admin@lip.example', 'neu@lip.example', 'bildung@lip.example'),
            nastyString,
          ),
        );
      }
      return scalar(nastyString);
    case 'Int':
      return scalar(
        fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constantFrom(0, -1, 2 ** 31 - 1, 1_000_000)),
      );
    case 'Float':
      return scalar(
        fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.constantFrom(0, -0.5, 1e308),
        ),
      );
    case 'Boolean':
      return scalar(fc.boolean());
    case 'DateTime':
      return scalar(
        fc.oneof(
          fc
            .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
            .map((d) => d.toISOString()),
          fc.constantFrom(
            '2019-07-01',
            '2020-02-30T00:00:00Z',
            'yesterday',
            '',
            '9'.repeat(39),
            '+275760-09-13T00:00:00.000Z',
          ),
        ),
      );
    default:
      return scalar(anyJson);
  }
}

function inputValue(
  type: GraphQLInputType,
  argName: string,
  options: ValueOptions,
): fc.Arbitrary<Value> {
  if (isNonNullType(type)) return maybeWrong(inputValue(type.ofType, argName, options), options);
  const arb = ((): fc.Arbitrary<Value> => {
    if (isListType(type)) {
      const item = inputValue(type.ofType, argName, options);
      return fc.oneof(
        {
          weight: 6,
          arbitrary: fc.array(item, { maxLength: 3 }).map((v): Value => ({ k: 'list', v })),
        },
        { weight: 1, arbitrary: item },
        {
          weight: 1,
          arbitrary: fc.tuple(item, fc.constantFrom(21, 200, 5_000)).map(([one, count]): Value => ({
            k: 'list',
            // At most MAX_REPEATED_LIST_CHARS: 5,000 copies of a 250,000-character string (or of
            // a list of them) made operations of gigabytes that ran the harness out of memory.
            v: Array.from(
              {
                length: Math.max(
                  1,
                  Math.min(
                    count,
                    Math.floor(MAX_REPEATED_LIST_CHARS / JSON.stringify(toJson(one)).length),
                  ),
                ),
              },
              () => one,
            ),
          })),
        },
      );
    }
    if (isEnumType(type)) {
      const names = type.getValues().map((value) => value.name);
      return fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...names).map((v): Value => ({ k: 'enum', v })) },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom(...names)
            .map((v): Value => ({ k: 'enum', v: v.toLowerCase() })),
        },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom('UNKNOWN', 'admin', '__proto__')
            .map((v): Value => ({ k: 'enum', v })),
        },
      );
    }
    if (isInputObjectType(type)) {
      if (options.depth > 4) return fc.constant<Value>({ k: 'scalar', v: null });
      const fields = Object.values(type.getFields());
      const deeper = { ...options, depth: options.depth + 1 };
      const entries = fields.map((field) =>
        fc.tuple(
          fc.constant(field.name),
          // Required fields are usually present, optional ones half the time.
          isNonNullType(field.type) ? fc.constant(true) : fc.boolean(),
          inputValue(field.type, field.name, deeper),
        ),
      );
      const extra =
        options.wrongness > 0
          ? fc.option(
              fc.tuple(
                fc.constantFrom('extra', '$where', '__proto__', 'systemRole', 'a_b'),
                wrongValue,
              ),
              { freq: 4 },
            )
          : fc.constant(null);
      return fc
        .tuple(fc.tuple(...entries), extra, fc.nat({ max: 9 }))
        .map(([present, more, dropSeed]): Value => {
          const kept: [string, Value][] = [];
          present.forEach(([name, include, value], index) => {
            // Now and then a required field goes missing (the dropped one depends on the seed).
            if (!include) return;
            if (options.wrongness > 0 && dropSeed === 0 && index === 0) return;
            kept.push([name, value]);
          });
          if (more) kept.push(more);
          return { k: 'object', v: kept };
        });
    }
    if (isScalarType(type)) return scalarValue(type.name, argName, options);
    return wrongValue;
  })();
  return fc.oneof(
    { weight: 12, arbitrary: arb },
    { weight: 1, arbitrary: fc.constant<Value>({ k: 'scalar', v: null }) },
  );
}

/** How an argument is passed: inline, or as a variable (declared right, declared wrong, missing). */
type ArgMode = 'inline' | 'variable' | 'variable-wrong-type' | 'variable-missing';

interface ArgPlan {
  name: string;
  typeString: string;
  value: Value;
  mode: ArgMode;
}

function argPlans(
  args: readonly GraphQLArgument[],
  options: ValueOptions,
  allowVariables: boolean,
): fc.Arbitrary<ArgPlan[]> {
  if (args.length === 0) return fc.constant([]);
  const modes: fc.Arbitrary<ArgMode> = allowVariables
    ? fc.oneof(
        { weight: 4, arbitrary: fc.constant<ArgMode>('inline') },
        { weight: 4, arbitrary: fc.constant<ArgMode>('variable') },
        {
          weight: options.wrongness > 0 ? 1 : 0,
          arbitrary: fc.constant<ArgMode>('variable-wrong-type'),
        },
        {
          weight: options.wrongness > 0 ? 1 : 0,
          arbitrary: fc.constant<ArgMode>('variable-missing'),
        },
      )
    : fc.constant<ArgMode>('inline');
  return fc
    .tuple(
      ...args.map((arg) =>
        fc
          .tuple(
            // Optional arguments are left out half the time; required ones only when wrongness allows.
            isNonNullType(arg.type) ? fc.constant(true) : fc.boolean(),
            inputValue(arg.type, arg.name, options),
            modes,
          )
          .map(([include, value, mode]) =>
            include ? { name: arg.name, typeString: String(arg.type), value, mode } : undefined,
          ),
      ),
    )
    .map((plans) => plans.filter((plan): plan is ArgPlan => plan !== undefined));
}

/** Everything one root field contributes: its text and its variables. */
interface FieldText {
  text: string;
  declarations: string[];
  variables: [string, unknown][];
}

/** Renders arguments; variables are named after the root field's position and the argument. */
function renderArgs(plans: ArgPlan[], extra: [string, unknown] | null, prefix: string): FieldText {
  const parts: string[] = [];
  const declarations: string[] = [];
  const variables: [string, unknown][] = [];
  for (const plan of plans) {
    if (plan.mode === 'inline') {
      parts.push(`${plan.name}: ${toLiteral(plan.value)}`);
      continue;
    }
    const name = `${prefix}${plan.name}`;
    parts.push(`${plan.name}: $${name}`);
    const declared =
      plan.mode === 'variable-wrong-type' ? wrongTypeFor(plan.typeString) : plan.typeString;
    declarations.push(`$${name}: ${declared}`);
    if (plan.mode !== 'variable-missing') variables.push([name, toJson(plan.value)]);
  }
  if (extra) parts.push(`${toName(extra[0])}: ${jsonLiteral(extra[1])}`);
  return { text: parts.length > 0 ? `(${parts.join(', ')})` : '', declarations, variables };
}

function wrongTypeFor(typeString: string): string {
  if (typeString.startsWith('[')) return 'String';
  if (typeString.endsWith('!')) return typeString.slice(0, -1);
  return typeString.includes('Input') ? 'String!' : '[String!]!';
}

/** A selection set for an object type, at most `maxDepth` levels deep. */
function selectionArb(
  type: GraphQLObjectType,
  depth: number,
  maxDepth: number,
  options: ValueOptions,
): fc.Arbitrary<FieldText> {
  const fields = Object.values(type.getFields());
  const leaves = fields.filter((field) => isLeafType(getNamedType(field.type)));
  const candidates = depth >= maxDepth ? leaves : fields;
  const pool = candidates.length > 0 ? candidates : fields;
  return fc
    .subarray(pool, { minLength: 1, maxLength: Math.min(4, pool.length) })
    .chain((chosen) =>
      fc.tuple(...chosen.map((field) => fieldArb(field, depth, maxDepth, options, null))),
    )
    .map((parts) => merge(parts, ' '));
}

function merge(parts: FieldText[], separator: string): FieldText {
  return {
    text: parts.map((part) => part.text).join(separator),
    declarations: parts.flatMap((part) => part.declarations),
    variables: parts.flatMap((part) => part.variables),
  };
}

function fieldArb(
  field: GraphQLField<unknown, unknown>,
  depth: number,
  maxDepth: number,
  options: ValueOptions,
  /** Position among the root fields, or null below the root. */
  rootIndex: number | null,
): fc.Arbitrary<FieldText> {
  const root = rootIndex !== null;
  const valueOptions = { ...options, rootField: root ? field.name : options.rootField };
  const named = getNamedType(field.type);
  const sub: fc.Arbitrary<FieldText | null> = isObjectType(named)
    ? selectionArb(named, depth + 1, maxDepth, valueOptions)
    : fc.constant(null);
  const extraArg =
    options.wrongness > 0
      ? fc.option(fc.tuple(fc.constantFrom('extra', 'where', 'limit'), anyJson), { freq: 10 })
      : fc.constant(null);
  return fc
    .tuple(
      argPlans(field.args, valueOptions, root),
      sub,
      extraArg,
      fc.option(fc.constantFrom('a', 'b', 'x1', '__typename'), { freq: 6 }),
    )
    .map(([plans, selection, extra, alias]) => {
      const args = renderArgs(plans, extra, `r${rootIndex ?? 0}_`);
      // Unique per field, so sibling aliases never conflict and the operation stays valid.
      const prefix = alias ? `${alias}_${field.name}: ` : '';
      return {
        text: `${prefix}${field.name}${args.text}${selection ? ` { ${selection.text} }` : ''}`,
        declarations: [...args.declarations, ...(selection?.declarations ?? [])],
        variables: [...args.variables, ...(selection?.variables ?? [])],
      };
    });
}

type RootKind = 'query' | 'mutation' | 'subscription';

function rootType(schema: GraphQLSchema, kind: RootKind): GraphQLObjectType | undefined {
  if (kind === 'query') return schema.getQueryType() ?? undefined;
  if (kind === 'mutation') return schema.getMutationType() ?? undefined;
  return schema.getSubscriptionType() ?? undefined;
}

/** Options of the operation generator. */
export interface OperationOptions {
  /** Root fields never generated (e.g. session-ending mutations for signed-in identities). */
  excludeRootFields?: readonly string[];
  /** Allow subscriptions (only over websockets). */
  subscriptions?: boolean;
}

/** A typed operation on one root type: right names, values right or (with wrongness) wrong. */
function typedOperation(
  schema: GraphQLSchema,
  wrongness: number,
  options: OperationOptions,
): fc.Arbitrary<GeneratedOperation> {
  const kinds: RootKind[] = [
    'query',
    'mutation',
    ...(options.subscriptions ? (['subscription'] as const) : []),
  ];
  const exclude = new Set(options.excludeRootFields ?? []);
  return fc.constantFrom(...kinds).chain((kind) => {
    const type = rootType(schema, kind);
    const fields = type
      ? Object.values(type.getFields()).filter((field) => !exclude.has(field.name))
      : [];
    const count = kind === 'subscription' ? 1 : 3;
    return fc
      .subarray(fields, { minLength: 1, maxLength: Math.min(count, fields.length) })
      .chain((chosen) =>
        fc.tuple(
          fc.tuple(
            ...chosen.map((field, index) => fieldArb(field, 0, 3, { wrongness, depth: 0 }, index)),
          ),
          fc.option(fc.tuple(fc.constantFrom('extraVar', 'v0', '__proto__'), anyJson), {
            freq: wrongness > 0 ? 3 : 20,
          }),
          fc.option(fc.constantFrom('Fuzz', 'Other', ''), { freq: 3 }),
        ),
      )
      .map(([parts, extraVariable, name]): GeneratedOperation => {
        const merged = merge(parts, ' ');
        const declarations =
          merged.declarations.length > 0 ? `(${merged.declarations.join(', ')})` : '';
        const variables: Record<string, unknown> = Object.fromEntries(merged.variables);
        if (extraVariable) variables[extraVariable[0]] = extraVariable[1];
        const operationName = name === null ? undefined : name;
        const header = operationName === undefined ? kind : `${kind} ${operationName || 'Fuzz'}`;
        return {
          kind: wrongness > 0 ? `${kind}-wrong-types` : kind,
          query: `${header}${declarations} { ${merged.text} }`,
          variables,
          ...(operationName !== undefined ? { operationName } : {}),
        };
      });
  });
}

/** Selection chains that cycle through the schema (document → group → actionField → group …). */
const CYCLES = [
  { root: 'documents', loop: ['group', 'actionField', 'group', 'actionField'], leaf: 'key' },
  { root: 'people', loop: ['groupMemberships', 'group', 'members', 'person'], leaf: 'email' },
  { root: 'organisations', loop: ['members', 'organisation'], leaf: 'name' },
  { root: 'bodies', loop: ['members', 'bodies'], leaf: 'id' },
  { root: 'processes', loop: ['actionFields', 'documents', 'group', 'actionField'], leaf: 'key' },
];

const deepOperation: fc.Arbitrary<GeneratedOperation> = fc.oneof(
  // Schema-valid nesting through cycles, from harmless to far beyond the depth limit.
  fc
    .tuple(fc.constantFrom(...CYCLES), fc.constantFrom(2, 3, 6, 13, 40, 200))
    .map(([cycle, rounds]) => {
      const path = Array.from({ length: rounds }, () => cycle.loop).flat();
      const selection = path.reduceRight(
        (inner, field) => `${field} { ${inner} }`,
        cycle.leaf === 'key' ? 'key' : cycle.leaf,
      );
      return { kind: 'deep-schema', query: `query { ${cycle.root} { ${selection} } }` };
    }),
  // Pure syntax nesting: the parser's recursion, before any validation.
  fc
    .tuple(nestingDepth, fc.constantFrom('{ a ', '{ a: b ', '{ ... on Query '))
    .map(([depth, open]) => ({
      kind: 'deep-syntax',
      query: `${open.repeat(depth)}${'}'.repeat(depth)}`,
    })),
  // Nested values in arguments and variables.
  fc.tuple(nestingDepth, fc.boolean()).map(([depth, asVariable]) =>
    asVariable
      ? {
          kind: 'deep-variable',
          query: 'query ($v: String) { document(id: $v) { id } }',
          // Deeper variables are sent as raw text by the HTTP surface; JSON.stringify would recurse here.
          variables: { v: JSON.parse(nestedJsonText(Math.min(depth, 1_000), 'mixed')) as unknown },
        }
      : {
          kind: 'deep-value',
          query: `query { document(id: ${'['.repeat(depth)}"x"${']'.repeat(depth)}) { id } }`,
        },
  ),
);

const aliasOperation: fc.Arbitrary<GeneratedOperation> = fc
  .tuple(
    fc.constantFrom(5, 21, 100, 1_000, 3_000),
    fc.constantFrom(
      'ping',
      'viewer { id }',
      'people { email }',
      'documents { contentHtml }',
      '__typename',
    ),
  )
  .map(([count, field]) => ({
    kind: 'aliases',
    query: `query { ${Array.from({ length: count }, (_, index) => `a${index}: ${field}`).join(' ')} }`,
  }));

const fragmentOperation: fc.Arbitrary<GeneratedOperation> = fc.oneof(
  fc.constant({
    kind: 'fragment-cycle',
    query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
  }),
  fc.constant({
    kind: 'fragment-cycle',
    query: 'query { ...A } fragment A on Query { ping ...A }',
  }),
  fc.constant({ kind: 'fragment-unknown', query: 'query { ...Missing }' }),
  fc.constant({
    kind: 'fragment-wrong-type',
    query: 'query { ... on Mutation { ping } viewer { ... on Document { id } } }',
  }),
  fc.constantFrom(10, 100, 1_000).map((count) => ({
    kind: 'fragment-chain',
    // A chain of fragments, each spreading the next: long chains stress validation's recursion.
    query: `query { ...F0 } ${Array.from({ length: count }, (_, index) => `fragment F${index} on Query { a${index}: ping${index + 1 < count ? ` ...F${index + 1}` : ''} }`).join(' ')}`,
  })),
);

const directiveOperation: fc.Arbitrary<GeneratedOperation> = fc.oneof(
  fc.constantFrom(5, 21, 500).map((count) => ({
    kind: 'directives',
    query: `query { ping ${'@include(if: true) '.repeat(count)} }`,
  })),
  fc.tuple(anyJson).map(([value]) => ({
    kind: 'directive-variable',
    query: 'query ($v: Boolean!) { ping @skip(if: $v) viewer @include(if: $v) { id } }',
    variables: { v: value },
  })),
  fc.constant({ kind: 'directive-unknown', query: 'query { ping @unknown @deprecated }' }),
);

const introspectionOperation: fc.Arbitrary<GeneratedOperation> = fc.oneof(
  nastyString.map((name) => ({
    kind: 'introspection',
    query: 'query ($n: String!) { __type(name: $n) { name fields { name } } }',
    variables: { n: name },
  })),
  fc.constant({
    kind: 'introspection',
    query:
      'query { __schema { types { name fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }',
  }),
);

/** Syntax garbage and near-misses: broken tokens, lone surrogates, floods of tokens. */
const garbageOperation: fc.Arbitrary<GeneratedOperation> = fc.oneof(
  nastyString.map((query) => ({ kind: 'garbage', query })),
  fc
    .tuple(
      fc.constantFrom('{ ping }', 'query { viewer { id } }', 'mutation { ping }'),
      fc.nat({ max: 20 }),
      nastyString,
    )
    .map(([base, at, insert]) => ({
      kind: 'garbage-spliced',
      query: `${base.slice(0, at)}${insert}${base.slice(at)}`,
    })),
  fc
    .constantFrom(4_999, 5_001, 20_000)
    .map((count) => ({ kind: 'tokens', query: `query { ${'ping '.repeat(count)}}` })),
  fc
    .constantFrom('"\uD800"', '"\\uD800"', '"""\uDFFF"""', '"\\u{110000}"', '"\\x"')
    .map((literal) => ({
      kind: 'string-escapes',
      query: `query { document(id: ${literal}) { id } }`,
    })),
  fc
    .constant({
      kind: 'operator-variables',
      query: 'query ($id: ID!) { document(id: $id) { id } }',
    })
    .chain((op) => operatorObject.map((v) => ({ ...op, variables: { id: v } }))),
  fc
    .constantFrom(
      'subscription { ping }',
      'query A { ping } query A { ping }',
      'query A { ping } query B { ping }',
    )
    .map((query) => ({
      kind: 'operation-shape',
      query,
    })),
);

/** Every kind of generated operation, typed ones most often. */
export function operationArbitrary(
  schema: GraphQLSchema,
  options: OperationOptions = {},
): fc.Arbitrary<GeneratedOperation> {
  return fc.oneof(
    { weight: 8, arbitrary: typedOperation(schema, 0, options) },
    { weight: 6, arbitrary: typedOperation(schema, 0.3, options) },
    { weight: 1, arbitrary: deepOperation },
    { weight: 1, arbitrary: aliasOperation },
    { weight: 1, arbitrary: fragmentOperation },
    { weight: 1, arbitrary: directiveOperation },
    { weight: 1, arbitrary: introspectionOperation },
    { weight: 2, arbitrary: garbageOperation },
  );
}

/** Root field names of a root type, for coverage checks. */
export function rootFieldNames(schema: GraphQLSchema, kind: RootKind): string[] {
  const type = rootType(schema, kind);
  return type ? Object.keys(type.getFields()) : [];
}
