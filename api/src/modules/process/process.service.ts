import type { Lease } from '../../db/keyed-lock';
import { DomainError, notFound } from '../../errors';
import type { RequestScope } from '../../scope';
import { objectIdSchema, parseInput } from '../../validation';
import type { ProcessDoc } from './process.model';

/** The process by id, or the current one when `id` is null; `not-found` when there is none. */
export async function loadProcess(scope: RequestScope, id?: string | null): Promise<ProcessDoc> {
  const process = id
    ? await scope.loaders.process.load(parseInput(objectIdSchema, id))
    : await scope.loaders.currentProcess();
  if (!process) throw notFound('process');
  return process;
}

/** Like {@link loadProcess} but returns null instead of throwing (for nullable queries). */
export async function findProcess(
  scope: RequestScope,
  id?: string | null,
): Promise<ProcessDoc | null> {
  if (id && !objectIdSchema.safeParse(id).success) return null;
  return id ? scope.loaders.process.load(id) : scope.loaders.currentProcess();
}

/** All processes, newest first. */
export function listProcesses(scope: RequestScope): Promise<ProcessDoc[]> {
  return scope.models.Process.find({}).sort({ createdAt: -1 }).lean<ProcessDoc[]>();
}

type StructureKey = 'groups' | 'bodies' | 'milestones';

/**
 * Changes the structure arrays of a process: re-reads, applies `change` (which may throw a domain
 * error) and writes. FerretDB has no transactions and its 1.24 SQLite backend applies neither a
 * revision filter nor an update atomically, so every writer of a process's structure, in any API
 * process, holds the write lease `process:<id>` for the whole read-modify-write. The revision
 * check stays as a second guard against writers outside the lock (scripts, the seed).
 */
export async function changeProcessStructure<R>(
  scope: RequestScope,
  processId: string,
  keys: StructureKey[],
  change: (process: ProcessDoc) => R,
): Promise<{ process: ProcessDoc; result: R }> {
  return scope.writeLock.run(`process:${processId}`, (lease) =>
    writeStructure(scope, processId, keys, change, lease),
  );
}

async function writeStructure<R>(
  scope: RequestScope,
  processId: string,
  keys: StructureKey[],
  change: (process: ProcessDoc) => R,
  lease: Lease,
): Promise<{ process: ProcessDoc; result: R }> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const process = await scope.models.Process.findOne({ _id: processId }).lean<ProcessDoc>();
    if (!process) throw notFound('process');
    const result = change(process);
    const set: Record<string, unknown> = { revision: process.revision + 1 };
    for (const key of keys) set[key] = process[key];
    lease.assertHeld();
    const written = await scope.models.Process.updateOne(
      { _id: process._id, revision: process.revision },
      { $set: set },
    );
    if (written.matchedCount === 1) {
      const updated = { ...process, revision: process.revision + 1 };
      scope.loaders.process.clear(processId).prime(processId, updated);
      return { process: updated, result };
    }
  }
  throw new DomainError('conflict', 'process structure changed concurrently');
}
