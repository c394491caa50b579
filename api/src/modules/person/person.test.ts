import { errorCode, startTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(__filename);
});
afterAll(async () => {
  await t.close();
});

const PEOPLE =
  '{ people { id name email status systemRole locale coordinatorScope { allActionFields } } }';

interface PersonRow {
  id: string;
  name: string;
  email: string | null;
  status: string | null;
  systemRole: string | null;
  locale: string | null;
  coordinatorScope: { allActionFields: boolean } | null;
}

async function directoryAs(email: string): Promise<{ me: PersonRow; others: PersonRow[] }> {
  const client = await t.signIn(email);
  const people = ((await client.gql(PEOPLE)).data?.people ?? []) as PersonRow[];
  const myId = await t.personId(email);
  const me = people.find((p) => p.id === myId);
  if (!me) throw new Error(`${email} missing from the directory`);
  return { me, others: people.filter((p) => p.id !== myId) };
}

describe('personal details in the people directory', () => {
  it.each(['beirat-nord@lip.example', 'beobachtung@lip.example', 'bildung2@lip.example'])(
    'hides other people’s email, status, role, language and scope from %s',
    async (email) => {
      const { me, others } = await directoryAs(email);
      expect(me.email).toBe(email);
      expect(me.systemRole).not.toBeNull();
      expect(others.length).toBeGreaterThan(5);
      for (const person of others) {
        expect(person).toEqual({
          id: person.id,
          name: person.name,
          email: null,
          status: null,
          systemRole: null,
          locale: null,
          coordinatorScope: null,
        });
      }
    },
  );

  it.each(['admin@lip.example', 'koordination@lip.example'])(
    'shows them to the people manager %s',
    async (email) => {
      const { others } = await directoryAs(email);
      const coordinator = others.find((p) => p.name === 'Jonas Becker');
      if (email === 'admin@lip.example') {
        expect(coordinator).toMatchObject({
          email: 'koordination@lip.example',
          status: 'ACTIVE',
          systemRole: 'COORDINATOR',
          coordinatorScope: { allActionFields: true },
        });
      }
      expect(others.every((p) => p.email !== null && p.systemRole !== null)).toBe(true);
    },
  );

  it('hides the details on every path to a person, e.g. a task’s assignees', async () => {
    const member = await t.signIn('bildung2@lip.example');
    const result = await member.gql('{ tasks(first: 50) { nodes { assignees { id email } } } }');
    const assignees = (result.data?.tasks.nodes ?? []).flatMap(
      (n: { assignees: { id: string; email: string | null }[] }) => n.assignees,
    );
    const myId = await t.personId('bildung2@lip.example');
    expect(assignees.filter((a: { id: string }) => a.id !== myId).length).toBeGreaterThan(0);
    for (const a of assignees) {
      if (a.id !== myId) expect(a.email).toBeNull();
    }
  });

  it('does not let a council member find people by email or filter them by role', async () => {
    const council = await t.signIn('beirat-nord@lip.example');
    const byEmail = await council.gql(
      'query ($s: String) { people(filter: { search: $s }) { id } }',
      {
        s: 'koordination@',
      },
    );
    expect(byEmail.data?.people).toEqual([]);
    const byName = await council.gql(
      'query ($s: String) { people(filter: { search: $s }) { name } }',
      {
        s: 'Jonas',
      },
    );
    expect(byName.data?.people).toEqual([{ name: 'Jonas Becker' }]);
    const byRole = await council.gql('{ people(filter: { systemRole: OBSERVER }) { id } }');
    expect(errorCode(byRole)).toBe('FORBIDDEN');
    const admin = await t.signIn('admin@lip.example');
    const asManager = await admin.gql('{ people(filter: { systemRole: OBSERVER }) { name } }');
    expect(asManager.data?.people).toEqual([{ name: 'Sara Lindqvist' }]);
  });
});
