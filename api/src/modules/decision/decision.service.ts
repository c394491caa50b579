import type { Types } from 'mongoose';
import { z } from 'zod';
import { DECISION_OUTCOMES } from '@lip/common';
import { canAct, type DecisionFacts } from '../../auth/policy';
import { op } from '../../db/connection';
import { fieldError, forbidden, notFound } from '../../errors';
import { requireViewer, type RequestScope } from '../../scope';
import { dateSchema, objectIdSchema, parseInput } from '../../validation';
import type { DocumentDoc } from '../document/document.model';
import { writeReviewState } from '../document/document.service';
import type { ProcessDoc } from '../process/process.model';
import { findProcess } from '../process/process.service';
import { insertTask } from '../task/task.service';
import { applyMeasureDecision } from '../review/measure-subjects';
import {
  effectiveStatus,
  itemAt,
  loadVisibleRound,
  toItemFacts,
  toRoundFacts,
  viewerSeesRound,
} from '../review/review-access';
import {
  forgetRound,
  isDuplicateKey,
  publishReviewChange,
  recordReviewActivity,
} from '../review/review-round.service';
import type { ReviewItemDoc, ReviewRoundDoc } from '../review/review.model';
import type { DecisionDoc } from './decision.model';

/** Explicit limits of decisions (each tested). */
export const DECISION_LIMITS = {
  reasonMaxChars: 10_000,
  conditionsMaxChars: 10_000,
  /** At most this many tasks are made from the lines of a "returned" reason. */
  maxTasksFromReason: 20,
} as const;

/** The key of a decision's subject inside its id: `document-<id>` or `measure-<id>`. */
function subjectKey(item: ReviewItemDoc): string {
  return item.subject.kind === 'measure'
    ? `measure-${String(item.subject.measureId)}`
    : `document-${String(item.documentId)}`;
}

function decisionId(round: ReviewRoundDoc, item: ReviewItemDoc, sequence: number): string {
  return `${String(round._id)}:${subjectKey(item)}:${sequence}`;
}

function toDecisionFacts(decision: DecisionDoc | null): DecisionFacts | null {
  return decision
    ? { recordedById: decision.recordedById, superseded: decision.supersededAt !== null }
    : null;
}

function decisionResource(
  round: ReviewRoundDoc,
  item: ReviewItemDoc,
  decision: DecisionDoc | null,
) {
  return {
    type: 'decision' as const,
    round: toRoundFacts(round),
    item: toItemFacts(item),
    decision: toDecisionFacts(decision),
  };
}

/** The current (not superseded) decision of each item of a round, by item index. */
export async function currentDecisions(
  scope: RequestScope,
  round: ReviewRoundDoc,
): Promise<Map<number, DecisionDoc>> {
  const decisions = await scope.loaders.review.decisionsOfRound.load(String(round._id));
  return new Map(decisions.filter((d) => d.supersededAt === null).map((d) => [d.itemIndex, d]));
}

/** Every decision of an item, newest first (corrections and what they superseded). */
export async function decisionHistory(
  scope: RequestScope,
  round: ReviewRoundDoc,
  itemIndex: number,
): Promise<DecisionDoc[]> {
  const decisions = await scope.loaders.review.decisionsOfRound.load(String(round._id));
  return decisions.filter((d) => d.itemIndex === itemIndex).sort((a, b) => b.sequence - a.sequence);
}

/** Which decision actions the viewer may take on an item now. */
export function decisionCapabilities(
  scope: RequestScope,
  process: ProcessDoc,
  round: ReviewRoundDoc,
  item: ReviewItemDoc,
  current: DecisionDoc | null,
): { record: boolean; correct: boolean } {
  const viewer = scope.viewer;
  if (!viewer) return { record: false, correct: false };
  return {
    record: canAct(viewer.actor, 'recordDecision', process, decisionResource(round, item, current)),
    correct:
      current !== null &&
      canAct(viewer.actor, 'correctDecision', process, decisionResource(round, item, current)),
  };
}

