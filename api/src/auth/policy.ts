import {
  ADOPTED_MEASURE_STATUSES,
  type CollabMode,
  type CommentVisibility,
  type DocumentStatus,
  type MeasureStatus,
  type ResponseStatus,
  type ReviewRoundStatus,
  type StatementStatus,
  type SystemRole,
} from '@lip/common';
import type { Types } from 'mongoose';
import type { BodyDoc, GroupDoc, ProcessDoc } from '../modules/process/process.model';

/**
 * THE access policy: every resolver and service asks it "may this person see / do this to that".
 * "See" and "act" are separate answers. It is pure (no database): callers pass the process whose
 * structure (groups, bodies) decides memberships, and the resource in a minimal shape.
 *
 * Summary: admins may do everything; coordinators see everything and act in their action fields;
 * group members see and work on their field; reviewing-body members read documents shared with
 * their body and comment on them (never edit); the steering group decides on drafts in review;
 * observers read everything and change nothing.
 *
 * Review rounds: coordinators of every item's field run a round; a body's members write its
 * statement and its chair (or, without chairs, any member) submits it; the item's group drafts
 * responses and its speakers approve them; bodies see responses once the round is evaluated;
 * the steering group decides on evaluated rounds, and only the recorder corrects a decision.
 */

/** Who is asking: the signed-in person's process-wide role and scope. */
export interface Actor {
  personId: string;
  systemRole: SystemRole;
  coordinatorScope: { all: boolean; actionFieldKeys: string[] };
  /** The person's organisation: its members report progress on measures it leads. */
  organisationId?: string | null;
  /**
   * Signed in with a password into a role that needs a second factor, which is not set up yet
   * (see {@link mustSetUpSecondFactor}): such a person may look, but act only once it is.
   */
  mustSetUpSecondFactor?: boolean;
}

/**
 * Whether a session must set up a second factor before it may act: a password sign-in of a
 * person whose system role is in `requiredRoles` (SECOND_FACTOR_ROLES, by default admins and
 * coordinators) without TOTP. A sign-in through the city's identity provider is exempt: the
 * provider decides its own factors.
 */
export function mustSetUpSecondFactor(
  person: { systemRole: SystemRole; secondFactorEnabled?: boolean },
  method: 'password' | 'oidc',
  requiredRoles: readonly SystemRole[],
): boolean {
  return (
    method === 'password' &&
    requiredRoles.includes(person.systemRole) &&
    person.secondFactorEnabled !== true
  );
}

/** The shape of a measure the policy needs. */
export interface MeasureFacts {
  actionFieldKey: string;
  status: MeasureStatus;
  leadOrganisationId: Types.ObjectId | string | null;
}

type Id = Types.ObjectId | string;

/** The shape of a document the policy needs. */
export interface DocumentFacts {
  actionFieldKey: string;
  groupId: Id;
  status: DocumentStatus;
  sharedWithBodyIds: readonly Id[];
  /** Set for a statement's text document (kind `statement`); see `StatementDocumentFacts`. */
  statement?: {
    bodyId: Id;
    state: 'draft' | 'submitted' | 'closed';
    groupIds: readonly Id[];
    roundBodyIds: readonly Id[];
    published: boolean;
  } | null;
}

/** A review round as the policy sees it; `status` is the effective one (deadline applied). */
export interface RoundFacts {
  status: ReviewRoundStatus;
  bodyIds: readonly Id[];
  items: readonly ItemFacts[];
}

/** A reviewed document of a round: its field and group. */
export interface ItemFacts {
  actionFieldKey: string;
  groupId: Id;
}

/** A body's statement. */
export interface StatementFacts {
  bodyId: Id;
  status: StatementStatus;
}

/** A response to a remark. */
export interface ResponseFacts {
  status: ResponseStatus;
  draftedById: Id;
}

/** A steering decision. */
export interface DecisionFacts {
  recordedById: Id;
  superseded: boolean;
}

