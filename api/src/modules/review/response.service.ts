import { Types } from 'mongoose';
import { z } from 'zod';
import { RESPONSE_VOTES } from '@lip/common';
import { canAct, fourEyesBlocks } from '../../auth/policy';
import { DomainError, fieldError, forbidden, notFound } from '../../errors';
import { requireViewer, type RequestScope } from '../../scope';
import { dateSchema, objectIdSchema, parseInput } from '../../validation';
import type { ProcessDoc } from '../process/process.model';
import { insertTask } from '../task/task.service';
import type { TaskDoc } from '../task/task.model';
import { bodyOf, itemAt, toItemFacts, toResponseFacts, toRoundFacts } from './review-access';
import {
  forgetRound,
  isDuplicateKey,
  publishReviewChange,
  recordReviewActivity,
  roundLockKey,
} from './review-round.service';
import type {
  RemarkDoc,
  ResponseDoc,
  ResponseRevisionDoc,
  ReviewItemDoc,
  ReviewRoundDoc,
  StatementDoc,
} from './review.model';
import { loadVisibleRemark } from './statement.service';

/** Explicit limits of responses (each tested). */
export const RESPONSE_LIMITS = {
  reasonMaxChars: 10_000,
  noteMaxChars: 2_000,
  /** Revisions kept per response; beyond this the response refuses further changes. */
  maxRevisions: 500,
} as const;

const remarkIdSchema = z.string().max(80);

function responseResource(
  round: ReviewRoundDoc,
  item: ReviewItemDoc,
  response: ResponseDoc | null,
) {
  return {
    type: 'response' as const,
    round: toRoundFacts(round),
    item: toItemFacts(item),
    response: toResponseFacts(response),
  };
}

/** Which response actions the viewer may take now. */
export function responseCapabilities(
  scope: RequestScope,
  process: ProcessDoc,
  round: ReviewRoundDoc,
  item: ReviewItemDoc,
  response: ResponseDoc | null,
): { draft: boolean; approve: boolean; sendBack: boolean; createTask: boolean } {
  const viewer = scope.viewer;
  if (!viewer) return { draft: false, approve: false, sendBack: false, createTask: false };
  const resource = responseResource(round, item, response);
  const approve =
    canAct(viewer.actor, 'approveResponse', process, resource) &&
    !!response &&
    !fourEyesBlocks(viewer.actor, process, resource.item, resource.response!);
  return {
    draft: canAct(viewer.actor, 'draftResponse', process, resource),
    approve,
    sendBack: canAct(viewer.actor, 'sendBackResponse', process, resource),
    createTask: canAct(viewer.actor, 'createTaskFromRemark', process, resource),
  };
}

interface LoadedRemark {
  remark: RemarkDoc;
  statement: StatementDoc;
  round: ReviewRoundDoc;
  process: ProcessDoc;
  item: ReviewItemDoc;
  response: ResponseDoc | null;
}

/**
 * A remark of a submitted statement with its response, read fresh (inside the round's write
 * guard); responses exist only for remarks of submitted statements.
 */
async function loadRemarkForResponse(scope: RequestScope, remarkId: string): Promise<LoadedRemark> {
  const loaded = await loadVisibleRemark(scope, remarkId);
  if (loaded.statement.status !== 'submitted') {
    throw fieldError('invalid-transition', 'remarkId', 'the statement is not submitted');
  }
  const item = itemAt(loaded.round, loaded.remark.itemIndex);
  const response = await scope.models.ReviewResponse.findOne({
    _id: loaded.remark._id,
  }).lean<ResponseDoc>();
  return { ...loaded, item, response: response ?? null };
}

/** Runs `fn` under the round's write guard with the remark loaded fresh. */
async function withRemark<T>(
  scope: RequestScope,
  remarkId: string,
  fn: (loaded: LoadedRemark) => Promise<T>,
): Promise<T> {
  const first = await loadVisibleRemark(scope, remarkId);
  return scope.writeLock.run(roundLockKey(String(first.round._id)), async () => {
    forgetRound(scope, String(first.round._id));
    return fn(await loadRemarkForResponse(scope, remarkId));
  });
}

function checkRoundTakesResponses(round: ReviewRoundDoc, status: string): void {
  if (round.status === 'cancelled' || round.status === 'evaluated') {
    throw fieldError('round-not-open', 'remarkId', `the round is ${status}`);
  }
}

function revision(
  scope: RequestScope,
  action: ResponseRevisionDoc['action'],
  fields: { vote: ResponseDoc['vote']; reason: string; note?: string },
): ResponseRevisionDoc {
  const viewer = requireViewer(scope);
  return {
    action,
    vote: fields.vote,
    reason: fields.reason,
    note: fields.note ?? '',
    byId: viewer.person._id,
    byName: viewer.person.name,
    at: new Date(),
  };
}

async function readResponse(scope: RequestScope, remarkId: string): Promise<ResponseDoc> {
  const response = await scope.models.ReviewResponse.findOne({ _id: remarkId }).lean<ResponseDoc>();
  if (!response) throw notFound('remarkId');
  return response;
}

