import { Types } from 'mongoose';
import { z } from 'zod';
import { SYSTEM_ROLES, writeCollabRevocations } from '@lip/common';
import {
  canAct,
  canSeeOthersDetail,
  canSeePersonDetail,
  type PersonDetail,
} from '../../auth/policy';
import { forbidden, invalidField, notFound } from '../../errors';
import { recordAudit } from '../audit';
import { requireViewer, type RequestScope } from '../../scope';
import { op } from '../../db/connection';
import { objectIdSchema, parseInput } from '../../validation';
import { recordActivity } from '../activity/activity.service';
import { loadProcess } from '../process/process.service';
import type { PersonDoc } from './person.model';

const PUBLIC_PROJECTION = { passwordHash: 0 } as const;

const filterSchema = z
  .object({
    search: z.string().trim().max(100).nullish(),
    systemRole: z.enum(SYSTEM_ROLES).nullish(),
    organisationId: objectIdSchema.nullish(),
  })
  .nullish();

/** Whether the viewer may read a personal detail of a person (see the policy). */
export function mayRead(scope: RequestScope, person: PersonDoc, detail: PersonDetail): boolean {
  return (
    scope.viewer !== null && canSeePersonDetail(scope.viewer.actor, String(person._id), detail)
  );
}

/**
 * The people directory (any signed-in person), sorted by name; search is plain text. Searching
 * emails and filtering by system role need the right to read them, or the directory would answer
 * what the fields hide.
 */
export async function listPeople(scope: RequestScope, input: unknown): Promise<PersonDoc[]> {
  const viewer = requireViewer(scope);
  const f = parseInput(filterSchema, input) ?? {};
  const filter: Record<string, unknown> = { status: op({ $ne: 'deleted' as const }) };
  const readsDetails = (detail: PersonDetail) => canSeeOthersDetail(viewer.actor, detail);
  if (f.systemRole) {
    if (!readsDetails('systemRole')) throw forbidden('systemRole filter');
    filter.systemRole = f.systemRole;
  }
  if (f.organisationId) filter.organisationId = new Types.ObjectId(f.organisationId);
  const rows = await scope.models.Person.find(filter, PUBLIC_PROJECTION)
    .sort({ name: 1 })
    .limit(2000)
    .lean<PersonDoc[]>();
  const needle = f.search?.toLocaleLowerCase('de');
  // Filtered in memory: a client string never becomes a regular expression.
  const searchEmails = readsDetails('email');
  const result = needle
    ? rows.filter(
        (p) =>
          p.name.toLocaleLowerCase('de').includes(needle) ||
          (searchEmails && p.email.includes(needle)),
      )
    : rows;
  for (const p of result) scope.loaders.person.prime(String(p._id), p);
  return result;
}

/** One person (any signed-in viewer), or null. */
export async function findPerson(scope: RequestScope, id: unknown): Promise<PersonDoc | null> {
  requireViewer(scope);
  if (!objectIdSchema.safeParse(id).success) return null;
  return scope.loaders.person.load(String(id));
}

const updateSchema = z.object({
  personId: objectIdSchema,
  systemRole: z.enum(SYSTEM_ROLES).nullish(),
  coordinatorScope: z
    .object({
      allActionFields: z.boolean(),
      actionFieldKeys: z.array(z.string().min(1).max(60)).max(20).nullish(),
    })
    .nullish(),
  organisationId: objectIdSchema.nullish(),
});

/**
 * Changes a person's system role, coordinator scope or organisation (admins only). A changed
 * role or scope revokes the person's live editor connections so new tickets carry the new mode.
 */