/** Things the policy answers about. */
export type Resource =
  | { type: 'process' }
  | { type: 'actionField'; key: string }
  | { type: 'document'; document: DocumentFacts }
  | {
      type: 'thread';
      document: DocumentFacts;
      visibility: CommentVisibility;
      authorId: string;
    }
  | { type: 'task'; actionFieldKey: string; assigneeIds: readonly (Types.ObjectId | string)[] }
  | { type: 'milestone'; actionFieldKey: string | null }
  | { type: 'measure'; measure: MeasureFacts }
  | { type: 'paper' }
  | { type: 'people' }
  | { type: 'bodies' }
  | { type: 'reviewRound'; round: RoundFacts }
  | { type: 'statement'; round: RoundFacts; statement: StatementFacts }
  | { type: 'response'; round: RoundFacts; item: ItemFacts; response: ResponseFacts | null }
  | { type: 'decision'; round: RoundFacts; item: ItemFacts; decision: DecisionFacts | null };

/** Actions a person may take; each is answered by {@link canAct}. */
export type Action =
  | 'manageGroup'
  | 'createDocument'
  | 'editDocument'
  | 'comment'
  | 'commentShared'
  | 'resolveThread'
  | 'workOnTasks'
  | 'deleteTask'
  | 'manageMilestone'
  | 'invite'
  | 'inviteObserver'
  | 'inviteStaff'
  | 'managePeople'
  | 'manageBodies'
  | 'createMeasure'
  | 'editMeasure'
  | 'proposeMeasure'
  | 'reportProgress'
  | 'managePaper'
  | 'readMailOutbox'
  | 'manageReviewRound'
  | 'writeStatement'
  | 'submitStatement'
  | 'withdrawStatement'
  | 'draftResponse'
  | 'approveResponse'
  | 'sendBackResponse'
  | 'createTaskFromRemark'
  | 'recordDecision'
  | 'correctDecision'
  | 'readAuditLog'
  | 'managePersonalData'
  | 'manageSignIn';

const isAdmin = (actor: Actor) => actor.systemRole === 'admin';
const isObserver = (actor: Actor) => actor.systemRole === 'observer';

/** Whether the actor coordinates the given action field (admins count as coordinating all). */
export function coordinates(actor: Actor, actionFieldKey: string): boolean {
  if (isAdmin(actor)) return true;
  if (actor.systemRole !== 'coordinator') return false;
  return (
    actor.coordinatorScope.all || actor.coordinatorScope.actionFieldKeys.includes(actionFieldKey)
  );
}

/** The actor's membership in the group of an action field, if any. */
export function groupMembership(actor: Actor, process: ProcessDoc, actionFieldKey: string) {
  for (const group of process.groups) {
    if (group.actionFieldKey !== actionFieldKey) continue;
    const member = group.members.find((m) => String(m.personId) === actor.personId);
    if (member) return { group, member };
  }
  return undefined;
}

/** Whether the actor is a member of the body with the given id. */
export function isBodyMember(actor: Actor, process: ProcessDoc, bodyId: Id): boolean {
  const body = process.bodies.find((b) => String(b._id) === String(bodyId));
  return body !== undefined && body.memberIds.some((id) => String(id) === actor.personId);
}

/**
 * Whether the actor may submit or withdraw a statement on the body's behalf: its chairs (and
 * deputies) when it has any, otherwise every member.
 */
export function mayActForBody(actor: Actor, body: BodyDoc): boolean {
  const chairs = body.chairIds ?? [];
  const people = chairs.length > 0 ? chairs : body.memberIds;
  return people.some((id) => String(id) === actor.personId);
}

/**
 * The four-eyes rule of a group: when it is on, nobody approves a response they drafted
 * themselves. Apart from `canAct` so the refusal can say why.
 */
