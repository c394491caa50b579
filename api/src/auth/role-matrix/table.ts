import type { TestClient } from '../../testing/test-app';
import type { MatrixFixtures } from './fixtures';
import { DECISION, MATRIX_PASSWORD } from './fixtures';
import { outcomes, visibility, type FieldOutcome, type MutationOutcome, type Role } from './roles';

/**
 * THE role × action table: for every mutation of the schema (one or more scenarios each) and
 * every field the policy hides, what each role gets. `role-matrix.test.ts` turns every cell into
 * a test against a real seeded API and fails when the schema has a mutation without a row here.
 *
 * To add a mutation: add a row with its query, an input builder that makes fresh records through
 * the fixtures, and `outcomes({...})` naming every role once. Most targets live in the education
 * field, where `speaker` and `member` work and `coordinatorLimited` (economy only) does not.
 *
 * A cell whose current behaviour is wrong keeps the right expectation and names the finding in
 * `knownViolations`; it runs as an expected failure until the fix lands, and then fails loudly
 * so the note is removed.
 */

/** A mutation scenario: the request, its input, and the outcome per role. */
export interface MutationRow {
  mutation: string;
  scenario: string;
  query: string;
  /**
   * Builds the variables for one role's attempt, on records made fresh for it; `actor` is the
   * account that acts when the row has its own (see `actor` below).
   */
  input: (
    fx: MatrixFixtures,
    role: Role,
    actor?: { email: string | null },
  ) => Promise<Record<string, unknown>>;
  /**
   * Who acts for the role when the role's demo account must not (the action uses the account
   * up): e.g. `fx.twin`. Default: the role's demo account.
   */
  actor?: (fx: MatrixFixtures, role: Role) => Promise<{ client: TestClient; email: string | null }>;
  expect: Record<Role, MutationOutcome>;
  knownViolations?: Partial<Record<Role, string>>;
  /** The mutation ends the acting session: the role signs in again afterwards. */
  endsSession?: boolean;
}

/** A field the policy hides from some roles. */
export interface FieldRow {
  /** `Type.field`, e.g. `Person.email`. */
  field: string;
  scenario: string;
  query: string;
  /**
   * Makes the data once for all roles; returns the variables and how to tell from an answer
   * whether the protected value reached the role.
   */
  prepare: (
    fx: MatrixFixtures,
  ) => Promise<{ variables: Record<string, unknown>; reveals: (data: unknown) => boolean }>;
  expect: Record<Role, FieldOutcome>;
  knownViolations?: Partial<Record<Role, string>>;
}

/** True when the answer contains the text anywhere (a title, an e-mail, a comment). */
export function containsText(text: string): (data: unknown) => boolean {
  return (data) => JSON.stringify(data ?? null).includes(text);
}

/** Every role that is signed in. */
const EVERY_SIGNED_IN: Role[] = [
  'admin',
  'coordinatorAll',
  'coordinatorLimited',
  'speaker',
  'member',
  'council',
  'steering',
  'observer',
];
/** Every signed-in role without a process-wide staff role (admin or coordinator). */
const NOT_STAFF: Role[] = ['speaker', 'member', 'council', 'steering', 'observer'];
/** Who sees an education draft: staff, observers and the education group. */
const EDUCATION_INSIDERS_FOR_MUTATIONS: Role[] = [
  'admin',
  'coordinatorAll',
  'coordinatorLimited',
  'speaker',
  'member',
  'observer',
];

/**
 * Mutations that no signed-in role is refused, by design, with the reason. Every other mutation
 * must have a signed-in role that may not (the matrix test fails otherwise), so a rule that
 * quietly opens up to everyone is seen.
 */
export const UNRESTRICTED_MUTATIONS: Readonly<Record<string, string>> = {
  ping: 'a reachability check, open to everyone',
  signIn: 'the way in: the credentials decide, not a role',
  signOut: 'ends the own session; a no-op when signed out',
  acceptInvitation: 'the one-time token decides, not a role',
  signOutEverywhere: "ends the person's own sessions",
  setLocale: "changes the person's own language",
  markAllNotificationsRead: "acts on the person's own notifications only",
  updateNotificationSettings: "changes the person's own e-mail settings",
  endSession: 'ends the own session; a no-op when signed out',
  startSecondFactorSetup: "starts setting up the person's own second factor",
  confirmSecondFactorSetup: "the person's own second factor; the current code decides",
  regenerateRecoveryCodes: "the person's own recovery codes; a current code decides",
  disableSecondFactor: "the person's own second factor; a current code decides",
  completeSignIn: 'the way in: the challenge of the password step and the code decide',
};

/** Runs a setup step as the fixtures' admin and fails the cell when it does not work. */
async function asAdmin(
  fx: MatrixFixtures,
  query: string,
  variables: Record<string, unknown>,
): Promise<void> {
  const result = await fx.admin.gql(query, variables);
  if (result.errors) throw new Error(`setup failed: ${JSON.stringify(result.errors)}`);
}

