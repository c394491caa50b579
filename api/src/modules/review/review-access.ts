import type { ReviewRoundStatus } from '@lip/common';
import {
  canSee,
  type ItemFacts,
  type ResponseFacts,
  type RoundFacts,
  type StatementFacts,
} from '../../auth/policy';
import { notFound } from '../../errors';
import { requireViewer, type RequestScope } from '../../scope';
import { objectIdSchema } from '../../validation';
import type { BodyDoc, ProcessDoc } from '../process/process.model';
import { loadProcess } from '../process/process.service';
import type { ResponseDoc, ReviewItemDoc, ReviewRoundDoc, StatementDoc } from './review.model';

/**
 * The round's status as people experience it: an open round whose deadline has passed is
 * closed (late statements are still accepted and marked). Stored status changes only by hand
 * or through the workflow; nothing needs a timer.
 */
export function effectiveStatus(round: ReviewRoundDoc, now = new Date()): ReviewRoundStatus {
  if (round.status === 'open' && round.deadline.getTime() <= now.getTime()) return 'closed';
  return round.status;
}

/** When the round closed: by hand, or at its deadline. */
export function closedAtOf(round: ReviewRoundDoc, now = new Date()): Date | null {
  if (round.closedAt) return round.closedAt;
  return effectiveStatus(round, now) === 'closed' ? round.deadline : null;
}

/** The policy's view of a round. */
export function toRoundFacts(round: ReviewRoundDoc, now = new Date()): RoundFacts {
  return {
    status: effectiveStatus(round, now),
    bodyIds: round.bodyIds,
    items: round.items.map(toItemFacts),
  };
}

/** The policy's view of a round item. */
export function toItemFacts(item: ReviewItemDoc): ItemFacts {
  return { actionFieldKey: item.actionFieldKey, groupId: item.groupId };
}

/** The policy's view of a statement. */
export function toStatementFacts(statement: StatementDoc): StatementFacts {
  return { bodyId: statement.bodyId, status: statement.status };
}

/** The policy's view of a response (null when the remark has none yet). */
export function toResponseFacts(response: ResponseDoc | null | undefined): ResponseFacts | null {
  return response ? { status: response.status, draftedById: response.draftedById } : null;
}

/** The statement id of a body in a round: at most one statement per body and round. */
export function statementIdOf(roundId: string, bodyId: string): string {
  return `${roundId}:${bodyId}`;
}

/** The round item at `index`, or `not-found` naming the field. */
export function itemAt(round: ReviewRoundDoc, index: number): ReviewItemDoc {
  const item = round.items.find((candidate) => candidate.index === index);
  if (!item) throw notFound('itemIndex');
  return item;
}

/** A body of the round's process by id. */
export function bodyOf(process: ProcessDoc, bodyId: unknown): BodyDoc | undefined {
  return process.bodies.find((b) => String(b._id) === String(bodyId));
}

/** A round with its process, without a visibility check (callers check the action). */
export async function loadRound(
  scope: RequestScope,
  roundId: unknown,
): Promise<{ round: ReviewRoundDoc; process: ProcessDoc }> {
  requireViewer(scope);
  const parsed = objectIdSchema.safeParse(roundId);
  if (!parsed.success) throw notFound('roundId');
  const round = await scope.loaders.review.round.load(parsed.data);
  if (!round) throw notFound('roundId');
  const process = await loadProcess(scope, String(round.processId));
  return { round, process };
}

/** A round the viewer may see, or `not-found` (never reveals that a hidden round exists). */
export async function loadVisibleRound(
  scope: RequestScope,
  roundId: unknown,
): Promise<{ round: ReviewRoundDoc; process: ProcessDoc }> {
  const viewer = requireViewer(scope);
  const loaded = await loadRound(scope, roundId);
  if (
    !canSee(viewer.actor, loaded.process, {
      type: 'reviewRound',
      round: toRoundFacts(loaded.round),
    })
  ) {
    throw notFound('roundId');
  }
  return loaded;
}

/** Whether the viewer may see the round (for lists and subscriptions). */
export function viewerSeesRound(
  scope: RequestScope,
  process: ProcessDoc,
  round: ReviewRoundDoc,
): boolean {
  const viewer = scope.viewer;
  return (
    !!viewer && canSee(viewer.actor, process, { type: 'reviewRound', round: toRoundFacts(round) })
  );
}

/** Whether the viewer may read a statement's content (text, remarks). */
export function viewerSeesStatement(
  scope: RequestScope,
  process: ProcessDoc,
  round: ReviewRoundDoc,
  statement: StatementDoc,
): boolean {
  const viewer = scope.viewer;
  return (
    !!viewer &&
    canSee(viewer.actor, process, {
      type: 'statement',
      round: toRoundFacts(round),
      statement: toStatementFacts(statement),
    })
  );
}

/** Whether the viewer may read a response (bodies: approved ones once the round is evaluated). */
export function viewerSeesResponse(
  scope: RequestScope,
  process: ProcessDoc,
  round: ReviewRoundDoc,
  item: ReviewItemDoc,
  response: ResponseDoc | null,
): boolean {
  const viewer = scope.viewer;
  return (
    !!viewer &&
    canSee(viewer.actor, process, {
      type: 'response',
      round: toRoundFacts(round),
      item: toItemFacts(item),
      response: toResponseFacts(response),
    })
  );
}
