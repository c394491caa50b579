import { Types } from 'mongoose';
import { z } from 'zod';
import { op } from '../../db/connection';
import { notFound } from '../../errors';
import { Topics } from '../../pubsub/pubsub';
import { requireViewer, type AppDeps, type RequestScope } from '../../scope';
import { parseInput } from '../../validation';
import type { PersonDoc } from '../person/person.model';
import type { NotificationEvent, NotificationScope } from './notification.events';
import { enqueueNotificationMail } from './notification.mail';
import type { NotificationDoc } from './notification.model';
import { emailModesOf } from './notification.settings';
import { toStoredFields } from './notification.texts';

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 11000;
}

/**
 * Tells people what happened: stores one notification per recipient (never the actor), pushes
 * it to their open sessions and queues the mail their settings ask for. The event API other
 * modules call; it never throws (a failed notification must not fail the action that caused it)
 * and returns how many people were notified.
 */
export async function notify(
  deps: AppDeps,
  scope: NotificationScope,
  event: NotificationEvent,
): Promise<number> {
  try {
    return await notifyNow(deps, scope, event);
  } catch (error) {
    deps.logger.error({ err: error, kind: event.kind }, 'notification failed');
    return 0;
  }
}

async function notifyNow(
  deps: AppDeps,
  scope: NotificationScope,
  event: NotificationEvent,
): Promise<number> {
  const ids = [...new Set(scope.recipientIds.map(String))].filter(
    (id) => id !== scope.actor?.id && Types.ObjectId.isValid(id),
  );
  if (ids.length === 0) return 0;
  const people = await deps.models.Person.find(
    { _id: op({ $in: ids.map((id) => new Types.ObjectId(id)) }), status: 'active' },
    { name: 1, email: 1, locale: 1 },
  ).lean<Pick<PersonDoc, '_id' | 'name' | 'email' | 'locale'>[]>();
  const modes = await emailModesOf(
    deps.models,
    people.map((p) => String(p._id)),
  );
  const fields = toStoredFields(event);
  let count = 0;
  let mailed = false;
  for (const person of people) {
    const personId = String(person._id);
    const emailMode = modes.get(personId)?.[event.kind] ?? 'off';
    const doc: NotificationDoc = {
      _id: scope.key ? `${scope.key}:${personId}` : new Types.ObjectId().toHexString(),
      personId: person._id,
      kind: event.kind,
      processId: scope.processId ? new Types.ObjectId(scope.processId) : null,
      actorId: scope.actor ? new Types.ObjectId(scope.actor.id) : null,
      actorName: scope.actor?.name ?? null,
      ...fields,
      createdAt: new Date(),
      readAt: null,
      emailMode,
      digestedAt: null,
    };
    try {
      await deps.models.Notification.create(doc);
    } catch (error) {
      // A once-only notification another process (or an earlier run) already claimed.
      if (isDuplicateKey(error)) continue;
      throw error;
    }
    count += 1;
    deps.pubsub.publish(Topics.notificationAdded(personId), doc);
    if (emailMode === 'immediate') {
      await enqueueNotificationMail(deps, person, doc);
      mailed = true;
    }
  }
  if (mailed) deps.mail.kick();
  return count;
}

const listSchema = z.object({
  first: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100').default(20),
  after: z.string().max(80).nullish(),
  unreadOnly: z.boolean().default(false),
});

/** The viewer's notifications, newest first (cursor = the last one's id). */
export async function listNotifications(
  scope: RequestScope,
  input: unknown,
): Promise<{ nodes: NotificationDoc[]; hasNextPage: boolean }> {
  const viewer = requireViewer(scope);
  const args = parseInput(listSchema, input);
  const filter: Record<string, unknown> = { personId: viewer.person._id };
  if (args.unreadOnly) filter.readAt = null;
  if (args.after) {
    const last = await scope.models.Notification.findOne({
      _id: args.after,
      personId: viewer.person._id,
    }).lean<NotificationDoc>();
    if (last) {
      filter.$or = [
        { createdAt: op({ $lt: last.createdAt }) },
        { createdAt: last.createdAt, _id: op({ $lt: last._id }) },
      ];
    }
  }
  const rows = await scope.models.Notification.find(filter)
    .sort({ createdAt: -1, _id: -1 })
    .limit(args.first + 1)
    .lean<NotificationDoc[]>();
  return { nodes: rows.slice(0, args.first), hasNextPage: rows.length > args.first };
}

/** How many of the viewer's notifications are unread. */
export async function countUnread(scope: RequestScope): Promise<number> {
  const viewer = requireViewer(scope);
  return scope.models.Notification.countDocuments({ personId: viewer.person._id, readAt: null });
}

const idSchema = z.string().min(1).max(200);

/** Marks one of the viewer's notifications read; someone else's is "not found". */
export async function markNotificationRead(
  scope: RequestScope,
  id: unknown,
): Promise<NotificationDoc> {
  const viewer = requireViewer(scope);
  const notificationId = parseInput(idSchema, id);
  const filter = { _id: notificationId, personId: viewer.person._id };
  const found = await scope.models.Notification.findOne(filter).lean<NotificationDoc>();
  if (!found) throw notFound('notification');
  if (found.readAt) return found;
  const readAt = new Date();
  await scope.models.Notification.updateOne(filter, { $set: { readAt } });
  return { ...found, readAt };
}

/** Marks every unread notification of the viewer read; returns how many. */
export async function markAllNotificationsRead(scope: RequestScope): Promise<number> {
  const viewer = requireViewer(scope);
  const result = await scope.models.Notification.updateMany(
    { personId: viewer.person._id, readAt: null },
    { $set: { readAt: new Date() } },
  );
  return result.modifiedCount;
}

/** The topic of the viewer's own notifications. */
export function notificationTopic(scope: RequestScope): string {
  const viewer = requireViewer(scope);
  return Topics.notificationAdded(String(viewer.person._id));
}
