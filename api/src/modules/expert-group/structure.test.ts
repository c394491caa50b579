import { errorCode, startTestApp, type TestApp } from '../../testing/test-app';

/** Group and body memberships, people administration and milestones: the process structure. */
let t: TestApp;
let educationGroupId: string;
let councilNordId: string;

beforeAll(async () => {
  t = await startTestApp(__filename);
  const process = await t.app.deps.models.Process.findOne({}).lean();
  educationGroupId = String(process?.groups.find((g) => g.actionFieldKey === 'education')?._id);
  councilNordId = String(process?.bodies.find((b) => b.name === 'Integrationsbeirat Nord')?._id);
});
afterAll(async () => {
  await t.close();
});

const ADD_MEMBER =
  'mutation ($input: AddGroupMemberInput!) { addGroupMember(input: $input) { group { memberCount members { name role sector organisationName } } } }';
const REMOVE_MEMBER =
  'mutation ($input: RemoveGroupMemberInput!) { removeGroupMember(input: $input) { group { memberCount } } }';
const ADD_BODY =
  'mutation ($input: BodyMemberInput!) { addBodyMember(input: $input) { body { name memberCount members { name } } } }';
const REMOVE_BODY =
  'mutation ($input: BodyMemberInput!) { removeBodyMember(input: $input) { body { memberCount } } }';
const UPDATE_PERSON =
  'mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { person { systemRole coordinatorScope { allActionFields actionFieldKeys } } } }';
const CREATE_MS =
  'mutation ($input: CreateMilestoneInput!) { createMilestone(input: $input) { milestone { id title done actionFieldKey } } }';
const UPDATE_MS =
  'mutation ($input: UpdateMilestoneInput!) { updateMilestone(input: $input) { milestone { id title done } } }';

