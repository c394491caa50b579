import { startTestApp, type GqlResult, type TestApp, type TestClient } from '../testing/test-app';
import { createMatrixFixtures, type MatrixFixtures } from './role-matrix/fixtures';
import { OUTCOME_CODES, ROLE_ACCOUNTS, ROLES, type Role } from './role-matrix/roles';
import {
  describeMissingRows,
  MUTATIONS_INTROSPECTION,
  type IntrospectedMutation,
} from './role-matrix/missing-rows';
import {
  FIELDS,
  MUTATIONS,
  PERSON_DIRECTORY_FIELDS,
  UNRESTRICTED_MUTATIONS,
} from './role-matrix/table';
import { describeOneSidedRows } from './role-matrix/two-sided';

/**
 * The role × action matrix: every cell of `role-matrix/table.ts` (each mutation scenario and
 * each protected field, for each role) becomes one test against a real API on the seeded demo
 * database. A cell marked as a known violation passes while the product still gets it wrong and
 * fails as soon as the fix lands, so the note is removed and the cell guards the fix.
 */
let t: TestApp;
let fx: MatrixFixtures;
const clients = new Map<Role, TestClient>();

async function clientFor(role: Role): Promise<TestClient> {
  const existing = clients.get(role);
  if (existing) return existing;
  const email = ROLE_ACCOUNTS[role];
  const client = email === null ? t.anonymous() : await t.signIn(email);
  clients.set(role, client);
  return client;
}

function describeAnswer(result: GqlResult<unknown>): string {
  return JSON.stringify(result).slice(0, 600);
}

beforeAll(async () => {
  t = await startTestApp(__filename);
  fx = await createMatrixFixtures(t);
});
afterAll(async () => {
  await fx.close();
  await t.close();
});

describe('the role × action matrix', () => {
  it('has a row for every mutation of the schema, and no row for a mutation it does not have', async () => {
    const result = await t
      .anonymous()
      .gql<{ __schema: { mutationType: { fields: IntrospectedMutation[] } } }>(
        MUTATIONS_INTROSPECTION,
      );
    const inSchema = result.data?.__schema.mutationType.fields ?? [];
    expect(inSchema.length).toBeGreaterThan(0);
    const problem = describeMissingRows(inSchema, new Set(MUTATIONS.map((row) => row.mutation)));
    if (problem) throw new Error(problem);
  });

  it('classifies every field of Person as directory or as a protected field with a row', async () => {
    const result = await t
      .anonymous()
      .gql<{ __type: { fields: { name: string }[] } }>(
        '{ __type(name: "Person") { fields { name } } }',
      );
    const protectedFields = new Set(FIELDS.map((row) => row.field));
    const unclassified = (result.data?.__type.fields ?? [])
      .map((f) => f.name)
      .filter(
        (name) => !PERSON_DIRECTORY_FIELDS.includes(name) && !protectedFields.has(`Person.${name}`),
      );
    if (unclassified.length > 0)
      throw new Error(
        `Person field(s) ${unclassified.join(', ')} are neither in PERSON_DIRECTORY_FIELDS ` +
          '(everyone signed in reads them) nor protected by a row in FIELDS ' +
          '(api/src/auth/role-matrix/table.ts): add each to one of them.',
      );
  });

  it('has for every mutation a role that may and a signed-in role that may not, and for every protected field one that sees it and one that does not', () => {
    const problem = describeOneSidedRows(
      MUTATIONS.map((row) => ({ name: row.mutation, expect: row.expect })),
      FIELDS.map((row) => ({ name: row.field, expect: row.expect })),
      UNRESTRICTED_MUTATIONS,
    );
    if (problem) throw new Error(problem);
  });

  it('names an action tested from one side only, and a stale exemption', () => {
    const all = (outcome: string) =>
      Object.fromEntries(ROLES.map((role) => [role, outcome])) as Record<Role, string>;
    const message = describeOneSidedRows(
      [
        { name: 'archiveDocument', expect: { ...all('allowed'), signedOut: 'unauthenticated' } },
        { name: 'ping', expect: { ...all('allowed'), observer: 'forbidden' } },
        { name: 'setLocale', expect: { ...all('allowed'), signedOut: 'unauthenticated' } },
      ],
      [
        { name: 'Person.email', expect: { ...all('visible'), signedOut: 'hidden' } },
        { name: 'Query.devOutbox', expect: all('hidden') },
      ],
      { ping: 'open', setLocale: 'own', gone: 'removed' },
    );
    expect(message).toContain('archiveDocument: no signed-in role is refused');
    expect(message).toContain('ping is in UNRESTRICTED_MUTATIONS but a scenario refuses');
    expect(message).not.toContain('setLocale');
    expect(message).toContain('Person.email: no signed-in role is refused');
    expect(message).toContain('Query.devOutbox: no role is visible');
    expect(message).toContain('gone is in UNRESTRICTED_MUTATIONS but has no row');
    expect(describeOneSidedRows([], [], {})).toBe('');
  });

  it('says exactly which row to add for a mutation without one', () => {
    const nonNull = (name: string, kind = 'INPUT_OBJECT') => ({
      kind: 'NON_NULL',
      name: null,
      ofType: { kind, name, ofType: null },
    });
    const message = describeMissingRows(
      [
        {
          name: 'archiveDocument',
          args: [{ name: 'input', type: nonNull('ArchiveDocumentInput') }],
          type: nonNull('ArchiveDocumentPayload', 'OBJECT'),
        },
        { name: 'ping', args: [], type: { kind: 'SCALAR', name: 'String', ofType: null } },
      ],
      new Set(['ping', 'unarchiveDocument']),
    );
    expect(message).toContain('no row in the role × action matrix: archiveDocument.');
    expect(message).toContain('api/src/auth/role-matrix/table.ts');
    expect(message).toContain(
      "query: 'mutation ($input: ArchiveDocumentInput!) { archiveDocument(input: $input) { __typename } }',",
    );
    expect(message).toContain('input: async (fx, role) => ({ input: TODO })');
    expect(message).toContain('no longer has: unarchiveDocument');
    expect(describeMissingRows([], new Set())).toBe('');
  });
});

