import type { Role } from './roles';

/** What {@link describeOneSidedRows} reads of a row: its name and the outcome per role. */
export interface MatrixRowOutcomes {
  /** The mutation, or the field as `Type.field`. */
  name: string;
  expect: Record<Role, string>;
}

/**
 * The failure message when an action of the matrix is tested from one side only: every mutation
 * needs, over its scenarios, a role that may (`allowed`) and a signed-in role that may not, and
 * every protected field a role that sees it (`visible`) and a signed-in role that does not.
 * Being signed out is not enough of a "may not": it is the same for every action and says nothing
 * about the policy. Mutations open to every signed-in person (or to everyone) by design are named
 * in `unrestricted` with the reason; an entry that no longer applies must go. Empty when all is
 * well.
 */
export function describeOneSidedRows(
  mutations: MatrixRowOutcomes[],
  fields: MatrixRowOutcomes[],
  unrestricted: Readonly<Record<string, string>>,
): string {
  const problems: string[] = [];
  const check = (rows: MatrixRowOutcomes[], yes: string, kind: 'mutation' | 'field') => {
    const sides = new Map<string, { yes: boolean; signedInNo: boolean }>();
    for (const row of rows) {
      const side = sides.get(row.name) ?? { yes: false, signedInNo: false };
      for (const [role, outcome] of Object.entries(row.expect)) {
        if (outcome === yes) side.yes = true;
        else if (role !== 'signedOut') side.signedInNo = true;
      }
      sides.set(row.name, side);
    }
    for (const [name, side] of sides) {
      const exempt = kind === 'mutation' && name in unrestricted;
      if (!side.yes) problems.push(`${name}: no role is ${yes} in any scenario`);
      if (!side.signedInNo && !exempt)
        problems.push(
          `${name}: no signed-in role is refused in any scenario; add a scenario with a role ` +
            (kind === 'mutation'
              ? 'that may not (or, if every signed-in person may do it by design, name it in ' +
                'UNRESTRICTED_MUTATIONS with the reason)'
              : 'that must not see it'),
        );
      if (side.signedInNo && exempt)
        problems.push(
          `${name} is in UNRESTRICTED_MUTATIONS but a scenario refuses a signed-in role: remove the entry`,
        );
    }
    return sides;
  };
  const mutationNames = check(mutations, 'allowed', 'mutation');
  check(fields, 'visible', 'field');
  for (const name of Object.keys(unrestricted))
    if (!mutationNames.has(name))
      problems.push(`${name} is in UNRESTRICTED_MUTATIONS but has no row: remove the entry`);
  return problems.length === 0
    ? ''
    : `The role × action matrix tests these actions from one side only ` +
        `(api/src/auth/role-matrix/table.ts):\n- ${problems.join('\n- ')}`;
}
