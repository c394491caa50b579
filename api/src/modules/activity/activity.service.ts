import { Types } from 'mongoose';
import type { ActivityVerb } from '@lip/common';
import { canSee, canSeeOthersDetail } from '../../auth/policy';
import { op } from '../../db/connection';
import type { RequestScope } from '../../scope';
import { requireViewer } from '../../scope';
import { objectIdSchema, parseInput } from '../../validation';
import { z } from 'zod';
import type { ProcessDoc } from '../process/process.model';
import { loadProcess } from '../process/process.service';
import type { ActivityDoc } from './activity.model';

/** What happened, for {@link recordActivity}. */
export interface ActivityInput {
  processId: Types.ObjectId;
  actionFieldKey: string | null;
  groupId?: Types.ObjectId | null;
  documentId?: Types.ObjectId | null;
  verb: ActivityVerb;
  subjectTitle: string;
  detail?: string | null;
}

/** Appends an activity entry for the viewer's action. Never updated or deleted afterwards. */
export async function recordActivity(scope: RequestScope, input: ActivityInput): Promise<void> {
  const viewer = requireViewer(scope);
  await scope.models.Activity.create({
    ...input,
    groupId: input.groupId ?? null,
    documentId: input.documentId ?? null,
    detail: input.detail ?? null,
    actorId: viewer.person._id,
    actorName: viewer.person.name,
  });
}

/**
 * Builds the filter part that hides activities of action fields the viewer may not see inside:
 * process-wide entries are public, field entries need {@link canSee} on a task of that field
 * (the same "insider" rule).
 */
export function visibleActivityFieldKeys(
  scope: RequestScope,
  process: ProcessDoc,
): (string | null)[] {
  const viewer = requireViewer(scope);
  const keys: (string | null)[] = [null];
  for (const field of process.actionFields) {
    if (
      canSee(viewer.actor, process, { type: 'task', actionFieldKey: field.key, assigneeIds: [] })
    ) {
      keys.push(field.key);
    }
  }
  return keys;
}

/** Verbs whose entry tells an account's status, a personal detail (see the policy). */
const ACCOUNT_STATUS_VERBS: ActivityVerb[] = ['person.deactivated', 'person.reactivated'];

/**
 * The filter part every activity list applies: entries of the fields the viewer sees inside
 * ({@link visibleActivityFieldKeys}), and (de)activations of accounts only for those who may read
 * an account's status.
 */
export function visibleActivityFilter(
  scope: RequestScope,
  process: ProcessDoc,
): Record<string, unknown> {
  const viewer = requireViewer(scope);
  const filter: Record<string, unknown> = {
    actionFieldKey: op({ $in: visibleActivityFieldKeys(scope, process) }),
  };
  if (!canSeeOthersDetail(viewer.actor, 'status')) filter.verb = op({ $nin: ACCOUNT_STATUS_VERBS });
  return filter;
}

const filterSchema = z.object({
  processId: objectIdSchema.nullish(),
  actionFieldKey: z.string().max(60).nullish(),
  groupId: objectIdSchema.nullish(),
  documentId: objectIdSchema.nullish(),
  first: z.number().int().min(1).max(100).default(20),
  after: objectIdSchema.nullish(),
});

/** A page of activities the viewer may see, newest first (cursor = the last id). */
export async function listActivity(
  scope: RequestScope,
  input: unknown,
): Promise<{ nodes: ActivityDoc[]; hasNextPage: boolean }> {
  requireViewer(scope);
  const args = parseInput(filterSchema, input);
  const process = await loadProcess(scope, args.processId);
  const visible = visibleActivityFieldKeys(scope, process);
  const filter: Record<string, unknown> = {
    processId: process._id,
    ...visibleActivityFilter(scope, process),
  };
  if (args.actionFieldKey) {
    if (!visible.includes(args.actionFieldKey)) return { nodes: [], hasNextPage: false };
    filter.actionFieldKey = args.actionFieldKey;
  }
  if (args.groupId) filter.groupId = new Types.ObjectId(args.groupId);
  if (args.documentId) filter.documentId = new Types.ObjectId(args.documentId);
  if (args.after) filter._id = op({ $lt: new Types.ObjectId(args.after) });
  const rows = await scope.models.Activity.find(filter)
    .sort({ _id: -1 })
    .limit(args.first + 1)
    .lean<ActivityDoc[]>();
  return { nodes: rows.slice(0, args.first), hasNextPage: rows.length > args.first };
}