describe('expert group members', () => {
  it('lets the coordinator add a person to a group, with a copy of name and organisation', async () => {
    const mehmet = await t.personId('wirtschaft@lip.example');
    const coordinator = await t.signIn('koordination@lip.example');
    const result = await coordinator.gql(ADD_MEMBER, {
      input: {
        groupId: educationGroupId,
        personId: mehmet,
        role: 'ADVISER',
        sector: 'CIVIL_SOCIETY',
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.addGroupMember.group.members).toContainEqual({
      name: 'Mehmet Yılmaz',
      role: 'ADVISER',
      sector: 'CIVIL_SOCIETY',
      organisationName: 'Gewerkschaftsbund Region (Demo)',
    });
    // Now Mehmet sees the education drafts.
    const mehmetClient = await t.signIn('wirtschaft@lip.example');
    const docs = await mehmetClient.gql('{ documents(actionFieldKey: "education") { title } }');
    expect(docs.data?.documents.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps both of two concurrent membership changes (revision check and retry)', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const a = await t.personId('person20@lip.example');
    const b = await t.personId('person21@lip.example');
    const results = await Promise.all(
      [a, b].map((personId) =>
        coordinator.gql(ADD_MEMBER, {
          input: { groupId: educationGroupId, personId, role: 'MEMBER', sector: 'ADMINISTRATION' },
        }),
      ),
    );
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
    const process = await t.app.deps.models.Process.findOne({}).lean();
    const members = process?.groups
      .find((g) => String(g._id) === educationGroupId)
      ?.members.map((m) => String(m.personId));
    expect(members).toEqual(expect.arrayContaining([a, b]));
  });

  it('forbids a group speaker to add members', async () => {
    const speaker = await t.signIn('bildung@lip.example');
    const sara = await t.personId('beobachtung@lip.example');
    const result = await speaker.gql(ADD_MEMBER, {
      input: {
        groupId: educationGroupId,
        personId: sara,
        role: 'MEMBER',
        sector: 'ADMINISTRATION',
      },
    });
    expect(errorCode(result)).toBe('FORBIDDEN');
  });

  it('rejects an unknown role value', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const sara = await t.personId('beobachtung@lip.example');
    const result = await coordinator.gql(ADD_MEMBER, {
      input: { groupId: educationGroupId, personId: sara, role: 'BOSS', sector: 'ADMINISTRATION' },
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
  });

  it('removes a member and revokes their live editor connections', async () => {
    const mehmet = await t.personId('wirtschaft@lip.example');
    const coordinator = await t.signIn('koordination@lip.example');
    const before = (
      await coordinator.gql('query ($id: ID!) { expertGroup(id: $id) { memberCount } }', {
        id: educationGroupId,
      })
    ).data?.expertGroup.memberCount;
    const result = await coordinator.gql(REMOVE_MEMBER, {
      input: { groupId: educationGroupId, personId: mehmet },
    });
    expect(result.data?.removeGroupMember.group.memberCount).toBe(before - 1);
    const revocation = await t.app.deps.models.CollabRevocation.findOne({
      personId: mehmet,
      reason: 'group-membership-removed',
    }).lean();
    expect(revocation).not.toBeNull();
  });

  it('forbids an observer to remove a member', async () => {
    const observer = await t.signIn('beobachtung@lip.example');
    const ayse = await t.personId('bildung@lip.example');
    expect(
      errorCode(
        await observer.gql(REMOVE_MEMBER, { input: { groupId: educationGroupId, personId: ayse } }),
      ),
    ).toBe('FORBIDDEN');
  });
});

describe('body members', () => {
  it('lets the coordinator add and remove a council member (removal is revoked live)', async () => {
    const daniel = await t.personId('bildung2@lip.example');
    const coordinator = await t.signIn('koordination@lip.example');
    const added = await coordinator.gql(ADD_BODY, {
      input: { bodyId: councilNordId, personId: daniel },
    });
    expect(added.data?.addBodyMember.body.members.map((m: { name: string }) => m.name)).toContain(
      'Daniel Okafor',
    );
    const removed = await coordinator.gql(REMOVE_BODY, {
      input: { bodyId: councilNordId, personId: daniel },
    });
    expect(removed.data?.removeBodyMember.body.memberCount).toBe(1);
    expect(
      await t.app.deps.models.CollabRevocation.countDocuments({
        personId: daniel,
        reason: 'body-membership-removed',
      }),
    ).toBe(1);
  });

  it('forbids a council member to change council membership', async () => {
    const council = await t.signIn('beirat-nord@lip.example');
    const daniel = await t.personId('bildung2@lip.example');
    expect(
      errorCode(
        await council.gql(ADD_BODY, { input: { bodyId: councilNordId, personId: daniel } }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(
        await council.gql(REMOVE_BODY, { input: { bodyId: councilNordId, personId: daniel } }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('lists the 13 district councils, the round table and the steering group', async () => {
    const observer = await t.signIn('beobachtung@lip.example');
    const result = await observer.gql('{ bodies { kind name } }');
    const bodies: { kind: string; name: string }[] = result.data?.bodies;
    expect(bodies.filter((b) => b.kind === 'DISTRICT_COUNCIL')).toHaveLength(13);
    expect(bodies.map((b) => b.name)).toEqual(
      expect.arrayContaining([
        'Runder Tisch gegen Rassismus',
        'Lenkungsgruppe',
        'Integrationsbeirat Döhren-Wülfel',
      ]),
    );
  });
});

describe('people administration', () => {
  it('lets an admin make someone coordinator of some fields; the change is revoked live', async () => {
    const admin = await t.signIn('admin@lip.example');
    const id = await t.personId('person5@lip.example');
    const result = await admin.gql(UPDATE_PERSON, {
      input: {
        personId: id,
        systemRole: 'COORDINATOR',
        coordinatorScope: { allActionFields: false, actionFieldKeys: ['economy'] },
      },
    });
    expect(result.data?.updatePerson.person).toEqual({
      systemRole: 'COORDINATOR',
      coordinatorScope: { allActionFields: false, actionFieldKeys: ['economy'] },
    });
    expect(
      await t.app.deps.models.CollabRevocation.countDocuments({
        personId: id,
        reason: 'role-changed',
      }),
    ).toBe(1);
  });

  it('forbids a coordinator to change roles', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const id = await t.personId('bildung2@lip.example');
    expect(
      errorCode(
        await coordinator.gql(UPDATE_PERSON, { input: { personId: id, systemRole: 'ADMIN' } }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('rejects an unknown action field in a coordinator scope', async () => {
    const admin = await t.signIn('admin@lip.example');
    const id = await t.personId('person6@lip.example');
    const result = await admin.gql(UPDATE_PERSON, {
      input: {
        personId: id,
        systemRole: 'COORDINATOR',
        coordinatorScope: { allActionFields: false, actionFieldKeys: ['mars'] },
      },
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
  });

  it('searches the people directory as plain text, never as a pattern', async () => {
    const member = await t.signIn('bildung@lip.example');
    const hit = await member.gql('{ people(filter: { search: "okafor" }) { name } }');
    expect(hit.data?.people).toEqual([{ name: 'Daniel Okafor' }]);
    const pattern = await member.gql('{ people(filter: { search: ".*" }) { name } }');
    expect(pattern.data?.people).toEqual([]);
  });
});

describe('milestones', () => {
  it('lets a coordinator create and complete a milestone', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    const created = await coordinator.gql(CREATE_MS, {
      input: {
        title: 'Beiratsrunde abgeschlossen',
        date: '2030-03-01T00:00:00Z',
        actionFieldKey: 'education',
      },
    });
    expect(created.data?.createMilestone.milestone).toMatchObject({
      title: 'Beiratsrunde abgeschlossen',
      done: false,
      actionFieldKey: 'education',
    });
    const id = created.data?.createMilestone.milestone.id;
    const done = await coordinator.gql(UPDATE_MS, { input: { milestoneId: id, done: true } });
    expect(done.data?.updateMilestone.milestone).toEqual({
      id,
      title: 'Beiratsrunde abgeschlossen',
      done: true,
    });
  });

  it('forbids a group member to create or change milestones', async () => {
    const member = await t.signIn('bildung@lip.example');
    expect(
      errorCode(
        await member.gql(CREATE_MS, {
          input: {
            title: 'Eigener Meilenstein',
            date: '2030-03-01T00:00:00Z',
            actionFieldKey: 'education',
          },
        }),
      ),
    ).toBe('FORBIDDEN');
    const process = await t.app.deps.models.Process.findOne({}).lean();
    const id = String(process?.milestones[0]?._id);
    expect(
      errorCode(await member.gql(UPDATE_MS, { input: { milestoneId: id, done: false } })),
    ).toBe('FORBIDDEN');
  });

  it('rejects an invalid date', async () => {
    const coordinator = await t.signIn('koordination@lip.example');
    expect(
      errorCode(await coordinator.gql(CREATE_MS, { input: { title: 'Kaputt', date: 'gestern' } })),
    ).toBe('BAD_USER_INPUT');
  });
});
