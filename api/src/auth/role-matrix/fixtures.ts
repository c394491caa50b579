import { createServer, type Server } from 'node:http';
import { Types } from 'mongoose';
import type { DocumentStatus } from '@lip/common';
import { DEMO_PASSWORD } from '../../modules/seed/seed.data';
import type { TestApp, TestClient } from '../../testing/test-app';
import { hashPassword } from '../password';
import {
  currentTotpCode,
  hashRecoveryCode,
  newRecoveryCodes,
} from '../../modules/second-factor/totp';
import { ROLE_ACCOUNTS, type Role } from './roles';

/** The password of every person the fixtures create. */
export const MATRIX_PASSWORD = 'Matrix-Passwort-1';

/**
 * Builds what a matrix cell acts on. Every call makes a fresh record (through the API as an
 * admin where possible, so the records are what the product itself writes), so cells never see
 * each other's changes: a task one role deletes is not the task the next role edits.
 */
export interface MatrixFixtures {
  app: TestApp;
  /** Signed in as the admin, for setting things up. */
  admin: TestClient;
  groupId(field: string): string;
  /** The district council Nord (the council member's body). */
  councilNordId: string;
  /** Every reviewing body except the steering group (what an in-review document is shared with). */
  reviewBodyIds: string[];
  /** A fresh document of the field's group; in review it is shared with every reviewing body. */
  document(options?: { field?: string; status?: DocumentStatus; title?: string }): Promise<string>;
  /** A fresh comment thread started by the group's speaker. */
  thread(
    documentId: string,
    visibility: 'GROUP' | 'SHARED',
    options?: { resolved?: boolean; body?: string },
  ): Promise<string>;
  task(options?: { field?: string; title?: string }): Promise<string>;
  /** A fresh milestone of the field, or a process-wide one for null. */
  milestone(field: string | null): Promise<string>;
  /** A fresh active person outside every group and body, password {@link MATRIX_PASSWORD}. */
  person(): Promise<{ id: string; email: string }>;
  /** A fresh pending invitation (as a member unless said otherwise); returns the one-time token. */
  invitationToken(options?: {
    email?: string;
    systemRole?: 'ADMIN' | 'COORDINATOR' | 'MEMBER' | 'OBSERVER';
  }): Promise<string>;
  /**
   * A fresh unread notification of the role's own account, or of the fixtures' admin for
   * `signedOut` and for `null` (somebody else's notification).
   */
  notification(owner: Role | null): Promise<string>;
  /**
   * Waits until the fixtures' admin finds `text` through the search (the index catches up with
   * the change log in the background).
   */
  searchable(text: string): Promise<void>;
  /** A fresh person who is a member of the field's group. */
  groupMember(field: string): Promise<string>;
  /** A fresh person who is a member of the district council Nord. */
  councilMember(): Promise<string>;
  /**
   * A fresh measure of the field's group, brought to the status by the fixtures' admin
   * (`proposed`: put to the steering group; `accepted`: adopted).
   */
  measure(options?: {
    field?: string;
    status?: 'draft' | 'proposed' | 'accepted';
  }): Promise<string>;
  /** A signed-in device session of a fresh person (someone else's for every role). */
  deviceSession(): Promise<string>;
  /**
   * A fresh review round of a fresh education draft, reviewed by the council Nord, brought to
   * the status by the fixtures' admin.
   */
  reviewRound(status?: 'draft' | 'open' | 'closed' | 'evaluated'): Promise<string>;
  /**
   * A fresh statement of the council Nord in a fresh open round, started by its chair (the
   * council role's account); with a remark, and submitted, when asked.
   */
  statement(options?: { remark?: boolean; submitted?: boolean }): Promise<{
    statementId: string;
    documentId: string;
    remarkId: string | null;
  }>;
  /**
   * A remark of a submitted statement, with the education group's response as asked (drafted
   * and approved by the fixtures' admin).
   */
  remark(response?: 'none' | 'draft' | 'approved'): Promise<string>;
  /** A fresh shared thread the council Nord's chair started on the document. */
  councilThread(documentId: string): Promise<string>;
  /**
   * A current code for confirming the role's own second factor: the setup is started in a
   * session of the role's account of the fixtures' own (a dummy code for `signedOut`).
   */
  secondFactorSetupCode(role: Role): Promise<string>;
  /** A fresh recovery code of the role's own (enabled) second factor. */
  recoveryCode(role: Role): Promise<string>;
  /**
   * The second step of a sign-in of a fresh person with a second factor: the challenge of the
   * password step and one of the person's recovery codes.
   */
  secondFactorSignIn(): Promise<{ secondFactorChallenge: string; code: string }>;
  /** A decision the fixtures' admin recorded on a fresh evaluated round. */
  decision(): Promise<string>;
  /** The process's paper and its current revision (read fresh, other cells change it). */
  paper(): Promise<{ id: string; revision: number }>;
  /** The label every version the fake collab server lists carries. */
  versionLabel: string;
  /**
   * A fresh account standing in for a role, signed in: a copy of the role's demo account (system
   * role, coordinator scope, group roles, bodies) under a new e-mail address, for cells that
   * would use the role's own account up (deleting it). `signedOut`: an anonymous client.
   */
  twin(role: Role): Promise<{ client: TestClient; email: string | null }>;
  close(): Promise<void>;
}

