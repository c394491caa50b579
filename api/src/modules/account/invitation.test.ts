import { hashPassword } from '../../auth/password';
import { DEMO_PASSWORD } from '../seed/seed.data';
import { errorCode, startTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(__filename);
  // A coordinator of one action field only.
  await t.app.deps.models.Person.create({
    name: 'Karla Feld',
    email: 'koordination-bildung@lip.example',
    passwordHash: await hashPassword(DEMO_PASSWORD),
    systemRole: 'coordinator',
    coordinatorScope: { all: false, actionFieldKeys: ['education'] },
  });
}, 30_000);
afterAll(async () => {
  await t.close();
});

const INVITE = `mutation Invite($input: CreateInvitationInput!) {
  createInvitation(input: $input) { invitation { id link systemRole } }
}`;
const ACCEPT =
  'mutation Accept($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { viewer { person { systemRole } } } }';
const SIGN_IN = 'mutation SignIn($input: SignInInput!) { signIn(input: $input) { viewer { id } } }';

async function invite(
  by: TestClient,
  email: string,
  systemRole: 'ADMIN' | 'COORDINATOR' | 'MEMBER' | 'OBSERVER',
) {
  const result = await by.gql(INVITE, { input: { email, name: 'Eingeladene Person', systemRole } });
  const link: string | undefined = result.data?.createInvitation.invitation.link;
  return { result, token: link?.split('/').pop() ?? '' };
}

describe('re-invitations', () => {
  it('forbids a coordinator to re-invite a pending person whose stored role is admin', async () => {
    const admin = await t.signIn('admin@lip.example');
    const coordinator = await t.signIn('koordination@lip.example');
    expect(
      (await invite(admin, 'kuenftig-admin@lip.example', 'ADMIN')).result.errors,
    ).toBeUndefined();
    const again = await invite(coordinator, 'kuenftig-admin@lip.example', 'MEMBER');
    expect(errorCode(again.result)).toBe('FORBIDDEN');
  });

  it('applies only the role of the accepted invitation, never the pending person’s stored one', async () => {
    const admin = await t.signIn('admin@lip.example');
    await invite(admin, 'rolle@lip.example', 'COORDINATOR');
    const { token } = await invite(admin, 'rolle@lip.example', 'MEMBER');
    const accepted = await t
      .anonymous()
      .gql(ACCEPT, { input: { token, password: 'ein-gutes-passwort' } });
    expect(accepted.data?.acceptInvitation.viewer.person.systemRole).toBe('MEMBER');
    const stored = await t.app.deps.models.Person.findOne({ email: 'rolle@lip.example' }).lean();
    expect(stored?.systemRole).toBe('member');
  });

  it('revokes the other invitations on accept, so an old link cannot reset the password', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const first = await invite(coordinator, 'zweimal@lip.example', 'MEMBER');
    const second = await invite(coordinator, 'zweimal@lip.example', 'MEMBER');
    const accepted = await t
      .anonymous()
      .gql(ACCEPT, { input: { token: second.token, password: 'mein-passwort-1' } });
    expect(accepted.errors).toBeUndefined();

    const preview = await t
      .anonymous()
      .gql('query ($t: String!) { invitation(token: $t) { email } }', { t: first.token });
    expect(preview.data?.invitation).toBeNull();
    const takeover = await t
      .anonymous()
      .gql(ACCEPT, { input: { token: first.token, password: 'fremdes-passwort' } });
    expect(errorCode(takeover)).toBe('NOT_FOUND');
    const signIn = await t
      .anonymous()
      .gql(SIGN_IN, { input: { email: 'zweimal@lip.example', password: 'mein-passwort-1' } });
    expect(signIn.errors).toBeUndefined();
  });

  it('refuses an invitation of a person who is already active', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const first = await invite(coordinator, 'aktiv@lip.example', 'MEMBER');
    const second = await invite(coordinator, 'aktiv@lip.example', 'MEMBER');
    await t.anonymous().gql(ACCEPT, { input: { token: first.token, password: 'mein-passwort-1' } });
    // As if the second link had escaped revocation (an invitation from before revocation existed).
    await t.app.deps.models.Invitation.updateMany(
      { email: 'aktiv@lip.example' },
      { $set: { revokedAt: null } },
    );
    const late = await t
      .anonymous()
      .gql(ACCEPT, { input: { token: second.token, password: 'fremdes-passwort' } });
    expect(errorCode(late)).toBe('NOT_FOUND');
  });

  it('activates a person once when two of their invitations are accepted at the same time', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const a = await invite(coordinator, 'gleichzeitig@lip.example', 'MEMBER');
    const b = await invite(coordinator, 'gleichzeitig@lip.example', 'MEMBER');
    const results = await Promise.all([
      t.anonymous().gql(ACCEPT, { input: { token: a.token, password: 'passwort-von-a' } }),
      t.anonymous().gql(ACCEPT, { input: { token: b.token, password: 'passwort-von-b' } }),
    ]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.map(errorCode).filter(Boolean)).toEqual(['NOT_FOUND']);
  });
});

describe('who may invite observers', () => {
  it('forbids a coordinator of some fields to invite an observer', async () => {
    const limited = await t.signIn('koordination-bildung@lip.example');
    expect(errorCode((await invite(limited, 'blick@lip.example', 'OBSERVER')).result)).toBe(
      'FORBIDDEN',
    );
    expect((await invite(limited, 'mitglied@lip.example', 'MEMBER')).result.errors).toBeUndefined();
  });

  it('lets a coordinator of all fields invite an observer', async () => {
    const full = await t.signIn('koordination@lip.example');
    const result = (await invite(full, 'beobachtung-neu@lip.example', 'OBSERVER')).result;
    expect(result.data?.createInvitation.invitation.systemRole).toBe('OBSERVER');
  });

  it('forbids a coordinator of some fields to re-invite a pending observer as a member', async () => {
    const full = await t.signIn('koordination@lip.example');
    await invite(full, 'beobachtung-offen@lip.example', 'OBSERVER');
    const limited = await t.signIn('koordination-bildung@lip.example');
    expect(
      errorCode((await invite(limited, 'beobachtung-offen@lip.example', 'MEMBER')).result),
    ).toBe('FORBIDDEN');
  });
});
