import { generateKeyPair } from 'jose';
import { DEMO_PASSWORD } from '../seed/seed.data';
import { createBrowser, startTestProvider, type TestProvider } from '../../testing/oidc-provider';
import { errorCode, startTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let provider: TestProvider;
let t: TestApp;
beforeAll(async () => {
  provider = await startTestProvider();
  t = await startTestApp(__filename, {
    env: {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_ACCESS_CONTACT: 'das Sachgebiet Integration',
    },
  });
  provider.register(t.url);
  provider.accounts.set('ayse', {
    email: 'Bildung@lip.example',
    email_verified: true,
    name: 'Ayşe D.',
  });
  provider.accounts.set('stranger', {
    email: 'fremd@stadt.example',
    email_verified: true,
    name: 'Fremde Person',
  });
  provider.accounts.set('unverified', { email: 'bildung2@lip.example', email_verified: false });
});
afterAll(async () => {
  await t?.close();
  await provider?.close();
});

/** Signs in through the provider as `login`; returns the app's final redirect and the browser. */
async function signInAtProvider(login: string, next = '/') {
  const browser = createBrowser();
  const start = await browser.request(`${t.url}/auth/oidc/login?next=${encodeURIComponent(next)}`);
  expect(start.status).toBe(303);
  const callback = await browser.walkToApp(start.headers.get('location')!, login, t.url);
  expect(callback.pathname).toBe('/auth/oidc/callback');
  const done = await browser.request(callback.toString());
  return { browser, callback, done, location: done.headers.get('location') ?? '' };
}

function clientOf(browser: ReturnType<typeof createBrowser>): TestClient {
  const client = t.anonymous();
  client.cookie = `lip_session=${browser.jar.get('lip_session')}`;
  return client;
}

const VIEWER = '{ viewer { signInMethod person { id name email } } }';

describe('sign-in through the city’s identity provider (OpenID Connect)', () => {
  it('offers the city-account button only when configured, with the configured label', async () => {
    const options = await t
      .anonymous()
      .gql('{ signInOptions { cityAccountLabel cityAccountPath } }');
    expect(options.data?.signInOptions).toEqual({
      cityAccountLabel: 'Mit dem Konto der Stadt anmelden',
      cityAccountPath: '/auth/oidc/login',
    });
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce', async () => {
    const browser = createBrowser();
    const start = await browser.request(`${t.url}/auth/oidc/login`);
    const url = new URL(start.headers.get('location')!);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('redirect_uri')).toBe(`${t.url}/auth/oidc/callback`);
    expect(browser.jar.get('lip_oidc')).toBeTruthy();
  });

  it('links a verified e-mail to the existing account and lands where the person wanted to go', async () => {
    const { browser, location } = await signInAtProvider('ayse', '/tasks');
    expect(location).toBe('/tasks');
    expect(browser.jar.has('lip_oidc')).toBe(false);
    const viewer = (await clientOf(browser).gql(VIEWER)).data?.viewer;
    expect(viewer).toMatchObject({
      signInMethod: 'CITY_ACCOUNT',
      person: { name: 'Ayşe Demir', email: 'bildung@lip.example' },
    });
    const person = await t.app.deps.models.Person.findOne({ email: 'bildung@lip.example' }).lean();
    expect(person?.oidc).toMatchObject({ issuer: provider.issuer, subject: 'ayse' });
    // Coordinators see how she signs in; a council member does not.
    const coordinator = await t.signIn('koordination@lip.example');
    const seen = await coordinator.gql(
      'query P($id: ID!) { person(id: $id) { signInMethods { password cityAccount secondFactor } } }',
      {
        id: String(person?._id),
      },
    );
    expect(seen.data?.person.signInMethods).toEqual({
      password: true,
      cityAccount: true,
      secondFactor: false,
    });
    const council = await t.signIn('beirat-nord@lip.example');
    const hidden = await council.gql(
      'query P($id: ID!) { person(id: $id) { signInMethods { cityAccount } } }',
      {
        id: String(person?._id),
      },
    );
    expect(hidden.data?.person.signInMethods).toBeNull();
  });

  it('shows the "no access yet" page to an unknown person and creates nothing', async () => {
    const before = await t.app.deps.models.Person.countDocuments({});
    const { location, browser } = await signInAtProvider('stranger');
    expect(location).toBe('/sign-in/city-account?error=no-access');
    expect(browser.jar.has('lip_session')).toBe(false);
    expect(await t.app.deps.models.Person.countDocuments({})).toBe(before);
  });

  it('refuses an unverified e-mail and links nothing', async () => {
    const { location } = await signInAtProvider('unverified');
    expect(location).toBe('/sign-in/city-account?error=email-unverified');
    expect(
      (await t.app.deps.models.Person.findOne({ email: 'bildung2@lip.example' }).lean())?.oidc,
    ).toBeNull();
  });

  it('refuses a callback with a wrong state, a replayed callback, a foreign issuer and one without the browser’s cookie', async () => {
    const sessionsBefore = await t.app.deps.models.Session.countDocuments({});
    const browser = createBrowser();
    const start = await browser.request(`${t.url}/auth/oidc/login`);
    const callback = await browser.walkToApp(start.headers.get('location')!, 'ayse', t.url);

    const tampered = new URL(callback);
    tampered.searchParams.set('state', 'forged-state');
    const wrongState = await browser.request(tampered.toString());
    expect(wrongState.headers.get('location')).toBe('/sign-in/city-account?error=invalid-callback');
    // The transaction is used up by the refused attempt: the real callback is now a replay.
    const replay = await browser.request(callback.toString());
    expect(replay.headers.get('location')).toBe('/sign-in/city-account?error=invalid-callback');
    // Nothing changed: no session, no cookie.
    expect(await t.app.deps.models.Session.countDocuments({})).toBe(sessionsBefore);
    expect(browser.jar.has('lip_session')).toBe(false);

    const second = await signInAtProvider('ayse');
    expect(second.location).toBe('/');
    const again = await second.browser.request(second.callback.toString());
    expect(again.headers.get('location')).toBe('/sign-in/city-account?error=invalid-callback');

    const other = createBrowser();
    const begin = await other.request(`${t.url}/auth/oidc/login`);
    const foreign = await other.walkToApp(begin.headers.get('location')!, 'ayse', t.url);
    foreign.searchParams.set('iss', 'http://evil.example');
    const refused = await other.request(foreign.toString());
    expect(refused.headers.get('location')).toBe('/sign-in/city-account?error=invalid-callback');

    const cookieless = await fetch(callback.toString(), { redirect: 'manual' });
    expect(cookieless.status).toBe(303);
    expect(cookieless.headers.get('location')).toBe('/sign-in/city-account?error=invalid-callback');
  });

  it('turns a provider error into a clear page, never an error status', async () => {
    const browser = createBrowser();
    const start = await browser.request(`${t.url}/auth/oidc/login`);
    const state = new URL(start.headers.get('location')!).searchParams.get('state');
    const res = await browser.request(
      `${t.url}/auth/oidc/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(provider.issuer)}`,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/sign-in/city-account?error=cancelled');
    const garbage = await fetch(`${t.url}/auth/oidc/callback?code=%E0%A4%A&state=`, {
      redirect: 'manual',
    });
    expect(garbage.status).toBe(303);
  });

  it('accepts a pending invitation: its role, group and name apply', async () => {
    const admin = await t.signIn('admin@lip.example');
    const process = await t.app.deps.models.Process.findOne({}).lean();
    const groupId = String(process!.groups.find((g) => g.actionFieldKey === 'economy')!._id);
    await admin.gql(
      'mutation I($input: CreateInvitationInput!) { createInvitation(input: $input) { invitation { id } } }',
      {
        input: {
          email: 'neu@stadt.example',
          name: 'Nora Neu',
          systemRole: 'MEMBER',
          groups: [{ groupId, role: 'MEMBER', sector: 'ADMINISTRATION' }],
        },
      },
    );
    provider.accounts.set('nora', {
      email: 'neu@stadt.example',
      email_verified: true,
      name: 'N. Neu',
    });
    const { browser, location } = await signInAtProvider('nora');
    expect(location).toBe('/');
    const me = await clientOf(browser).gql(
      '{ viewer { person { name status groupMemberships { group { actionFieldKey } } } } }',
    );
    expect(me.data?.viewer.person).toEqual({
      name: 'Nora Neu',
      status: 'ACTIVE',
      groupMemberships: [{ group: { actionFieldKey: 'economy' } }],
    });
  });

  it('creates accounts automatically only when configured, and only for the configured domain', async () => {
    const oidc = t.app.deps.config.oidc!;
    oidc.autoAccountRole = 'observer';
    oidc.autoAccountDomains = ['stadt.example'];
    try {
      provider.accounts.set('outsider', {
        email: 'x@elsewhere.example',
        email_verified: true,
        name: 'X',
      });
      expect((await signInAtProvider('outsider')).location).toBe(
        '/sign-in/city-account?error=no-access',
      );
      const { browser, location } = await signInAtProvider('stranger');
      expect(location).toBe('/');
      const me = await clientOf(browser).gql('{ viewer { person { name systemRole } } }');
      expect(me.data?.viewer.person).toEqual({ name: 'Fremde Person', systemRole: 'OBSERVER' });
      const audit = await t.app.deps.models.AuditEntry.findOne({
        action: 'person.created-by-city-account',
      }).lean();
      expect(audit).toMatchObject({
        subjectName: 'Fremde Person',
        detail: 'observer',
        actorName: 'Identity provider',
      });
    } finally {
      oidc.autoAccountRole = null;
      oidc.autoAccountDomains = [];
    }
  });

  it('maps a configured claim to the system role (audited)', async () => {
    const oidc = t.app.deps.config.oidc!;
    oidc.roleClaim = 'groups';
    oidc.roleMap = [['lip-coordinators', 'coordinator']];
    try {
      provider.accounts.set('mehmet', {
        email: 'wirtschaft@lip.example',
        email_verified: true,
        groups: ['/lip-coordinators', '/other'],
      });
      const { browser } = await signInAtProvider('mehmet');
      const me = await clientOf(browser).gql('{ viewer { person { systemRole } } }');
      expect(me.data?.viewer.person.systemRole).toBe('COORDINATOR');
      const audit = await t.app.deps.models.AuditEntry.findOne({
        action: 'person.role-set-by-city-account',
      }).lean();
      expect(audit).toMatchObject({ subjectName: 'Mehmet Yılmaz', detail: 'coordinator' });
    } finally {
      oidc.roleClaim = undefined;
      oidc.roleMap = [];
    }
  });

  it('signs out at both ends: the session ends here and the provider’s logout address comes back', async () => {
    const { browser } = await signInAtProvider('ayse');
    const client = clientOf(browser);
    const result = await client.gql('mutation { endSession { signedOut providerLogoutUrl } }');
    const url = new URL(result.data?.endSession.providerLogoutUrl);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('id_token_hint')).toBeTruthy();
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${t.url}/sign-in`);
    expect((await client.gql(VIEWER)).data?.viewer).toBeNull();
    // A password session signs out here only.
    const password = await t.signIn('bildung2@lip.example');
    const plain = await password.gql('mutation { endSession { signedOut providerLogoutUrl } }');
    expect(plain.data?.endSession).toEqual({ signedOut: true, providerLogoutUrl: null });
  });

  it('ends the person’s sessions on a back-channel logout and tells the collab server', async () => {
    const { browser } = await signInAtProvider('ayse');
    const client = clientOf(browser);
    const session = await t.app.deps.models.Session.findOne({
      'oidc.subject': 'ayse',
      revokedAt: null,
    })
      .sort({ createdAt: -1 })
      .lean();
    const post = (token: string) =>
      fetch(`${t.url}/auth/oidc/backchannel-logout`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ logout_token: token }).toString(),
      });

    const wrongAudience = await post(
      await provider.logoutToken({ sid: session?.oidc?.sid, aud: 'someone-else' }),
    );
    expect(wrongAudience.status).toBe(400);
    const { privateKey: otherKey } = await generateKeyPair('RS256');
    expect(
      (await post(await provider.logoutToken({ sid: session?.oidc?.sid }, { key: otherKey })))
        .status,
    ).toBe(400);
    expect((await post('not-a-jwt')).status).toBe(400);
    expect((await client.gql(VIEWER)).data?.viewer).not.toBeNull();

    const ok = await post(await provider.logoutToken({ sid: session?.oidc?.sid, sub: 'ayse' }));
    expect(ok.status).toBe(200);
    expect((await client.gql(VIEWER)).data?.viewer).toBeNull();
    const revocation = await t.app.deps.models.CollabRevocation.findOne({
      sessionId: session?._id,
      reason: 'provider-logout',
    }).lean();
    expect(revocation?.personId).toBe(String(session?.personId));
  });

  it('lets an admin switch off password sign-in for city accounts, and no one else', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const SET =
      'mutation S($on: Boolean!) { setPasswordSignInForCityAccounts(enabled: $on) { passwordForCityAccounts cityAccountConfigured } }';
    expect(errorCode(await coordinator.gql(SET, { on: false }))).toBe('FORBIDDEN');
    const admin = await t.signIn('admin@lip.example');
    const password = await t.signIn('bildung@lip.example'); // linked above
    const off = await admin.gql(SET, { on: false });
    expect(off.data?.setPasswordSignInForCityAccounts).toEqual({
      passwordForCityAccounts: false,
      cityAccountConfigured: true,
    });
    expect((await password.gql(VIEWER)).data?.viewer).toBeNull();
    const refused = await t
      .anonymous()
      .gql('mutation S($input: SignInInput!) { signIn(input: $input) { viewer { id } } }', {
        input: { email: 'bildung@lip.example', password: DEMO_PASSWORD },
      });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toContain('Konto der Stadt');
    // People without a city account still sign in with their password.
    expect((await t.signIn('bildung2@lip.example')).cookie).toBeTruthy();
    // The city account still works.
    expect((await signInAtProvider('ayse')).location).toBe('/');
    await admin.gql(SET, { on: true });
    const audit = await t.app.deps.models.AuditEntry.find({
      action: 'sign-in.password-for-city-accounts-changed',
    }).lean();
    expect(audit.map((a) => a.detail)).toEqual(['off', 'on']);
  });
});

describe('an unreachable identity provider', () => {
  it('says the city account is unavailable instead of failing', async () => {
    const down = await startTestApp(`${__filename}-down`, {
      seed: false,
      env: { OIDC_ISSUER: 'http://127.0.0.1:9/', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y' },
    });
    try {
      const res = await fetch(`${down.url}/auth/oidc/login`, { redirect: 'manual' });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/sign-in/city-account?error=unavailable');
    } finally {
      await down.close();
    }
  });
});
