import { op } from '../../db/connection';
import { DEMO_PASSWORD } from '../seed/seed.data';
import { errorCode, startTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let educationGroupId: string;
beforeAll(async () => {
  t = await startTestApp(__filename);
  const process = await t.app.deps.models.Process.findOne({}).lean();
  educationGroupId = String(process?.groups.find((g) => g.actionFieldKey === 'education')?._id);
});
afterAll(async () => {
  await t.close();
});

const DEACTIVATE =
  'mutation ($id: ID!) { deactivatePerson(personId: $id) { person { name status } } }';
const REACTIVATE =
  'mutation ($id: ID!) { reactivatePerson(personId: $id) { person { name status } } }';
const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { viewer { id } } }';
const INVITE =
  'mutation ($input: CreateInvitationInput!) { createInvitation(input: $input) { invitation { link } } }';

describe('deactivating a person', () => {
  it('ends their sessions and live editor connections, and refuses their sign-in until reactivated', async () => {
    const email = 'person7@lip.example';
    const id = await t.personId(email);
    const victim = await t.signIn(email);
    const other = await t.signIn(email);
    expect((await victim.gql('{ viewer { id } }')).data?.viewer).toEqual({ id });
    const since = new Date();

    const admin = await t.signIn('admin@lip.example');
    const result = await admin.gql(DEACTIVATE, { id });
    expect(result.errors).toBeUndefined();
    expect(result.data?.deactivatePerson.person.status).toBe('DEACTIVATED');

    // Both sessions end at once, on every device.
    expect((await victim.gql('{ viewer { id } }')).data?.viewer).toBeNull();
    expect((await other.gql('{ viewer { id } }')).data?.viewer).toBeNull();
    // The collab server closes every live connection of the person (no document, no session).
    const revocations = await t.app.deps.models.CollabRevocation.find({
      personId: id,
      createdAt: op({ $gte: since }),
    }).lean();
    expect(revocations).toContainEqual(
      expect.objectContaining({ personId: id, reason: 'person-deactivated' }),
    );
    expect(revocations.find((r) => r.reason === 'person-deactivated')?.documentId).toBeUndefined();
    const signIn = await t.anonymous().gql(SIGN_IN, { input: { email, password: DEMO_PASSWORD } });
    expect(errorCode(signIn)).toBe('UNAUTHENTICATED');

    // The activity log tells people managers, not everyone: an account's status is personal.
    const ACTIVITY = '{ activity(first: 20) { nodes { verb subjectTitle } } }';
    const verbsOf = async (client: typeof admin) =>
      ((await client.gql(ACTIVITY)).data?.activity.nodes ?? []).map(
        (n: { verb: string }) => n.verb,
      );
    expect(await verbsOf(admin)).toContain('person.deactivated');
    expect(await verbsOf(await t.signIn('bildung@lip.example'))).not.toContain(
      'person.deactivated',
    );

    const back = await admin.gql(REACTIVATE, { id });
    expect(back.data?.reactivatePerson.person.status).toBe('ACTIVE');
    const again = await t.anonymous().gql(SIGN_IN, { input: { email, password: DEMO_PASSWORD } });
    expect(again.errors).toBeUndefined();

    // Both steps are in the audit trail, newest first.
    const audit = await admin.gql(
      'query A($id: ID) { auditEntries(subjectId: $id) { action actorName detail } }',
      { id },
    );
    expect(audit.data?.auditEntries).toEqual([
      { action: 'person.reactivated', actorName: 'Miriam Schulte', detail: 'active' },
      { action: 'person.deactivated', actorName: 'Miriam Schulte', detail: null },
    ]);
  });

  it('voids an open invitation so the old link cannot bring the account back', async () => {
    const admin = await t.signIn('admin@lip.example');
    const email = `ruhend-${Date.now()}@lip.example`;
    const invited = await admin.gql(INVITE, { input: { email, name: 'Ruth Hend' } });
    const token = String(invited.data?.createInvitation.invitation.link).split('/').pop();
    const id = await t.personId(email);
    await admin.gql(DEACTIVATE, { id });
    const accept = await t
      .anonymous()
      .gql(
        'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { viewer { id } } }',
        { input: { token, password: 'ein-gutes-passwort' } },
      );
    expect(errorCode(accept)).toBe('NOT_FOUND');
    // Reactivating someone who never set a password leaves them invited.
    const back = await admin.gql(REACTIVATE, { id });
    expect(back.data?.reactivatePerson.person.status).toBe('INVITED');
  });

  it('forbids coordinators and members, and admins deactivating themselves', async () => {
    const id = await t.personId('person8@lip.example');
    for (const email of ['koordination@lip.example', 'bildung@lip.example']) {
      const client = await t.signIn(email);
      expect(errorCode(await client.gql(DEACTIVATE, { id }))).toBe('FORBIDDEN');
      expect(errorCode(await client.gql(REACTIVATE, { id }))).toBe('FORBIDDEN');
    }
    const admin = await t.signIn('admin@lip.example');
    const self = await admin.gql(DEACTIVATE, { id: await t.personId('admin@lip.example') });
    expect(errorCode(self)).toBe('BAD_USER_INPUT');
    expect(self.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ path: 'personId', rule: 'invalid' }),
    ]);
    const person = await t.app.deps.models.Person.findOne({ _id: id }).lean();
    expect(person?.status).toBe('active');
  });
});

describe('pending group memberships', () => {
  it('shows an invited person in their group as pending until they accept', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const email = `pending-${Date.now()}@lip.example`;
    const invited = await coordinator.gql(INVITE, {
      input: {
        email,
        name: 'Paula Pending',
        groups: [{ groupId: educationGroupId, role: 'ADVISER', sector: 'CIVIL_SOCIETY' }],
      },
    });
    const token = String(invited.data?.createInvitation.invitation.link).split('/').pop();
    const GROUP = `{ actionField(key: "education") { group { members { name } pendingMembers { name role sector group { actionFieldKey } } } } }`;
    const member = await t.signIn('bildung2@lip.example');
    const before = (await member.gql(GROUP)).data?.actionField.group;
    expect(before.pendingMembers).toContainEqual({
      name: 'Paula Pending',
      role: 'ADVISER',
      sector: 'CIVIL_SOCIETY',
      group: { actionFieldKey: 'education' },
    });
    expect(before.members).not.toContainEqual({ name: 'Paula Pending' });
    const people = await member.gql(
      '{ people(filter: { search: "Paula Pending" }) { status pendingGroupMemberships { role group { actionFieldKey } } groupMemberships { role } } }',
    );
    // The account status is a personal detail (people managers only); the pending group is not.
    expect(people.data?.people).toEqual([
      {
        status: null,
        pendingGroupMemberships: [{ role: 'ADVISER', group: { actionFieldKey: 'education' } }],
        groupMemberships: [],
      },
    ]);
    const asCoordinator = await coordinator.gql(
      '{ people(filter: { search: "Paula Pending" }) { status } }',
    );
    expect(asCoordinator.data?.people).toEqual([{ status: 'INVITED' }]);

    await t
      .anonymous()
      .gql(
        'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { viewer { id } } }',
        { input: { token, password: 'ein-gutes-passwort' } },
      );
    const after = (await member.gql(GROUP)).data?.actionField.group;
    expect(after.members).toContainEqual({ name: 'Paula Pending' });
    expect(after.pendingMembers.map((p: { name: string }) => p.name)).not.toContain(
      'Paula Pending',
    );
  });
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
