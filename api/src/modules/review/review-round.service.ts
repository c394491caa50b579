import { Types } from 'mongoose';
import { z } from 'zod';
import { REVIEW_ROUND_STATUSES, writeCollabRevocations, type ActivityVerb } from '@lip/common';
import { canAct } from '../../auth/policy';
import { op } from '../../db/connection';
import { DomainError, fieldError, forbidden, notFound, type FieldIssue } from '../../errors';
import { Topics } from '../../pubsub/pubsub';
import { requireViewer, type RequestScope } from '../../scope';
import { dateSchema, objectIdSchema, parseInput, textSchema } from '../../validation';
import { recordActivity } from '../activity/activity.service';
import { notify } from '../notification';
import type { DocumentDoc } from '../document/document.model';
import { writeReviewState } from '../document/document.service';
import type { ProcessDoc } from '../process/process.model';
import { findProcess, loadProcess } from '../process/process.service';
import { freezeDocument, readFrozenVersion, type FrozenVersion } from './collab-review.client';
import { lookupMeasureSubjects } from './measure-subjects';
import {
  closedAtOf,
  effectiveStatus,
  itemAt,
  loadVisibleRound,
  toRoundFacts,
  viewerSeesRound,
} from './review-access';
import type { ReviewChangeEvent } from './review.events';
import type { ReviewItemDoc, ReviewRoundDoc, StatementDoc } from './review.model';

/** Explicit limits of a round (each tested). */
export const ROUND_LIMITS = {
  maxItems: 30,
  maxBodies: 30,
  titleMaxChars: 200,
  cancelReasonMaxChars: 2_000,
} as const;

/** Document kinds that go through review rounds. */
const REVIEWABLE_KINDS = new Set(['foundation-chapter', 'measure-sheet', 'other']);

/** Serialises the workflow writes of one round (see `writeLock`: cross-process where deployed). */
export function roundLockKey(roundId: string): string {
  return `review-round:${roundId}`;
}

/**
 * Serialises opening and cancelling rounds of a process, so two rounds cannot both take the
 * same document into review at once.
 */
function processLockKey(processId: string): string {
  return `review-process:${processId}`;
}

/** Records a review activity for the viewer's action. */
export async function recordReviewActivity(
  scope: RequestScope,
  input: {
    processId: Types.ObjectId;
    verb: ActivityVerb;
    subjectTitle: string;
    actionFieldKey?: string | null;
    groupId?: Types.ObjectId | null;
    documentId?: Types.ObjectId | null;
    detail?: string | null;
  },
): Promise<void> {
  await recordActivity(scope, {
    processId: input.processId,
    actionFieldKey: input.actionFieldKey ?? null,
    groupId: input.groupId ?? null,
    documentId: input.documentId ?? null,
    verb: input.verb,
    subjectTitle: input.subjectTitle.slice(0, 300),
    detail: input.detail ?? null,
  });
}

/** Publishes a change of a round for live updates and in-process listeners. */
export function publishReviewChange(
  scope: RequestScope,
  round: ReviewRoundDoc,
  kind: ReviewChangeEvent['kind'],
  extra: { statementId?: string | null; remarkId?: string | null } = {},
): void {
  const event: ReviewChangeEvent = {
    kind,
    processId: String(round.processId),
    roundId: String(round._id),
    statementId: extra.statementId ?? null,
    remarkId: extra.remarkId ?? null,
    documentIds: round.items.map((item) => String(item.documentId)),
    bodyIds: round.bodyIds.map(String),
  };
  scope.pubsub.publish(Topics.reviewChanged(event.processId), event);
}

/** Forgets cached round data of this request after a write. */
export function forgetRound(scope: RequestScope, roundId: string): void {
  const loaders = scope.loaders.review;
  loaders.round.clear(roundId);
  loaders.statementsOfRound.clear(roundId);
  loaders.remarksOfRound.clear(roundId);
  loaders.responsesOfRound.clear(roundId);
  loaders.decisionsOfRound.clear(roundId);
}

/** Reads a round straight from the database (inside a lock, never from a request cache). */
export async function readRound(scope: RequestScope, roundId: string): Promise<ReviewRoundDoc> {
  const round = await scope.models.ReviewRound.findOne({ _id: roundId }).lean<ReviewRoundDoc>();
  if (!round) throw notFound('roundId');
  return round;
}

