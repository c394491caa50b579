import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  execute,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  typeFromAST,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLInputType,
} from 'graphql';
import { countCommands } from '../db/connection';
import { startTestApp, type TestApp } from '../testing/test-app';
import { OPERATION_LIMITS, operationCost } from './limits';
import { buildSchema } from './schema';

const schema = buildSchema();

let t: TestApp;
let capped: TestApp;
beforeAll(async () => {
  // The mail poller stays quiet so only the operations' own commands are counted.
  t = await startTestApp(__filename, { app: { mailPollMs: 3_600_000 } });
  capped = await startTestApp(__filename, { env: { GRAPHQL_MAX_RESPONSE_BYTES: '10000' } });
}, 30_000);
afterAll(async () => {
  await t.close();
  await capped.close();
});

const cost = (query: string, variables: Record<string, unknown> = {}) =>
  operationCost(schema, parse(query), variables, null);

/** The operations the web app sends, read from its generated documents. */
function webOperations(): { name: string; document: DocumentNode }[] {
  const file = join(__dirname, '..', '..', '..', 'web', 'src', 'generated', 'graphql.ts');
  const source = readFileSync(file, 'utf8');
  const pattern = /^export const (\w+)Document = (\{.*\}) as unknown as DocumentNode/gm;
  return [...source.matchAll(pattern)].map((match) => ({
    name: match[1] ?? '',
    document: JSON.parse(match[2] ?? '{}') as DocumentNode,
  }));
}

/** A valid value for a variable type (Int variables are page sizes: the largest allowed). */
function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type)) value[field.name] = sampleValue(field.type);
    }
    return value;
  }
  const samples: Record<string, unknown> = {
    ID: '000000000000000000000000',
    Int: 200,
    Float: 1,
    Boolean: true,
    DateTime: '2030-01-01T00:00:00.000Z',
  };
  return samples[getNamedType(type).name] ?? 'x';
}

function sampleVariables(document: DocumentNode): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const v of definition.variableDefinitions ?? []) {
      const type = typeFromAST(schema, v.type) as GraphQLInputType | undefined;
      if (type) variables[v.variable.name.value] = sampleValue(type);
    }
  }
  return variables;
}

describe('the cost of an operation', () => {
  it('multiplies a list by its page size', () => {
    const small = cost('{ tasks(first: 5) { nodes { assignees { name } } } }');
    const large = cost('{ tasks(first: 200) { nodes { assignees { name } } } }');
    expect(large).toBe((small as number) * 40);
  });

  it('gives unbounded lists an assumed size, so nesting them multiplies', () => {
    const flat = cost('{ organisations { name } }') as number;
    const nested = cost('{ organisations { members { organisation { members { name } } } } }');
    expect(flat).toBe(100);
    expect(nested).toBeGreaterThan(flat * 25 * 25);
  });

  it('keeps every operation of the web app under half of the default limit', () => {
    const operations = webOperations();
    expect(operations.length).toBeGreaterThan(30);
    const limit = t.app.deps.config.graphqlLimits.maxCost;
    const over = operations
      .map(({ name, document }) => ({
        name,
        cost: operationCost(schema, document, sampleVariables(document), null),
      }))
      .filter((entry) => typeof entry.cost !== 'number' || entry.cost > limit / 2);
    expect(over).toEqual([]);
  });

  it('refuses a list-multiplied query over the limit with QUERY_TOO_COMPLEX', async () => {
    const member = await t.signIn('beirat-nord@lip.example');
    const result = await member.gql(
      '{ people { organisation { members { groupMemberships { group { members { person { name } } } } } } } }',
    );
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'cost',
      maxCost: 20_000,
      cost: expect.any(Number),
    });
    expect(result.errors?.[0]?.message).toBe(
      'Die Abfrage ist zu umfangreich. Bitte fragen Sie weniger auf einmal ab.',
    );
  });

  it('gives up on a fragment fan-out instead of expanding it exponentially', () => {
    const fragments = Array.from(
      { length: 20 },
      (_, i) => `fragment f${i} on Query { ...f${i + 1} ...f${i + 1} }`,
    ).join(' ');
    const query = `{ ...f0 } ${fragments} fragment f20 on Query { ping }`;
    expect(cost(query)).toBe(Infinity);
    expect(OPERATION_LIMITS.maxCostNodes).toBeLessThan(2 ** 20);
  });
});

describe('round trips', () => {
  it('loads the members of every organisation in one query', async () => {
    const member = await t.signIn('bildung@lip.example');
    // Warm up the session lookup so only the operation's own commands are counted.
    await member.gql('{ ping }');
    const { result, commands } = await countCommands(t.app.deps.connection, () =>
      member.gql('{ organisations { name members { name organisation { name } } } }'),
    );
    const organisations = (result.data?.organisations ?? []) as { members: unknown[] }[];
    expect(organisations.length).toBeGreaterThan(5);
    expect(organisations.some((o) => o.members.length > 0)).toBe(true);
    // Session, person, organisations, their members (one batch), the members' organisations.
    expect(commands.filter((c) => c === 'find').length).toBeLessThanOrEqual(5);
  });

  it('reads the content of many documents in one query', async () => {
    const member = await t.signIn('koordination@lip.example');
    const { result, commands } = await countCommands(t.app.deps.connection, () =>
      member.gql('{ documents { contentText contentHtml contentUpdatedAt } }'),
    );
    expect((result.data?.documents ?? []).length).toBeGreaterThan(5);
    expect(commands.filter((c) => c === 'find').length).toBeLessThanOrEqual(6);
  });
});

describe('the response cap and the time limit', () => {
  it('refuses a result larger than GRAPHQL_MAX_RESPONSE_BYTES with RESPONSE_TOO_LARGE', async () => {
    const admin = await capped.signIn('admin@lip.example');
    const res = await fetch(`${capped.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie ?? '' },
      body: JSON.stringify({
        query:
          '{ people { id name email status organisation { id name } groupMemberships { role sector group { id name { de en } } } bodies { id name } } }',
      }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { data?: unknown; errors: { extensions: unknown }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]?.extensions).toMatchObject({
      code: 'RESPONSE_TOO_LARGE',
      maxBytes: 10_000,
    });
    const small = await admin.gql('{ viewer { id } }');
    expect(small.errors).toBeUndefined();
  });

  it('starts no resolver after the operation’s deadline and reports OPERATION_TIMEOUT', async () => {
    const scope = await t.scopeFor('bildung@lip.example');
    const run = (deadline: number | null) =>
      execute({
        schema,
        document: parse('{ ping viewer { id } }'),
        contextValue: {
          scope,
          setSessionCookie: () => undefined,
          clearSessionCookie: () => undefined,
          deadline,
        },
      }) as Promise<ExecutionResult>;
    const late = await run(Date.now() - 1);
    expect(late.data).toBeNull();
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_TIMEOUT' });
    const inTime = await run(Date.now() + 10_000);
    expect(inTime.errors).toBeUndefined();
  });
});