/** Every mutation of the schema, in one or more scenarios. */
export const MUTATIONS: MutationRow[] = [
  {
    mutation: 'ping',
    scenario: 'checks the API is reachable',
    query: 'mutation { ping }',
    input: async () => ({}),
    expect: outcomes({ allowed: [...EVERY_SIGNED_IN, 'signedOut'] }),
  },
  {
    mutation: 'signIn',
    scenario: "with another person's right credentials",
    query: 'mutation ($input: SignInInput!) { signIn(input: $input) { viewer { id } } }',
    input: async (fx) => ({
      input: { email: (await fx.person()).email, password: MATRIX_PASSWORD },
    }),
    expect: outcomes({ allowed: [...EVERY_SIGNED_IN, 'signedOut'] }),
    // The answer sets another session cookie on the client.
    endsSession: true,
  },
  {
    mutation: 'signOut',
    scenario: 'ends the current session (a no-op when signed out)',
    query: 'mutation { signOut }',
    input: async () => ({}),
    expect: outcomes({ allowed: [...EVERY_SIGNED_IN, 'signedOut'] }),
    endsSession: true,
  },
  {
    mutation: 'signOutEverywhere',
    scenario: 'ends every session of the person',
    query: 'mutation { signOutEverywhere }',
    input: async () => ({}),
    expect: outcomes({ allowed: EVERY_SIGNED_IN }),
    endsSession: true,
  },
  {
    mutation: 'createInvitation',
    scenario: 'invites a member without memberships',
    query:
      'mutation ($input: CreateInvitationInput!) { createInvitation(input: $input) { invitation { id } } }',
    input: async (_fx, role) => ({
      input: { email: `neu-${role}-${Date.now()}@lip.example`, name: 'Neue Person' },
    }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'coordinatorLimited'],
      forbidden: NOT_STAFF,
    }),
  },
  {
    mutation: 'createInvitation',
    scenario: 'invites an observer (who reads every field)',
    query:
      'mutation ($input: CreateInvitationInput!) { createInvitation(input: $input) { invitation { id } } }',
    input: async (_fx, role) => ({
      input: {
        email: `beobachtung-${role}-${Date.now()}@lip.example`,
        name: 'Neue Beobachtung',
        systemRole: 'OBSERVER',
      },
    }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll'],
      forbidden: ['coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    mutation: 'createInvitation',
    scenario: 'invites a coordinator',
    query:
      'mutation ($input: CreateInvitationInput!) { createInvitation(input: $input) { invitation { id } } }',
    input: async (_fx, role) => ({
      input: {
        email: `koord-${role}-${Date.now()}@lip.example`,
        name: 'Neue Koordination',
        systemRole: 'COORDINATOR',
      },
    }),
    expect: outcomes({
      allowed: ['admin'],
      forbidden: ['coordinatorAll', 'coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    mutation: 'createInvitation',
    scenario: 'invites into the education group',
    query:
      'mutation ($input: CreateInvitationInput!) { createInvitation(input: $input) { invitation { id } } }',
    input: async (fx, role) => ({
      input: {
        email: `gruppe-${role}-${Date.now()}@lip.example`,
        name: 'Neues Gruppenmitglied',
        groups: [{ groupId: fx.groupId('education'), role: 'MEMBER', sector: 'CIVIL_SOCIETY' }],
      },
    }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll'],
      forbidden: ['coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    mutation: 'createInvitation',
    scenario: 'invites into the council Nord',
    query:
      'mutation ($input: CreateInvitationInput!) { createInvitation(input: $input) { invitation { id } } }',
    input: async (fx, role) => ({
      input: {
        email: `beirat-${role}-${Date.now()}@lip.example`,
        name: 'Neues Beiratsmitglied',
        bodyIds: [fx.councilNordId],
      },
    }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll'],
      forbidden: ['coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    mutation: 'createInvitation',
    scenario: 'invites again, as a member, a pending person first invited as an admin',
    query:
      'mutation ($input: CreateInvitationInput!) { createInvitation(input: $input) { invitation { id } } }',
    input: async (fx, role) => {
      const email = `ausstehend-admin-${role}-${Date.now()}@lip.example`;
      await fx.invitationToken({ email, systemRole: 'ADMIN' });
      return { input: { email, name: 'Erneut Eingeladen' } };
    },
    // Finding 2: accepting the new link would make the person an admin.
    expect: outcomes({
      allowed: ['admin'],
      forbidden: ['coordinatorAll', 'coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    mutation: 'acceptInvitation',
    scenario: 'with the one-time token of a pending invitation',
    query:
      'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { viewer { id } } }',
    input: async (fx) => ({
      input: { token: await fx.invitationToken(), password: MATRIX_PASSWORD },
    }),
    expect: outcomes({ allowed: [...EVERY_SIGNED_IN, 'signedOut'] }),
    endsSession: true,
  },
  {
    mutation: 'setLocale',
    scenario: "changes the person's own language",
    query: 'mutation { setLocale(locale: DE) { id } }',
    input: async () => ({}),
    expect: outcomes({ allowed: EVERY_SIGNED_IN }),
  },
  {
    mutation: 'markNotificationRead',
    scenario: "marks the person's own notification read",
    query: 'mutation ($id: ID!) { markNotificationRead(id: $id) { notification { id } } }',
    input: async (fx, role) => ({ id: await fx.notification(role) }),
    expect: outcomes({ allowed: EVERY_SIGNED_IN }),
  },
  {
    mutation: 'markNotificationRead',
    scenario: "marks another person's notification read",
    query: 'mutation ($id: ID!) { markNotificationRead(id: $id) { notification { id } } }',
    input: async (fx) => ({ id: await fx.notification(null) }),
    expect: outcomes({ notFound: EVERY_SIGNED_IN }),
  },
  {
    mutation: 'markAllNotificationsRead',
    scenario: "marks all of the person's own notifications read",
    query: 'mutation { markAllNotificationsRead { markedCount } }',
    input: async () => ({}),
    expect: outcomes({ allowed: EVERY_SIGNED_IN }),
  },
  {
    mutation: 'updateNotificationSettings',
    scenario: "changes the person's own e-mail settings",
    query:
      'mutation ($input: UpdateNotificationSettingsInput!) { updateNotificationSettings(input: $input) { settings { email { kind mode } } } }',
    input: async () => ({ input: { email: [{ kind: 'MENTION', mode: 'DIGEST' }] } }),
    expect: outcomes({ allowed: EVERY_SIGNED_IN }),
  },
  {
    mutation: 'addBodyMember',
    scenario: 'adds a person to the council Nord',
    query: 'mutation ($input: BodyMemberInput!) { addBodyMember(input: $input) { body { id } } }',
    input: async (fx) => ({
      input: { bodyId: fx.councilNordId, personId: (await fx.person()).id },
    }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll'],
      forbidden: ['coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    mutation: 'removeBodyMember',
    scenario: 'removes a member of the council Nord',
    query:
      'mutation ($input: BodyMemberInput!) { removeBodyMember(input: $input) { body { id } } }',
    input: async (fx) => ({
      input: { bodyId: fx.councilNordId, personId: await fx.councilMember() },
    }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll'],
      forbidden: ['coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    mutation: 'createComment',
    scenario: 'starts a shared thread on an education draft in review',
    query:
      'mutation ($input: CreateCommentInput!) { createComment(input: $input) { thread { id } } }',
    input: async (fx) => ({
      input: {
        documentId: await fx.document({ status: 'in-review' }),
        body: 'Anmerkung',
        visibility: 'SHARED',
      },
    }),
    expect: outcomes({
      allowed: [
        'admin',
        'coordinatorAll',
        'coordinatorLimited',
        'speaker',
        'member',
        'council',
        'steering',
      ],
      forbidden: ['observer'],
    }),
  },
  {
    mutation: 'createComment',
    scenario: 'starts a group-internal thread on an education draft in review',
    query:
      'mutation ($input: CreateCommentInput!) { createComment(input: $input) { thread { id } } }',
    input: async (fx) => ({
      input: {
        documentId: await fx.document({ status: 'in-review' }),
        body: 'Intern',
        visibility: 'GROUP',
      },
    }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'coordinatorLimited', 'speaker', 'member'],
      forbidden: ['council', 'steering', 'observer'],
    }),
  },
  {
    mutation: 'createComment',
    scenario: 'comments on an education draft not shared with anyone',
    query:
      'mutation ($input: CreateCommentInput!) { createComment(input: $input) { thread { id } } }',
    input: async (fx) => ({ input: { documentId: await fx.document(), body: 'Anmerkung' } }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'coordinatorLimited', 'speaker', 'member'],
      notFound: ['council', 'steering'],
      forbidden: ['observer'],
    }),
  },
  {
    mutation: 'replyToComment',
    scenario: 'replies in a shared thread on a draft in review',
    query:
      'mutation ($input: ReplyToCommentInput!) { replyToComment(input: $input) { thread { id } } }',
    input: async (fx) => ({
      input: {
        threadId: await fx.thread(await fx.document({ status: 'in-review' }), 'SHARED'),
        body: 'Antwort',
      },
    }),
    expect: outcomes({
      allowed: [
        'admin',
        'coordinatorAll',
        'coordinatorLimited',
        'speaker',
        'member',
        'council',
        'steering',
      ],
      forbidden: ['observer'],
    }),
  },
  {
    mutation: 'replyToComment',
    scenario: 'replies in a group-internal thread on a draft in review',
    query:
      'mutation ($input: ReplyToCommentInput!) { replyToComment(input: $input) { thread { id } } }',
    input: async (fx) => ({
      input: {
        threadId: await fx.thread(await fx.document({ status: 'in-review' }), 'GROUP'),
        body: 'Antwort',
      },
    }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'coordinatorLimited', 'speaker', 'member'],
      notFound: ['council', 'steering'],
      forbidden: ['observer'],
    }),
  },
  {
    mutation: 'resolveComment',
    scenario: 'resolves a group-internal thread of another group member on a draft in review',
    query: 'mutation ($id: ID!) { resolveComment(threadId: $id) { thread { id } } }',
    input: async (fx) => ({
      id: await fx.thread(await fx.document({ status: 'in-review' }), 'GROUP'),
    }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'speaker', 'member'],
      forbidden: ['coordinatorLimited', 'observer'],
      notFound: ['council', 'steering'],
    }),
  },
  {
    mutation: 'reopenComment',
    scenario: 'reopens a resolved group-internal thread of another group member',
    query: 'mutation ($id: ID!) { reopenComment(threadId: $id) { thread { id } } }',
    input: async (fx) => ({
      id: await fx.thread(await fx.document({ status: 'in-review' }), 'GROUP', { resolved: true }),
    }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'speaker', 'member'],
      forbidden: ['coordinatorLimited', 'observer'],
      notFound: ['council', 'steering'],
    }),
  },
  {
    mutation: 'createDocument',
    scenario: 'creates a document in the education group',
    query:
      'mutation ($input: CreateDocumentInput!) { createDocument(input: $input) { document { id } } }',
    input: async (fx) => ({
      input: { groupId: fx.groupId('education'), kind: 'MEASURE_SHEET', title: 'Neue Maßnahme' },
    }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'speaker', 'member'],
      forbidden: ['coordinatorLimited', 'council', 'steering', 'observer'],
    }),
  },
  {
    mutation: 'createDocument',
    scenario: 'creates a document in the economy group (the limited scope)',
    query:
      'mutation ($input: CreateDocumentInput!) { createDocument(input: $input) { document { id } } }',
    input: async (fx) => ({
      input: { groupId: fx.groupId('economy'), kind: 'MEASURE_SHEET', title: 'Neue Maßnahme' },
    }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'coordinatorLimited'],
      forbidden: ['speaker', 'member', 'council', 'steering', 'observer'],
    }),
  },
  {
    mutation: 'updateDocument',
    scenario: 'renames an education draft',
    query:
      'mutation ($input: UpdateDocumentInput!) { updateDocument(input: $input) { document { id } } }',
    input: async (fx) => ({ input: { documentId: await fx.document(), title: 'Neuer Titel' } }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'speaker', 'member'],
      forbidden: ['coordinatorLimited', 'observer'],
      notFound: ['council', 'steering'],
    }),
  },
  {
    mutation: 'collabTicket',
    scenario: 'opens an education draft in the editor',
    query: 'mutation ($id: ID!) { collabTicket(documentId: $id) { ticket } }',
    input: async (fx) => ({ id: await fx.document() }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'coordinatorLimited', 'speaker', 'member', 'observer'],
      notFound: ['council', 'steering'],
    }),
  },
  {
    mutation: 'collabTicket',
    scenario: 'opens an education draft in review',
    query: 'mutation ($id: ID!) { collabTicket(documentId: $id) { ticket } }',
    input: async (fx) => ({ id: await fx.document({ status: 'in-review' }) }),
    expect: outcomes({ allowed: EVERY_SIGNED_IN }),
  },
  {
    mutation: 'addGroupMember',
    scenario: 'adds a person to the education group',
    query:
      'mutation ($input: AddGroupMemberInput!) { addGroupMember(input: $input) { group { id } } }',
    input: async (fx) => ({
      input: {
        groupId: fx.groupId('education'),
        personId: (await fx.person()).id,
        role: 'MEMBER',
        sector: 'CIVIL_SOCIETY',
      },
    }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll'],
      forbidden: ['coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    mutation: 'addGroupMember',
    scenario: 'adds a person to the economy group (the limited scope)',
    query:
      'mutation ($input: AddGroupMemberInput!) { addGroupMember(input: $input) { group { id } } }',
    input: async (fx) => ({
      input: {
        groupId: fx.groupId('economy'),
        personId: (await fx.person()).id,
        role: 'MEMBER',
        sector: 'CIVIL_SOCIETY',
      },
    }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'coordinatorLimited'],
      forbidden: NOT_STAFF,
    }),
  },
  {
    mutation: 'removeGroupMember',
    scenario: 'removes a member of the education group',
    query:
      'mutation ($input: RemoveGroupMemberInput!) { removeGroupMember(input: $input) { group { id } } }',
    input: async (fx) => ({
      input: { groupId: fx.groupId('education'), personId: await fx.groupMember('education') },
    }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll'],
      forbidden: ['coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    mutation: 'createMilestone',
    scenario: 'adds an education milestone',
    query:
      'mutation ($input: CreateMilestoneInput!) { createMilestone(input: $input) { milestone { id } } }',
    input: async () => ({
      input: { title: 'Matrix', date: '2030-01-01T00:00:00.000Z', actionFieldKey: 'education' },
    }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll'],
      forbidden: ['coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    mutation: 'createMilestone',
    scenario: 'adds an economy milestone (the limited scope)',
    query:
      'mutation ($input: CreateMilestoneInput!) { createMilestone(input: $input) { milestone { id } } }',
    input: async () => ({
      input: { title: 'Matrix', date: '2030-01-01T00:00:00.000Z', actionFieldKey: 'economy' },
    }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'coordinatorLimited'],
      forbidden: NOT_STAFF,
    }),
  },
  {
    mutation: 'createMilestone',
    scenario: 'adds a process-wide milestone',
    query:
      'mutation ($input: CreateMilestoneInput!) { createMilestone(input: $input) { milestone { id } } }',
    input: async () => ({ input: { title: 'Matrix', date: '2030-01-01T00:00:00.000Z' } }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll'],
      forbidden: ['coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    mutation: 'updateMilestone',
    scenario: 'marks an education milestone done',
    query:
      'mutation ($input: UpdateMilestoneInput!) { updateMilestone(input: $input) { milestone { id } } }',
    input: async (fx) => ({ input: { milestoneId: await fx.milestone('education'), done: true } }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll'],
      forbidden: ['coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    mutation: 'updatePerson',
    scenario: "changes another person's system role",
    query:
      'mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id } } }',
    input: async (fx) => ({ input: { personId: (await fx.person()).id, systemRole: 'OBSERVER' } }),
    expect: outcomes({
      allowed: ['admin'],
      forbidden: ['coordinatorAll', 'coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    mutation: 'createTask',
    scenario: 'creates an education task',
    query: 'mutation ($input: CreateTaskInput!) { createTask(input: $input) { task { id } } }',
    input: async () => ({ input: { actionFieldKey: 'education', title: 'Matrix-Aufgabe' } }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'speaker', 'member'],
      forbidden: ['coordinatorLimited', 'council', 'steering', 'observer'],
    }),
  },
  {
    mutation: 'createTask',
    scenario: 'creates an economy task (the limited scope)',
    query: 'mutation ($input: CreateTaskInput!) { createTask(input: $input) { task { id } } }',
    input: async () => ({ input: { actionFieldKey: 'economy', title: 'Matrix-Aufgabe' } }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'coordinatorLimited'],
      forbidden: ['speaker', 'member', 'council', 'steering', 'observer'],
    }),
  },
  {
    mutation: 'updateTask',
    scenario: 'renames an education task',
    query: 'mutation ($input: UpdateTaskInput!) { updateTask(input: $input) { task { id } } }',
    input: async (fx) => ({ input: { taskId: await fx.task(), title: 'Umbenannt' } }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'speaker', 'member'],
      forbidden: ['coordinatorLimited', 'observer'],
      notFound: ['council', 'steering'],
    }),
  },
  {
    mutation: 'moveTask',
    scenario: 'moves an education task to done',
    query: 'mutation ($input: MoveTaskInput!) { moveTask(input: $input) { task { id } } }',
    input: async (fx) => ({ input: { taskId: await fx.task(), status: 'DONE' } }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'speaker', 'member'],
      forbidden: ['coordinatorLimited', 'observer'],
      notFound: ['council', 'steering'],
    }),
  },
  {
    mutation: 'assignTask',
    scenario: 'assigns an education task to nobody',
    query: 'mutation ($input: AssignTaskInput!) { assignTask(input: $input) { task { id } } }',
    input: async (fx) => ({ input: { taskId: await fx.task(), assigneeIds: [] } }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'speaker', 'member'],
      forbidden: ['coordinatorLimited', 'observer'],
      notFound: ['council', 'steering'],
    }),
  },
  {
    mutation: 'deleteTask',
    scenario: 'deletes an education task',
    query: 'mutation ($id: ID!) { deleteTask(taskId: $id) { deletedTaskId } }',
    input: async (fx) => ({ id: await fx.task() }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'speaker'],
      forbidden: ['coordinatorLimited', 'member', 'observer'],
      notFound: ['council', 'steering'],
    }),
  },
  {
    mutation: 'restoreTask',
    scenario: 'brings back an education task deleted a moment ago',
    query: 'mutation ($id: ID!) { restoreTask(taskId: $id) { task { id } } }',
    input: async (fx) => {
      const id = await fx.task();
      await asAdmin(fx, 'mutation ($id: ID!) { deleteTask(taskId: $id) { deletedTaskId } }', {
        id,
      });
      return { id };
    },
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'speaker'],
      forbidden: ['coordinatorLimited', 'member', 'observer'],
      notFound: ['council', 'steering'],
    }),
  },
  {
    mutation: 'deleteMilestone',
    scenario: 'deletes an education milestone',
    query: 'mutation ($id: ID!) { deleteMilestone(milestoneId: $id) { __typename } }',
    input: async (fx) => ({ id: await fx.milestone('education') }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll'],
      forbidden: ['coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    mutation: 'deactivatePerson',
    scenario: 'stops another person from signing in',
    query: 'mutation ($id: ID!) { deactivatePerson(personId: $id) { __typename } }',
    input: async (fx) => ({ id: (await fx.person()).id }),
    expect: outcomes({
      allowed: ['admin'],
      forbidden: ['coordinatorAll', 'coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    mutation: 'reactivatePerson',
    scenario: 'lets a deactivated person sign in again',
    query: 'mutation ($id: ID!) { reactivatePerson(personId: $id) { __typename } }',
    input: async (fx) => {
      const { id } = await fx.person();
      await asAdmin(fx, 'mutation ($id: ID!) { deactivatePerson(personId: $id) { __typename } }', {
        id,
      });
      return { id };
    },
    expect: outcomes({
      allowed: ['admin'],
      forbidden: ['coordinatorAll', 'coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    mutation: 'markDocumentSeen',
    scenario: 'records that the viewer opened an education draft',
    query: 'mutation ($id: ID!) { markDocumentSeen(documentId: $id) { __typename } }',
    input: async (fx) => ({ id: await fx.document() }),
    expect: outcomes({
      allowed: EDUCATION_INSIDERS_FOR_MUTATIONS,
      notFound: ['council', 'steering'],
    }),
  },
  {
    mutation: 'createDocumentVersion',
    scenario: 'saves a named version of an education draft',
    query:
      'mutation ($input: CreateDocumentVersionInput!) { createDocumentVersion(input: $input) { version { id } } }',
    input: async (fx) => ({ input: { documentId: await fx.document(), label: 'Stand' } }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'speaker', 'member'],
      forbidden: ['coordinatorLimited', 'observer'],
      notFound: ['council', 'steering'],
    }),
  },
  {
    mutation: 'restoreDocumentVersion',
    scenario: 'restores a version of an education draft',
    query:
      'mutation ($input: RestoreDocumentVersionInput!) { restoreDocumentVersion(input: $input) { version { id } } }',
    input: async (fx) => ({
      input: { documentId: await fx.document(), versionId: '0123456789abcdef01234567' },
    }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'speaker', 'member'],
      forbidden: ['coordinatorLimited', 'observer'],
      notFound: ['council', 'steering'],
    }),
  },
  {
    mutation: 'createMeasure',
    scenario: 'creates a measure in the education group',
    query:
      'mutation ($input: CreateMeasureInput!) { createMeasure(input: $input) { measure { id } } }',
    input: async (fx) => ({
      input: { groupId: fx.groupId('education'), title: `Maßnahme ${Date.now()}` },
    }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'speaker', 'member'],
      forbidden: ['coordinatorLimited', 'council', 'steering', 'observer'],
    }),
  },
  {
    mutation: 'updateMeasure',
    scenario: 'changes the goal of an education measure in draft',
    query:
      'mutation ($input: UpdateMeasureInput!) { updateMeasure(input: $input) { measure { id } } }',
    input: async (fx) => ({
      input: { measureId: await fx.measure(), revision: 0, goal: 'Neues Ziel' },
    }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'speaker', 'member'],
      forbidden: ['coordinatorLimited', 'observer'],
      notFound: ['council', 'steering'],
    }),
  },
  {
    mutation: 'updateMeasure',
    scenario: 'corrects an adopted education measure',
    query:
      'mutation ($input: UpdateMeasureInput!) { updateMeasure(input: $input) { measure { id } } }',
    input: async (fx) => ({
      input: {
        measureId: await fx.measure({ status: 'accepted' }),
        revision: 2,
        goal: 'Berichtigtes Ziel',
      },
    }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll'],
      forbidden: ['coordinatorLimited', 'speaker', 'member', 'council', 'steering', 'observer'],
    }),
  },
  {
    mutation: 'changeMeasureStatus',
    scenario: 'proposes an education measure to the steering group',
    query:
      'mutation ($input: ChangeMeasureStatusInput!) { changeMeasureStatus(input: $input) { measure { id } } }',
    input: async (fx) => ({ input: { measureId: await fx.measure(), status: 'PROPOSED' } }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'speaker'],
      forbidden: ['coordinatorLimited', 'member', 'observer'],
      notFound: ['council', 'steering'],
    }),
  },
  {
    mutation: 'changeMeasureStatus',
    // Adoption itself is the steering group's decision (recordDecision), never a status change.
    scenario: 'starts implementing an adopted education measure',
    query:
      'mutation ($input: ChangeMeasureStatusInput!) { changeMeasureStatus(input: $input) { measure { id } } }',
    input: async (fx) => ({
      input: { measureId: await fx.measure({ status: 'accepted' }), status: 'IN_PROGRESS' },
    }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'speaker', 'member'],
      forbidden: ['coordinatorLimited', 'council', 'steering', 'observer'],
    }),
  },
  {
    mutation: 'addMeasureProgress',
    scenario: 'reports progress on an adopted education measure',
    query:
      'mutation ($input: AddMeasureProgressInput!) { addMeasureProgress(input: $input) { measure { id } } }',
    input: async (fx) => ({
      input: {
        measureId: await fx.measure({ status: 'accepted' }),
        date: '2027-02-01T00:00:00Z',
        note: 'Erste Schritte.',
      },
    }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'speaker', 'member'],
      forbidden: ['coordinatorLimited', 'council', 'steering', 'observer'],
    }),
  },
  {
    mutation: 'updatePaper',
    scenario: 'renames the integration plan',
    query: 'mutation ($input: UpdatePaperInput!) { updatePaper(input: $input) { paper { id } } }',
    input: async (fx) => {
      const paper = await fx.paper();
      return {
        input: { paperId: paper.id, revision: paper.revision, title: 'Lokaler Integrationsplan' },
      };
    },
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll'],
      forbidden: ['coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    mutation: 'createPaperEdition',
    scenario: 'freezes an edition of the integration plan',
    query:
      'mutation ($input: CreatePaperEditionInput!) { createPaperEdition(input: $input) { __typename } }',
    input: async (fx, role) => ({
      input: { paperId: (await fx.paper()).id, name: `Fassung ${role} ${Date.now()}` },
    }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll'],
      forbidden: ['coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    mutation: 'requestExport',
    scenario: 'exports an education draft not shared with anyone',
    query: 'mutation ($input: RequestExportInput!) { requestExport(input: $input) { job { id } } }',
    input: async (fx) => ({
      input: { target: { kind: 'DOCUMENT', documentId: await fx.document() }, format: 'MARKDOWN' },
    }),
    expect: outcomes({
      allowed: EDUCATION_INSIDERS_FOR_MUTATIONS,
      notFound: ['council', 'steering'],
    }),
  },
  {
    mutation: 'endDeviceSession',
    scenario: 'ends a signed-in device of another person',
    query: 'mutation ($id: ID!) { endDeviceSession(input: { sessionId: $id }) }',
    input: async (fx) => ({ id: await fx.deviceSession() }),
    expect: outcomes({
      allowed: ['admin'],
      notFound: ['coordinatorAll', 'coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    mutation: 'deleteAccount',
    scenario: "deletes another person's account",
    query:
      'mutation ($input: DeleteAccountInput!) { deleteAccount(input: $input) { deletedPersonId } }',
    input: async (fx) => {
      const other = await fx.person();
      return { input: { personId: other.id, confirmEmail: other.email } };
    },
    expect: outcomes({
      allowed: ['admin'],
      forbidden: ['coordinatorAll', 'coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    mutation: 'deleteAccount',
    scenario: "deletes the person's own account (a fresh account with the role's standing)",
    query:
      'mutation ($input: DeleteAccountInput!) { deleteAccount(input: $input) { deletedPersonId } }',
    actor: (fx, role) => fx.twin(role),
    input: async (_fx, _role, actor) => ({
      input: { confirmEmail: actor?.email ?? 'niemand@lip.example' },
    }),
    expect: outcomes({ allowed: EVERY_SIGNED_IN }),
  },
  {
    mutation: 'resetSecondFactor',
    scenario: "resets another person's lost second factor",
    query: 'mutation ($input: ResetSecondFactorInput!) { resetSecondFactor(input: $input) { id } }',
    input: async (fx) => ({ input: { personId: (await fx.person()).id } }),
    expect: outcomes({
      allowed: ['admin'],
      forbidden: ['coordinatorAll', 'coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    mutation: 'setPasswordSignInForCityAccounts',
    scenario: 'allows password sign-in for people linked to a city account',
    query: 'mutation { setPasswordSignInForCityAccounts(enabled: true) { __typename } }',
    input: async () => ({}),
    expect: outcomes({
      allowed: ['admin'],
      forbidden: ['coordinatorAll', 'coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    mutation: 'endSession',
    scenario: 'ends the current session (a no-op when signed out)',
    query: 'mutation { endSession { signedOut } }',
    input: async () => ({}),
    expect: outcomes({ allowed: [...EVERY_SIGNED_IN, 'signedOut'] }),
    endsSession: true,
  },
  {
    mutation: 'startSecondFactorSetup',
    scenario: "starts setting up the person's own second factor",
    query: 'mutation { startSecondFactorSetup { uri } }',
    input: async () => ({}),
    expect: outcomes({ allowed: EVERY_SIGNED_IN }),
  },
  {
    mutation: 'createReviewRound',
    scenario: 'creates a round on an education draft for the council Nord',
    query:
      'mutation ($input: CreateReviewRoundInput!) { createReviewRound(input: $input) { round { id } } }',
    input: async (fx) => ({
      input: {
        title: 'Matrix-Runde',
        documentIds: [await fx.document()],
        bodyIds: [fx.councilNordId],
        deadline: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      },
    }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll'],
      forbidden: ['coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    // A draft round is not shown to the bodies yet.
    mutation: 'updateReviewRound',
    scenario: 'renames a draft round on an education draft',
    query:
      'mutation ($input: UpdateReviewRoundInput!) { updateReviewRound(input: $input) { round { id } } }',
    input: async (fx) => ({ input: { roundId: await fx.reviewRound(), title: 'Umbenannt' } }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll'],
      forbidden: ['coordinatorLimited', 'speaker', 'member', 'steering', 'observer'],
      notFound: ['council'],
    }),
  },
  {
    mutation: 'openReviewRound',
    scenario: 'opens a draft round on an education draft',
    query: 'mutation ($id: ID!) { openReviewRound(roundId: $id) { round { id } } }',
    input: async (fx) => ({ id: await fx.reviewRound() }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll'],
      forbidden: ['coordinatorLimited', 'speaker', 'member', 'steering', 'observer'],
      notFound: ['council'],
    }),
  },
  {
    mutation: 'closeReviewRound',
    scenario: 'closes an open round on an education draft',
    query: 'mutation ($id: ID!) { closeReviewRound(roundId: $id) { round { id } } }',
    input: async (fx) => ({ id: await fx.reviewRound('open') }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll'],
      forbidden: ['coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    mutation: 'evaluateReviewRound',
    scenario: 'evaluates a closed round on an education draft',
    query: 'mutation ($id: ID!) { evaluateReviewRound(roundId: $id) { round { id } } }',
    input: async (fx) => ({ id: await fx.reviewRound('closed') }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll'],
      forbidden: ['coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    mutation: 'cancelReviewRound',
    scenario: 'cancels an open round on an education draft',
    query:
      'mutation ($input: CancelReviewRoundInput!) { cancelReviewRound(input: $input) { round { id } } }',
    input: async (fx) => ({ input: { roundId: await fx.reviewRound('open'), reason: 'Abgesagt' } }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll'],
      forbidden: ['coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    mutation: 'startStatement',
    scenario: "starts the council Nord's statement in an open round",
    query:
      'mutation ($input: StartStatementInput!) { startStatement(input: $input) { statement { id } } }',
    input: async (fx) => ({
      input: { roundId: await fx.reviewRound('open'), bodyId: fx.councilNordId },
    }),
    expect: outcomes({
      allowed: ['council'],
      forbidden: [
        'admin',
        'coordinatorAll',
        'coordinatorLimited',
        'speaker',
        'member',
        'steering',
        'observer',
      ],
    }),
  },
  {
    // A draft statement is the body's own: admins see it (and may not write it), nobody else does.
    mutation: 'updateStatement',
    scenario: "sets the assessment of the council Nord's draft statement",
    query:
      'mutation ($input: UpdateStatementInput!) { updateStatement(input: $input) { statement { id } } }',
    input: async (fx) => ({
      input: { statementId: (await fx.statement()).statementId, assessment: 'AGREE' },
    }),
    expect: outcomes({
      allowed: ['council'],
      forbidden: ['admin'],
      notFound: [
        'coordinatorAll',
        'coordinatorLimited',
        'speaker',
        'member',
        'steering',
        'observer',
      ],
    }),
  },
  {
    mutation: 'submitStatement',
    scenario: "submits the council Nord's statement (its chair)",
    query:
      'mutation ($id: ID!) { submitStatement(input: { statementId: $id }) { statement { id } } }',
    input: async (fx) => {
      const { statementId } = await fx.statement();
      await fx.app.app.deps.models.Statement.updateOne(
        { _id: statementId },
        { $set: { assessment: 'agree' } },
      );
      return { id: statementId };
    },
    expect: outcomes({
      allowed: ['council'],
      forbidden: ['admin'],
      notFound: [
        'coordinatorAll',
        'coordinatorLimited',
        'speaker',
        'member',
        'steering',
        'observer',
      ],
    }),
  },
  {
    mutation: 'withdrawStatement',
    scenario: "withdraws the council Nord's submitted statement in an open round",
    query:
      'mutation ($id: ID!) { withdrawStatement(input: { statementId: $id }) { statement { id } } }',
    input: async (fx) => ({ id: (await fx.statement({ submitted: true })).statementId }),
    expect: outcomes({
      allowed: ['council'],
      forbidden: [
        'admin',
        'coordinatorAll',
        'coordinatorLimited',
        'speaker',
        'member',
        'steering',
        'observer',
      ],
    }),
  },
  {
    mutation: 'addRemark',
    scenario: "adds a remark to the council Nord's draft statement",
    query: 'mutation ($input: AddRemarkInput!) { addRemark(input: $input) { remark { id } } }',
    input: async (fx) => ({
      input: { statementId: (await fx.statement()).statementId, itemIndex: 0, text: 'Anmerkung' },
    }),
    expect: outcomes({
      allowed: ['council'],
      forbidden: ['admin'],
      notFound: [
        'coordinatorAll',
        'coordinatorLimited',
        'speaker',
        'member',
        'steering',
        'observer',
      ],
    }),
  },
  {
    mutation: 'updateRemark',
    scenario: "rewords a remark of the council Nord's draft statement",
    query:
      'mutation ($input: UpdateRemarkInput!) { updateRemark(input: $input) { remark { id } } }',
    input: async (fx) => ({
      input: { remarkId: (await fx.statement({ remark: true })).remarkId, text: 'Neu' },
    }),
    expect: outcomes({
      allowed: ['council'],
      forbidden: ['admin'],
      notFound: [
        'coordinatorAll',
        'coordinatorLimited',
        'speaker',
        'member',
        'steering',
        'observer',
      ],
    }),
  },
  {
    mutation: 'deleteRemark',
    scenario: "deletes a remark of the council Nord's draft statement",
    query: 'mutation ($id: ID!) { deleteRemark(remarkId: $id) { deletedRemarkId } }',
    input: async (fx) => ({ id: (await fx.statement({ remark: true })).remarkId }),
    expect: outcomes({
      allowed: ['council'],
      forbidden: ['admin'],
      notFound: [
        'coordinatorAll',
        'coordinatorLimited',
        'speaker',
        'member',
        'steering',
        'observer',
      ],
    }),
  },
  {
    mutation: 'addRemarkFromComment',
    scenario: "takes the council's comment on the reviewed draft over into its statement",
    query:
      'mutation ($input: AddRemarkFromCommentInput!) { addRemarkFromComment(input: $input) { remark { id } } }',
    input: async (fx) => {
      const { statementId, documentId } = await fx.statement();
      return { input: { statementId, threadId: await fx.councilThread(documentId) } };
    },
    expect: outcomes({
      allowed: ['council'],
      forbidden: ['admin'],
      notFound: [
        'coordinatorAll',
        'coordinatorLimited',
        'speaker',
        'member',
        'steering',
        'observer',
      ],
    }),
  },
  {
    mutation: 'saveResponse',
    scenario: "drafts the education group's response to a remark",
    query:
      'mutation ($input: SaveResponseInput!) { saveResponse(input: $input) { remark { id } } }',
    input: async (fx) => ({ input: { remarkId: await fx.remark(), vote: 'NOTED' } }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'speaker', 'member'],
      forbidden: ['coordinatorLimited', 'council', 'steering', 'observer'],
    }),
  },
  {
    mutation: 'approveResponse',
    scenario: "approves the education group's drafted response",
    query: 'mutation ($id: ID!) { approveResponse(input: { remarkId: $id }) { remark { id } } }',
    input: async (fx) => ({ id: await fx.remark('draft') }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'speaker'],
      forbidden: ['coordinatorLimited', 'member', 'council', 'steering', 'observer'],
    }),
  },
  {
    mutation: 'sendBackResponse',
    scenario: "sends the education group's approved response back",
    query:
      'mutation ($id: ID!) { sendBackResponse(input: { remarkId: $id, note: "Bitte prüfen" }) { remark { id } } }',
    input: async (fx) => ({ id: await fx.remark('approved') }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'speaker'],
      forbidden: ['coordinatorLimited', 'member', 'council', 'steering', 'observer'],
    }),
  },
  {
    mutation: 'createTaskFromRemark',
    scenario: 'makes an education task of a remark',
    query:
      'mutation ($input: CreateTaskFromRemarkInput!) { createTaskFromRemark(input: $input) { task { id } } }',
    input: async (fx) => ({ input: { remarkId: await fx.remark() } }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll', 'speaker', 'member'],
      forbidden: ['coordinatorLimited', 'council', 'steering', 'observer'],
    }),
  },
  {
    mutation: 'recordDecision',
    scenario: "records the steering decision on an evaluated round's education item",
    query:
      'mutation ($input: RecordDecisionInput!) { recordDecision(input: $input) { decision { id } } }',
    input: async (fx) => ({
      input: { roundId: await fx.reviewRound('evaluated'), itemIndex: 0, decision: DECISION },
    }),
    expect: outcomes({
      allowed: ['admin', 'steering'],
      forbidden: [
        'coordinatorAll',
        'coordinatorLimited',
        'speaker',
        'member',
        'council',
        'observer',
      ],
    }),
  },
  {
    mutation: 'correctDecision',
    scenario: 'corrects a decision somebody else recorded',
    query:
      'mutation ($input: CorrectDecisionInput!) { correctDecision(input: $input) { decision { id } } }',
    input: async (fx) => ({ input: { decisionId: await fx.decision(), decision: DECISION } }),
    expect: outcomes({
      allowed: ['admin'],
      forbidden: [
        'coordinatorAll',
        'coordinatorLimited',
        'speaker',
        'member',
        'council',
        'steering',
        'observer',
      ],
    }),
  },
  {
    mutation: 'setGroupReviewSettings',
    scenario: 'keeps the four-eyes rule of the education group on',
    query:
      'mutation ($input: SetGroupReviewSettingsInput!) { setGroupReviewSettings(input: $input) { __typename } }',
    input: async (fx) => ({ input: { groupId: fx.groupId('education'), fourEyes: true } }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll'],
      forbidden: ['coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    mutation: 'setBodyChairs',
    scenario: 'keeps the chair of the council Nord',
    query: 'mutation ($input: SetBodyChairsInput!) { setBodyChairs(input: $input) { __typename } }',
    input: async (fx) => ({
      input: {
        bodyId: fx.councilNordId,
        personIds: [await fx.app.personId('beirat-nord@lip.example')],
      },
    }),
    expect: outcomes({
      allowed: ['admin', 'coordinatorAll'],
      forbidden: ['coordinatorLimited', ...NOT_STAFF],
    }),
  },
  // The role's own second factor: set up, new recovery codes, and off again, in this order, so
  // every account ends the matrix as it began.
  {
    mutation: 'confirmSecondFactorSetup',
    scenario: "confirms the setup of the person's own second factor",
    query:
      'mutation ($code: String!) { confirmSecondFactorSetup(input: { code: $code }) { recoveryCodes } }',
    input: async (fx, role) => ({ code: await fx.secondFactorSetupCode(role) }),
    expect: outcomes({ allowed: EVERY_SIGNED_IN }),
  },
  {
    mutation: 'regenerateRecoveryCodes',
    scenario: "replaces the recovery codes of the person's own second factor",
    query: 'mutation ($code: String!) { regenerateRecoveryCodes(input: { code: $code }) }',
    input: async (fx, role) => ({ code: await fx.recoveryCode(role) }),
    expect: outcomes({ allowed: EVERY_SIGNED_IN }),
  },
  {
    mutation: 'disableSecondFactor',
    scenario: "turns the person's own second factor off",
    query: 'mutation ($code: String!) { disableSecondFactor(input: { code: $code }) { id } }',
    input: async (fx, role) => ({ code: await fx.recoveryCode(role) }),
    expect: outcomes({ allowed: EVERY_SIGNED_IN }),
  },
  {
    mutation: 'completeSignIn',
    scenario: 'completes the sign-in of a person with a second factor, with a recovery code',
    query:
      'mutation ($input: CompleteSignInInput!) { completeSignIn(input: $input) { viewer { id } } }',
    input: async (fx) => ({ input: await fx.secondFactorSignIn() }),
    expect: outcomes({ allowed: [...EVERY_SIGNED_IN, 'signedOut'] }),
    // The answer sets another session cookie on the client.
    endsSession: true,
  },
];

/** People managers see the personal details of others; everybody else sees the directory only. */
const PEOPLE_MANAGERS: Role[] = ['admin', 'coordinatorAll', 'coordinatorLimited'];
/** Insiders of the education field: staff, observers and its group. */
const EDUCATION_INSIDERS: Role[] = [
  'admin',
  'coordinatorAll',
  'coordinatorLimited',
  'speaker',
  'member',
  'observer',
];

const SEARCH =
  'query ($q: String!) { search(query: $q, first: 50) { hits { title snippet { text } } } }';

/** A word nothing else in the workspace contains, so a search finds exactly the new record. */
function searchWord(): string {
  const letters = Array.from({ length: 8 }, () =>
    String.fromCharCode(97 + Math.floor(Math.random() * 26)),
  ).join('');
  return `Matrixwort${letters}`;
}

/** Another person's detail, read through `person(id)`. */
function personDetail(
  field: string,
  selection: string,
  value: (person: { id: string; email: string }) => string,
): FieldRow {
  return {
    field: `Person.${field}`,
    scenario: "of another person, by the person's id",
    query: `query ($id: ID!) { person(id: $id) { id name ${selection} } }`,
    async prepare(fx) {
      const person = await fx.person();
      return { variables: { id: person.id }, reveals: containsText(value(person)) };
    },
    expect: visibility({
      visible: PEOPLE_MANAGERS,
      hidden: ['speaker', 'member', 'council', 'steering', 'observer'],
    }),
  };
}

/**
 * The Person fields everyone signed in may read: the shared directory. A new Person field must
 * be added here or get a row in {@link FIELDS}, or the matrix test fails.
 */
export const PERSON_DIRECTORY_FIELDS = [
  'id',
  'name',
  'organisation',
  'groupMemberships',
  // Invited people show as pending members of their groups, like members do.
  'pendingGroupMemberships',
  'bodies',
];

/** Every field the policy hides from some roles. */
export const FIELDS: FieldRow[] = [
  personDetail('email', 'email', (p) => p.email),
  personDetail('systemRole', 'systemRole', () => '"systemRole":"MEMBER"'),
  personDetail('status', 'status', () => '"status":"ACTIVE"'),
  personDetail('locale', 'locale', () => '"locale":"DE"'),
  personDetail('signInMethods', 'signInMethods { password }', () => '"password":true'),
  {
    field: 'Query.personalData',
    scenario: 'everything held about another person (Meine Daten of someone else)',
    query: 'query ($id: ID) { personalData(personId: $id) { person { email } } }',
    async prepare(fx) {
      const person = await fx.person();
      return { variables: { id: person.id }, reveals: containsText(person.email) };
    },
    expect: visibility({
      visible: ['admin'],
      hidden: ['coordinatorAll', 'coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    field: 'Query.auditEntries',
    scenario: "the audit trail of a reset of another person's second factor",
    query: 'query ($id: ID) { auditEntries(subjectId: $id) { id } }',
    async prepare(fx) {
      const { id } = await fx.person();
      const reset = await fx.admin.gql(
        'mutation ($id: ID!) { resetSecondFactor(input: { personId: $id }) { id } }',
        { id },
      );
      if (reset.errors) throw new Error(`setup failed: ${JSON.stringify(reset.errors)}`);
      return {
        variables: { id },
        reveals: (data) =>
          ((data as { auditEntries?: unknown[] } | null)?.auditEntries?.length ?? 0) > 0,
      };
    },
    expect: visibility({
      visible: ['admin'],
      hidden: ['coordinatorAll', 'coordinatorLimited', ...NOT_STAFF],
    }),
  },
  {
    field: 'Person.coordinatorScope',
    scenario: 'of the limited-scope coordinator',
    query:
      'query ($id: ID!) { person(id: $id) { id coordinatorScope { allActionFields actionFieldKeys } } }',
    async prepare(fx) {
      const person = await fx.app.app.deps.models.Person.findOne({
        email: 'koordination-wirtschaft@lip.example',
      }).lean();
      return { variables: { id: String(person?._id) }, reveals: containsText('"economy"') };
    },
    // Managers see it; the coordinator sees their own scope.
    expect: visibility({
      visible: PEOPLE_MANAGERS,
      hidden: ['speaker', 'member', 'council', 'steering', 'observer'],
    }),
  },
  {
    field: 'Person.email',
    scenario: 'found by searching the directory for part of the address',
    query: 'query ($search: String!) { people(filter: { search: $search }) { id name } }',
    async prepare(fx) {
      const person = await fx.person();
      // The local part of the address never appears in the name ("Matrix Person").
      return {
        variables: { search: person.email.split('@')[0] },
        reveals: containsText(person.id),
      };
    },
    expect: visibility({
      visible: PEOPLE_MANAGERS,
      hidden: ['speaker', 'member', 'council', 'steering', 'observer'],
    }),
  },
  {
    field: 'Person.email',
    scenario: 'of the viewer themselves',
    query: 'query { viewer { person { email } } }',
    async prepare() {
      return { variables: {}, reveals: containsText('@lip.example') };
    },
    expect: visibility({
      visible: [
        'admin',
        'coordinatorAll',
        'coordinatorLimited',
        'speaker',
        'member',
        'council',
        'steering',
        'observer',
      ],
    }),
  },
  {
    field: 'Query.comments',
    scenario: 'a group-internal thread on a draft in review',
    query: 'query ($id: ID!) { comments(documentId: $id) { id comments { body } } }',
    async prepare(fx) {
      const documentId = await fx.document({ status: 'in-review' });
      const secret = `Intern-${Date.now()}`;
      await fx.thread(documentId, 'GROUP', { body: secret });
      return { variables: { id: documentId }, reveals: containsText(secret) };
    },
    expect: visibility({ visible: EDUCATION_INSIDERS, hidden: ['council', 'steering'] }),
  },
  {
    field: 'Document.commentCount',
    scenario: 'counts a group-internal thread on a draft in review',
    query: 'query ($id: ID!) { document(id: $id) { id commentCount } }',
    async prepare(fx) {
      const documentId = await fx.document({ status: 'in-review' });
      await fx.thread(documentId, 'GROUP');
      await fx.thread(documentId, 'SHARED');
      return { variables: { id: documentId }, reveals: containsText('"commentCount":2') };
    },
    expect: visibility({ visible: EDUCATION_INSIDERS, hidden: ['council', 'steering'] }),
  },
  {
    field: 'Query.document',
    scenario: 'an education draft not shared with anyone',
    query: 'query ($id: ID!) { document(id: $id) { id title } }',
    async prepare(fx) {
      const title = `Geheimer Entwurf ${Date.now()}`;
      return { variables: { id: await fx.document({ title }) }, reveals: containsText(title) };
    },
    expect: visibility({ visible: EDUCATION_INSIDERS, hidden: ['council', 'steering'] }),
  },
  {
    field: 'Query.documents',
    scenario: 'lists an education draft not shared with anyone',
    query: 'query { documents(actionFieldKey: "education") { id title } }',
    async prepare(fx) {
      const title = `Geheimer Entwurf ${Date.now()}`;
      await fx.document({ title });
      return { variables: {}, reveals: containsText(title) };
    },
    expect: visibility({ visible: EDUCATION_INSIDERS, hidden: ['council', 'steering'] }),
  },
  {
    field: 'ActionField.documents',
    scenario: "lists an education draft not shared with anyone on the field's page",
    query: 'query { actionField(key: "education") { key documents { id title } } }',
    async prepare(fx) {
      const title = `Geheimer Entwurf ${Date.now()}`;
      await fx.document({ title });
      return { variables: {}, reveals: containsText(title) };
    },
    expect: visibility({ visible: EDUCATION_INSIDERS, hidden: ['council', 'steering'] }),
  },
  {
    field: 'Dashboard.recentActivity',
    scenario: 'shows the creation of an education draft not shared with anyone',
    query: 'query { dashboard { recentActivity { subjectTitle } } }',
    async prepare(fx) {
      const title = `Geheimer Entwurf ${Date.now()}`;
      await fx.document({ title });
      return { variables: {}, reveals: containsText(title) };
    },
    expect: visibility({ visible: EDUCATION_INSIDERS, hidden: ['council', 'steering'] }),
  },
  {
    field: 'Query.activity',
    scenario: 'of an education draft not shared with anyone',
    query: 'query { activity(first: 50) { nodes { subjectTitle } } }',
    async prepare(fx) {
      const title = `Geheimer Entwurf ${Date.now()}`;
      await fx.document({ title });
      return { variables: {}, reveals: containsText(title) };
    },
    expect: visibility({ visible: EDUCATION_INSIDERS, hidden: ['council', 'steering'] }),
  },
  {
    field: 'Query.tasks',
    scenario: 'an unassigned education task',
    query:
      'query { tasks(filter: { actionFieldKey: "education" }, first: 200) { nodes { title } } }',
    async prepare(fx) {
      const title = `Interne Aufgabe ${Date.now()}`;
      await fx.task({ title });
      return { variables: {}, reveals: containsText(title) };
    },
    expect: visibility({ visible: EDUCATION_INSIDERS, hidden: ['council', 'steering'] }),
  },
  {
    field: 'Query.task',
    scenario: 'an unassigned education task, by its id',
    query: 'query ($id: ID!) { task(id: $id) { id title } }',
    async prepare(fx) {
      const title = `Interne Aufgabe ${Date.now()}`;
      return { variables: { id: await fx.task({ title }) }, reveals: containsText(title) };
    },
    expect: visibility({ visible: EDUCATION_INSIDERS, hidden: ['council', 'steering'] }),
  },
  {
    field: 'Query.invitations',
    scenario: 'a pending invitation',
    query: 'query { invitations { email } }',
    async prepare(fx) {
      const email = `ausstehend-${Date.now()}@lip.example`;
      await fx.invitationToken({ email });
      return { variables: {}, reveals: containsText(email) };
    },
    expect: visibility({
      visible: PEOPLE_MANAGERS,
      hidden: ['speaker', 'member', 'council', 'steering', 'observer'],
    }),
  },
  {
    field: 'Query.documentVersions',
    scenario: 'of an education draft not shared with anyone',
    query: 'query ($id: ID!) { documentVersions(documentId: $id) { label } }',
    async prepare(fx) {
      return { variables: { id: await fx.document() }, reveals: containsText(fx.versionLabel) };
    },
    expect: visibility({ visible: EDUCATION_INSIDERS, hidden: ['council', 'steering'] }),
  },
  {
    field: 'Query.documentVersion',
    scenario: 'one version of an education draft not shared with anyone',
    query:
      'query ($id: ID!) { documentVersion(documentId: $id, versionId: "0123456789abcdef01234567") { text } }',
    async prepare(fx) {
      return { variables: { id: await fx.document() }, reveals: containsText(fx.versionLabel) };
    },
    expect: visibility({ visible: EDUCATION_INSIDERS, hidden: ['council', 'steering'] }),
  },
  {
    field: 'Query.people',
    scenario: 'filtered by system role',
    query: 'query { people(filter: { systemRole: ADMIN }) { id } }',
    async prepare() {
      return {
        variables: {},
        reveals: (data) => Array.isArray((data as { people?: unknown } | null)?.people),
      };
    },
    expect: visibility({
      visible: PEOPLE_MANAGERS,
      hidden: ['speaker', 'member', 'council', 'steering', 'observer'],
    }),
  },
  {
    field: 'Query.search',
    scenario: 'finds an education draft not shared with anyone',
    query: SEARCH,
    async prepare(fx) {
      const word = searchWord();
      await fx.document({ title: `Entwurf ${word}` });
      await fx.searchable(word);
      return { variables: { q: word }, reveals: containsText(word) };
    },
    expect: visibility({ visible: EDUCATION_INSIDERS, hidden: ['council', 'steering'] }),
  },
  {
    field: 'Query.search',
    scenario: 'finds a group-internal thread on a draft in review',
    query: SEARCH,
    async prepare(fx) {
      const word = searchWord();
      await fx.thread(await fx.document({ status: 'in-review' }), 'GROUP', {
        body: `Intern ${word}`,
      });
      await fx.searchable(word);
      return { variables: { q: word }, reveals: containsText(word) };
    },
    expect: visibility({ visible: EDUCATION_INSIDERS, hidden: ['council', 'steering'] }),
  },
  {
    field: 'Query.search',
    scenario: 'finds an unassigned education task',
    query: SEARCH,
    async prepare(fx) {
      const word = searchWord();
      await fx.task({ title: `Aufgabe ${word}` });
      await fx.searchable(word);
      return { variables: { q: word }, reveals: containsText(word) };
    },
    expect: visibility({ visible: EDUCATION_INSIDERS, hidden: ['council', 'steering'] }),
  },
  {
    field: 'Query.notifications',
    scenario: "the person's own notification",
    query: 'query { notifications(first: 100) { nodes { id } } }',
    async prepare(fx) {
      const ids = await Promise.all(EVERY_SIGNED_IN.map((role) => fx.notification(role)));
      return { variables: {}, reveals: (data) => ids.some((id) => containsText(id)(data)) };
    },
    expect: visibility({ visible: EVERY_SIGNED_IN }),
  },
  {
    field: 'Query.notifications',
    scenario: "another person's notification",
    query: 'query { notifications(first: 100) { nodes { id } } }',
    async prepare(fx) {
      const id = await fx.notification(null);
      return { variables: {}, reveals: containsText(id) };
    },
    expect: visibility({ hidden: EVERY_SIGNED_IN }),
  },
  {
    field: 'Query.devOutbox',
    scenario: 'a mail sent to somebody else (development outbox)',
    query: 'query { devOutbox(first: 200) { subject } }',
    async prepare(fx) {
      const subject = `Matrix-Post ${Date.now()}`;
      await fx.app.app.deps.models.OutboxMessage.create({
        _id: `matrix-${Date.now()}`,
        to: 'jemand@lip.example',
        kind: 'invitation',
        subject,
        text: subject,
        html: `<p>${subject}</p>`,
        status: 'sent',
        sentAt: new Date(),
      });
      return { variables: {}, reveals: containsText(subject) };
    },
    expect: visibility({
      visible: ['admin'],
      hidden: ['coordinatorAll', 'coordinatorLimited', ...NOT_STAFF],
    }),
  },
];
