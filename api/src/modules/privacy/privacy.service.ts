import { Types } from 'mongoose';
import { z } from 'zod';
import { writeCollabRevocations, type Locale } from '@lip/common';
import type { InvitationDoc, SessionDoc } from '../../auth/auth.model';
import { canAct } from '../../auth/policy';
import { op } from '../../db/connection';
import { DomainError, forbidden, invalidField, notFound } from '../../errors';
import { requireViewer, type RequestScope } from '../../scope';
import { emailSchema, objectIdSchema, parseInput } from '../../validation';
import type { ActivityDoc } from '../activity/activity.model';
import { recordAudit, type AuditEntryDoc } from '../audit';
import type { CommentThreadDoc } from '../comment/comment.model';
import type { DocumentDoc } from '../document/document.model';
import type { NotificationDoc } from '../notification';
import type { PersonDoc } from '../person/person.model';
import { changeProcessStructure, loadProcess } from '../process/process.service';
import type { ProcessDoc } from '../process/process.model';
import type { TaskDoc } from '../task/task.model';

/** What contributions of a deleted account are credited to, in both languages. */
export const FORMER_MEMBER: Record<Locale, string> = {
  de: 'ehemaliges Mitglied',
  en: 'former member',
};

/** Most rows of one kind in an export (far above what one person writes in a process). */
const EXPORT_ROW_LIMIT = 10_000;

/** Everything the workspace holds about one person, as exported and shown on "Meine Daten". */
export interface PersonalData {
  exportedAt: Date;
  person: PersonDoc;
  organisationName: string | null;
  signIn: { password: boolean; cityAccount: boolean; secondFactor: boolean };
  groups: {
    process: string;
    group: string;
    actionFieldKey: string;
    role: string;
    sector: string;
  }[];
  bodies: { process: string; body: string; kind: string }[];
  sessions: SessionDoc[];
  comments: {
    id: string;
    threadId: string;
    documentId: string;
    documentTitle: string;
    quote: string | null;
    body: string;
    createdAt: Date;
  }[];
  tasks: { task: TaskDoc; relation: ('assigned' | 'created')[] }[];
  activity: ActivityDoc[];
  notifications: NotificationDoc[];
  notificationSettings: Record<string, unknown> | null;
  invitations: Pick<
    InvitationDoc,
    '_id' | 'systemRole' | 'createdAt' | 'expiresAt' | 'acceptedAt'
  >[];
  /** What administrators did with this person (the audit trail, within its retention period). */
  auditEntries: AuditEntryDoc[];
}

/**
 * Whose data the viewer may see, export or delete: their own, or anyone's for admins
 * (`managePersonalData`). Returns the person (never a deleted one).
 */
export async function personForDataRequest(
  scope: RequestScope,
  personId: unknown,
): Promise<{ person: PersonDoc; own: boolean }> {
  const viewer = requireViewer(scope);
  const id = personId === undefined || personId === null ? String(viewer.person._id) : personId;
  const parsed = objectIdSchema.safeParse(id);
  if (!parsed.success) throw invalidField('personId', 'format', 'must be a valid id');
  const own = parsed.data === String(viewer.person._id);
  if (!own) {
    const process = await loadProcess(scope);
    if (!canAct(viewer.actor, 'managePersonalData', process, { type: 'people' })) throw forbidden();
  }
  const person = await scope.models.Person.findOne({ _id: parsed.data }).lean<PersonDoc>();
  if (!person || person.status === 'deleted') throw notFound('person');
  return { person, own };
}

