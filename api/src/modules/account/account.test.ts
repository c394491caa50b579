import { DEMO_PASSWORD } from '../seed/seed.data';
import { errorCode, startTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(__filename);
});
afterAll(async () => {
  await t.close();
});

const SIGN_IN =
  'mutation SignIn($input: SignInInput!) { signIn(input: $input) { viewer { id person { name email } } } }';
const VIEWER = '{ viewer { id locale canInvite person { name systemRole } } }';

describe('sign-in and sessions', () => {
  it('signs in with the demo password and sets an httpOnly SameSite=Lax cookie', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: SIGN_IN,
        variables: { input: { email: 'Bildung@lip.example', password: DEMO_PASSWORD } },
      }),
    });
    const body = (await res.json()) as {
      data: { signIn: { viewer: { person: { name: string } } } };
    };
    expect(body.data.signIn.viewer.person.name).toBe('Ayşe Demir');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^lip_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('rejects a wrong password with UNAUTHENTICATED in German by default', async () => {
    const result = await t
      .anonymous()
      .gql(SIGN_IN, { input: { email: 'bildung2@lip.example', password: 'wrong-password' } });
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0]?.message).toBe('E-Mail-Adresse oder Passwort ist falsch.');
  });

  it('answers in English when the browser asks for English', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en-GB,en;q=0.9' },
      body: JSON.stringify({ query: '{ documents { id } }' }),
    });
    const body = (await res.json()) as {
      errors: { message: string; extensions: { code: string } }[];
    };
    expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0]?.message).toBe('Please sign in.');
  });

  it('rejects a malformed email with BAD_USER_INPUT and the field', async () => {
    const result = await t
      .anonymous()
      .gql(SIGN_IN, { input: { email: 'not-an-email', password: 'x' } });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.fields).toEqual([
      { path: 'email', rule: 'format', message: 'ungültiges Format' },
    ]);
  });

  it('rejects an email of `a@`, 90,000 dots and `@` at once with BAD_USER_INPUT (no ReDoS)', async () => {
    const started = Date.now();
    const result = await t
      .anonymous()
      .gql(SIGN_IN, { input: { email: `a@${'.'.repeat(90_000)}@`, password: 'x' } });
    // A generous bound: the quadratic pattern this replaces took tens of seconds here.
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.errors?.[0]?.extensions?.fields)).toContain('email');
  });

  it('rate-limits repeated failed sign-ins of one account', async () => {
    const anon = t.anonymous();
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 7; i += 1) {
      codes.push(
        errorCode(
          await anon.gql(SIGN_IN, { input: { email: 'person3@lip.example', password: 'wrong' } }),
        ),
      );
    }
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(codes[5]).toBe('RATE_LIMITED');
    // Even the right password is refused while the account is limited.
    const right = await anon.gql(SIGN_IN, {
      input: { email: 'person3@lip.example', password: DEMO_PASSWORD },
    });
    expect(errorCode(right)).toBe('RATE_LIMITED');
  });

  it('signs out: the cookie stops working and the collab server is told', async () => {
    const client = await t.signIn('bildung2@lip.example');
    const cookie = client.cookie;
    expect((await client.gql(VIEWER)).data?.viewer).not.toBeNull();
    const out = await client.gql('mutation { signOut }');
    expect(out.data?.signOut).toBe(true);
    const stale = t.anonymous();
    stale.cookie = cookie;
    expect((await stale.gql(VIEWER)).data?.viewer).toBeNull();
    const personId = await t.personId('bildung2@lip.example');
    const revocations = await t.app.deps.models.CollabRevocation.find({
      personId,
      reason: 'sign-out',
    }).lean();
    expect(revocations).toHaveLength(1);
    expect(revocations[0]?.sessionId).toBeTruthy();
  });

  it('signs out everywhere: every session of the person ends', async () => {
    const a = await t.signIn('wirtschaft@lip.example');
    const b = await t.signIn('wirtschaft@lip.example');
    const result = await a.gql('mutation { signOutEverywhere }');
    expect(result.data?.signOutEverywhere).toBeGreaterThanOrEqual(2);
    expect((await b.gql(VIEWER)).data?.viewer).toBeNull();
  });

  it('signing out without a session changes nothing and says so', async () => {
    const result = await t.anonymous().gql('mutation { signOut }');
    expect(result.data?.signOut).toBe(false);
  });

  it('signOutEverywhere needs a session', async () => {
    expect(errorCode(await t.anonymous().gql('mutation { signOutEverywhere }'))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('changes the locale and answers errors in it', async () => {
    const client = await t.signIn('beobachtung@lip.example');
    const set = await client.gql('mutation { setLocale(locale: DE) { locale } }');
    expect(set.data?.setLocale.locale).toBe('DE');
    const forbidden = await client.gql(
      'mutation { createMilestone(input: { title: "Test", date: "2030-01-01T00:00:00Z" }) { milestone { id } } }',
    );
    expect(errorCode(forbidden)).toBe('FORBIDDEN');
    expect(forbidden.errors?.[0]?.message).toBe('Dafür fehlt Ihnen die Berechtigung.');
    await client.gql('mutation { setLocale(locale: EN) { locale } }');
  });

  it('refuses setLocale without a session', async () => {
    expect(errorCode(await t.anonymous().gql('mutation { setLocale(locale: EN) { id } }'))).toBe(
      'UNAUTHENTICATED',
    );
  });
});

const INVITE = `mutation Invite($input: CreateInvitationInput!) {
  createInvitation(input: $input) { invitation { id email link systemRole expiresAt } }
}`;
const ACCEPT =
  'mutation Accept($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { viewer { id person { name groupMemberships { role group { actionFieldKey } } } } } }';

describe('invitations', () => {
  it('lets a coordinator invite into a group; the invitee accepts by setting a password', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const process = await t.app.deps.models.Process.findOne({}).lean();
    const groupId = String(process?.groups.find((g) => g.actionFieldKey === 'social')?._id);
    const invited = await coordinator.gql(INVITE, {
      input: {
        email: 'neu@lip.example',
        name: 'Neue Person',
        groups: [{ groupId, role: 'MEMBER', sector: 'CIVIL_SOCIETY' }],
      },
    });
    expect(invited.errors).toBeUndefined();
    const link: string = invited.data?.createInvitation.invitation.link;
    expect(link).toMatch(/^\/invitation\/[A-Za-z0-9_-]{20,}$/);
    const token = link.split('/').pop() as string;

    const preview = await t
      .anonymous()
      .gql('query ($t: String!) { invitation(token: $t) { email name } }', { t: token });
    expect(preview.data?.invitation).toEqual({ email: 'neu@lip.example', name: 'Neue Person' });

    const tooShort = await t.anonymous().gql(ACCEPT, { input: { token, password: 'short' } });
    expect(errorCode(tooShort)).toBe('BAD_USER_INPUT');

    const newcomer = t.anonymous();
    const accepted = await newcomer.gql(ACCEPT, {
      input: { token, password: 'ein-gutes-passwort' },
    });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.acceptInvitation.viewer.person.groupMemberships).toEqual([
      { role: 'MEMBER', group: { actionFieldKey: 'social' } },
    ]);
    expect((await newcomer.gql(VIEWER)).data?.viewer.person.name).toBe('Neue Person');

    const again = await t
      .anonymous()
      .gql(ACCEPT, { input: { token, password: 'ein-gutes-passwort' } });
    expect(errorCode(again)).toBe('NOT_FOUND');
  });

  it('forbids a group member to invite', async () => {
    const member = await t.signIn('bildung2@lip.example');
    const result = await member.gql(INVITE, { input: { email: 'x@lip.example', name: 'X Y' } });
    expect(errorCode(result)).toBe('FORBIDDEN');
  });

  it('forbids a coordinator to invite an admin', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const result = await coordinator.gql(INVITE, {
      input: { email: 'boss@lip.example', name: 'Boss', systemRole: 'ADMIN' },
    });
    expect(errorCode(result)).toBe('FORBIDDEN');
  });

  it('refuses to invite an email that already has an account, naming the field and the reason', async () => {
    const admin = await t.signIn('admin@lip.example');
    const result = await admin.gql(INVITE, {
      input: { email: 'Bildung@lip.example', name: 'Dup' },
    });
    expect(errorCode(result)).toBe('CONFLICT');
    expect(result.errors?.[0]?.extensions?.reason).toBe('already-exists');
    expect(result.errors?.[0]?.extensions?.fields).toEqual([
      { path: 'email', rule: 'taken', message: 'ist schon vergeben' },
    ]);
  });
});