export function fourEyesBlocks(
  actor: Actor,
  process: ProcessDoc,
  item: ItemFacts,
  response: ResponseFacts,
): boolean {
  const group = process.groups.find((g) => String(g._id) === String(item.groupId));
  return group?.reviewFourEyes === true && String(response.draftedById) === actor.personId;
}

/** Whether the actor is a member of the given group. */
export function isGroupMember(actor: Actor, group: GroupDoc): boolean {
  return group.members.some((m) => String(m.personId) === actor.personId);
}

/** Ids of the bodies the actor belongs to. */
export function bodyIdsOf(actor: Actor, process: ProcessDoc): Set<string> {
  const ids = new Set<string>();
  for (const body of process.bodies) {
    if (body.memberIds.some((id) => String(id) === actor.personId)) ids.add(String(body._id));
  }
  return ids;
}

/** Whether the actor sits on the steering group. */
export function isSteering(actor: Actor, process: ProcessDoc): boolean {
  return process.bodies.some(
    (b) => b.kind === 'steering-group' && b.memberIds.some((id) => String(id) === actor.personId),
  );
}

/**
 * An actor's place in a process (groups, bodies), each part worked out on first use. One question
 * builds one; {@link seeingFor} keeps one for many questions, so a list of thousands of items asks
 * about the process's members once instead of per item.
 */
interface Standing {
  actor: Actor;
  process: ProcessDoc;
  /** The actor's membership in a group of the field (the first, as {@link groupMembership}). */
  membership(actionFieldKey: string): ReturnType<typeof groupMembership>;
  inGroup(groupId: Id): boolean;
  inBody(bodyId: Id): boolean;
  steering(): boolean;
}

function standingOf(actor: Actor, process: ProcessDoc): Standing {
  let fields: Map<string, NonNullable<ReturnType<typeof groupMembership>>> | undefined;
  let groupIds: Set<string> | undefined;
  let bodyIds: Set<string> | undefined;
  let steering: boolean | undefined;
  const groups = () => {
    if (!fields || !groupIds) {
      fields = new Map();
      groupIds = new Set();
      for (const group of process.groups) {
        const member = group.members.find((m) => String(m.personId) === actor.personId);
        if (!member) continue;
        groupIds.add(String(group._id));
        if (!fields.has(group.actionFieldKey)) fields.set(group.actionFieldKey, { group, member });
      }
    }
    return { fields, groupIds };
  };
  const bodies = () => (bodyIds ??= bodyIdsOf(actor, process));
  return {
    actor,
    process,
    membership: (key) => groups().fields.get(key),
    inGroup: (groupId) => groups().groupIds.has(String(groupId)),
    inBody: (bodyId) => bodies().has(String(bodyId)),
    steering: () =>
      (steering ??= process.bodies.some(
        (b) => b.kind === 'steering-group' && bodies().has(String(b._id)),
      )),
  };
}

/** Whether the actor may see a field's internals: drafts, group threads, tasks. */
function insider(st: Standing, actionFieldKey: string): boolean {
  const { actor } = st;
  return (
    isAdmin(actor) ||
    actor.systemRole === 'coordinator' ||
    isObserver(actor) ||
    st.membership(actionFieldKey) !== undefined
  );
}

/** Whether the actor may write in a field: admins, its coordinators, its group members. */
function worker(st: Standing, actionFieldKey: string): boolean {
  if (isObserver(st.actor)) return false;
  return coordinates(st.actor, actionFieldKey) || st.membership(actionFieldKey) !== undefined;
}

/** Whether the actor reviews the document as a member of a body it is shared with. */
function reviewer(st: Standing, document: DocumentFacts): boolean {
  if (document.status === 'draft') return false;
  return document.sharedWithBodyIds.some((id) => st.inBody(id));
}

function steeringSees(st: Standing, document: DocumentFacts): boolean {
  return document.status !== 'draft' && st.steering();
}

/** Who sees every round and every submitted statement: admins, coordinators, observers, steering. */
function reviewInsider(st: Standing): boolean {
  const { actor } = st;
  return isAdmin(actor) || actor.systemRole === 'coordinator' || isObserver(actor) || st.steering();
}