let counter = 0;
function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

async function must<T>(
  client: TestClient,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const result = await client.gql<T>(query, variables);
  if (result.errors || !result.data)
    throw new Error(`fixture failed: ${JSON.stringify(result.errors)}\n${query}`);
  return result.data;
}

/**
 * A stand-in for the collab server's internal version endpoints: the API asks it only after its
 * own policy said yes, which is what the matrix checks. It lists one version and accepts every
 * create and restore.
 */
function startFakeCollab(label: string): Promise<{ server: Server; url: string }> {
  const version = (documentId: string) => ({
    id: '0123456789abcdef01234567',
    documentId,
    label,
    createdBy: { personId: '0123456789abcdef01234567', name: 'Matrix' },
    createdAt: new Date(0).toISOString(),
  });
  const server = createServer((request, response) => {
    const match =
      /^\/internal\/documents\/([0-9a-f]{24})\/versions(\/[0-9a-f]{24})?(\/restore)?$/.exec(
        request.url ?? '',
      );
    request.resume();
    response.setHeader('content-type', 'application/json');
    if (!match) {
      response.statusCode = 404;
      response.end('{}');
      return;
    }
    const documentId = match[1]!;
    if (request.method === 'GET' && !match[2])
      response.end(JSON.stringify({ versions: [version(documentId)] }));
    else if (request.method === 'GET')
      response.end(
        JSON.stringify({ version: version(documentId), html: `<p>${label}</p>`, text: label }),
      );
    else response.end(JSON.stringify({ version: version(documentId) }));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        server,
        url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
      });
    });
  });
}

/**
 * Adds the accounts the seed does not have: the limited-scope coordinator (economy only) of the
 * matrix, and an admin of the fixtures' own, whose sessions no matrix cell ends.
 */
async function addAccounts(app: TestApp): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await app.app.deps.models.Person.create([
    {
      name: 'Lina Brandt',
      email: ROLE_ACCOUNTS.coordinatorLimited!,
      passwordHash,
      systemRole: 'coordinator',
      coordinatorScope: { all: false, actionFieldKeys: ['economy'] },
      status: 'active',
    },
    {
      name: 'Matrix Verwaltung',
      email: FIXTURE_ADMIN,
      passwordHash,
      systemRole: 'admin',
      status: 'active',
    },
  ]);
}

const START_SECOND_FACTOR = 'mutation { startSecondFactorSetup { secret } }';
const SAVE_RESPONSE =
  'mutation ($input: SaveResponseInput!) { saveResponse(input: $input) { remark { id } } }';
const APPROVE_RESPONSE =
  'mutation ($id: ID!) { approveResponse(input: { remarkId: $id }) { remark { id } } }';
const RECORD_DECISION =
  'mutation ($input: RecordDecisionInput!) { recordDecision(input: $input) { decision { id } } }';
