import { Types } from 'mongoose';
import { z } from 'zod';
import { canAct } from '../../auth/policy';
import { DomainError, forbidden, notFound } from '../../errors';
import { requireViewer, type RequestScope } from '../../scope';
import { dateSchema, objectIdSchema, parseInput, textSchema } from '../../validation';
import { recordActivity } from '../activity/activity.service';
import type { MilestoneDoc, ProcessDoc } from '../process/process.model';
import { changeProcessStructure, findProcess, loadProcess } from '../process/process.service';

const createSchema = z.object({
  processId: objectIdSchema.nullish(),
  title: textSchema(200, 2),
  date: dateSchema,
  actionFieldKey: z.string().min(1).max(60).nullish(),
});

/** Adds a milestone (process-wide: admins and all-field coordinators; per field: its coordinators). */
export async function createMilestone(scope: RequestScope, input: unknown): Promise<MilestoneDoc> {
  const viewer = requireViewer(scope);
  const args = parseInput(createSchema, input);
  const process = await loadProcess(scope, args.processId);
  const key = args.actionFieldKey ?? null;
  if (key && !process.actionFields.some((a) => a.key === key)) {
    throw new DomainError('not-found', 'action field');
  }
  if (
    !canAct(viewer.actor, 'manageMilestone', process, { type: 'milestone', actionFieldKey: key })
  ) {
    throw forbidden();
  }
  const milestone: MilestoneDoc = {
    _id: new Types.ObjectId(),
    title: args.title,
    date: args.date,
    done: false,
    actionFieldKey: key,
  };
  await changeProcessStructure(scope, String(process._id), ['milestones'], (p) => {
    p.milestones.push(milestone);
  });
  await recordActivity(scope, {
    processId: process._id,
    actionFieldKey: key,
    verb: 'milestone.created',
    subjectTitle: milestone.title,
  });
  return milestone;
}

const updateSchema = z.object({
  milestoneId: objectIdSchema,
  title: textSchema(200, 2).nullish(),
  date: dateSchema.nullish(),
  done: z.boolean().nullish(),
});

/** Changes title, date or done state of a milestone. */
export async function updateMilestone(scope: RequestScope, input: unknown): Promise<MilestoneDoc> {
  const viewer = requireViewer(scope);
  const args = parseInput(updateSchema, input);
  const process = await loadProcess(scope);
  const existing = process.milestones.find((m) => String(m._id) === args.milestoneId);
  if (!existing) throw notFound('milestone');
  const key = existing.actionFieldKey ?? null;
  if (
    !canAct(viewer.actor, 'manageMilestone', process, { type: 'milestone', actionFieldKey: key })
  ) {
    throw forbidden();
  }
  const { result } = await changeProcessStructure(
    scope,
    String(process._id),
    ['milestones'],
    (p) => {
      const m = p.milestones.find((x) => String(x._id) === args.milestoneId);
      if (!m) throw notFound('milestone');
      if (args.title != null) m.title = args.title;
      if (args.date != null) m.date = args.date;
      if (args.done != null) m.done = args.done;
      return { ...m };
    },
  );
  await recordActivity(scope, {
    processId: process._id,
    actionFieldKey: key,
    verb: 'milestone.updated',
    subjectTitle: result.title,
    detail: result.done ? 'done' : null,
  });
  return result;
}

/** Whether the viewer may change or delete the milestone (for `Milestone.viewerCanManage`). */
export async function canManageMilestone(
  scope: RequestScope,
  milestone: MilestoneDoc,
): Promise<boolean> {
  const process = scope.viewer ? await findProcess(scope) : null;
  return (
    process !== null && canManageMilestonesOf(scope, process, milestone.actionFieldKey ?? null)
  );
}

/** Whether the viewer may add, change and delete milestones of a field (null: process-wide). */
export function canManageMilestonesOf(
  scope: RequestScope,
  process: ProcessDoc,
  actionFieldKey: string | null,
): boolean {
  return (
    scope.viewer !== null &&
    canAct(scope.viewer.actor, 'manageMilestone', process, { type: 'milestone', actionFieldKey })
  );
}

/**
 * Deletes a milestone (whoever may manage it). Tasks linked to it lose the link afterwards; a
 * link left by an interruption in between resolves to no milestone, never to an error.
 */
export async function deleteMilestone(scope: RequestScope, milestoneId: unknown): Promise<string> {
  const viewer = requireViewer(scope);
  const id = parseInput(objectIdSchema, milestoneId);
  const process = await loadProcess(scope);
  const existing = process.milestones.find((m) => String(m._id) === id);
  if (!existing) throw notFound('milestone');
  const key = existing.actionFieldKey ?? null;
  if (
    !canAct(viewer.actor, 'manageMilestone', process, { type: 'milestone', actionFieldKey: key })
  ) {
    throw forbidden();
  }
  await changeProcessStructure(scope, String(process._id), ['milestones'], (p) => {
    p.milestones = p.milestones.filter((m) => String(m._id) !== id);
  });
  await scope.models.Task.updateMany(
    { processId: process._id, milestoneId: existing._id },
    { $set: { milestoneId: null } },
  );
  await recordActivity(scope, {
    processId: process._id,
    actionFieldKey: key,
    verb: 'milestone.deleted',
    subjectTitle: existing.title,
  });
  return id;
}