/** Whether the actor is in a group whose document is reviewed in the round. */
function roundGroupMember(st: Standing, round: RoundFacts): boolean {
  return round.items.some((item) => st.inGroup(item.groupId));
}

/** Whether the actor is a member of a body asked in the round. */
function roundBodyMember(st: Standing, round: RoundFacts): boolean {
  return round.bodyIds.some((id) => st.inBody(id));
}

/** Rounds accept statement and response work while open or closed (late statements). */
function roundInProgress(round: RoundFacts): boolean {
  return round.status === 'open' || round.status === 'closed';
}

/** Whether the actor may draft responses for an item: its group and the field's coordinators. */
function itemWorker(st: Standing, item: ItemFacts): boolean {
  return coordinates(st.actor, item.actionFieldKey) || st.inGroup(item.groupId);
}

/** Whether the actor may approve responses for an item: its group's speakers, coordinators. */
function itemApprover(actor: Actor, process: ProcessDoc, item: ItemFacts): boolean {
  if (coordinates(actor, item.actionFieldKey)) return true;
  const group = process.groups.find((g) => String(g._id) === String(item.groupId));
  return (
    group?.members.some((m) => String(m.personId) === actor.personId && m.role === 'speaker') ??
    false
  );
}

/** Visibility of a statement's text document, matching the statement's own visibility. */
function seesStatementDocument(
  st: Standing,
  statement: NonNullable<DocumentFacts['statement']>,
): boolean {
  const { actor } = st;
  if (isAdmin(actor) || st.inBody(statement.bodyId)) return true;
  if (statement.state !== 'submitted') return false;
  if (
    actor.systemRole === 'coordinator' ||
    isObserver(actor) ||
    st.steering() ||
    statement.groupIds.some((id) => st.inGroup(id))
  ) {
    return true;
  }
  return statement.published && statement.roundBodyIds.some((id) => st.inBody(id));
}

/** Whether the actor may see the resource. */
export function canSee(actor: Actor, process: ProcessDoc, resource: Resource): boolean {
  return see(standingOf(actor, process), resource);
}

/**
 * {@link canSee} for many resources of one process: the actor's memberships are worked out once.
 * For filtering long lists (search hits, tasks); the process must not change while it is used.
 */
export function seeingFor(actor: Actor, process: ProcessDoc): (resource: Resource) => boolean {
  const st = standingOf(actor, process);
  return (resource) => see(st, resource);
}

function see(st: Standing, resource: Resource): boolean {
  const { actor } = st;
  switch (resource.type) {
    case 'process':
    case 'actionField':
    case 'people':
    case 'bodies':
    case 'milestone':
    case 'paper':
      return true;
    case 'measure': {
      // Drafts stay with the field; the steering group sees what is put to it; adopted
      // measures are public to everyone signed in.
      const m = resource.measure;
      return (
        insider(st, m.actionFieldKey) ||
        ADOPTED_MEASURE_STATUSES.includes(m.status) ||
        (m.status !== 'draft' && st.steering())
      );
    }
    case 'document': {
      const d = resource.document;
      if (d.statement) return seesStatementDocument(st, d.statement);
      return (
        insider(st, d.actionFieldKey) ||
        d.status === 'accepted' ||
        reviewer(st, d) ||
        steeringSees(st, d)
      );
    }
    case 'thread': {
      if (!see(st, { type: 'document', document: resource.document })) return false;
      if (resource.visibility === 'shared') return true;
      return insider(st, resource.document.actionFieldKey);
    }
    case 'task':
      return (
        insider(st, resource.actionFieldKey) ||
        resource.assigneeIds.some((id) => String(id) === actor.personId)
      );
    case 'reviewRound':
    case 'decision': {
      const { round } = resource;
      if (reviewInsider(st) || roundGroupMember(st, round)) return true;
      return round.status !== 'draft' && roundBodyMember(st, round);
    }
    case 'statement': {
      const { round, statement } = resource;
      if (isAdmin(actor) || st.inBody(statement.bodyId)) return true;
      if (statement.status !== 'submitted') return false;
      if (reviewInsider(st) || roundGroupMember(st, round)) return true;
      return round.status === 'evaluated' && roundBodyMember(st, round);
    }
    case 'response': {
      const { round, item, response } = resource;
      if (reviewInsider(st) || st.inGroup(item.groupId)) {
        return true;
      }
      // Bodies read the approved responses once the round is evaluated (published).
      return (
        round.status === 'evaluated' &&
        response?.status === 'approved' &&
        roundBodyMember(st, round)
      );
    }
  }
}

