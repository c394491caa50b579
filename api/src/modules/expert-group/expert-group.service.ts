import { Types } from 'mongoose';
import { z } from 'zod';
import { GROUP_ROLES, SECTORS, writeCollabRevocations } from '@lip/common';
import { canAct, type Actor } from '../../auth/policy';
import { forbidden, notFound } from '../../errors';
import { requireViewer, type RequestScope } from '../../scope';
import { objectIdSchema, parseInput } from '../../validation';
import { recordActivity } from '../activity/activity.service';
import type { InvitationDoc } from '../../auth/auth.model';
import { op } from '../../db/connection';
import type { GroupDoc, GroupMemberDoc, ProcessDoc } from '../process/process.model';
import { changeProcessStructure, findProcess, loadProcess } from '../process/process.service';

/** Finds a group in the current process (or `not-found`). */
export async function loadGroup(
  scope: RequestScope,
  groupId: string,
): Promise<{ group: GroupDoc; process: ProcessDoc }> {
  const process = await loadProcess(scope);
  const group = process.groups.find((g) => String(g._id) === groupId);
  if (!group) throw notFound('group');
  return { group, process };
}

/** Loads a group and checks that the actor may manage its membership (coordinators, admins). */
async function loadManagedGroup(
  scope: RequestScope,
  actor: Actor,
  groupId: string,
): Promise<{ group: GroupDoc; process: ProcessDoc }> {
  const loaded = await loadGroup(scope, groupId);
  const resource = { type: 'actionField' as const, key: loaded.group.actionFieldKey };
  if (!canAct(actor, 'manageGroup', loaded.process, resource)) throw forbidden();
  return loaded;
}

const addSchema = z.object({
  groupId: objectIdSchema,
  personId: objectIdSchema,
  role: z.enum(GROUP_ROLES),
  sector: z.enum(SECTORS),
});

/** Adds a person to a group or changes their role and sector (coordinators of the field, admins). */
export async function addGroupMember(
  scope: RequestScope,
  input: unknown,
): Promise<{ group: GroupDoc; process: ProcessDoc }> {
  const viewer = requireViewer(scope);
  const args = parseInput(addSchema, input);
  const { group, process } = await loadManagedGroup(scope, viewer.actor, args.groupId);
  const person = await scope.loaders.person.load(args.personId);
  if (!person) throw notFound('person');
  const organisation = person.organisationId
    ? await scope.loaders.organisation.load(String(person.organisationId))
    : null;
  const { process: updated } = await changeProcessStructure(
    scope,
    String(process._id),
    ['groups'],
    (p) => {
      const g = p.groups.find((x) => String(x._id) === args.groupId);
      if (!g) throw notFound('group');
      const entry = {
        personId: new Types.ObjectId(args.personId),
        name: person.name,
        organisationId: person.organisationId,
        organisationName: organisation?.name ?? null,
        role: args.role,
        sector: args.sector,
      };
      const index = g.members.findIndex((m) => String(m.personId) === args.personId);
      if (index >= 0) g.members[index] = entry;
      else g.members.push(entry);
    },
  );
  await recordActivity(scope, {
    processId: process._id,
    actionFieldKey: group.actionFieldKey,
    groupId: group._id,
    verb: 'group.member-added',
    subjectTitle: person.name,
    detail: args.role,
  });
  return {
    group: updated.groups.find((g) => String(g._id) === args.groupId) ?? group,
    process: updated,
  };
}

const removeSchema = z.object({ groupId: objectIdSchema, personId: objectIdSchema });

/** Removes a person from a group and revokes their live editor connections. */
export async function removeGroupMember(
  scope: RequestScope,
  input: unknown,
): Promise<{ group: GroupDoc; process: ProcessDoc }> {
  const viewer = requireViewer(scope);
  const args = parseInput(removeSchema, input);
  const { group, process } = await loadManagedGroup(scope, viewer.actor, args.groupId);
  const member = group.members.find((m) => String(m.personId) === args.personId);
  if (!member) throw notFound('member');
  const { process: updated } = await changeProcessStructure(
    scope,
    String(process._id),
    ['groups'],
    (p) => {
      const g = p.groups.find((x) => String(x._id) === args.groupId);
      if (g) g.members = g.members.filter((m) => String(m.personId) !== args.personId);
    },
  );
  await writeCollabRevocations(scope.revocationSink, [
    { personId: args.personId, reason: 'group-membership-removed' },
  ]);
  await recordActivity(scope, {
    processId: process._id,
    actionFieldKey: group.actionFieldKey,
    groupId: group._id,
    verb: 'group.member-removed',
    subjectTitle: member.name,
  });
  return {
    group: updated.groups.find((g) => String(g._id) === args.groupId) ?? group,
    process: updated,
  };
}

/** One group of an open invitation, with the group and process it names. */
export interface PendingGroupMembership {
  invitation: InvitationDoc;
  role: GroupMemberDoc['role'];
  sector: GroupMemberDoc['sector'];
  group: GroupDoc;
  process: ProcessDoc;
}

function pendingEntries(
  invitation: InvitationDoc,
  process: ProcessDoc,
  groupId?: string,
): PendingGroupMembership[] {
  return invitation.groups.flatMap((entry) => {
    if (groupId && String(entry.groupId) !== groupId) return [];
    const group = process.groups.find((g) => String(g._id) === String(entry.groupId));
    // Someone already in the group (e.g. added by hand meanwhile) is not pending any more.
    if (!group || group.members.some((m) => String(m.personId) === String(invitation.personId))) {
      return [];
    }
    return [{ invitation, role: entry.role, sector: entry.sector, group, process }];
  });
}

/** People invited into a group who have not accepted yet (open invitations), by name. */
export async function listPendingMembers(
  scope: RequestScope,
  group: GroupDoc,
  process: ProcessDoc,
): Promise<PendingGroupMembership[]> {
  requireViewer(scope);
  const invitations = await scope.models.Invitation.find({
    'groups.groupId': group._id,
    acceptedAt: null,
    expiresAt: op({ $gt: new Date() }),
  })
    .sort({ createdAt: -1 })
    .lean<InvitationDoc[]>();
  const seen = new Set<string>();
  return invitations
    .filter((invitation) => {
      const key = String(invitation.personId);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .flatMap((invitation) => pendingEntries(invitation, process, String(group._id)))
    .sort((a, b) => a.invitation.name.localeCompare(b.invitation.name, 'de'));
}

/** The groups an invited person joins on accepting an open invitation. */
export async function listPendingMemberships(
  scope: RequestScope,
  personId: string,
): Promise<PendingGroupMembership[]> {
  requireViewer(scope);
  const process = await findProcess(scope);
  if (!process) return [];
  const invitations = await scope.loaders.openInvitations.load(personId);
  const seen = new Set<string>();
  return invitations
    .filter((i) => String(i.processId) === String(process._id))
    .flatMap((invitation) => pendingEntries(invitation, process))
    .filter((entry) => {
      const key = String(entry.group._id);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