async function saveRound(
  scope: RequestScope,
  round: ReviewRoundDoc,
  set: Partial<ReviewRoundDoc>,
): Promise<ReviewRoundDoc> {
  await scope.models.ReviewRound.updateOne(
    { _id: round._id },
    { $set: { ...set, updatedAt: new Date() } },
  );
  forgetRound(scope, String(round._id));
  const updated = await readRound(scope, String(round._id));
  scope.loaders.review.round.prime(String(round._id), updated);
  return updated;
}

const listSchema = z.object({
  processId: objectIdSchema.nullish(),
  status: z.enum(REVIEW_ROUND_STATUSES).nullish(),
  documentId: objectIdSchema.nullish(),
});

/** Rounds of a process the viewer may see, newest first; `status` is the effective one. */
export async function listRounds(scope: RequestScope, input: unknown): Promise<ReviewRoundDoc[]> {
  requireViewer(scope);
  const args = parseInput(listSchema, input);
  const process = await findProcess(scope, args.processId);
  if (!process) return [];
  const filter: Record<string, unknown> = { processId: process._id };
  if (args.documentId) filter['items.documentId'] = new Types.ObjectId(args.documentId);
  const rows = await scope.models.ReviewRound.find(filter)
    .sort({ number: -1 })
    .lean<ReviewRoundDoc[]>();
  const now = new Date();
  return rows.filter((round) => {
    scope.loaders.review.round.prime(String(round._id), round);
    if (args.status && effectiveStatus(round, now) !== args.status) return false;
    return viewerSeesRound(scope, process, round);
  });
}

/** A round the viewer may see, or null (for the nullable query). */
export async function findRound(scope: RequestScope, id: unknown): Promise<ReviewRoundDoc | null> {
  requireViewer(scope);
  try {
    return (await loadVisibleRound(scope, id)).round;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not-found') return null;
    throw error;
  }
}

/**
 * Builds round items from documents and measures: each must exist in the process and be a
 * reviewable draft of a group (not minutes, not a statement), seen by the viewer.
 */
async function buildItems(
  scope: RequestScope,
  process: ProcessDoc,
  documentIds: string[],
  measureIds: string[],
): Promise<ReviewItemDoc[]> {
  const items: ReviewItemDoc[] = [];
  const uniqueDocuments = [...new Set(documentIds)];
  const documents = await scope.loaders.document.loadMany(uniqueDocuments);
  documents.forEach((document, position) => {
    if (
      !document ||
      document instanceof Error ||
      String(document.processId) !== String(process._id)
    ) {
      throw fieldError('not-found', `documentIds.${position}`, 'no such document in the process');
    }
    if (!REVIEWABLE_KINDS.has(document.kind)) {
      throw fieldError(
        'invalid-input',
        `documentIds.${position}`,
        'only chapters, measure sheets and other drafts of a group can be reviewed',
      );
    }
    items.push({
      index: items.length,
      subject: { kind: 'document', documentId: document._id, measureId: null },
      documentId: document._id,
      versionId: null,
      title: document.title,
      actionFieldKey: document.actionFieldKey,
      groupId: document.groupId,
      statusBefore: document.status,
      measureSnapshot: null,
    });
  });
  const measures = await lookupMeasureSubjects(scope, [...new Set(measureIds)]);
  measures.forEach((measure, position) => {
    if (!measure || String(measure.processId) !== String(process._id)) {
      throw fieldError('not-found', `measureIds.${position}`, 'no such measure in the process');
    }
    if (measure.status !== 'proposed') {
      throw fieldError('invalid-input', `measureIds.${position}`, {
        de: `Maßnahmen: ${measure.code} ist nicht vorgeschlagen; nur von ihrer Gruppe vorgeschlagene Maßnahmen kommen in eine Beratungsrunde.`,
        en: `Measures: ${measure.code} is not proposed; only measures their group has proposed go into a review round.`,
      });
    }
    items.push({
      index: items.length,
      subject: { kind: 'measure', documentId: null, measureId: measure.measureId },
      documentId: measure.descriptionDocumentId,
      versionId: null,
      title: `${measure.code} ${measure.title}`,
      actionFieldKey: measure.actionFieldKey,
      groupId: measure.groupId,
      statusBefore: measure.descriptionStatus,
      measureSnapshot: measure.snapshot,
    });
  });
  return items;
}