const fieldsSchema = {
  outcome: z.enum(DECISION_OUTCOMES),
  reason: z.string().trim().max(DECISION_LIMITS.reasonMaxChars).default(''),
  conditions: z.string().trim().max(DECISION_LIMITS.conditionsMaxChars).default(''),
  meetingDate: dateSchema,
  confirm: z.boolean(),
};

const recordSchema = z.object({
  roundId: objectIdSchema,
  itemIndex: z.number().int().min(0).max(100),
  ...fieldsSchema,
});

const correctSchema = z.object({ decisionId: z.string().max(120), ...fieldsSchema });

type DecisionFields = z.infer<z.ZodObject<typeof fieldsSchema>>;

/** Checks what every decision needs: confirmation, a reason to return, conditions, a real date. */
function checkFields(args: DecisionFields): void {
  if (!args.confirm) {
    throw fieldError('confirmation-required', 'confirm', 'confirm the decision explicitly');
  }
  if (args.outcome === 'returned' && !args.reason) {
    throw fieldError('reason-required', 'reason', 'required when returning for revision');
  }
  if (args.outcome === 'accepted-with-conditions' && !args.conditions) {
    throw fieldError('reason-required', 'conditions', 'name the conditions');
  }
  const tomorrow = Date.now() + 86_400_000;
  if (args.meetingDate.getTime() > tomorrow || args.meetingDate.getUTCFullYear() < 2000) {
    throw fieldError('invalid-input', 'meetingDate', 'the meeting must have taken place');
  }
}

/** Serialises the decisions of one subject of a round. */
function decisionLockKey(round: ReviewRoundDoc, item: ReviewItemDoc): string {
  return `decision:${String(round._id)}:${subjectKey(item)}`;
}

/**
 * Records the steering group's decision on a round item (a document, or a measure): accepted,
 * accepted with conditions, or returned for revision (reason required). Only on an evaluated
 * round, only with explicit confirmation, once per item (`_id` `<round>:<subject>:1`; a
 * second one is `already-decided`: correct it instead).
 */
export async function recordDecision(scope: RequestScope, input: unknown): Promise<DecisionDoc> {
  const viewer = requireViewer(scope);
  const args = parseInput(recordSchema, input);
  const { round, process } = await loadVisibleRound(scope, args.roundId);
  const item = itemAt(round, args.itemIndex);
  checkFields(args);
  if (effectiveStatus(round) !== 'evaluated') {
    throw fieldError('round-not-evaluated', 'roundId', `the round is ${effectiveStatus(round)}`);
  }
  return scope.writeLock.run(decisionLockKey(round, item), async () => {
    forgetRound(scope, String(round._id));
    const current = (await currentDecisions(scope, round)).get(item.index) ?? null;
    if (current) throw fieldError('already-decided', 'itemIndex', 'correct the recorded decision');
    if (!canAct(viewer.actor, 'recordDecision', process, decisionResource(round, item, null))) {
      throw forbidden();
    }
    const decision = buildDecision(scope, round, item, 1, args, null);
    try {
      await scope.models.Decision.create(decision);
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw fieldError('already-decided', 'itemIndex', 'correct the recorded decision');
      }
      throw error;
    }
    const applied = await applyOutcome(scope, process, round, item, decision, null);
    await recordReviewActivity(scope, {
      processId: process._id,
      verb: 'decision.recorded',
      groupId: item.groupId,
      documentId: item.documentId,
      subjectTitle: item.title,
      detail: decision.outcome,
    });
    forgetRound(scope, String(round._id));
    publishReviewChange(scope, round, 'DECISION_RECORDED');
    return applied;
  });
}

