import { Types } from 'mongoose';
import { z } from 'zod';
import { BODY_KINDS, writeCollabRevocations } from '@lip/common';
import { canAct } from '../../auth/policy';
import { forbidden, notFound } from '../../errors';
import { requireViewer, type RequestScope } from '../../scope';
import { objectIdSchema, parseInput } from '../../validation';
import { recordActivity } from '../activity/activity.service';
import type { BodyDoc } from '../process/process.model';
import { changeProcessStructure, findProcess, loadProcess } from '../process/process.service';

const KIND_ORDER = { 'district-council': 0, 'round-table': 1, 'steering-group': 2 } as const;

/** Bodies of the current process: councils by name, then round table and steering group. */
export async function listBodies(scope: RequestScope, kind: unknown): Promise<BodyDoc[]> {
  requireViewer(scope);
  const k = parseInput(z.enum(BODY_KINDS).nullish(), kind);
  const process = await findProcess(scope);
  if (!process) return [];
  return process.bodies
    .filter((b) => !k || b.kind === k)
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name, 'de'));
}

/** One body of the current process, or null. */
export async function findBody(scope: RequestScope, id: unknown): Promise<BodyDoc | null> {
  requireViewer(scope);
  const process = await findProcess(scope);
  return process?.bodies.find((b) => String(b._id) === id) ?? null;
}

const memberSchema = z.object({ bodyId: objectIdSchema, personId: objectIdSchema });

/**
 * Adds or removes a body member (admins, coordinators of all fields). Removal revokes the
 * person's editor connections to documents shared with the body.
 */
export async function changeBodyMember(
  scope: RequestScope,
  input: unknown,
  add: boolean,
): Promise<BodyDoc> {
  const viewer = requireViewer(scope);
  const args = parseInput(memberSchema, input);
  const process = await loadProcess(scope);
  if (!canAct(viewer.actor, 'manageBodies', process, { type: 'bodies' })) throw forbidden();
  const body = process.bodies.find((b) => String(b._id) === args.bodyId);
  if (!body) throw notFound('body');
  const person = await scope.loaders.person.load(args.personId);
  if (!person) throw notFound('person');
  if (!add && !body.memberIds.some((id) => String(id) === args.personId)) throw notFound('member');
  const { process: updated } = await changeProcessStructure(
    scope,
    String(process._id),
    ['bodies'],
    (p) => {
      const b = p.bodies.find((x) => String(x._id) === args.bodyId);
      if (!b) throw notFound('body');
      const others = b.memberIds.filter((id) => String(id) !== args.personId);
      b.memberIds = add ? [...others, new Types.ObjectId(args.personId)] : others;
    },
  );
  if (!add) {
    await writeCollabRevocations(scope.revocationSink, [
      { personId: args.personId, reason: 'body-membership-removed' },
    ]);
  }
  await recordActivity(scope, {
    processId: process._id,
    actionFieldKey: null,
    verb: add ? 'body.member-added' : 'body.member-removed',
    subjectTitle: body.name,
    detail: person.name,
  });
  return updated.bodies.find((b) => String(b._id) === args.bodyId) ?? body;
}