/**
 * What every change of a response ends with, once: the activity entry naming the remark, the
 * request's round cache forgotten, the live update, and the response read back as stored.
 */
async function afterResponseChange(
  scope: RequestScope,
  { remark, round, process, item }: LoadedRemark,
  verb: 'review.response-drafted' | 'review.response-approved' | 'review.response-sent-back',
): Promise<ResponseDoc> {
  await recordReviewActivity(scope, {
    processId: process._id,
    verb,
    actionFieldKey: item.actionFieldKey,
    groupId: item.groupId,
    documentId: item.documentId,
    subjectTitle: item.title,
    detail: remarkLabel(process, remark),
  });
  forgetRound(scope, String(round._id));
  publishReviewChange(scope, round, 'RESPONSE_CHANGED', { remarkId: remark._id });
  return readResponse(scope, remark._id);
}

const saveSchema = z.object({
  remarkId: remarkIdSchema,
  vote: z.enum(RESPONSE_VOTES),
  reason: z.string().trim().max(RESPONSE_LIMITS.reasonMaxChars).default(''),
});

/** A reason is required unless the vote is "noted"; names the field when missing. */
function checkReason(vote: ResponseDoc['vote'], reason: string): void {
  if (vote !== 'noted' && reason.trim().length === 0) {
    throw fieldError('reason-required', 'reason', 'required unless the vote is "noted"');
  }
}

/**
 * Drafts or revises the response to a remark (the item's group, the field's coordinators). The
 * first draft inserts the response under the remark's id; every later change appends a kept
 * revision. Approved responses are locked.
 */
export async function saveResponse(scope: RequestScope, input: unknown): Promise<ResponseDoc> {
  const viewer = requireViewer(scope);
  const args = parseInput(saveSchema, input);
  checkReason(args.vote, args.reason);
  return withRemark(scope, args.remarkId, async (loaded) => {
    const { remark, round, process, item, response } = loaded;
    checkRoundTakesResponses(round, round.status);
    if (response?.status === 'approved') {
      throw fieldError('response-locked', 'remarkId', 'the response is approved');
    }
    if (!canAct(viewer.actor, 'draftResponse', process, responseResource(round, item, response))) {
      throw forbidden();
    }
    const now = new Date();
    const entry = revision(scope, 'drafted', { vote: args.vote, reason: args.reason });
    if (!response) {
      try {
        await scope.models.ReviewResponse.create({
          _id: remark._id,
          roundId: round._id,
          processId: round.processId,
          groupId: item.groupId,
          actionFieldKey: item.actionFieldKey,
          vote: args.vote,
          reason: args.reason,
          status: 'draft',
          draftedById: viewer.person._id,
          draftedByName: viewer.person.name,
          draftedAt: now,
          revisions: [entry],
          updatedAt: now,
        });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        throw new DomainError('conflict', 'response drafted concurrently');
      }
    } else {
      if (response.revisions.length >= RESPONSE_LIMITS.maxRevisions) {
        throw fieldError('invalid-input', 'remarkId', 'too many revisions');
      }
      await scope.models.ReviewResponse.updateOne(
        { _id: remark._id },
        {
          $set: {
            vote: args.vote,
            reason: args.reason,
            draftedById: viewer.person._id,
            draftedByName: viewer.person.name,
            draftedAt: now,
            updatedAt: now,
          },
          $push: { revisions: entry },
        },
      );
    }
    return afterResponseChange(scope, loaded, 'review.response-drafted');
  });
}

/** "Integrationsbeirat Nord 3": the remark's body and number, as tables show it. */
export function remarkLabel(process: ProcessDoc, remark: RemarkDoc): string {
  return `${bodyOf(process, remark.bodyId)?.name ?? ''} ${remark.number}`.trim();
}

const remarkOnlySchema = z.object({ remarkId: remarkIdSchema });

/**
 * Approves a drafted response (the group's speakers, the field's coordinators). With the
 * group's four-eyes rule on, the person who drafted it may not approve it.
 */
export async function approveResponse(scope: RequestScope, input: unknown): Promise<ResponseDoc> {
  const viewer = requireViewer(scope);
  const args = parseInput(remarkOnlySchema, input);
  return withRemark(scope, args.remarkId, async (loaded) => {
    const { remark, round, process, item, response } = loaded;
    checkRoundTakesResponses(round, round.status);
    if (!response) throw fieldError('invalid-transition', 'remarkId', 'no response drafted yet');
    if (response.status === 'approved') {
      throw fieldError('invalid-transition', 'remarkId', 'the response is already approved');
    }
    const resource = responseResource(round, item, response);
    if (!canAct(viewer.actor, 'approveResponse', process, resource)) throw forbidden();
    if (fourEyesBlocks(viewer.actor, process, resource.item, resource.response!)) {
      throw fieldError('four-eyes', 'remarkId', 'a second person approves this group’s responses');
    }
    checkReason(response.vote, response.reason);
    const now = new Date();
    await scope.models.ReviewResponse.updateOne(
      { _id: remark._id },
      {
        $set: {
          status: 'approved',
          approvedById: viewer.person._id,
          approvedByName: viewer.person.name,
          approvedAt: now,
          updatedAt: now,
        },
        $push: {
          revisions: revision(scope, 'approved', { vote: response.vote, reason: response.reason }),
        },
      },
    );
    return afterResponseChange(scope, loaded, 'review.response-approved');
  });
}