function buildDecision(
  scope: RequestScope,
  round: ReviewRoundDoc,
  item: ReviewItemDoc,
  sequence: number,
  args: DecisionFields,
  supersedes: DecisionDoc | null,
): DecisionDoc {
  const viewer = requireViewer(scope);
  return {
    _id: decisionId(round, item, sequence),
    processId: round.processId,
    roundId: round._id,
    itemIndex: item.index,
    subject: item.subject,
    documentId: item.documentId,
    actionFieldKey: item.actionFieldKey,
    groupId: item.groupId,
    sequence,
    outcome: args.outcome,
    reason: args.reason,
    conditions: args.outcome === 'accepted-with-conditions' ? args.conditions : '',
    meetingDate: args.meetingDate,
    recordedById: viewer.person._id,
    recordedByName: viewer.person.name,
    recordedAt: new Date(),
    supersedesId: supersedes?._id ?? null,
    supersededAt: null,
    supersededById: null,
    taskIds: [],
  };
}

/**
 * Corrects a decision (the person who recorded it, or an admin): a new decision supersedes the
 * old one, which is kept in the history. When the outcome changes, the document follows.
 */
export async function correctDecision(scope: RequestScope, input: unknown): Promise<DecisionDoc> {
  const viewer = requireViewer(scope);
  const args = parseInput(correctSchema, input);
  const roundId = args.decisionId.split(':')[0];
  const { round, process } = await loadVisibleRound(scope, roundId);
  const previous = (await scope.loaders.review.decisionsOfRound.load(String(round._id))).find(
    (d) => d._id === args.decisionId,
  );
  if (!previous) throw notFound('decisionId');
  const item = itemAt(round, previous.itemIndex);
  checkFields(args);
  return scope.writeLock.run(decisionLockKey(round, item), async () => {
    forgetRound(scope, String(round._id));
    const current = (await currentDecisions(scope, round)).get(item.index) ?? null;
    if (!current || current._id !== previous._id) {
      throw fieldError('conflict', 'decisionId', 'the decision was corrected meanwhile');
    }
    if (!canAct(viewer.actor, 'correctDecision', process, decisionResource(round, item, current))) {
      throw forbidden();
    }
    const decision = buildDecision(scope, round, item, current.sequence + 1, args, current);
    try {
      await scope.models.Decision.create(decision);
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw fieldError('conflict', 'decisionId', 'the decision was corrected meanwhile');
      }
      throw error;
    }
    await scope.models.Decision.updateOne(
      { _id: current._id },
      { $set: { supersededAt: decision.recordedAt, supersededById: decision._id } },
    );
    const applied = await applyOutcome(scope, process, round, item, decision, current);
    await recordReviewActivity(scope, {
      processId: process._id,
      verb: 'decision.corrected',
      groupId: item.groupId,
      documentId: item.documentId,
      subjectTitle: item.title,
      detail: `${current.outcome} → ${decision.outcome}`,
    });
    forgetRound(scope, String(round._id));
    publishReviewChange(scope, round, 'DECISION_RECORDED');
    return applied;
  });
}

/** Splits a reason into task titles: one per non-empty line (bullets stripped), at most 20. */
export function reasonLines(reason: string): string[] {
  const lines = reason
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•–]|\d+[.)])\s*/, '').trim())
    .filter((line) => line.length > 0);
  return lines.slice(0, DECISION_LIMITS.maxTasksFromReason);
}

/**
 * Makes the decision take effect: the document is accepted (and read-only) or returned to its
 * group (no longer shared with the bodies), a measure's own status follows, and a return gives
 * the group one task per line of the reason. Only changes of outcome touch the document again.
 */