/** Collects everything held about a person (see {@link PersonalData}). */
export async function collectPersonalData(
  scope: RequestScope,
  person: PersonDoc,
  limit = EXPORT_ROW_LIMIT,
): Promise<PersonalData> {
  const id = person._id;
  const [
    processes,
    sessions,
    threads,
    tasks,
    activity,
    notifications,
    settings,
    invitations,
    audit,
  ] = await Promise.all([
    scope.models.Process.find({}).lean<ProcessDoc[]>(),
    scope.models.Session.find({ personId: id, revokedAt: null, expiresAt: op({ $gt: new Date() }) })
      .sort({ createdAt: -1 })
      .limit(limit)
      .lean<SessionDoc[]>(),
    scope.models.CommentThread.find({ 'comments.authorId': id })
      .sort({ createdAt: -1 })
      .limit(limit)
      .lean<CommentThreadDoc[]>(),
    scope.models.Task.find({ $or: op([{ assigneeIds: id }, { createdById: id }]) })
      .sort({ createdAt: -1 })
      .limit(limit)
      .lean<TaskDoc[]>(),
    scope.models.Activity.find({ actorId: id })
      .sort({ _id: -1 })
      .limit(limit)
      .lean<ActivityDoc[]>(),
    scope.models.Notification.find({ personId: id })
      .sort({ createdAt: -1 })
      .limit(limit)
      .lean<NotificationDoc[]>(),
    scope.models.NotificationSettings.findOne({ _id: String(id) }).lean(),
    scope.models.Invitation.find({ personId: id }, { tokenHash: 0 })
      .sort({ createdAt: -1 })
      .lean<InvitationDoc[]>(),
    scope.models.AuditEntry.find({ subjectId: id })
      .sort({ _id: -1 })
      .limit(limit)
      .lean<AuditEntryDoc[]>(),
  ]);
  const documentIds = [...new Set(threads.map((t) => String(t.documentId)))];
  const documents = await scope.models.Document.find(
    { _id: op({ $in: documentIds.map((d) => new Types.ObjectId(d)) }) },
    { title: 1 },
  ).lean<Pick<DocumentDoc, '_id' | 'title'>[]>();
  const titles = new Map(documents.map((d) => [String(d._id), d.title]));
  const organisation = person.organisationId
    ? await scope.loaders.organisation.load(String(person.organisationId))
    : null;
  const { passwordHash, ...profile } = person;
  return {
    exportedAt: new Date(),
    person: { ...profile, passwordHash: null },
    organisationName: organisation?.name ?? null,
    signIn: {
      password: Boolean(passwordHash),
      cityAccount: Boolean(person.oidc),
      secondFactor: person.secondFactorEnabled === true,
    },
    groups: processes.flatMap((p) =>
      p.groups.flatMap((g) =>
        g.members
          .filter((m) => String(m.personId) === String(id))
          .map((m) => ({
            process: p.title,
            group: g.name[scope.locale],
            actionFieldKey: g.actionFieldKey,
            role: m.role,
            sector: m.sector,
          })),
      ),
    ),
    bodies: processes.flatMap((p) =>
      p.bodies
        .filter((b) => b.memberIds.some((m) => String(m) === String(id)))
        .map((b) => ({ process: p.title, body: b.name, kind: b.kind })),
    ),
    sessions,
    comments: threads.flatMap((t) =>
      t.comments
        .filter((c) => String(c.authorId) === String(id))
        .map((c) => ({
          id: String(c._id),
          threadId: String(t._id),
          documentId: String(t.documentId),
          documentTitle: titles.get(String(t.documentId)) ?? '',
          quote: t.quote,
          body: c.body,
          createdAt: c.createdAt,
        })),
    ),
    tasks: tasks.map((task) => ({
      task,
      relation: [
        ...(task.assigneeIds.some((a) => String(a) === String(id)) ? (['assigned'] as const) : []),
        ...(String(task.createdById) === String(id) ? (['created'] as const) : []),
      ],
    })),
    activity,
    notifications,
    notificationSettings: settings ? (settings.email as Record<string, unknown>) : null,
    invitations: invitations.map((i) => ({
      _id: i._id,
      systemRole: i.systemRole,
      createdAt: i.createdAt,
      expiresAt: i.expiresAt,
      acceptedAt: i.acceptedAt,
    })),
    auditEntries: audit,
  };
}

/**
 * The data of a person for "Meine Daten" or an admin's view of it. An admin looking at someone
 * else's data is audited only when exporting it (the download), not for looking.
 */
export async function personalData(scope: RequestScope, personId: unknown): Promise<PersonalData> {
  const { person } = await personForDataRequest(scope, personId);
  return collectPersonalData(scope, person, 100);
}

/** Records that an admin exported someone else's data. */
export async function auditExport(
  scope: RequestScope,
  person: PersonDoc,
  own: boolean,
): Promise<void> {
  if (!own) await recordAudit(scope, { action: 'person.data-exported', subject: person });
}

/**
 * Ends one session (a device): the viewer's own, or anyone's for admins (audited). Its live
 * editor and GraphQL connections close through the revocation record.
 */
export async function endDeviceSession(scope: RequestScope, input: unknown): Promise<boolean> {
  const viewer = requireViewer(scope);
  const { sessionId } = parseInput(z.object({ sessionId: z.string().min(10).max(100) }), input);
  const session = await scope.models.Session.findOne({ _id: sessionId }).lean<SessionDoc>();
  if (!session || session.revokedAt) throw notFound('session');
  const own = String(session.personId) === String(viewer.person._id);
  if (!own) {
    const process = await loadProcess(scope);
    if (!canAct(viewer.actor, 'managePersonalData', process, { type: 'people' }))
      throw notFound('session');
  }
  await scope.sessions.revoke(session._id, String(session.personId), 'session-revoked');
  if (!own) {
    const person = await scope.models.Person.findOne({ _id: session.personId }, { name: 1 }).lean<
      Pick<PersonDoc, '_id' | 'name'>
    >();
    if (person) await recordAudit(scope, { action: 'person.session-ended', subject: person });
  }
  return true;
}

const deleteSchema = z.object({ personId: objectIdSchema.nullish(), confirmEmail: emailSchema });

