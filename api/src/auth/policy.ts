import type { CollabMode, CommentVisibility, DocumentStatus, SystemRole } from '@lip/common';
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
 */

/** Who is asking: the signed-in person's process-wide role and scope. */
export interface Actor {
  personId: string;
  systemRole: SystemRole;
  coordinatorScope: { all: boolean; actionFieldKeys: string[] };
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

/** The shape of a document the policy needs. */
export interface DocumentFacts {
  actionFieldKey: string;
  groupId: Types.ObjectId | string;
  status: DocumentStatus;
  sharedWithBodyIds: readonly (Types.ObjectId | string)[];
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
  | { type: 'people' }
  | { type: 'bodies' };

/** Actions a person may take; each is answered by {@link canAct}. */
export type Action =
  | 'manageGroup'
  | 'createDocument'
  | 'editDocument'
  | 'sendForReview'
  | 'withdrawReview'
  | 'decideReview'
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
  | 'readMailOutbox'
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

/** Whether the actor may see a field's internals: drafts, group threads, tasks. */
function insider(actor: Actor, process: ProcessDoc, actionFieldKey: string): boolean {
  return (
    isAdmin(actor) ||
    actor.systemRole === 'coordinator' ||
    isObserver(actor) ||
    groupMembership(actor, process, actionFieldKey) !== undefined
  );
}

/** Whether the actor may write in a field: admins, its coordinators, its group members. */
function worker(actor: Actor, process: ProcessDoc, actionFieldKey: string): boolean {
  if (isObserver(actor)) return false;
  return (
    coordinates(actor, actionFieldKey) ||
    groupMembership(actor, process, actionFieldKey) !== undefined
  );
}

/** Whether the actor reviews the document as a member of a body it is shared with. */
function reviewer(actor: Actor, process: ProcessDoc, document: DocumentFacts): boolean {
  if (document.status === 'draft') return false;
  const mine = bodyIdsOf(actor, process);
  return document.sharedWithBodyIds.some((id) => mine.has(String(id)));
}

function steeringSees(actor: Actor, process: ProcessDoc, document: DocumentFacts): boolean {
  return document.status !== 'draft' && isSteering(actor, process);
}

/** Whether the actor may see the resource. */
export function canSee(actor: Actor, process: ProcessDoc, resource: Resource): boolean {
  switch (resource.type) {
    case 'process':
    case 'actionField':
    case 'people':
    case 'bodies':
    case 'milestone':
      return true;
    case 'document': {
      const d = resource.document;
      return (
        insider(actor, process, d.actionFieldKey) ||
        d.status === 'accepted' ||
        reviewer(actor, process, d) ||
        steeringSees(actor, process, d)
      );
    }
    case 'thread': {
      if (!canSee(actor, process, { type: 'document', document: resource.document })) return false;
      if (resource.visibility === 'shared') return true;
      return insider(actor, process, resource.document.actionFieldKey);
    }
    case 'task':
      return (
        insider(actor, process, resource.actionFieldKey) ||
        resource.assigneeIds.some((id) => String(id) === actor.personId)
      );
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
  const fieldKey = fieldOf(resource);
  switch (action) {
    case 'manageGroup':
      return fieldKey !== null && coordinates(actor, fieldKey);
    case 'createDocument':
    case 'workOnTasks':
      return fieldKey !== null && worker(actor, process, fieldKey);
    case 'editDocument': {
      if (resource.type !== 'document' || resource.document.status === 'accepted') return false;
      return worker(actor, process, resource.document.actionFieldKey);
    }
    case 'sendForReview':
    case 'withdrawReview': {
      if (resource.type !== 'document') return false;
      const d = resource.document;
      const from: DocumentStatus[] =
        action === 'sendForReview' ? ['draft', 'returned'] : ['in-review'];
      if (!from.includes(d.status)) return false;
      if (coordinates(actor, d.actionFieldKey)) return true;
      const membership = groupMembership(actor, process, d.actionFieldKey);
      return membership !== undefined && ['speaker', 'lead'].includes(membership.member.role);
    }
    case 'decideReview': {
      if (resource.type !== 'document' || resource.document.status !== 'in-review') return false;
      return isAdmin(actor) || isSteering(actor, process);
    }
    case 'comment': {
      if (resource.type !== 'document') return false;
      const d = resource.document;
      if (!canSee(actor, process, resource)) return false;
      return (
        worker(actor, process, d.actionFieldKey) ||
        actor.systemRole === 'coordinator' ||
        reviewer(actor, process, d) ||
        steeringSees(actor, process, d)
      );
    }
    case 'commentShared':
      return canAct(actor, 'comment', process, resource);
    case 'resolveThread': {
      if (resource.type !== 'thread') return false;
      if (!canSee(actor, process, resource)) return false;
      return (
        worker(actor, process, resource.document.actionFieldKey) ||
        resource.authorId === actor.personId
      );
    }
    case 'deleteTask': {
      if (resource.type !== 'task') return false;
      if (coordinates(actor, resource.actionFieldKey)) return true;
      const membership = groupMembership(actor, process, resource.actionFieldKey);
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
      return isAdmin(actor) || (actor.systemRole === 'coordinator' && actor.coordinatorScope.all);
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
  if (insider(actor, process, document.actionFieldKey)) return null;
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
  if (insider(actor, process, document.actionFieldKey) && !isObserver(actor))
    return ['group', 'shared'];
  return ['shared'];
}

function fieldOf(resource: Resource): string | null {
  switch (resource.type) {
    case 'actionField':
      return resource.key;
    case 'document':
    case 'thread':
      return resource.document.actionFieldKey;
    case 'task':
      return resource.actionFieldKey;
    case 'milestone':
      return resource.actionFieldKey;
    default:
      return null;
  }
}