/** Whether the actor may take the action on the resource. Implies nothing about seeing. */
export function canAct(
  actor: Actor,
  action: Action,
  process: ProcessDoc,
  resource: Resource,
): boolean {
  if (isObserver(actor) || actor.mustSetUpSecondFactor) return false;
  const st = standingOf(actor, process);
  const fieldKey = fieldOf(resource);
  switch (action) {
    case 'manageGroup':
      return fieldKey !== null && coordinates(actor, fieldKey);
    case 'createDocument':
    case 'workOnTasks':
      return fieldKey !== null && worker(st, fieldKey);
    case 'editDocument': {
      if (resource.type !== 'document') return false;
      const d = resource.document;
      if (d.statement) {
        return d.statement.state === 'draft' && st.inBody(d.statement.bodyId);
      }
      if (d.status === 'accepted') return false;
      return worker(st, d.actionFieldKey);
    }
    case 'comment': {
      if (resource.type !== 'document') return false;
      const d = resource.document;
      if (!see(st, resource)) return false;
      if (d.statement) {
        return d.statement.state === 'draft' && st.inBody(d.statement.bodyId);
      }
      return (
        worker(st, d.actionFieldKey) ||
        actor.systemRole === 'coordinator' ||
        reviewer(st, d) ||
        steeringSees(st, d)
      );
    }
    case 'commentShared':
      return canAct(actor, 'comment', process, resource);
    case 'resolveThread': {
      if (resource.type !== 'thread') return false;
      if (!see(st, resource)) return false;
      const statement = resource.document.statement;
      if (statement) return st.inBody(statement.bodyId);
      return worker(st, resource.document.actionFieldKey) || resource.authorId === actor.personId;
    }
    case 'deleteTask': {
      if (resource.type !== 'task') return false;
      if (coordinates(actor, resource.actionFieldKey)) return true;
      const membership = st.membership(resource.actionFieldKey);
      return membership !== undefined && ['speaker', 'lead'].includes(membership.member.role);
    }
    case 'manageMilestone': {
      if (resource.type !== 'milestone') return false;
      if (resource.actionFieldKey === null) {
        return isAdmin(actor) || (actor.systemRole === 'coordinator' && actor.coordinatorScope.all);
      }
      return coordinates(actor, resource.actionFieldKey);
    }
    case 'invite':
      return isAdmin(actor) || actor.systemRole === 'coordinator';
    // Observers read the internals of every action field, more than a coordinator of some fields
    // may open up.
    case 'inviteObserver':
      return isAdmin(actor) || (actor.systemRole === 'coordinator' && actor.coordinatorScope.all);
    case 'inviteStaff':
    case 'managePeople':
      return isAdmin(actor);
    case 'manageBodies':
    case 'managePaper':
      return isAdmin(actor) || (actor.systemRole === 'coordinator' && actor.coordinatorScope.all);
    case 'createMeasure':
      return fieldKey !== null && worker(st, fieldKey);
    case 'editMeasure': {
      // Before adoption the group writes; afterwards only its coordinators correct the record.
      if (resource.type !== 'measure') return false;
      const m = resource.measure;
      if (ADOPTED_MEASURE_STATUSES.includes(m.status)) return coordinates(actor, m.actionFieldKey);
      return worker(st, m.actionFieldKey);
    }
    case 'proposeMeasure': {
      if (resource.type !== 'measure') return false;
      const m = resource.measure;
      if (!['draft', 'proposed', 'returned'].includes(m.status)) return false;
      if (coordinates(actor, m.actionFieldKey)) return true;
      const membership = st.membership(m.actionFieldKey);
      return membership !== undefined && ['speaker', 'lead'].includes(membership.member.role);
    }
    case 'reportProgress': {
      // After adoption: the field's coordinators and group, and the lead organisation's people.
      if (resource.type !== 'measure') return false;
      const m = resource.measure;
      if (!ADOPTED_MEASURE_STATUSES.includes(m.status)) return false;
      return (
        worker(st, m.actionFieldKey) ||
        (!!actor.organisationId &&
          m.leadOrganisationId !== null &&
          String(m.leadOrganisationId) === actor.organisationId)
      );
    }
    case 'manageReviewRound': {
      if (resource.type !== 'reviewRound') return false;
      if (isAdmin(actor)) return true;
      const { items } = resource.round;
      return items.length > 0 && items.every((item) => coordinates(actor, item.actionFieldKey));
    }
    case 'writeStatement':
    case 'submitStatement':
    case 'withdrawStatement': {
      if (resource.type !== 'statement') return false;
      const { round, statement } = resource;
      const body = process.bodies.find((b) => String(b._id) === String(statement.bodyId));
      if (!body || !round.bodyIds.some((id) => String(id) === String(body._id))) return false;
      if (action === 'withdrawStatement') {
        return (
          round.status === 'open' && statement.status === 'submitted' && mayActForBody(actor, body)
        );
      }
      if (!roundInProgress(round) || statement.status === 'submitted') return false;
      return action === 'writeStatement' ? st.inBody(body._id) : mayActForBody(actor, body);
    }
    case 'draftResponse':
    case 'approveResponse':
    case 'sendBackResponse': {
      if (resource.type !== 'response' || !roundInProgress(resource.round)) return false;
      const { item, response } = resource;
      if (action === 'draftResponse') {
        return response?.status !== 'approved' && itemWorker(st, item);
      }
      const from: ResponseStatus = action === 'approveResponse' ? 'draft' : 'approved';
      return response?.status === from && itemApprover(actor, process, item);
    }
    case 'createTaskFromRemark': {
      if (resource.type !== 'response' || resource.round.status === 'cancelled') return false;
      return itemWorker(st, resource.item);
    }
    case 'recordDecision':
    case 'correctDecision': {
      if (resource.type !== 'decision' || resource.round.status !== 'evaluated') return false;
      const { decision } = resource;
      if (action === 'recordDecision') {
        return decision === null && (isAdmin(actor) || st.steering());
      }
      return (
        decision !== null &&
        !decision.superseded &&
        (isAdmin(actor) || String(decision.recordedById) === actor.personId)
      );
    }
    // The mail outbox, the audit trail, another person's data (see, export, delete) and the
    // sign-in settings (password sign-in for city accounts, resetting a lost second factor) are
    // for admins.
    case 'readMailOutbox':
    case 'readAuditLog':
    case 'managePersonalData':
    case 'manageSignIn':
      return isAdmin(actor);
  }
}