/** A decision every role may be asked to record or correct. */
export const DECISION = {
  outcome: 'ACCEPTED',
  // The meeting took place: a date after tomorrow is refused.
  meetingDate: new Date(Date.now() - 86_400_000).toISOString(),
  confirm: true,
};

/** The fixtures' own admin (not a matrix role, so no cell signs it out). */
const FIXTURE_ADMIN = 'matrix-admin@lip.example';

/** Prepares the seeded app for the matrix and returns the factories. */
export async function createMatrixFixtures(app: TestApp): Promise<MatrixFixtures> {
  await addAccounts(app);
  const versionLabel = unique('Matrix-Fassung');
  const collab = await startFakeCollab(versionLabel);
  app.app.deps.config.collabInternalUrl = collab.url;

  const admin = await app.signIn(FIXTURE_ADMIN);
  const process = await app.app.deps.models.Process.findOne({}).lean();
  if (!process) throw new Error('the seed has no process');
  const groupId = (field: string) => {
    const group = process.groups.find((g) => g.actionFieldKey === field);
    if (!group) throw new Error(`no group for ${field}`);
    return String(group._id);
  };
  const councilNord = process.bodies.find((b) => b.name === 'Integrationsbeirat Nord');
  if (!councilNord) throw new Error('the seed has no council Nord');
  const reviewBodyIds = process.bodies
    .filter((b) => b.kind !== 'steering-group')
    .map((b) => String(b._id));

  /** Invites and activates a person; the returned client is signed in as them. */
  const activate = async (groups: unknown[] = []) => {
    const email = `${unique('matrix')}@lip.example`;
    const created = await must<{ createInvitation: { invitation: { link: string } } }>(
      admin,
      'mutation ($input: CreateInvitationInput!) { createInvitation(input: $input) { invitation { link } } }',
      { input: { email, name: 'Matrix Person', groups } },
    );
    const token = created.createInvitation.invitation.link.split('/').at(-1);
    const client = app.anonymous();
    const accepted = await must<{ acceptInvitation: { viewer: { id: string } } }>(
      client,
      'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { viewer { id } } }',
      { input: { token, password: MATRIX_PASSWORD } },
    );
    return { id: accepted.acceptInvitation.viewer.id, email, client };
  };
  const person = async () => {
    const { id, email } = await activate();
    return { id, email };
  };
  const createDocument = async () => {
    const data = await must<{ createDocument: { document: { id: string } } }>(
      admin,
      'mutation ($input: CreateDocumentInput!) { createDocument(input: $input) { document { id } } }',
      { input: { groupId: groupId('education'), kind: 'OTHER', title: unique('Matrix-Entwurf') } },
    );
    return data.createDocument.document.id;
  };
  const reviewRound = async (status: 'draft' | 'open' | 'closed' | 'evaluated' = 'draft') => {
    const documentId = await createDocument();
    const data = await must<{ createReviewRound: { round: { id: string } } }>(
      admin,
      'mutation ($input: CreateReviewRoundInput!) { createReviewRound(input: $input) { round { id } } }',
      {
        input: {
          title: unique('Matrix-Runde'),
          documentIds: [documentId],
          bodyIds: [String(councilNord._id)],
          deadline: new Date(Date.now() + 14 * 86_400_000).toISOString(),
        },
      },
    );
    const roundId = data.createReviewRound.round.id;
    const steps = ['open', 'closed', 'evaluated'];
    const verbs = ['openReviewRound', 'closeReviewRound', 'evaluateReviewRound'];
    for (let i = 0; i <= steps.indexOf(status) && i < steps.length; i += 1) {
      await must(admin, `mutation ($id: ID!) { ${verbs[i]}(roundId: $id) { round { id } } }`, {
        id: roundId,
      });
    }
    roundDocuments.set(roundId, documentId);
    return roundId;
  };
  const roundDocuments = new Map<string, string>();
  // The chair of the council Nord writes the fixture statements, in a session of its own.
  let chairClient: TestClient | undefined;
  const chair = async () => (chairClient ??= await app.signIn(ROLE_ACCOUNTS.council!));
  const statement = async (options: { remark?: boolean; submitted?: boolean } = {}) => {
    const roundId = await reviewRound('open');
    const client = await chair();
    const started = await must<{ startStatement: { statement: { id: string } } }>(
      client,
      'mutation ($input: StartStatementInput!) { startStatement(input: $input) { statement { id } } }',
      { input: { roundId, bodyId: String(councilNord._id) } },
    );
    const statementId = started.startStatement.statement.id;
    let remarkId: string | null = null;
    if (options.remark) {
      const added = await must<{ addRemark: { remark: { id: string } } }>(
        client,
        'mutation ($input: AddRemarkInput!) { addRemark(input: $input) { remark { id } } }',
        { input: { statementId, itemIndex: 0, text: unique('Matrix-Anmerkung') } },
      );
      remarkId = added.addRemark.remark.id;
    }
    if (options.submitted) {
      await must(
        client,
        'mutation ($input: UpdateStatementInput!) { updateStatement(input: $input) { statement { id } } }',
        { input: { statementId, assessment: 'AGREE_WITH_REMARKS' } },
      );
      await must(
        client,
        'mutation ($id: ID!) { submitStatement(input: { statementId: $id }) { statement { id } } }',
        { id: statementId },
      );
    }
    return { statementId, documentId: roundDocuments.get(roundId) ?? '', remarkId };
  };
  // Starts the fixture threads: a speaker of the education group of the fixtures' own.
  const speaker = (
    await activate([{ groupId: groupId('education'), role: 'SPEAKER', sector: 'ADMINISTRATION' }])
  ).client;

  return {
    app,
    admin,
    groupId,
    councilNordId: String(councilNord._id),
    reviewBodyIds,
    versionLabel,
    async document(options = {}) {
      const field = options.field ?? 'education';
      const data = await must<{ createDocument: { document: { id: string } } }>(
        admin,
        'mutation ($input: CreateDocumentInput!) { createDocument(input: $input) { document { id } } }',
        {
          input: {
            groupId: groupId(field),
            kind: 'OTHER',
            title: options.title ?? unique('Matrix-Entwurf'),
          },
        },
      );
      const id = data.createDocument.document.id;
      const status = options.status ?? 'draft';
      if (status !== 'draft') {
        // Set directly: the way there (review, decision) is itself a row of the matrix.
        await app.app.deps.models.Document.updateOne(
          { _id: id },
          {
            $set: {
              status,
              sharedWithBodyIds:
                status === 'in-review' ? reviewBodyIds.map((b) => new Types.ObjectId(b)) : [],
              reviewDeadline:
                status === 'in-review' ? new Date(Date.now() + 14 * 86_400_000) : null,
            },
          },
        );
      }
      return id;
    },
    async thread(documentId, visibility, options = {}) {
      const data = await must<{ createComment: { thread: { id: string } } }>(
        speaker,
        'mutation ($input: CreateCommentInput!) { createComment(input: $input) { thread { id } } }',
        { input: { documentId, body: options.body ?? unique('Matrix-Kommentar'), visibility } },
      );
      const id = data.createComment.thread.id;
      if (options.resolved) {
        await must(
          speaker,
          'mutation ($id: ID!) { resolveComment(threadId: $id) { thread { id } } }',
          { id },
        );
      }
      return id;
    },
    async task(options = {}) {
      const data = await must<{ createTask: { task: { id: string } } }>(
        admin,
        'mutation ($input: CreateTaskInput!) { createTask(input: $input) { task { id } } }',
        {
          input: {
            actionFieldKey: options.field ?? 'education',
            title: options.title ?? unique('Matrix-Aufgabe'),
          },
        },
      );
      return data.createTask.task.id;
    },
    async milestone(field) {
      const data = await must<{ createMilestone: { milestone: { id: string } } }>(
        admin,
        'mutation ($input: CreateMilestoneInput!) { createMilestone(input: $input) { milestone { id } } }',
        {
          input: {
            title: unique('Matrix-Meilenstein'),
            date: '2030-01-01T00:00:00.000Z',
            actionFieldKey: field,
          },
        },
      );
      return data.createMilestone.milestone.id;
    },
    person,
    async invitationToken(options = {}) {
      const data = await must<{ createInvitation: { invitation: { link: string } } }>(
        admin,
        'mutation ($input: CreateInvitationInput!) { createInvitation(input: $input) { invitation { link } } }',
        {
          input: {
            email: options.email ?? `${unique('eingeladen')}@lip.example`,
            name: 'Matrix Eingeladen',
            systemRole: options.systemRole ?? 'MEMBER',
          },
        },
      );
      return data.createInvitation.invitation.link.split('/').at(-1) ?? '';
    },
    async notification(owner) {
      const email = (owner && ROLE_ACCOUNTS[owner]) ?? FIXTURE_ADMIN;
      const person = await app.app.deps.models.Person.findOne({ email }).lean();
      if (!person) throw new Error(`no account ${email}`);
      const id = new Types.ObjectId().toHexString();
      await app.app.deps.models.Notification.create({
        _id: id,
        personId: person._id,
        kind: 'mention',
        link: '/',
        subjectTitle: unique('Matrix-Benachrichtigung'),
      });
      return id;
    },
    async searchable(text) {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const found = await admin.gql<{ search: { total: number } }>(
          'query ($q: String!) { search(query: $q) { total } }',
          { q: text },
        );
        if ((found.data?.search.total ?? 0) > 0) return;
        if (Date.now() > deadline) throw new Error(`the search never found ${text}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async groupMember(field) {
      const { id } = await person();
      await must(
        admin,
        'mutation ($input: AddGroupMemberInput!) { addGroupMember(input: $input) { group { id } } }',
        {
          input: { groupId: groupId(field), personId: id, role: 'MEMBER', sector: 'CIVIL_SOCIETY' },
        },
      );
      return id;
    },
    async councilMember() {
      const { id } = await person();
      await must(
        admin,
        'mutation ($input: BodyMemberInput!) { addBodyMember(input: $input) { body { id } } }',
        {
          input: { bodyId: String(councilNord._id), personId: id },
        },
      );
      return id;
    },
    async measure(options = {}) {
      const data = await must<{ createMeasure: { measure: { id: string } } }>(
        admin,
        'mutation ($input: CreateMeasureInput!) { createMeasure(input: $input) { measure { id } } }',
        {
          input: {
            groupId: groupId(options.field ?? 'education'),
            title: unique('Matrix-Maßnahme'),
          },
        },
      );
      const id = data.createMeasure.measure.id;
      if (options.status === 'proposed' || options.status === 'accepted') {
        await must(
          admin,
          'mutation ($input: ChangeMeasureStatusInput!) { changeMeasureStatus(input: $input) { measure { id } } }',
          { input: { measureId: id, status: 'PROPOSED' } },
        );
      }
      if (options.status === 'accepted') {
        // Adoption is a steering decision on an evaluated review round (its own matrix rows);
        // here the measure is simply stored as adopted.
        await app.app.deps.models.Measure.updateOne(
          { _id: id },
          { $set: { status: 'accepted' }, $inc: { revision: 1 } },
        );
      }
      return id;
    },
    async deviceSession() {
      const { id } = await person();
      const data = await must<{ personalData: { sessions: { id: string }[] } }>(
        admin,
        'query ($id: ID) { personalData(personId: $id) { sessions { id } } }',
        { id },
      );
      const session = data.personalData.sessions[0];
      if (!session) throw new Error('the fresh person has no session');
      return session.id;
    },
    reviewRound,
    statement,
    async remark(response = 'none') {
      const { remarkId } = await statement({ remark: true, submitted: true });
      if (!remarkId) throw new Error('no remark');
      if (response !== 'none')
        await must(admin, SAVE_RESPONSE, { input: { remarkId, vote: 'NOTED' } });
      // The education group works with four eyes: its fixture speaker approves.
      if (response === 'approved') await must(speaker, APPROVE_RESPONSE, { id: remarkId });
      return remarkId;
    },
    async councilThread(documentId) {
      const data = await must<{ createComment: { thread: { id: string } } }>(
        await chair(),
        'mutation ($input: CreateCommentInput!) { createComment(input: $input) { thread { id } } }',
        { input: { documentId, body: unique('Matrix-Hinweis'), visibility: 'SHARED' } },
      );
      return data.createComment.thread.id;
    },
    async secondFactorSetupCode(role) {
      const email = ROLE_ACCOUNTS[role];
      if (!email) return '000000';
      const own = await app.signIn(email);
      const data = await must<{ startSecondFactorSetup: { secret: string } }>(
        own,
        START_SECOND_FACTOR,
        {},
      );
      return currentTotpCode(data.startSecondFactorSetup.secret);
    },
    async recoveryCode(role) {
      const [code] = newRecoveryCodes();
      const email = ROLE_ACCOUNTS[role];
      if (!code || !email) return code ?? '';
      await app.app.deps.models.SecondFactor.updateOne(
        { _id: await app.personId(email) },
        { $push: { recoveryCodeHashes: hashRecoveryCode(code) } },
      );
      return code;
    },
    async secondFactorSignIn() {
      const { email, client } = await activate();
      const started = await must<{ startSecondFactorSetup: { secret: string } }>(
        client,
        START_SECOND_FACTOR,
        {},
      );
      const confirmed = await must<{ confirmSecondFactorSetup: { recoveryCodes: string[] } }>(
        client,
        'mutation ($code: String!) { confirmSecondFactorSetup(input: { code: $code }) { recoveryCodes } }',
        { code: currentTotpCode(started.startSecondFactorSetup.secret) },
      );
      const signedIn = await must<{ signIn: { secondFactorChallenge: string | null } }>(
        app.anonymous(),
        'mutation ($input: SignInInput!) { signIn(input: $input) { secondFactorChallenge } }',
        { input: { email, password: MATRIX_PASSWORD } },
      );
      const challenge = signedIn.signIn.secondFactorChallenge;
      const code = confirmed.confirmSecondFactorSetup.recoveryCodes[0];
      if (!challenge || !code) throw new Error('no second-factor challenge');
      return { secondFactorChallenge: challenge, code };
    },
    async twin(role) {
      const source = ROLE_ACCOUNTS[role];
      if (source === null) return { client: app.anonymous(), email: null };
      const models = app.app.deps.models;
      const original = await models.Person.findOne({ email: source }).lean();
      if (!original) throw new Error(`no account for ${role}`);
      const email = `${unique(`zwilling-${role.toLowerCase()}`)}@lip.example`;
      const twinId = new Types.ObjectId();
      await models.Person.create({
        _id: twinId,
        name: `Zwilling ${original.name}`,
        email,
        passwordHash: await hashPassword(DEMO_PASSWORD),
        systemRole: original.systemRole,
        coordinatorScope: original.coordinatorScope,
        status: 'active',
      });
      const current = await models.Process.findOne({}).lean();
      if (!current) throw new Error('the seed has no process');
      const isOriginal = (id: unknown) => String(id) === String(original._id);
      await models.Process.updateOne(
        { _id: current._id },
        {
          $set: {
            groups: current.groups.map((g) => ({
              ...g,
              members: [
                ...g.members,
                ...g.members
                  .filter((m) => isOriginal(m.personId))
                  .map((m) => ({ ...m, personId: twinId })),
              ],
            })),
            bodies: current.bodies.map((b) => ({
              ...b,
              memberIds: b.memberIds.some(isOriginal) ? [...b.memberIds, twinId] : b.memberIds,
            })),
          },
        },
      );
      return { client: await app.signIn(email), email };
    },
    async decision() {
      const roundId = await reviewRound('evaluated');
      const data = await must<{ recordDecision: { decision: { id: string } } }>(
        admin,
        RECORD_DECISION,
        { input: { roundId, itemIndex: 0, decision: DECISION } },
      );
      return data.recordDecision.decision.id;
    },
    async paper() {
      const data = await must<{ paper: { id: string; revision: number } }>(
        admin,
        'query { paper { id revision } }',
        {},
      );
      return data.paper;
    },
    async close() {
      await new Promise<void>((resolve) => collab.server.close(() => resolve()));
    },
  };
}
