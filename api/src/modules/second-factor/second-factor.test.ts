import { DEMO_PASSWORD } from '../seed/seed.data';
import { errorCode, startTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { currentTotpCode } from './totp';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(__filename, { env: { SECOND_FACTOR_ROLES: 'admin,coordinator' } });
});
afterAll(async () => {
  await t.close();
});

const STATUS =
  '{ viewer { id secondFactor { enabled requiredForRole setupRequired recoveryCodesLeft } } }';
const START = 'mutation { startSecondFactorSetup { secret uri qrCode } }';
const CONFIRM =
  'mutation Confirm($code: String!) { confirmSecondFactorSetup(input: { code: $code }) { recoveryCodes viewer { secondFactor { enabled setupRequired } } } }';
const SIGN_IN =
  'mutation SignIn($input: SignInInput!) { signIn(input: $input) { viewer { id } secondFactorChallenge } }';
const COMPLETE =
  'mutation Complete($input: CompleteSignInInput!) { completeSignIn(input: $input) { viewer { id person { name } } } }';
const CREATE_MILESTONE =
  'mutation { createMilestone(input: { title: "Zweiter Faktor", date: "2030-01-01T00:00:00Z" }) { milestone { id } } }';

async function passwordStep(email: string): Promise<{ client: TestClient; challenge: string }> {
  const client = t.anonymous();
  const result = await client.gql(SIGN_IN, { input: { email, password: DEMO_PASSWORD } });
  expect(result.errors).toBeUndefined();
  return { client, challenge: result.data?.signIn.secondFactorChallenge as string };
}

/** Sets up TOTP for a signed-in client; returns the secret and the recovery codes. */
async function setUp(client: TestClient): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await client.gql(START);
  const secret = started.data?.startSecondFactorSetup.secret as string;
  const confirmed = await client.gql(CONFIRM, { code: currentTotpCode(secret) });
  expect(confirmed.errors).toBeUndefined();
  return { secret, recoveryCodes: confirmed.data?.confirmSecondFactorSetup.recoveryCodes };
}