/**
 * Whether the actor may invite someone into a system role, or re-invite a pending person who
 * holds it: members by coordinators and admins, observers with `inviteObserver`, admins and
 * coordinators with `inviteStaff`.
 */
export function canInviteAs(actor: Actor, process: ProcessDoc, role: SystemRole): boolean {
  const people: Resource = { type: 'people' };
  if (!canAct(actor, 'invite', process, people)) return false;
  switch (role) {
    case 'member':
      return true;
    case 'observer':
      return canAct(actor, 'inviteObserver', process, people);
    case 'admin':
    case 'coordinator':
      return canAct(actor, 'inviteStaff', process, people);
  }
}

/**
 * The personal details of a person record. Names, organisations and memberships are the
 * workspace's shared directory; these fields are not.
 */
export type PersonDetail =
  'email' | 'status' | 'systemRole' | 'coordinatorScope' | 'locale' | 'signInMethods';

/**
 * Whether the actor may read a personal detail of the person `personId`: their own, and every
 * detail for the people managers (admins and coordinators, who invite people and assign them to
 * groups and bodies). Council members, observers and group members see the directory without
 * them. Decided per field so one can be opened up alone.
 */
export function canSeePersonDetail(actor: Actor, personId: string, detail: PersonDetail): boolean {
  return actor.personId === personId || canSeeOthersDetail(actor, detail);
}

