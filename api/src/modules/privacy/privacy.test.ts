import { strFromU8, unzipSync } from 'fflate';
import { DEMO_PASSWORD } from '../seed/seed.data';
import { errorCode, startTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { pruneAuditEntries } from '../audit';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(__filename);
});
afterAll(async () => {
  await t.close();
});

const DATA = `query Data($personId: ID) { personalData(personId: $personId) {
  person { id name email }
  signIn { password cityAccount secondFactor }
  groups { group role }
  sessions { id current method userAgent }
  comments { body documentTitle }
  commentCount
  tasks { title assigned }
  exportPath
  canDelete
} }`;
const DELETE =
  'mutation Delete($input: DeleteAccountInput!) { deleteAccount(input: $input) { deletedPersonId signedOut } }';
const END = 'mutation End($id: ID!) { endDeviceSession(input: { sessionId: $id }) }';

async function documentId(client: TestClient, title: string): Promise<string> {
  const result = await client.gql('{ documents { id title } }');
  const found = (result.data?.documents as { id: string; title: string }[]).find(
    (d) => d.title === title,
  );
  if (!found) throw new Error(`no document ${title}`);
  return found.id;
}

async function download(client: TestClient, path: string): Promise<Response> {
  return fetch(`${t.url}${path}`, { headers: client.cookie ? { cookie: client.cookie } : {} });
}

describe('Meine Daten', () => {
  it('shows a person what is held about them, with the current device marked', async () => {
    const ayse = await t.signIn('bildung@lip.example');
    const result = await ayse.gql(DATA);
    const data = result.data?.personalData;
    expect(data.person).toMatchObject({ name: 'Ayşe Demir', email: 'bildung@lip.example' });
    expect(data.signIn).toEqual({ password: true, cityAccount: false, secondFactor: false });
    expect(data.groups.length).toBeGreaterThan(0);
    expect(data.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(data.sessions[0]).toMatchObject({ method: 'PASSWORD' });
    expect(data.exportPath).toBe('/account/export');
    expect(data.canDelete).toBe(true);
  });

  it('exports everything as a ZIP with JSON and a readable HTML summary, without secrets', async () => {
    const daniel = await t.signIn('bildung2@lip.example');
    const draft = await documentId(daniel, 'Bildung: Maßnahmen (Entwurf)');
    await daniel.gql(
      'mutation C($input: CreateCommentInput!) { createComment(input: $input) { thread { id } } }',
      { input: { documentId: draft, body: 'Elternbeiräte früh einbinden <b>bitte</b>' } },
    );
    const response = await download(daniel, '/account/export');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="lip-meine-daten-\d{4}-\d{2}-\d{2}\.zip"/,
    );
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(['daten.json', 'uebersicht.html']);
    const json = JSON.parse(strFromU8(files['daten.json']!));
    expect(json.profile).toMatchObject({ name: 'Daniel Okafor', email: 'bildung2@lip.example' });
    expect(json.comments[0]).toMatchObject({
      body: 'Elternbeiräte früh einbinden <b>bitte</b>',
      documentTitle: 'Bildung: Maßnahmen (Entwurf)',
    });
    expect(json.sessions.length).toBeGreaterThan(0);
    const html = strFromU8(files['uebersicht.html']!);
    expect(html).toContain('<h1>Meine Daten in der LIP-Werkstatt</h1>');
    expect(html).toContain('Daniel Okafor');
    expect(html).toContain('Elternbeiräte früh einbinden &lt;b&gt;bitte&lt;/b&gt;');
    const everything = strFromU8(files['daten.json']!) + html;
    expect(everything).not.toMatch(/argon2|passwordHash|tokenHash|lip_session/);
  });

  it('refuses the export without a session and someone else’s export to a non-admin', async () => {
    expect((await download(t.anonymous(), '/account/export')).status).toBe(401);
    const elena = await t.signIn('beirat-nord@lip.example');
    const other = await t.personId('bildung@lip.example');
    expect((await download(elena, `/account/export?personId=${other}`)).status).toBe(403);
    expect((await download(elena, '/account/export?personId=not-an-id')).status).toBe(400);
    expect(
      await t.app.deps.models.AuditEntry.countDocuments({ action: 'person.data-exported' }),
    ).toBe(0);
  });

  it('lets an admin export someone else’s data and writes it to the audit trail', async () => {
    const admin = await t.signIn('admin@lip.example');
    const other = await t.personId('wirtschaft@lip.example');
    const response = await download(admin, `/account/export?personId=${other}`);
    expect(response.status).toBe(200);
    const json = JSON.parse(
      strFromU8(unzipSync(new Uint8Array(await response.arrayBuffer()))['daten.json']!),
    );
    expect(json.profile.email).toBe('wirtschaft@lip.example');
    const entry = await t.app.deps.models.AuditEntry.findOne({
      action: 'person.data-exported',
    }).lean();
    expect(entry).toMatchObject({ actorName: 'Miriam Schulte', subjectName: 'Mehmet Yılmaz' });
  });

  it('ends one of the person’s own devices, and no one else’s', async () => {
    const first = await t.signIn('lenkung@lip.example');
    const second = await t.signIn('lenkung@lip.example');
    const sessions = (await first.gql(DATA)).data?.personalData.sessions as {
      id: string;
      current: boolean;
    }[];
    const otherDevice = sessions.find((s) => !s.current)!;
    const stranger = await t.signIn('beobachtung@lip.example');
    expect(errorCode(await stranger.gql(END, { id: otherDevice.id }))).toBe('NOT_FOUND');
    expect((await second.gql('{ viewer { id } }')).data?.viewer).not.toBeNull();

    expect((await first.gql(END, { id: otherDevice.id })).data?.endDeviceSession).toBe(true);
    expect((await second.gql('{ viewer { id } }')).data?.viewer).toBeNull();
    expect((await first.gql('{ viewer { id } }')).data?.viewer).not.toBeNull();
    // One's own device is nobody else's business: not in the audit trail.
    expect(
      await t.app.deps.models.AuditEntry.countDocuments({ action: 'person.session-ended' }),
    ).toBe(0);
  });

  it('lets an admin end someone else’s device, and records it in the audit trail', async () => {
    const device = await t.signIn('person5@lip.example');
    const personId = await t.personId('person5@lip.example');
    const admin = await t.signIn('admin@lip.example');
    const sessions = (await admin.gql(DATA, { personId })).data?.personalData.sessions as {
      id: string;
      current: boolean;
    }[];
    expect(sessions.map((s) => s.current)).toEqual([false]);
    expect((await admin.gql(END, { id: sessions[0]!.id })).data?.endDeviceSession).toBe(true);
    expect((await device.gql('{ viewer { id } }')).data?.viewer).toBeNull();
    const log = await admin.gql(
      'query A($id: ID) { auditEntries(first: 5, subjectId: $id) { action actorName subjectId } }',
      { id: personId },
    );
    expect(log.data?.auditEntries[0]).toEqual({
      action: 'person.session-ended',
      actorName: 'Miriam Schulte',
      subjectId: personId,
    });
  });
});