describe('second factor (TOTP)', () => {
  it('lets an admin with a password look but not act until the second factor is set up', async () => {
    const admin = await t.signIn('admin@lip.example');
    const status = await admin.gql(STATUS);
    expect(status.data?.viewer.secondFactor).toEqual({
      enabled: false,
      requiredForRole: true,
      setupRequired: true,
      recoveryCodesLeft: 0,
    });
    const refused = await admin.gql(CREATE_MILESTONE);
    expect(errorCode(refused)).toBe('SECOND_FACTOR_REQUIRED');
    expect(refused.errors?.[0]?.message).toContain('zweiten Faktor');
    expect(
      await t.app.deps.models.Process.countDocuments({ 'milestones.title': 'Zweiter Faktor' }),
    ).toBe(0);
    // Reading still works, the editor included, read-only.
    const documents = (await admin.gql('{ documents { id } }')).data?.documents;
    expect(documents.length).toBeGreaterThan(0);
    const ticket = await admin.gql(
      'mutation ($id: ID!) { collabTicket(documentId: $id) { mode } }',
      { id: documents[0].id },
    );
    expect(ticket.data?.collabTicket.mode).toBe('READ');
  });

  it('sets up TOTP with a QR code, stores the secret sealed and returns ten recovery codes once', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const started = await coordinator.gql(START);
    const setup = started.data?.startSecondFactorSetup;
    expect(setup.qrCode).toMatch(/^data:image\/png;base64,/);
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\/LIP-Werkstatt:koordination%40lip\.example\?/);
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);

    const wrong = await coordinator.gql(CONFIRM, {
      code: '000000' === currentTotpCode(setup.secret) ? '111111' : '000000',
    });
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0]?.message).toBe(
      'Der Code ist falsch oder abgelaufen. Bitte geben Sie den aktuellen Code aus Ihrer Authenticator-App oder einen unbenutzten Wiederherstellungscode ein.',
    );
    expect(JSON.stringify(wrong.errors?.[0]?.extensions?.fields)).toContain('code');
    const personId = await t.personId('koordination@lip.example');
    expect((await t.app.deps.models.Person.findById(personId).lean())?.secondFactorEnabled).toBe(
      false,
    );

    const confirmed = await coordinator.gql(CONFIRM, { code: currentTotpCode(setup.secret) });
    const codes = confirmed.data?.confirmSecondFactorSetup.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(confirmed.data?.confirmSecondFactorSetup.viewer.secondFactor).toEqual({
      enabled: true,
      setupRequired: false,
    });
    const stored = await t.app.deps.models.SecondFactor.findById(personId).lean();
    expect(stored?.secret).toMatch(/^v1\./);
    expect(JSON.stringify(stored)).not.toContain(setup.secret);
    expect(JSON.stringify(stored)).not.toContain(codes[0]);
    // The session may act now.
    expect(errorCode(await coordinator.gql(CREATE_MILESTONE))).toBeUndefined();
  });

  it('asks for the code after the password, refuses a replayed, expired or wrong code, and accepts a recovery code once', async () => {
    const client = await t.signIn('bildung@lip.example');
    const { secret, recoveryCodes } = await setUp(client);

    const { client: next, challenge } = await passwordStep('bildung@lip.example');
    expect(challenge).toBeTruthy();
    expect(next.cookie).toBeUndefined();
    // The code just used to confirm the setup cannot be used again.
    const replayed = await next.gql(COMPLETE, {
      input: { secondFactorChallenge: challenge, code: currentTotpCode(secret) },
    });
    expect(errorCode(replayed)).toBe('BAD_USER_INPUT');
    const expired = await next.gql(COMPLETE, {
      input: {
        secondFactorChallenge: challenge,
        code: currentTotpCode(secret, Date.now() - 120_000),
      },
    });
    expect(errorCode(expired)).toBe('BAD_USER_INPUT');
    expect(next.cookie).toBeUndefined();

    const fresh = await next.gql(COMPLETE, {
      input: {
        secondFactorChallenge: challenge,
        code: currentTotpCode(secret, Date.now() + 30_000),
      },
    });
    expect(fresh.data?.completeSignIn.viewer.person.name).toBe('Ayşe Demir');
    expect(next.cookie).toMatch(/^lip_session=/);

    const second = await passwordStep('bildung@lip.example');
    const recovered = await second.client.gql(COMPLETE, {
      input: { secondFactorChallenge: second.challenge, code: recoveryCodes[0]!.toUpperCase() },
    });
    expect(recovered.data?.completeSignIn.viewer.id).toBeTruthy();
    const third = await passwordStep('bildung@lip.example');
    const reused = await third.client.gql(COMPLETE, {
      input: { secondFactorChallenge: third.challenge, code: recoveryCodes[0] },
    });
    expect(errorCode(reused)).toBe('BAD_USER_INPUT');
  });

  it('refuses a forged or tampered sign-in challenge', async () => {
    const { challenge } = await passwordStep('bildung@lip.example');
    const [body, mac] = challenge.split('.');
    const forged = `${Buffer.from(JSON.stringify({ p: await t.personId('admin@lip.example'), exp: Date.now() + 60_000 })).toString('base64url')}.${mac}`;
    const result = await t.anonymous().gql(COMPLETE, {
      input: { secondFactorChallenge: forged, code: '123456' },
    });
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0]?.message).toContain('Anmeldung ist abgelaufen');
    const cut = await t.anonymous().gql(COMPLETE, {
      input: { secondFactorChallenge: `${body}.x`, code: '123456' },
    });
    expect(errorCode(cut)).toBe('UNAUTHENTICATED');
  });

  it('rate-limits wrong codes like the password: after five, even a right code waits', async () => {
    const client = await t.signIn('bildung2@lip.example');
    const { secret } = await setUp(client);
    const { client: next, challenge } = await passwordStep('bildung2@lip.example');
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 6; i += 1) {
      codes.push(
        errorCode(
          await next.gql(COMPLETE, { input: { secondFactorChallenge: challenge, code: '99999x' } }),
        ),
      );
    }
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('BAD_USER_INPUT'));
    expect(codes[5]).toBe('RATE_LIMITED');
    const right = await next.gql(COMPLETE, {
      input: {
        secondFactorChallenge: challenge,
        code: currentTotpCode(secret, Date.now() + 30_000),
      },
    });
    expect(errorCode(right)).toBe('RATE_LIMITED');
  });

  it('lets a member switch the second factor off but not an admin or coordinator', async () => {
    const member = await t.signIn('wirtschaft@lip.example');
    const { secret } = await setUp(member);
    const off = await member.gql(
      'mutation Off($code: String!) { disableSecondFactor(input: { code: $code }) { secondFactor { enabled } } }',
      { code: currentTotpCode(secret, Date.now() + 30_000) },
    );
    expect(off.data?.disableSecondFactor.secondFactor.enabled).toBe(false);
    expect(
      await t.app.deps.models.SecondFactor.countDocuments({
        _id: await t.personId('wirtschaft@lip.example'),
      }),
    ).toBe(0);

    // The coordinator (second factor set up above) may not switch it off.
    const session = await t.app.deps.sessions.create(
      t.app.deps.models.Person.castObject({ _id: await t.personId('koordination@lip.example') })
        ._id,
    );
    const coordinator = t.anonymous();
    coordinator.cookie = `lip_session=${session.token}`;
    const refused = await coordinator.gql(
      'mutation Off($code: String!) { disableSecondFactor(input: { code: $code }) { id } }',
      { code: '123456' },
    );
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toContain('Pflicht');
  });

  it('lets an admin reset a lost second factor (audited, sessions ended) and no one else', async () => {
    const target = await t.personId('bildung@lip.example');
    const member = await t.signIn('beirat-nord@lip.example');
    const refused = await member.gql(
      'mutation R($id: ID!) { resetSecondFactor(input: { personId: $id }) { id } }',
      { id: target },
    );
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect((await t.app.deps.models.Person.findById(target).lean())?.secondFactorEnabled).toBe(
      true,
    );

    // The admin sets up their own second factor first, then resets Ayşe's.
    const admin = await t.signIn('admin@lip.example');
    await setUp(admin);
    const reset = await admin.gql(
      'mutation R($id: ID!) { resetSecondFactor(input: { personId: $id }) { id name } }',
      { id: target },
    );
    expect(reset.data?.resetSecondFactor.name).toBe('Ayşe Demir');
    expect((await t.app.deps.models.Person.findById(target).lean())?.secondFactorEnabled).toBe(
      false,
    );
    expect(
      await t.app.deps.models.Session.countDocuments({ personId: target, revokedAt: null }),
    ).toBe(0);
    const audit = await t.app.deps.models.AuditEntry.findOne({
      action: 'person.second-factor-reset',
    }).lean();
    expect(audit).toMatchObject({ actorName: 'Miriam Schulte', subjectName: 'Ayşe Demir' });
    // Ayşe signs in with the password alone again.
    expect((await t.signIn('bildung@lip.example')).cookie).toMatch(/^lip_session=/);
  });
});