/** Whether the actor may read a personal detail of people other than themselves. */
export function canSeeOthersDetail(actor: Actor, detail: PersonDetail): boolean {
  const peopleManager = isAdmin(actor) || actor.systemRole === 'coordinator';
  // signInMethods (password, city account, second factor): coordinators help people who
  // cannot get in.
  switch (detail) {
    case 'email':
    case 'status':
    case 'systemRole':
    case 'coordinatorScope':
    case 'locale':
    case 'signInMethods':
      return peopleManager;
  }
}

/**
 * The editor mode for a document: edit for its writers, comment for everyone else who may
 * comment on it (reviewing bodies, the steering group on drafts before it, coordinators of other
 * fields), read for the rest (observers, anyone reading an accepted document); null = no access.
 * It follows `canAct`, so the page never says "read only" to someone who may comment.
 */
export function collabModeFor(
  actor: Actor,
  process: ProcessDoc,
  document: DocumentFacts,
): CollabMode | null {
  const resource: Resource = { type: 'document', document };
  if (!canSee(actor, process, resource)) return null;
  if (canAct(actor, 'editDocument', process, resource)) return 'edit';
  if (canAct(actor, 'comment', process, resource)) return 'comment';
  return 'read';
}

/**
 * The body a comment of this actor on the document is written for: someone outside the field
 * comments as a member of a reviewing body the document is shared with, else as a member of the
 * steering group; insiders and everyone else comment for themselves (null).
 */
export function actingBodyOf(
  actor: Actor,
  process: ProcessDoc,
  document: DocumentFacts,
): BodyDoc | null {
  if (document.statement) {
    // A statement's text is its body's: its members write for that body.
    const { bodyId } = document.statement;
    return isBodyMember(actor, process, bodyId)
      ? (process.bodies.find((b) => String(b._id) === String(bodyId)) ?? null)
      : null;
  }
  if (insider(standingOf(actor, process), document.actionFieldKey)) return null;
  const mine = process.bodies.filter((b) =>
    b.memberIds.some((id) => String(id) === actor.personId),
  );
  const shared = mine.find(
    (b) =>
      b.kind !== 'steering-group' &&
      document.sharedWithBodyIds.some((id) => String(id) === String(b._id)),
  );
  return shared ?? mine.find((b) => b.kind === 'steering-group') ?? null;
}

/** The thread visibility a new comment by this actor gets, or must get. */
export function allowedVisibilities(
  actor: Actor,
  process: ProcessDoc,
  document: DocumentFacts,
): CommentVisibility[] {
  if (insider(standingOf(actor, process), document.actionFieldKey) && !isObserver(actor))
    return ['group', 'shared'];
  return ['shared'];
}

function fieldOf(resource: Resource): string | null {
  switch (resource.type) {
    case 'response':
    case 'decision':
      return resource.item.actionFieldKey;
    case 'actionField':
      return resource.key;
    case 'document':
    case 'thread':
      return resource.document.actionFieldKey;
    case 'task':
      return resource.actionFieldKey;
    case 'milestone':
      return resource.actionFieldKey;
    case 'measure':
      return resource.measure.actionFieldKey;
    default:
      return null;
  }
}
