import { Types } from 'mongoose';
import { z } from 'zod';
import { canAct } from '../../auth/policy';
import { fieldError, forbidden, notFound } from '../../errors';
import { requireViewer, type RequestScope } from '../../scope';
import { objectIdSchema, parseInput } from '../../validation';
import { recordActivity } from '../activity/activity.service';
import type { BodyDoc, GroupDoc, ProcessDoc } from '../process/process.model';
import { changeProcessStructure, loadProcess } from '../process/process.service';

const groupSettingsSchema = z.object({ groupId: objectIdSchema, fourEyes: z.boolean() });

/**
 * Turns a group's four-eyes rule for review responses on or off (whoever manages the group:
 * the field's coordinators, admins).
 */
export async function setGroupReviewSettings(
  scope: RequestScope,
  input: unknown,
): Promise<{ group: GroupDoc; process: ProcessDoc }> {
  const viewer = requireViewer(scope);
  const args = parseInput(groupSettingsSchema, input);
  const process = await loadProcess(scope);
  const group = process.groups.find((g) => String(g._id) === args.groupId);
  if (!group) throw notFound('groupId');
  if (
    !canAct(viewer.actor, 'manageGroup', process, {
      type: 'actionField',
      key: group.actionFieldKey,
    })
  ) {
    throw forbidden();
  }
  const { process: updated } = await changeProcessStructure(
    scope,
    String(process._id),
    ['groups'],
    (p) => {
      const g = p.groups.find((x) => String(x._id) === args.groupId);
      if (!g) throw notFound('groupId');
      g.reviewFourEyes = args.fourEyes;
    },
  );
  await recordActivity(scope, {
    processId: process._id,
    actionFieldKey: group.actionFieldKey,
    groupId: group._id,
    verb: 'group.review-settings-changed',
    subjectTitle: group.name.de,
    detail: args.fourEyes ? 'four-eyes on' : 'four-eyes off',
  });
  const saved = updated.groups.find((g) => String(g._id) === args.groupId) ?? group;
  return { group: saved, process: updated };
}

const chairsSchema = z.object({
  bodyId: objectIdSchema,
  personIds: z.array(objectIdSchema).max(10),
});

/**
 * Names the members authorised to submit a body's statements (chair and deputies); an empty
 * list lets every member submit. Whoever manages bodies may; chairs must be members.
 */
export async function setBodyChairs(scope: RequestScope, input: unknown): Promise<BodyDoc> {
  const viewer = requireViewer(scope);
  const args = parseInput(chairsSchema, input);
  const process = await loadProcess(scope);
  if (!canAct(viewer.actor, 'manageBodies', process, { type: 'bodies' })) throw forbidden();
  const body = process.bodies.find((b) => String(b._id) === args.bodyId);
  if (!body) throw notFound('bodyId');
  args.personIds.forEach((id, position) => {
    if (!body.memberIds.some((m) => String(m) === id)) {
      throw fieldError('invalid-input', `personIds.${position}`, 'must be a member of the body');
    }
  });
  const { process: updated } = await changeProcessStructure(
    scope,
    String(process._id),
    ['bodies'],
    (p) => {
      const b = p.bodies.find((x) => String(x._id) === args.bodyId);
      if (!b) throw notFound('bodyId');
      b.chairIds = [...new Set(args.personIds)].map((id) => new Types.ObjectId(id));
    },
  );
  await recordActivity(scope, {
    processId: process._id,
    actionFieldKey: null,
    verb: 'body.chairs-changed',
    subjectTitle: body.name,
  });
  return updated.bodies.find((b) => String(b._id) === args.bodyId) ?? body;
}
