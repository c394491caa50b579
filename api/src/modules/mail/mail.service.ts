import { z } from 'zod';
import { canAct } from '../../auth/policy';
import { forbidden, notFound } from '../../errors';
import { requireViewer, type RequestScope } from '../../scope';
import { parseInput } from '../../validation';
import { loadProcess } from '../process/process.service';
import type { OutboxMessageDoc } from './mail.model';

/**
 * The newest outbox mails, for the development outbox page. Only admins, and never in
 * production (there the outbox is a queue, not something to read).
 */
export async function listDevOutbox(
  scope: RequestScope,
  first: unknown,
): Promise<OutboxMessageDoc[]> {
  const viewer = requireViewer(scope);
  if (scope.config.env === 'production') throw notFound('outbox');
  const limit = parseInput(z.number().int().min(1).max(200).default(50), first ?? undefined);
  const process = await loadProcess(scope);
  if (!canAct(viewer.actor, 'readMailOutbox', process, { type: 'people' })) throw forbidden();
  return scope.models.OutboxMessage.find({})
    .sort({ createdAt: -1 })
    .limit(limit)
    .lean<OutboxMessageDoc[]>();
}

/** Whether the viewer may read the development outbox now (for the link in the web app). */
export async function isDevOutboxAvailable(scope: RequestScope): Promise<boolean> {
  const viewer = requireViewer(scope);
  if (scope.config.env === 'production') return false;
  const process = await loadProcess(scope);
  return canAct(viewer.actor, 'readMailOutbox', process, { type: 'people' });
}
