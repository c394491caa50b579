/**
 * The roles of the role × action matrix and the outcomes a cell may expect. Every role is a real
 * signed-in account of the seeded demo (the limited-scope coordinator is added by the fixtures),
 * or nobody at all.
 */
export const ROLES = [
  'admin',
  'coordinatorAll',
  'coordinatorLimited',
  'speaker',
  'member',
  'council',
  'steering',
  'observer',
  'signedOut',
] as const;
export type Role = (typeof ROLES)[number];

/** Who each role is: the demo account it signs in as (null: signed out). */
export const ROLE_ACCOUNTS: Record<Role, string | null> = {
  admin: 'admin@lip.example',
  coordinatorAll: 'koordination@lip.example',
  // Coordinates only the economy field; created by the fixtures.
  coordinatorLimited: 'koordination-wirtschaft@lip.example',
  // Speaker of the education group; most targets of the matrix live in education.
  speaker: 'bildung@lip.example',
  member: 'bildung2@lip.example',
  council: 'beirat-nord@lip.example',
  steering: 'lenkung@lip.example',
  observer: 'beobachtung@lip.example',
  signedOut: null,
};

/** What a mutation cell expects: success, or the GraphQL error code of a refusal. */
export type MutationOutcome = 'allowed' | 'forbidden' | 'notFound' | 'unauthenticated';

/** The GraphQL error code of each refusal. */
export const OUTCOME_CODES: Record<Exclude<MutationOutcome, 'allowed'>, string> = {
  forbidden: 'FORBIDDEN',
  notFound: 'NOT_FOUND',
  unauthenticated: 'UNAUTHENTICATED',
};

/** What a field cell expects: the value reaches the role, or it does not (null, left out, refused). */
export type FieldOutcome = 'visible' | 'hidden';

/**
 * Builds a full row of outcomes from lists, so a row reads like the policy it states. Every role
 * must be named exactly once, except `signedOut`, which defaults to `unauthenticated`; a mistake
 * throws when the table loads.
 */
export function outcomes(
  spec: Partial<Record<MutationOutcome, Role[]>>,
): Record<Role, MutationOutcome> {
  return fill(spec, 'unauthenticated');
}

/** The same for fields; `signedOut` defaults to `hidden`. */
export function visibility(
  spec: Partial<Record<FieldOutcome, Role[]>>,
): Record<Role, FieldOutcome> {
  return fill(spec, 'hidden');
}

function fill<O extends string>(spec: Partial<Record<O, Role[]>>, signedOut: O): Record<Role, O> {
  const row: Partial<Record<Role, O>> = {};
  for (const [outcome, roles] of Object.entries(spec) as [O, Role[]][]) {
    for (const role of roles) {
      if (row[role] !== undefined) throw new Error(`role ${role} is named twice in a matrix row`);
      row[role] = outcome;
    }
  }
  row.signedOut ??= signedOut;
  const missing = ROLES.filter((role) => row[role] === undefined);
  if (missing.length > 0)
    throw new Error(`matrix row without an outcome for ${missing.join(', ')}`);
  return row as Record<Role, O>;
}