describe('deleting an account', () => {
  it('explains a wrong confirmation and changes nothing', async () => {
    const elena = await t.signIn('beirat-nord@lip.example');
    const result = await elena.gql(DELETE, { input: { confirmEmail: 'someone@lip.example' } });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('Bestätigung stimmt nicht');
    expect((await elena.gql('{ viewer { person { name } } }')).data?.viewer.person.name).toBe(
      'Elena Petrova',
    );
  });

  it('removes the profile and sessions and credits the comments to a former member', async () => {
    const elena = await t.signIn('beirat-nord@lip.example');
    const elenaId = await t.personId('beirat-nord@lip.example');
    const shared = await documentId(elena, 'Bildung: Ausgangslage und Ziele');
    await elena.gql(
      'mutation C($input: CreateCommentInput!) { createComment(input: $input) { thread { id } } }',
      { input: { documentId: shared, body: 'Bitte Zahlen zur Nordstadt ergänzen.' } },
    );
    const result = await elena.gql(DELETE, { input: { confirmEmail: 'Beirat-Nord@lip.example' } });
    expect(result.data?.deleteAccount).toEqual({ deletedPersonId: elenaId, signedOut: true });

    const stored = await t.app.deps.models.Person.findById(elenaId).lean();
    expect(stored).toMatchObject({
      status: 'deleted',
      name: 'ehemaliges Mitglied',
      passwordHash: null,
    });
    expect(JSON.stringify(stored)).not.toMatch(/Elena|Petrova|beirat-nord/);
    expect(await t.app.deps.models.Session.countDocuments({ personId: elenaId })).toBe(0);
    const process = await t.app.deps.models.Process.findOne({}).lean();
    expect(JSON.stringify(process?.bodies)).not.toContain(elenaId);

    const ayse = await t.signIn('bildung@lip.example');
    const comments = await ayse.gql(
      'query T($id: ID!) { comments(documentId: $id) { comments { body author { id name } } } }',
      { id: shared },
    );
    const mine = (
      comments.data?.comments as {
        comments: { body: string; author: { id: string; name: string } }[];
      }[]
    )
      .flatMap((thread) => thread.comments)
      .find((c) => c.body === 'Bitte Zahlen zur Nordstadt ergänzen.');
    expect(mine?.author).toEqual({ id: elenaId, name: 'ehemaliges Mitglied' });
    // The person is gone from the directory and cannot sign in.
    const people = (await ayse.gql('{ people { id } }')).data?.people as { id: string }[];
    expect(people.some((p) => p.id === elenaId)).toBe(false);
    const signIn = await t
      .anonymous()
      .gql('mutation S($input: SignInInput!) { signIn(input: $input) { viewer { id } } }', {
        input: { email: 'beirat-nord@lip.example', password: DEMO_PASSWORD },
      });
    expect(errorCode(signIn)).toBe('UNAUTHENTICATED');
    const entry = await t.app.deps.models.AuditEntry.findOne({ action: 'person.deleted' }).lean();
    expect(entry).toMatchObject({ subjectName: 'Elena Petrova', detail: 'self' });
  });

  it('refuses to delete the last admin, in German and English, and changes nothing', async () => {
    const admin = await t.signIn('admin@lip.example');
    const data = (await admin.gql(DATA)).data?.personalData;
    expect(data.canDelete).toBe(false);
    const result = await admin.gql(DELETE, { input: { confirmEmail: 'admin@lip.example' } });
    expect(errorCode(result)).toBe('CONFLICT');
    expect(result.errors?.[0]?.message).toBe(
      'Das ist die letzte Person mit Administrationsrechten. Bitte geben Sie zuerst einer anderen Person diese Rolle.',
    );
    await admin.gql('mutation { setLocale(locale: EN) { locale } }');
    const english = await admin.gql(DELETE, { input: { confirmEmail: 'admin@lip.example' } });
    expect(english.errors?.[0]?.message).toBe(
      'This is the last person with administrator rights. Please give another person this role first.',
    );
    await admin.gql('mutation { setLocale(locale: DE) { locale } }');
    expect(
      (await t.app.deps.models.Person.findOne({ email: 'admin@lip.example' }).lean())?.status,
    ).toBe('active');
  });

  it('lets an admin delete someone else’s account, and no one else', async () => {
    const target = await t.personId('wirtschaft@lip.example');
    const coordinator = await t.signIn('koordination@lip.example');
    const refused = await coordinator.gql(DELETE, {
      input: { personId: target, confirmEmail: 'wirtschaft@lip.example' },
    });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    const admin = await t.signIn('admin@lip.example');
    const done = await admin.gql(DELETE, {
      input: { personId: target, confirmEmail: 'wirtschaft@lip.example' },
    });
    expect(done.data?.deleteAccount).toEqual({ deletedPersonId: target, signedOut: false });
    expect((await admin.gql('{ viewer { id } }')).data?.viewer).not.toBeNull();
    const entry = await t.app.deps.models.AuditEntry.findOne({
      action: 'person.deleted',
      subjectId: target,
    }).lean();
    expect(entry).toMatchObject({
      actorName: 'Miriam Schulte',
      subjectName: 'Mehmet Yılmaz',
      detail: null,
    });
  });
});

