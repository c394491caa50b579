import { Types } from 'mongoose';
import { z } from 'zod';
import type { AuditAction } from '@lip/common';
import { canAct } from '../../auth/policy';
import { op } from '../../db/connection';
import type { Models } from '../../db/models';
import { forbidden } from '../../errors';
import { requireViewer, type RequestScope } from '../../scope';
import { objectIdSchema, parseInput } from '../../validation';
import { loadProcess } from '../process/process.service';
import type { AuditEntryDoc } from './audit.model';

/** What one audit entry says; the actor is the viewer unless given. */
export interface AuditInput {
  action: AuditAction;
  subject: { _id: Types.ObjectId; name: string } | null;
  detail?: string | null;
  /** Who acted when it is not the signed-in viewer (the identity provider: `null`). */
  actor?: { _id: Types.ObjectId; name: string } | null;
}

/** The name written for changes made by the identity provider's claims. */
export const PROVIDER_ACTOR_NAME = 'Identity provider';

/** Appends one entry to the audit trail. */
export async function recordAudit(scope: RequestScope, input: AuditInput): Promise<void> {
  const actor =
    input.actor === undefined
      ? scope.viewer
        ? { _id: scope.viewer.person._id, name: scope.viewer.person.name }
        : null
      : input.actor;
  await scope.models.AuditEntry.create({
    action: input.action,
    actorId: actor?._id ?? null,
    actorName: actor?.name ?? PROVIDER_ACTOR_NAME,
    subjectId: input.subject?._id ?? null,
    subjectName: input.subject?.name ?? null,
    detail: input.detail ?? null,
  });
}

const listSchema = z.object({
  first: z.number().int().min(1).max(200).default(50),
  before: objectIdSchema.nullish(),
  subjectId: objectIdSchema.nullish(),
});

/** Audit entries, newest first, paged by `before` (an entry id); admins only. */
export async function listAuditEntries(
  scope: RequestScope,
  input: unknown,
): Promise<AuditEntryDoc[]> {
  const viewer = requireViewer(scope);
  const args = parseInput(listSchema, input ?? {});
  const process = await loadProcess(scope);
  if (!canAct(viewer.actor, 'readAuditLog', process, { type: 'people' })) throw forbidden();
  const filter: Record<string, unknown> = {};
  if (args.before) filter._id = op({ $lt: new Types.ObjectId(args.before) });
  if (args.subjectId) filter.subjectId = new Types.ObjectId(args.subjectId);
  return scope.models.AuditEntry.find(filter)
    .sort({ _id: -1 })
    .limit(args.first)
    .lean<AuditEntryDoc[]>();
}

/**
 * Deletes entries older than the retention period; returns how many. A scheduled delete rather
 * than a TTL index: FerretDB 1.24 does not expire documents.
 */
export async function pruneAuditEntries(
  models: Models,
  retentionDays: number,
  now = Date.now(),
): Promise<number> {
  const cutoff = new Date(now - retentionDays * 86_400_000);
  const result = await models.AuditEntry.deleteMany({ createdAt: op({ $lt: cutoff }) });
  return result.deletedCount;
}

/**
 * Runs {@link pruneAuditEntries} once at start and then every `everyMs` (default daily). A
 * failed prune is logged and retried at the next tick.
 */
export function createAuditPrune(deps: {
  models: Models;
  retentionDays: number;
  log: (line: string) => void;
  everyMs?: number;
}) {
  let timer: NodeJS.Timeout | null = null;
  const run = () =>
    pruneAuditEntries(deps.models, deps.retentionDays).catch((error: unknown) =>
      deps.log(`audit prune failed: ${String(error)}`),
    );
  return {
    start() {
      if (timer) return;
      void run();
      timer = setInterval(() => void run(), deps.everyMs ?? 86_400_000);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