/**
 * Deletes an account (the person's own, or anyone's for admins), after the person's e-mail was
 * typed to confirm. Refused for the last active admin. The profile is emptied to a nameless
 * placeholder with the same id (so comments, tasks, versions and activity stay and read
 * "ehemaliges Mitglied"), sessions end and are removed, memberships, task assignments,
 * notifications, settings, invitations and the second factor are removed. A statement a person
 * wrote for a council stays the council's. Audited (with the name, for the retention period).
 */
export async function deleteAccount(
  scope: RequestScope,
  input: unknown,
): Promise<{ personId: string; own: boolean }> {
  const args = parseInput(deleteSchema, input);
  const { person, own } = await personForDataRequest(scope, args.personId ?? undefined);
  if (args.confirmEmail !== person.email) throw new DomainError('confirmation-mismatch');
  const id = person._id;
  // One deletion of an admin at a time across API processes: two admins deleting each other
  // at once must not leave none.
  await scope.writeLock.run('admins', async () => {
    if (person.systemRole === 'admin') {
      const others = await scope.models.Person.countDocuments({
        systemRole: 'admin',
        status: 'active',
        _id: op({ $ne: id }),
      });
      if (others === 0) throw new DomainError('last-admin');
    }
    await scope.writeLock.run(`person:${String(id)}`, () =>
      scope.models.Person.updateOne(
        { _id: id },
        {
          $set: {
            name: FORMER_MEMBER.de,
            email: `deleted-${String(id)}@deleted.invalid`,
            passwordHash: null,
            locale: 'de',
            organisationId: null,
            systemRole: 'member',
            coordinatorScope: { all: false, actionFieldKeys: [] },
            status: 'deleted',
            secondFactorEnabled: false,
            oidc: null,
            deletedAt: new Date(),
            updatedAt: new Date(),
          },
        },
      ),
    );
  });
  await scope.models.Session.updateMany(
    { personId: id, revokedAt: null },
    { $set: { revokedAt: new Date() } },
  );
  await writeCollabRevocations(scope.models.CollabRevocation, [
    { personId: String(id), reason: 'account-deleted' },
  ]);
  await removeTraces(scope, person);
  await recordAudit(scope, {
    action: 'person.deleted',
    subject: person,
    detail: own ? 'self' : null,
  });
  scope.loaders.person.clear(String(id));
  await scope.search.noteChange('person', String(id));
  return { personId: String(id), own };
}

/** Removes what belongs to the person alone and re-credits what stays to "former member". */
async function removeTraces(scope: RequestScope, person: PersonDoc): Promise<void> {
  const id = person._id;
  const m = scope.models;
  await m.Session.deleteMany({ personId: id });
  const processes = await m.Process.find(
    {
      $or: op([
        { 'groups.members.personId': id },
        { 'bodies.memberIds': id },
        { 'bodies.chairIds': id },
      ]),
    },
    { _id: 1 },
  ).lean<{ _id: Types.ObjectId }[]>();
  for (const p of processes) {
    await changeProcessStructure(scope, String(p._id), ['groups', 'bodies'], (process) => {
      for (const group of process.groups) {
        group.members = group.members.filter((member) => String(member.personId) !== String(id));
      }
      for (const body of process.bodies) {
        body.memberIds = body.memberIds.filter((memberId) => String(memberId) !== String(id));
        // A chair submits the body's statements: a deleted person no longer may.
        if (body.chairIds) body.chairIds = body.chairIds.filter((c) => String(c) !== String(id));
      }
    });
  }
  const assigned = await m.Task.find({ assigneeIds: id }, { _id: 1, processId: 1 }).lean<
    Pick<TaskDoc, '_id' | 'processId'>[]
  >();
  for (const task of assigned) {
    // Under the lease of the process's tasks, like every task write.
    await scope.writeLock.run(`tasks:${String(task.processId)}`, async () => {
      const current = await m.Task.findOne({ _id: task._id }, { assigneeIds: 1 }).lean<
        Pick<TaskDoc, 'assigneeIds'>
      >();
      if (!current) return;
      await m.Task.updateOne(
        { _id: task._id },
        {
          $set: {
            assigneeIds: current.assigneeIds.filter((a) => String(a) !== String(id)),
            updatedAt: new Date(),
          },
        },
      );
    });
  }
  await m.Activity.updateMany({ actorId: id }, { $set: { actorName: FORMER_MEMBER.de } });
  await m.Notification.deleteMany({ personId: id });
  await m.Notification.updateMany({ actorId: id }, { $set: { actorName: FORMER_MEMBER.de } });
  await m.NotificationSettings.deleteOne({ _id: String(id) });
  await m.OutboxMessage.deleteMany({ to: person.email });
  await m.Invitation.deleteMany({ personId: id });
  await m.SecondFactor.deleteOne({ _id: String(id) });
  // Named versions are written by the collab server; their author's name is a copy.
  await scope.connection
    .collection('document_versions')
    .updateMany(
      { 'createdBy.personId': String(id) },
      { $set: { 'createdBy.name': FORMER_MEMBER.de } },
    );
}