function checkBodies(process: ProcessDoc, bodyIds: string[]): Types.ObjectId[] {
  return [...new Set(bodyIds)].map((id, position) => {
    const body = process.bodies.find((b) => String(b._id) === id);
    if (!body || body.kind === 'steering-group') {
      throw fieldError('not-found', `bodyIds.${position}`, 'no such reviewing body');
    }
    return body._id;
  });
}

function checkDeadline(deadline: Date, now = new Date()): void {
  if (deadline.getTime() <= now.getTime()) {
    throw fieldError('deadline-in-past', 'deadline', 'must be in the future');
  }
}

function checkNotEmpty(items: unknown[], bodies: unknown[]): void {
  const issues: FieldIssue[] = [];
  if (items.length === 0)
    issues.push({ path: 'documentIds', rule: 'required', message: 'choose at least one document' });
  if (bodies.length === 0)
    issues.push({ path: 'bodyIds', rule: 'required', message: 'choose at least one body' });
  if (issues.length > 0) {
    throw new DomainError('nothing-to-review', issues.map((i) => i.path).join(', '), issues);
  }
}

const createSchema = z.object({
  processId: objectIdSchema.nullish(),
  title: textSchema(ROUND_LIMITS.titleMaxChars, 3),
  documentIds: z.array(objectIdSchema).max(ROUND_LIMITS.maxItems).default([]),
  measureIds: z.array(objectIdSchema).max(ROUND_LIMITS.maxItems).default([]),
  bodyIds: z.array(objectIdSchema).max(ROUND_LIMITS.maxBodies),
  deadline: dateSchema,
});

/**
 * Claims the next round number of a process by inserting `<processId>:<n>`: a unique `_id`
 * insert, atomic on every engine, so two rounds created at once never share a number.
 */
