/** A type reference as introspection returns it. */
export interface IntrospectedType {
  kind: string;
  name: string | null;
  ofType: IntrospectedType | null;
}

/** A mutation as introspection returns it. */
export interface IntrospectedMutation {
  name: string;
  args: { name: string; type: IntrospectedType }[];
  type: IntrospectedType;
}

/** The introspection query {@link describeMissingRows} needs. */
export const MUTATIONS_INTROSPECTION = `{ __schema { mutationType { fields {
  name
  args { name type { ...TypeRef } }
  type { ...TypeRef }
} } } }
fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`;

function typeText(type: IntrospectedType): string {
  if (type.kind === 'NON_NULL' && type.ofType) return `${typeText(type.ofType)}!`;
  if (type.kind === 'LIST' && type.ofType) return `[${typeText(type.ofType)}]`;
  return type.name ?? '?';
}

function namedKind(type: IntrospectedType): string {
  return type.ofType ? namedKind(type.ofType) : type.kind;
}

/** A row to paste into `MUTATIONS`, with the parts only a person can decide marked TODO. */
function templateRow(mutation: IntrospectedMutation): string {
  const declared = mutation.args.map((a) => `$${a.name}: ${typeText(a.type)}`).join(', ');
  const passed = mutation.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = ['OBJECT', 'INTERFACE', 'UNION'].includes(namedKind(mutation.type))
    ? ' { __typename }'
    : '';
  const query = `mutation${declared ? ` (${declared})` : ''} { ${mutation.name}${
    passed ? `(${passed})` : ''
  }${selection} }`;
  const variables = mutation.args.map((a) => `${a.name}: TODO`).join(', ');
  return [
    '  {',
    `    mutation: '${mutation.name}',`,
    "    scenario: 'TODO: what the role tries, on which record',",
    `    query: '${query}',`,
    `    input: async (fx, role) => ({ ${variables} }), // fresh records from fixtures.ts`,
    '    // name every role once: admin, coordinatorAll, coordinatorLimited, speaker, member,',
    '    // council, steering, observer (signedOut defaults to unauthenticated)',
    '    expect: outcomes({ allowed: [TODO], forbidden: [TODO], notFound: [TODO] }),',
    '  },',
  ].join('\n');
}

/**
 * The failure message when the schema and the table disagree: for each mutation without a row, a
 * row to paste into `MUTATIONS` in `api/src/auth/role-matrix/table.ts`; for each row without a
 * mutation, that it must go. Empty when they agree.
 */
export function describeMissingRows(
  inSchema: IntrospectedMutation[],
  inTable: ReadonlySet<string>,
): string {
  const missing = inSchema.filter((m) => !inTable.has(m.name));
  const schemaNames = new Set(inSchema.map((m) => m.name));
  const stale = [...inTable].filter((name) => !schemaNames.has(name));
  const parts: string[] = [];
  if (missing.length > 0) {
    parts.push(
      `${missing.length} mutation(s) of the schema have no row in the role × action matrix: ` +
        `${missing.map((m) => m.name).join(', ')}.\n` +
        'Add to MUTATIONS in api/src/auth/role-matrix/table.ts one row per scenario ' +
        '(who may do it to what; see docs/security.md, "Adding a matrix row"), e.g.:\n\n' +
        missing.map(templateRow).join('\n'),
    );
  }
  if (stale.length > 0) {
    parts.push(
      `Rows of api/src/auth/role-matrix/table.ts name mutations the schema no longer has: ` +
        `${stale.join(', ')}. Remove them (or rename them with the mutation).`,
    );
  }
  return parts.join('\n\n');
}