async function applyOutcome(
  scope: RequestScope,
  process: ProcessDoc,
  round: ReviewRoundDoc,
  item: ReviewItemDoc,
  decision: DecisionDoc,
  previous: DecisionDoc | null,
): Promise<DecisionDoc> {
  const status = decision.outcome === 'returned' ? 'returned' : 'accepted';
  const previousStatus = previous
    ? previous.outcome === 'returned'
      ? 'returned'
      : 'accepted'
    : null;
  if (status !== previousStatus) {
    const document = await scope.models.Document.findOne(
      { _id: item.documentId },
      { _id: 1, groupId: 1, sharedWithBodyIds: 1, title: 1 },
    ).lean<DocumentDoc>();
    if (document) {
      await writeReviewState(scope, process, [document], {
        status,
        sharedWithBodyIds: status === 'returned' ? [] : document.sharedWithBodyIds,
        reviewDeadline: null,
      });
    }
    if (item.subject.kind === 'measure' && item.subject.measureId) {
      await applyMeasureDecision(scope, String(item.subject.measureId), {
        outcome: decision.outcome,
        reason: decision.reason,
        conditions: decision.conditions,
        meetingDate: decision.meetingDate,
      });
    }
  }
  if (decision.outcome !== 'returned' || previousStatus === 'returned') return decision;
  const group = process.groups.find((g) => String(g._id) === String(item.groupId));
  const speakers = (group?.members ?? [])
    .filter((m) => m.role === 'speaker' || m.role === 'lead')
    .map((m) => m.personId);
  const lines = reasonLines(decision.reason);
  const taskIds: Types.ObjectId[] = [];
  for (const line of lines.length > 0 ? lines : [decision.reason]) {
    const task = await insertTask(scope, process, {
      actionFieldKey: item.actionFieldKey,
      documentId: item.documentId,
      title: `Überarbeiten (Lenkungsgruppe): ${line}`.slice(0, 200),
      description: [
        `Die Lenkungsgruppe hat „${item.title}“ am ${decision.meetingDate.toISOString().slice(0, 10)} zur Überarbeitung zurückgegeben (Beratungsrunde ${round.number}).`,
        `Begründung: ${decision.reason}`,
      ].join('\n\n'),
      assigneeIds: speakers,
      deadline: null,
      status: 'open',
      priority: 'high',
      milestoneId: null,
      origin: { kind: 'decision', roundId: round._id, remarkId: null, decisionId: decision._id },
    });
    taskIds.push(task._id);
  }
  await scope.models.Decision.updateOne({ _id: decision._id }, { $set: { taskIds } });
  return { ...decision, taskIds };
}

/** One evaluated round that waits for the steering group, with the items still undecided. */
export interface InboxEntry {
  round: ReviewRoundDoc;
  process: ProcessDoc;
  pendingItems: ReviewItemDoc[];
}

/**
 * The steering group's inbox: evaluated rounds with items that have no decision yet (oldest
 * evaluation first), for people who may record decisions.
 */
export async function steeringInbox(
  scope: RequestScope,
  processId?: string | null,
): Promise<InboxEntry[]> {
  const viewer = requireViewer(scope);
  const process = await findProcess(scope, processId);
  if (!process) return [];
  const rounds = await scope.models.ReviewRound.find({
    processId: process._id,
    status: 'evaluated',
  })
    .sort({ evaluatedAt: 1 })
    .lean<ReviewRoundDoc[]>();
  if (rounds.length === 0) return [];
  const decisions = await scope.models.Decision.find({
    roundId: op({ $in: rounds.map((r) => r._id) }),
    supersededAt: null,
  }).lean<DecisionDoc[]>();
  const decided = new Set(decisions.map((d) => `${String(d.roundId)}:${d.itemIndex}`));
  const entries: InboxEntry[] = [];
  for (const round of rounds) {
    scope.loaders.review.round.prime(String(round._id), round);
    if (!viewerSeesRound(scope, process, round)) continue;
    const pendingItems = round.items.filter(
      (item) =>
        !decided.has(`${String(round._id)}:${item.index}`) &&
        canAct(viewer.actor, 'recordDecision', process, decisionResource(round, item, null)),
    );
    if (pendingItems.length > 0) entries.push({ round, process, pendingItems });
  }
  return entries;
}

/**
 * Every steering decision on a measure (corrections and what they superseded), newest first.
 * The caller has checked that the viewer sees the measure; a decision is the steering group's
 * resolution on it and is shown with the measure.
 */
export async function decisionsOfMeasure(
  scope: RequestScope,
  measureId: Types.ObjectId,
): Promise<DecisionDoc[]> {
  const decisions = await scope.models.Decision.find({
    'subject.measureId': measureId,
  }).lean<DecisionDoc[]>();
  return decisions.sort(
    (a, b) => b.recordedAt.getTime() - a.recordedAt.getTime() || b.sequence - a.sequence,
  );
}