async function claimRoundNumber(
  scope: RequestScope,
  processId: Types.ObjectId,
  roundId: Types.ObjectId,
): Promise<number> {
  const last = await scope.models.ReviewRound.findOne({ processId }, { number: 1 })
    .sort({ number: -1 })
    .lean<{ number: number }>();
  let number = (last?.number ?? 0) + 1;
  for (let attempt = 0; attempt < 50; attempt += 1, number += 1) {
    try {
      await scope.models.ReviewRoundNumber.create({
        _id: `${String(processId)}:${number}`,
        roundId,
      });
      return number;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  throw new DomainError('conflict', 'round number');
}

/** Whether an error is a duplicate-key error of a unique index (E11000). */
export function isDuplicateKey(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    ((error as { code?: unknown }).code === 11000 ||
      /E11000|duplicate key/i.test(String((error as { message?: unknown }).message)))
  );
}

/**
 * Creates a round in draft: its documents (or measures), the bodies to ask and a deadline.
 * Coordinators of every item's action field (and admins) may.
 */
export async function createRound(scope: RequestScope, input: unknown): Promise<ReviewRoundDoc> {
  const viewer = requireViewer(scope);
  const args = parseInput(createSchema, input);
  const process = await loadProcess(scope, args.processId);
  const items = await buildItems(scope, process, args.documentIds, args.measureIds);
  const bodyIds = checkBodies(process, args.bodyIds);
  checkNotEmpty(items, bodyIds);
  checkDeadline(args.deadline);
  const facts = { status: 'draft' as const, bodyIds, items };
  if (!canAct(viewer.actor, 'manageReviewRound', process, { type: 'reviewRound', round: facts })) {
    throw forbidden();
  }
  const _id = new Types.ObjectId();
  const number = await claimRoundNumber(scope, process._id, _id);
  const now = new Date();
  const created = await scope.models.ReviewRound.create({
    _id,
    processId: process._id,
    number,
    title: args.title,
    status: 'draft',
    items,
    bodyIds,
    deadline: args.deadline,
    createdById: viewer.person._id,
    createdAt: now,
    updatedAt: now,
  });
  const round = created.toObject<ReviewRoundDoc>();
  await recordReviewActivity(scope, {
    processId: process._id,
    verb: 'review.round-created',
    actionFieldKey: items[0]?.actionFieldKey ?? null,
    subjectTitle: round.title,
    detail: `Beratungsrunde ${number}`,
  });
  publishReviewChange(scope, round, 'ROUND_CREATED');
  return round;
}

const updateSchema = z.object({
  roundId: objectIdSchema,
  title: textSchema(ROUND_LIMITS.titleMaxChars, 3).nullish(),
  documentIds: z.array(objectIdSchema).max(ROUND_LIMITS.maxItems).nullish(),
  measureIds: z.array(objectIdSchema).max(ROUND_LIMITS.maxItems).nullish(),
  bodyIds: z.array(objectIdSchema).max(ROUND_LIMITS.maxBodies).nullish(),
  deadline: dateSchema.nullish(),
});

/**
 * Changes a round. In draft everything may change; once open only the title and the deadline
 * (a closed round whose deadline is moved into the future opens again).
 */
export async function updateRound(scope: RequestScope, input: unknown): Promise<ReviewRoundDoc> {
  const args = parseInput(updateSchema, input);
  await loadVisibleRound(scope, args.roundId);
  return scope.writeLock.run(roundLockKey(args.roundId), async () => {
    const viewer = requireViewer(scope);
    const round = await readRound(scope, args.roundId);
    const process = await loadProcess(scope, String(round.processId));
    const resource = { type: 'reviewRound' as const, round: toRoundFacts(round) };
    if (!canAct(viewer.actor, 'manageReviewRound', process, resource)) throw forbidden();
    const status = effectiveStatus(round);
    const set: Partial<ReviewRoundDoc> = {};
    if (args.title) set.title = args.title;
    if (status === 'draft') {
      const documentIds =
        args.documentIds ??
        round.items.flatMap((i) => (i.subject.kind === 'document' ? [String(i.documentId)] : []));
      const measureIds =
        args.measureIds ??
        round.items.flatMap((i) =>
          i.subject.kind === 'measure' ? [String(i.subject.measureId)] : [],
        );
      const items = await buildItems(scope, process, documentIds, measureIds);
      const bodyIds = args.bodyIds ? checkBodies(process, args.bodyIds) : round.bodyIds;
      checkNotEmpty(items, bodyIds);
      const facts = { status: 'draft' as const, bodyIds, items };
      if (
        !canAct(viewer.actor, 'manageReviewRound', process, { type: 'reviewRound', round: facts })
      ) {
        throw forbidden();
      }
      set.items = items;
      set.bodyIds = bodyIds;
    } else if (status === 'open' || status === 'closed') {
      if (args.documentIds || args.measureIds || args.bodyIds) {
        throw fieldError(
          'invalid-transition',
          args.bodyIds ? 'bodyIds' : 'documentIds',
          'documents and bodies are fixed once the round is open',
        );
      }
    } else {
      throw fieldError('invalid-transition', 'roundId', `a ${status} round cannot be changed`);
    }
    if (args.deadline) {
      checkDeadline(args.deadline);
      set.deadline = args.deadline;
      if (status === 'closed') {
        set.status = 'open';
        set.closedAt = null;
      }
    }
    const updated = await saveRound(scope, round, set);
    if (args.deadline && status !== 'draft') {
      await scope.models.Document.updateMany(
        { _id: op({ $in: round.items.map((i) => i.documentId) }) },
        { $set: { reviewDeadline: args.deadline } },
      );
      for (const item of round.items) scope.loaders.document.clear(String(item.documentId));
    }
    publishReviewChange(scope, updated, 'ROUND_UPDATED');
    return updated;
  });
}

/** How another round holds a subject, as the refusal words it. */
const HOLDING_WORDS = {
  open: { de: 'offen', en: 'open' },
  closed: { de: 'geschlossen, die Antworten sind in Arbeit', en: 'closed, responses in progress' },
  evaluated: {
    de: 'ausgewertet, die Entscheidung der Lenkungsgruppe steht aus',
    en: 'evaluated, the steering group has not decided yet',
  },
} as const;

/** The input field an item came from: `documentIds.<n>` or `measureIds.<n>`. */
function itemPath(round: ReviewRoundDoc, item: ReviewItemDoc): string {
  const kind = item.subject.kind;
  const position = round.items
    .filter((i) => i.subject.kind === kind)
    .findIndex((i) => i.index === item.index);
  return `${kind === 'measure' ? 'measureIds' : 'documentIds'}.${position}`;
}

/**
 * Refuses to open `round` while one of its documents or measures (a measure by its description
 * document) is still under review in another round: one that is open or closed (the bodies
 * review, the group answers), or evaluated without a decision on that item. Cancelling that
 * round, or the steering group's decision, frees it. Two queries at most, whatever the number of
 * rounds. Called under the process lock that opening and cancelling hold (a lease of unique
 * `_id` inserts, since FerretDB applies no filtered update atomically), so two rounds opened at
 * once cannot both pass.
 */
async function checkNotInOtherRound(scope: RequestScope, round: ReviewRoundDoc): Promise<void> {
  const others = await scope.models.ReviewRound.find(
    {
      processId: round.processId,
      _id: op({ $ne: round._id }),
      status: op({ $in: ['open', 'closed', 'evaluated'] as ('open' | 'closed' | 'evaluated')[] }),
      'items.documentId': op({ $in: round.items.map((i) => i.documentId) }),
    },
    { number: 1, title: 1, status: 1, items: 1, deadline: 1, closedAt: 1 },
  )
    .sort({ number: 1 })
    .lean<ReviewRoundDoc[]>();
  if (others.length === 0) return;
  const evaluated = others.filter((o) => o.status === 'evaluated').map((o) => o._id);
  const decided = new Set<string>();
  if (evaluated.length > 0) {
    const decisions = await scope.models.Decision.find(
      { roundId: op({ $in: evaluated }), supersededAt: null },
      { roundId: 1, itemIndex: 1 },
    ).lean<{ roundId: Types.ObjectId; itemIndex: number }[]>();
    for (const d of decisions) decided.add(`${String(d.roundId)}:${d.itemIndex}`);
  }
  for (const item of round.items) {
    for (const other of others) {
      const held = other.items.some(
        (o) =>
          String(o.documentId) === String(item.documentId) &&
          !decided.has(`${String(other._id)}:${o.index}`),
      );
      if (!held) continue;
      const status = effectiveStatus(other);
      const state = HOLDING_WORDS[status === 'open' || status === 'closed' ? status : 'evaluated'];
      throw fieldError('in-other-round', itemPath(round, item), {
        de: `„${item.title}“ wird schon in Beratungsrunde ${other.number} („${other.title}“, ${state.de}) beraten. Eine neue Runde ist möglich, sobald diese abgesagt ist oder die Lenkungsgruppe entschieden hat.`,
        en: `"${item.title}" is already under review in review round ${other.number} ("${other.title}", ${state.en}). A new round is possible once that one is cancelled or the steering group has decided.`,
      });
    }
  }
}

/** The label of a round's frozen version of a document. */
function frozenLabel(round: ReviewRoundDoc): string {
  return `Beratungsrunde ${round.number}: ${round.title}`.slice(0, 200);
}

/**
 * Opens a round: freezes each document as a named version (stored in full by the collab server),
 * puts the documents in review and shares them with the round's bodies until the deadline.
 * Versions are made first (a failure leaves only harmless named versions and the round in
 * draft), then the round is written, then the documents.
 */
export async function openRound(scope: RequestScope, roundId: unknown): Promise<ReviewRoundDoc> {
  const viewer = requireViewer(scope);
  const { round: seen, process } = await loadVisibleRound(scope, roundId);
  return scope.writeLock.run(processLockKey(String(process._id)), () =>
    scope.writeLock.run(roundLockKey(String(seen._id)), async () => {
      const round = await readRound(scope, String(seen._id));
      const resource = { type: 'reviewRound' as const, round: toRoundFacts(round) };
      if (!canAct(viewer.actor, 'manageReviewRound', process, resource)) throw forbidden();
      if (round.status !== 'draft') {
        throw fieldError('invalid-transition', 'roundId', `the round is ${round.status}`);
      }
      checkNotEmpty(round.items, round.bodyIds);
      checkDeadline(round.deadline);
      await checkNotInOtherRound(scope, round);
      const documents = await scope.models.Document.find(
        { _id: op({ $in: round.items.map((i) => i.documentId) }) },
        { seedContent: 0, contentHtml: 0, contentText: 0 },
      ).lean<DocumentDoc[]>();
      const byId = new Map(documents.map((d) => [String(d._id), d]));
      round.items.forEach((item, position) => {
        const document = byId.get(String(item.documentId));
        if (!document) throw fieldError('not-found', `items.${position}`, 'document is gone');
        // A proposed measure's description waits in review for the steering group's vote.
        const waiting = item.subject.kind === 'measure' && document.status === 'in-review';
        if (document.status !== 'draft' && document.status !== 'returned' && !waiting) {
          throw fieldError(
            'document-in-review',
            `documentIds.${position}`,
            `"${document.title}" is ${document.status}`,
          );
        }
      });
      const by = { personId: String(viewer.person._id), name: viewer.person.name };
      const items: ReviewItemDoc[] = [];
      // A measure's fields are frozen with its description: the snapshot is taken again now.
      const measureItems = round.items.filter((i) => i.subject.kind === 'measure');
      const measures = await lookupMeasureSubjects(
        scope,
        measureItems.map((i) => String(i.subject.measureId)),
      );
      const snapshots = new Map(
        measureItems.map((item, position) => [item.index, measures[position]?.snapshot]),
      );
      for (const item of round.items) {
        const document = byId.get(String(item.documentId)) as DocumentDoc;
        const versionId = await freezeDocument(
          scope,
          String(item.documentId),
          frozenLabel(round),
          by,
        );
        items.push({
          ...item,
          versionId,
          title: document.title,
          statusBefore: document.status,
          measureSnapshot: snapshots.get(item.index) ?? item.measureSnapshot,
        });
      }
      const now = new Date();
      const opened = await saveRound(scope, round, {
        status: 'open',
        items,
        openedAt: now,
        openedById: viewer.person._id,
      });
      await writeReviewState(scope, process, documents, {
        status: 'in-review',
        sharedWithBodyIds: round.bodyIds,
        reviewDeadline: round.deadline,
      });
      const names = round.bodyIds.map(
        (id) => process.bodies.find((b) => String(b._id) === String(id))?.name ?? '',
      );
      // Plain text for people; the event carries the body ids for anyone who reacts to it.
      const bodyNames = names.length <= 3 ? names.join(', ') : `${names.length} Gremien`;
      for (const item of items) {
        await recordReviewActivity(scope, {
          processId: process._id,
          verb: 'review.round-opened',
          groupId: item.groupId,
          documentId: item.documentId,
          subjectTitle: item.title,
          detail: bodyNames,
        });
      }
      publishReviewChange(scope, opened, 'ROUND_OPENED');
      return opened;
    }),
  );
}

/** Closes an open round by hand (it also closes by itself at the deadline). */
export async function closeRound(scope: RequestScope, roundId: unknown): Promise<ReviewRoundDoc> {
  const viewer = requireViewer(scope);
  const { round: seen, process } = await loadVisibleRound(scope, roundId);
  return scope.writeLock.run(roundLockKey(String(seen._id)), async () => {
    const round = await readRound(scope, String(seen._id));
    const resource = { type: 'reviewRound' as const, round: toRoundFacts(round) };
    if (!canAct(viewer.actor, 'manageReviewRound', process, resource)) throw forbidden();
    if (round.status !== 'open') {
      throw fieldError('invalid-transition', 'roundId', `the round is ${round.status}`);
    }
    const closed = await saveRound(scope, round, {
      status: 'closed',
      closedAt: closedAtOf(round) ?? new Date(),
    });
    await recordReviewActivity(scope, {
      processId: process._id,
      verb: 'review.round-closed',
      subjectTitle: round.title,
      detail: `Beratungsrunde ${round.number}`,
    });
    publishReviewChange(scope, closed, 'ROUND_CLOSED');
    return closed;
  });
}

/** Remarks of submitted statements that have no approved response yet. */
export async function pendingRemarkIds(
  scope: RequestScope,
  roundId: Types.ObjectId,
): Promise<string[]> {
  const submitted = await scope.models.Statement.find(
    { roundId, status: 'submitted' },
    { _id: 1 },
  ).lean<{ _id: string }[]>();
  if (submitted.length === 0) return [];
  const remarks = await scope.models.Remark.find(
    { statementId: op({ $in: submitted.map((s) => s._id) }) },
    { _id: 1 },
  ).lean<{ _id: string }[]>();
  const approved = await scope.models.ReviewResponse.find(
    { roundId, status: 'approved' },
    { _id: 1 },
  ).lean<{ _id: string }[]>();
  const done = new Set(approved.map((r) => r._id));
  return remarks.map((r) => r._id).filter((id) => !done.has(id));
}

/**
 * Evaluates a closed round once every remark of a submitted statement has an approved response:
 * the responses are published to the bodies, submitted statements become readable by every body
 * of the round, unsubmitted statement drafts are closed.
 */
export async function evaluateRound(
  scope: RequestScope,
  roundId: unknown,
): Promise<ReviewRoundDoc> {
  const viewer = requireViewer(scope);
  const { round: seen, process } = await loadVisibleRound(scope, roundId);
  return scope.writeLock.run(roundLockKey(String(seen._id)), async () => {
    const round = await readRound(scope, String(seen._id));
    const resource = { type: 'reviewRound' as const, round: toRoundFacts(round) };
    if (!canAct(viewer.actor, 'manageReviewRound', process, resource)) throw forbidden();
    const status = effectiveStatus(round);
    if (status !== 'closed') {
      throw fieldError(
        'invalid-transition',
        'roundId',
        status === 'open' ? 'close the round first' : `the round is ${status}`,
      );
    }
    const pending = await pendingRemarkIds(scope, round._id);
    if (pending.length > 0) {
      throw new DomainError('responses-pending', `${pending.length} remarks`, [
        {
          path: 'roundId',
          rule: 'invalid',
          message: `${pending.length} remarks have no approved response`,
        },
      ]);
    }
    const now = new Date();
    const evaluated = await saveRound(scope, round, {
      status: 'evaluated',
      evaluatedAt: now,
      closedAt: closedAtOf(round, now) ?? now,
    });
    await closeStatementDocuments(scope, process, round, { publish: true });
    await recordReviewActivity(scope, {
      processId: process._id,
      verb: 'review.round-evaluated',
      subjectTitle: round.title,
      detail: `Beratungsrunde ${round.number}`,
    });
    publishReviewChange(scope, evaluated, 'ROUND_EVALUATED');
    // The responses are published: every body of the round hears of it.
    await notify(
      scope,
      {
        recipientIds: process.bodies
          .filter((b) => round.bodyIds.some((id) => String(id) === String(b._id)))
          .flatMap((b) => b.memberIds.map(String)),
        actor: { id: String(viewer.person._id), name: viewer.person.name },
        processId: String(process._id),
      },
      { kind: 'responses-published', round: { id: String(round._id), title: round.title } },
    );
    return evaluated;
  });
}

/**
 * Ends the writing of statements when a round is evaluated or cancelled: unsubmitted statement
 * texts become read-only (their writers' editors reconnect read-only), submitted ones are
 * published to every body of the round when `publish`.
 */
async function closeStatementDocuments(
  scope: RequestScope,
  process: ProcessDoc,
  round: ReviewRoundDoc,
  options: { publish: boolean },
): Promise<void> {
  const statements = await scope.models.Statement.find({ roundId: round._id }).lean<
    StatementDoc[]
  >();
  const open = statements.filter((s) => s.status !== 'submitted');
  const submitted = statements.filter((s) => s.status === 'submitted');
  if (open.length > 0) {
    await scope.models.Document.updateMany(
      { _id: op({ $in: open.map((s) => s.textDocumentId) }) },
      { $set: { 'statementOf.state': 'closed', updatedAt: new Date() } },
    );
  }
  if (options.publish && submitted.length > 0) {
    await scope.models.Document.updateMany(
      { _id: op({ $in: submitted.map((s) => s.textDocumentId) }) },
      { $set: { 'statementOf.published': true, updatedAt: new Date() } },
    );
  }
  // Their writers reconnect read-only.
  await writeCollabRevocations(
    scope.revocationSink,
    open.map((statement) => ({
      documentId: String(statement.textDocumentId),
      reason: 'document-status-changed' as const,
    })),
  );
  for (const statement of statements)
    scope.loaders.document.clear(String(statement.textDocumentId));
}

const cancelSchema = z.object({
  roundId: objectIdSchema,
  reason: z.string().trim().max(ROUND_LIMITS.cancelReasonMaxChars).default(''),
});

/**
 * Cancels a round that is not evaluated. An opened round gives its documents back: each gets the
 * status it had before the round (draft, or returned), is no longer shared with the bodies, and
 * statement drafts are closed.
 */
export async function cancelRound(scope: RequestScope, input: unknown): Promise<ReviewRoundDoc> {
  const viewer = requireViewer(scope);
  const args = parseInput(cancelSchema, input);
  const { round: seen, process } = await loadVisibleRound(scope, args.roundId);
  return scope.writeLock.run(processLockKey(String(process._id)), () =>
    scope.writeLock.run(roundLockKey(String(seen._id)), async () => {
      const round = await readRound(scope, String(seen._id));
      const resource = { type: 'reviewRound' as const, round: toRoundFacts(round) };
      if (!canAct(viewer.actor, 'manageReviewRound', process, resource)) throw forbidden();
      if (round.status === 'evaluated' || round.status === 'cancelled') {
        throw fieldError('invalid-transition', 'roundId', `the round is ${round.status}`);
      }
      const wasOpened = round.status !== 'draft';
      const cancelled = await saveRound(scope, round, {
        status: 'cancelled',
        cancelledAt: new Date(),
        cancelReason: args.reason || null,
      });
      if (wasOpened) {
        const documents = await scope.models.Document.find(
          { _id: op({ $in: round.items.map((i) => i.documentId) }) },
          { _id: 1, groupId: 1, sharedWithBodyIds: 1, status: 1 },
        ).lean<DocumentDoc[]>();
        for (const before of ['draft', 'returned'] as const) {
          const ids = new Set(
            round.items
              .filter((i) => (i.statusBefore === 'returned' ? 'returned' : 'draft') === before)
              .map((i) => String(i.documentId)),
          );
          await writeReviewState(
            scope,
            process,
            documents.filter((d) => ids.has(String(d._id)) && d.status === 'in-review'),
            { status: before, sharedWithBodyIds: [], reviewDeadline: null },
          );
        }
        await closeStatementDocuments(scope, process, round, { publish: false });
      }
      await recordReviewActivity(scope, {
        processId: process._id,
        verb: 'review.round-cancelled',
        actionFieldKey: wasOpened ? null : (round.items[0]?.actionFieldKey ?? null),
        subjectTitle: round.title,
        detail: args.reason || null,
      });
      publishReviewChange(scope, cancelled, 'ROUND_CANCELLED');
      return cancelled;
    }),
  );
}

/**
 * The version id of an item, freezing it now when a round was opened without one (the seeded
 * demo rounds, written before any collab server runs).
 */
export async function ensureFrozen(
  scope: RequestScope,
  round: ReviewRoundDoc,
  itemIndex: number,
): Promise<string | null> {
  const item = itemAt(round, itemIndex);
  if (item.versionId || round.status === 'draft') return item.versionId;
  return scope.writeLock.run(roundLockKey(String(round._id)), async () => {
    const fresh = await readRound(scope, String(round._id));
    const current = itemAt(fresh, itemIndex);
    if (current.versionId) return current.versionId;
    const viewer = requireViewer(scope);
    const versionId = await freezeDocument(scope, String(current.documentId), frozenLabel(fresh), {
      personId: String(fresh.openedById ?? viewer.person._id),
      name: 'LIP-Werkstatt',
    });
    const items = fresh.items.map((i) => (i.index === itemIndex ? { ...i, versionId } : i));
    await saveRound(scope, fresh, { items });
    return versionId;
  });
}

/** The frozen version of a round item, read-only, for whoever may see the round. */
export async function itemVersion(
  scope: RequestScope,
  roundId: unknown,
  itemIndex: unknown,
): Promise<FrozenVersion | null> {
  const { round } = await loadVisibleRound(scope, roundId);
  const index = parseInput(z.number().int().min(0).max(ROUND_LIMITS.maxItems), itemIndex);
  const item = itemAt(round, index);
  const versionId = await ensureFrozen(scope, round, index);
  if (!versionId) return null;
  return readFrozenVersion(scope, String(item.documentId), versionId);
}