const sendBackSchema = z.object({
  remarkId: remarkIdSchema,
  note: z.string().trim().max(RESPONSE_LIMITS.noteMaxChars).default(''),
});

/** Sends an approved response back to draft (a speaker), with an optional note; it is kept. */
export async function sendBackResponse(scope: RequestScope, input: unknown): Promise<ResponseDoc> {
  const viewer = requireViewer(scope);
  const args = parseInput(sendBackSchema, input);
  return withRemark(scope, args.remarkId, async (loaded) => {
    const { remark, round, process, item, response } = loaded;
    checkRoundTakesResponses(round, round.status);
    if (response?.status !== 'approved') {
      throw fieldError(
        'invalid-transition',
        'remarkId',
        'only an approved response can be sent back',
      );
    }
    if (
      !canAct(viewer.actor, 'sendBackResponse', process, responseResource(round, item, response))
    ) {
      throw forbidden();
    }
    await scope.models.ReviewResponse.updateOne(
      { _id: remark._id },
      {
        $set: {
          status: 'draft',
          approvedById: null,
          approvedByName: null,
          approvedAt: null,
          updatedAt: new Date(),
        },
        $push: {
          revisions: revision(scope, 'sent-back', {
            vote: response.vote,
            reason: response.reason,
            note: args.note,
          }),
        },
      },
    );
    return afterResponseChange(scope, loaded, 'review.response-sent-back');
  });
}

const taskSchema = z.object({
  remarkId: remarkIdSchema,
  assigneeIds: z.array(objectIdSchema).max(20).default([]),
  deadline: dateSchema.nullish(),
});

/**
 * Turns a remark into a task for the item's group, linked both ways: the task's origin names
 * the remark, the remark keeps the task id. One task per remark.
 */
export async function createTaskFromRemark(
  scope: RequestScope,
  input: unknown,
): Promise<{ remark: RemarkDoc; task: TaskDoc }> {
  const viewer = requireViewer(scope);
  const args = parseInput(taskSchema, input);
  const first = await loadVisibleRemark(scope, args.remarkId);
  return scope.writeLock.run(roundLockKey(String(first.round._id)), async () => {
    forgetRound(scope, String(first.round._id));
    const { remark, round, process, statement } = await loadVisibleRemark(scope, args.remarkId);
    const item = itemAt(round, remark.itemIndex);
    const response = await scope.models.ReviewResponse.findOne({
      _id: remark._id,
    }).lean<ResponseDoc>();
    const resource = responseResource(round, item, response ?? null);
    if (
      statement.status !== 'submitted' ||
      !canAct(viewer.actor, 'createTaskFromRemark', process, resource)
    ) {
      throw forbidden();
    }
    if (remark.taskId) throw fieldError('already-exists', 'remarkId', 'the remark has a task');
    const people = await scope.loaders.person.loadMany(args.assigneeIds);
    if (people.some((p) => !p || p instanceof Error)) throw notFound('assigneeIds');
    const label = remarkLabel(process, remark);
    const description = [
      `Anmerkung ${label} (Beratungsrunde ${round.number}) zu „${item.title}“:`,
      remark.quote ? `Textstelle: „${remark.quote}“` : '',
      remark.text,
      remark.proposedWording ? `Formulierungsvorschlag: ${remark.proposedWording}` : '',
    ]
      .filter(Boolean)
      .join('\n\n');
    const task = await insertTask(scope, process, {
      actionFieldKey: item.actionFieldKey,
      documentId: item.documentId,
      title: `Anmerkung ${label} bearbeiten`.slice(0, 200),
      description: description.slice(0, 10_000),
      assigneeIds: [...new Set(args.assigneeIds)].map((id) => new Types.ObjectId(id)),
      deadline: args.deadline ?? null,
      status: 'open',
      priority: 'normal',
      milestoneId: null,
      origin: { kind: 'remark', roundId: round._id, remarkId: remark._id, decisionId: null },
    });
    await scope.models.Remark.updateOne({ _id: remark._id }, { $set: { taskId: task._id } });
    await recordReviewActivity(scope, {
      processId: process._id,
      verb: 'review.task-created',
      actionFieldKey: item.actionFieldKey,
      groupId: item.groupId,
      documentId: item.documentId,
      subjectTitle: task.title,
      detail: label,
    });
    forgetRound(scope, String(round._id));
    publishReviewChange(scope, round, 'TASK_LINKED', { remarkId: remark._id });
    return { remark: { ...remark, taskId: task._id }, task };
  });
}