/**
 * Runs one cell: a normal cell must meet its expectation; a known violation must still miss it
 * (for the reason the table names), so the day the fix lands this fails and the note goes.
 * Errors while preparing a cell fail it either way.
 */
function expectCell(met: boolean, answer: string, violation: string | undefined): void {
  if (violation) {
    expect({ knownViolationStillThere: !met, violation }).toEqual({
      knownViolationStillThere: true,
      violation,
    });
  } else {
    expect({ met, answer: met ? 'as expected' : answer }).toEqual({
      met: true,
      answer: 'as expected',
    });
  }
}

describe.each(MUTATIONS.map((row) => [`${row.mutation}: ${row.scenario}`, row] as const))(
  '%s',
  (_name, row) => {
    for (const role of ROLES) {
      const expected = row.expect[role];
      const violation = row.knownViolations?.[role];
      it(`${role}: ${expected}${violation ? ` (known violation until fixed: ${violation})` : ''}`, async () => {
        const actor = row.actor ? await row.actor(fx, role) : null;
        const variables = await row.input(fx, role, actor ?? undefined);
        const client = actor ? actor.client : await clientFor(role);
        const result = await client.gql(row.query, variables);
        if (row.endsSession && !actor) clients.delete(role);
        const data = result.data as Record<string, unknown> | null | undefined;
        const met =
          expected === 'allowed'
            ? result.errors === undefined && data?.[row.mutation] != null
            : result.errors?.[0]?.extensions?.code === OUTCOME_CODES[expected];
        expectCell(met, describeAnswer(result), violation);
      });
    }
  },
);

describe.each(FIELDS.map((row) => [`${row.field}: ${row.scenario}`, row] as const))(
  '%s',
  (_name, row) => {
    let prepared: Awaited<ReturnType<typeof row.prepare>>;
    beforeAll(async () => {
      prepared = await row.prepare(fx);
    });
    for (const role of ROLES) {
      const expected = row.expect[role];
      const violation = row.knownViolations?.[role];
      it(`${role}: ${expected}${violation ? ` (known violation until fixed: ${violation})` : ''}`, async () => {
        const client = await clientFor(role);
        const result = await client.gql(row.query, prepared.variables);
        const met = prepared.reveals(result.data) === (expected === 'visible');
        expectCell(met, describeAnswer(result), violation);
      });
    }
  },
);