describe('audit trail', () => {
  it('records invitations and role changes and shows them to admins only', async () => {
    const admin = await t.signIn('admin@lip.example');
    await admin.gql(
      'mutation I($input: CreateInvitationInput!) { createInvitation(input: $input) { invitation { id } } }',
      { input: { email: 'neu@lip.example', name: 'Neue Person', systemRole: 'OBSERVER' } },
    );
    const observer = await t.personId('beobachtung@lip.example');
    await admin.gql(
      'mutation U($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id } } }',
      { input: { personId: observer, systemRole: 'MEMBER' } },
    );
    const log = await admin.gql(
      '{ auditEntries(first: 20) { action actorName subjectName detail createdAt } }',
    );
    const entries = log.data?.auditEntries as {
      action: string;
      subjectName: string;
      detail: string;
    }[];
    expect(entries[0]).toMatchObject({
      action: 'person.role-changed',
      subjectName: 'Sara Lindqvist',
      detail: 'member',
    });
    expect(entries[1]).toMatchObject({
      action: 'person.invited',
      subjectName: 'Neue Person',
      detail: 'observer',
    });

    const coordinator = await t.signIn('koordination@lip.example');
    expect(errorCode(await coordinator.gql('{ auditEntries { action } }'))).toBe('FORBIDDEN');
    expect(errorCode(await admin.gql('{ auditEntries(first: 1000) { action } }'))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('prunes entries older than the retention period', async () => {
    const models = t.app.deps.models;
    await models.AuditEntry.create({
      action: 'person.invited',
      actorName: 'Alt',
      createdAt: new Date(Date.now() - 400 * 86_400_000),
    });
    const before = await models.AuditEntry.countDocuments({});
    expect(await pruneAuditEntries(models, 365)).toBe(1);
    expect(await models.AuditEntry.countDocuments({})).toBe(before - 1);
    expect(await models.AuditEntry.countDocuments({ actorName: 'Alt' })).toBe(0);
  });
});
