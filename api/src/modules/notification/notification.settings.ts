import { Types } from 'mongoose';
import { z } from 'zod';
import { op } from '../../db/connection';
import type { Models } from '../../db/models';
import { requireViewer, type RequestScope } from '../../scope';
import { parseInput } from '../../validation';
import {
  EMAIL_MODES,
  NOTIFICATION_KINDS,
  type EmailMode,
  type NotificationKind,
} from './notification.events';
import type { NotificationSettingsDoc } from './notification.model';

/**
 * The e-mail mode of each kind until a person changes it: what needs action now comes at once,
 * the rest in the daily digest.
 */
export const DEFAULT_EMAIL_MODES: Record<NotificationKind, EmailMode> = {
  'task-assigned': 'immediate',
  'task-due': 'digest',
  'task-overdue': 'digest',
  mention: 'immediate',
  reply: 'digest',
  'document-shared': 'immediate',
  'document-status': 'digest',
  'document-decision': 'immediate',
  'measure-status': 'digest',
  'paper-edition': 'immediate',
  'statement-due': 'immediate',
  'responses-published': 'digest',
  invitation: 'immediate',
};

/** Every kind's mode for a person: their choice, else the default. */
export type EmailModes = Record<NotificationKind, EmailMode>;

function withDefaults(doc: NotificationSettingsDoc | null | undefined): EmailModes {
  const modes = { ...DEFAULT_EMAIL_MODES };
  for (const kind of NOTIFICATION_KINDS) {
    const chosen = doc?.email?.[kind];
    if (chosen) modes[kind] = chosen;
  }
  return modes;
}

/** The e-mail modes of several people in one query. */
export async function emailModesOf(
  models: Models,
  personIds: readonly string[],
): Promise<Map<string, EmailModes>> {
  const rows = await models.NotificationSettings.find({
    _id: op({ $in: [...personIds] }),
  }).lean<NotificationSettingsDoc[]>();
  const byId = new Map(rows.map((r) => [r._id, r]));
  return new Map(personIds.map((id) => [id, withDefaults(byId.get(id))]));
}

/** Sets one kind's mode for a person (the settings page and the unsubscribe link). */
export async function setEmailMode(
  models: Models,
  personId: string,
  kinds: readonly NotificationKind[],
  mode: EmailMode,
): Promise<void> {
  const set: Record<string, unknown> = { updatedAt: new Date() };
  for (const kind of kinds) set[`email.${kind}`] = mode;
  await models.NotificationSettings.updateOne({ _id: personId }, { $set: set }, { upsert: true });
}

/** The kinds that currently go to a person's daily digest (what "unsubscribe from the digest" turns off). */
export async function digestKindsOf(models: Models, personId: string): Promise<NotificationKind[]> {
  const modes = (await emailModesOf(models, [personId])).get(personId) ?? DEFAULT_EMAIL_MODES;
  return NOTIFICATION_KINDS.filter((kind) => modes[kind] === 'digest');
}

/** The viewer's own e-mail settings. */
export async function viewerEmailModes(scope: RequestScope): Promise<EmailModes> {
  const viewer = requireViewer(scope);
  const id = String(viewer.person._id);
  return (await emailModesOf(scope.models, [id])).get(id) ?? { ...DEFAULT_EMAIL_MODES };
}

const updateSchema = z.object({
  email: z
    .array(z.object({ kind: z.enum(NOTIFICATION_KINDS), mode: z.enum(EMAIL_MODES) }))
    .min(1, 'must name at least one kind')
    .max(NOTIFICATION_KINDS.length * 2),
});

/** Changes the viewer's own e-mail settings (only their own: there is no person argument). */
export async function updateViewerEmailModes(
  scope: RequestScope,
  input: unknown,
): Promise<EmailModes> {
  const viewer = requireViewer(scope);
  const args = parseInput(updateSchema, input);
  const set: Record<string, unknown> = { updatedAt: new Date() };
  for (const { kind, mode } of args.email) set[`email.${kind}`] = mode;
  const id = String(viewer.person._id);
  await scope.models.NotificationSettings.updateOne({ _id: id }, { $set: set }, { upsert: true });
  return viewerEmailModes(scope);
}

/** Whether `id` is a person id (the unsubscribe token carries one). */
export function isPersonId(id: string): boolean {
  return Types.ObjectId.isValid(id) && /^[0-9a-f]{24}$/.test(id);
}
