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

    const back = await admin.gql(REACTIVATE, { id });
    expect(back.data?.reactivatePerson.person.status).toBe('ACTIVE');
    const again = await t.anonymous().gql(SIGN_IN, { input: { email, password: DEMO_PASSWORD } });
    expect(again.errors).toBeUndefined();
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
    expect(people.data?.people).toEqual([
      {
        status: 'INVITED',
        pendingGroupMemberships: [{ role: 'ADVISER', group: { actionFieldKey: 'education' } }],
        groupMemberships: [],
      },
    ]);

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