export async function updatePerson(scope: RequestScope, input: unknown): Promise<PersonDoc> {
  const viewer = requireViewer(scope);
  const args = parseInput(updateSchema, input);
  const process = await loadProcess(scope);
  if (!canAct(viewer.actor, 'managePeople', process, { type: 'people' })) throw forbidden();
  const person = await scope.models.Person.findOne(
    { _id: args.personId },
    PUBLIC_PROJECTION,
  ).lean<PersonDoc>();
  if (!person) throw notFound('person');
  if (args.personId === viewer.actor.personId && args.systemRole && args.systemRole !== 'admin') {
    throw invalidField('systemRole', 'invalid', 'you cannot remove your own admin role');
  }
  const role = args.systemRole ?? person.systemRole;
  const set: Record<string, unknown> = {};
  if (args.systemRole) set.systemRole = args.systemRole;
  if (args.coordinatorScope) {
    const keys = args.coordinatorScope.actionFieldKeys ?? [];
    const unknownKey = keys.find((k) => !process.actionFields.some((a) => a.key === k));
    if (unknownKey) {
      throw invalidField(
        'coordinatorScope.actionFieldKeys',
        'invalid',
        `unknown action field ${unknownKey}`,
      );
    }
    set.coordinatorScope = { all: args.coordinatorScope.allActionFields, actionFieldKeys: keys };
  } else if (role === 'coordinator' && person.systemRole !== 'coordinator') {
    throw invalidField('coordinatorScope', 'required', 'required for coordinators');
  }
  if (args.organisationId) {
    const organisation = await scope.loaders.organisation.load(args.organisationId);
    if (!organisation) throw notFound('organisation');
    set.organisationId = organisation._id;
  }
  // updateOne + findOne: FerretDB 1.24 has no projection on findAndModify. Under the person's
  // write lease, like every other write of a person record.
  await scope.writeLock.run(`person:${String(person._id)}`, () =>
    scope.models.Person.updateOne({ _id: person._id }, { $set: set }),
  );
  const updated = await scope.models.Person.findOne(
    { _id: person._id },
    PUBLIC_PROJECTION,
  ).lean<PersonDoc>();
  if (!updated) throw notFound('person');
  if (set.systemRole || set.coordinatorScope) {
    await writeCollabRevocations(scope.revocationSink, [
      { personId: String(person._id), reason: 'role-changed' },
    ]);
    await recordAudit(scope, {
      action: 'person.role-changed',
      subject: updated,
      detail:
        updated.systemRole === 'coordinator'
          ? `coordinator: ${updated.coordinatorScope.all ? 'all' : updated.coordinatorScope.actionFieldKeys.join(', ')}`
          : updated.systemRole,
    });
  }
  await recordActivity(scope, {
    processId: process._id,
    actionFieldKey: null,
    verb: 'person.updated',
    subjectTitle: updated.name,
    // No detail: the activity log is public, a person's system role is not (see the policy).
  });
  scope.loaders.person.clear(String(person._id)).prime(String(person._id), updated);
  return updated;
}

/**
 * Deactivates a person (admins; never oneself): the account can no longer sign in, every session
 * ends, the revocation log closes their live editor connections, and open invitations for the
 * account expire so an old link cannot reactivate it. Memberships stay for a reactivation.
 * Audited, like the reactivation.
 */
export async function deactivatePerson(scope: RequestScope, personId: unknown): Promise<PersonDoc> {
  const { person, process } = await loadManagedPerson(scope, personId);
  if (String(person._id) === requireViewer(scope).actor.personId) {
    throw invalidField('personId', 'invalid', 'you cannot deactivate yourself');
  }
  const now = new Date();
  await scope.writeLock.run(`person:${String(person._id)}`, () =>
    scope.models.Person.updateOne({ _id: person._id }, { $set: { status: 'deactivated' } }),
  );
  await scope.models.Invitation.updateMany(
    { personId: person._id, acceptedAt: null, expiresAt: op({ $gt: now }) },
    { $set: { expiresAt: now } },
  );
  // After the status: a session resolved in between is refused by the status check anyway.
  await scope.sessions.revokeAll(person._id, 'person-deactivated');
  await recordActivity(scope, {
    processId: process._id,
    actionFieldKey: null,
    verb: 'person.deactivated',
    subjectTitle: person.name,
  });
  await recordAudit(scope, { action: 'person.deactivated', subject: person });
  return reloadPerson(scope, person._id);
}

/** Lets a deactivated person sign in again (admins); invited people stay invited. */
export async function reactivatePerson(scope: RequestScope, personId: unknown): Promise<PersonDoc> {
  const { person, process } = await loadManagedPerson(scope, personId);
  if (person.status === 'deactivated') {
    const full = await scope.models.Person.findOne({ _id: person._id }, { passwordHash: 1 }).lean<
      Pick<PersonDoc, 'passwordHash'>
    >();
    const status = full?.passwordHash ? 'active' : 'invited';
    await scope.writeLock.run(`person:${String(person._id)}`, () =>
      scope.models.Person.updateOne({ _id: person._id }, { $set: { status } }),
    );
    await recordActivity(scope, {
      processId: process._id,
      actionFieldKey: null,
      verb: 'person.reactivated',
      subjectTitle: person.name,
    });
    await recordAudit(scope, { action: 'person.reactivated', subject: person, detail: status });
  }
  return reloadPerson(scope, person._id);
}

async function loadManagedPerson(scope: RequestScope, personId: unknown) {
  const viewer = requireViewer(scope);
  const id = parseInput(objectIdSchema, personId);
  const process = await loadProcess(scope);
  if (!canAct(viewer.actor, 'managePeople', process, { type: 'people' })) throw forbidden();
  const person = await scope.models.Person.findOne(
    { _id: id },
    PUBLIC_PROJECTION,
  ).lean<PersonDoc>();
  if (!person) throw notFound('person');
  return { person, process };
}

async function reloadPerson(scope: RequestScope, id: PersonDoc['_id']): Promise<PersonDoc> {
  const person = await scope.models.Person.findOne(
    { _id: id },
    PUBLIC_PROJECTION,
  ).lean<PersonDoc>();
  if (!person) throw notFound('person');
  scope.loaders.person.clear(String(id)).prime(String(id), person);
  return person;
}
