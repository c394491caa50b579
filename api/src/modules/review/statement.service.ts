import { Types } from 'mongoose';
import { z } from 'zod';
import { STATEMENT_ASSESSMENTS, writeCollabRevocations } from '@lip/common';
import { bodyIdsOf, canAct, canSee, isBodyMember } from '../../auth/policy';
import { op } from '../../db/connection';
import { DomainError, fieldError, forbidden, notFound } from '../../errors';
import { requireViewer, type RequestScope } from '../../scope';
import { dateSchema, objectIdSchema, parseInput } from '../../validation';
import type { CommentThreadDoc } from '../comment/comment.model';
import type { DocumentDoc } from '../document/document.model';
import { toDocumentFacts } from '../document/document.service';
import type { ProcessDoc } from '../process/process.model';
import {
  bodyOf,
  effectiveStatus,
  itemAt,
  loadVisibleRound,
  statementIdOf,
  toRoundFacts,
  toStatementFacts,
  viewerSeesStatement,
} from './review-access';
import {
  forgetRound,
  isDuplicateKey,
  publishReviewChange,
  recordReviewActivity,
  roundLockKey,
} from './review-round.service';
import type { RemarkDoc, ReviewRoundDoc, StatementDoc } from './review.model';

/** Explicit limits of statements and remarks (each tested). */
export const STATEMENT_LIMITS = {
  maxRemarksPerStatement: 500,
  remarkTextMaxChars: 10_000,
  proposedWordingMaxChars: 10_000,
  quoteMaxChars: 2_000,
  anchorMaxChars: 2_000,
  resolutionRefMaxChars: 200,
} as const;

/** A statement with its round and process, loaded for an action. */
interface LoadedStatement {
  statement: StatementDoc;
  round: ReviewRoundDoc;
  process: ProcessDoc;
}

const statementIdSchema = z
  .string()
  .regex(/^[0-9a-f]{24}:[0-9a-f]{24}$/, 'must be a valid statement id');

/** A statement the viewer may see (content), with its round; else `not-found`. */
export async function loadVisibleStatement(
  scope: RequestScope,
  statementId: unknown,
): Promise<LoadedStatement> {
  requireViewer(scope);
  const parsed = statementIdSchema.safeParse(statementId);
  if (!parsed.success) throw notFound('statementId');
  const [roundId] = parsed.data.split(':');
  const { round, process } = await loadVisibleRound(scope, roundId);
  const statements = await scope.loaders.review.statementsOfRound.load(String(round._id));
  const statement = statements.find((s) => s._id === parsed.data);
  if (!statement || !viewerSeesStatement(scope, process, round, statement)) {
    throw notFound('statementId');
  }
  return { statement, round, process };
}

/** A statement or null (nullable query). */
export async function findStatement(
  scope: RequestScope,
  id: unknown,
): Promise<StatementDoc | null> {
  try {
    return (await loadVisibleStatement(scope, id)).statement;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not-found') return null;
    throw error;
  }
}

/** Statements of a round whose content the viewer may read. */
export async function visibleStatements(
  scope: RequestScope,
  process: ProcessDoc,
  round: ReviewRoundDoc,
): Promise<StatementDoc[]> {
  const statements = await scope.loaders.review.statementsOfRound.load(String(round._id));
  return statements.filter((s) => viewerSeesStatement(scope, process, round, s));
}

function statementResource(
  round: ReviewRoundDoc,
  statement: Pick<StatementDoc, 'bodyId' | 'status'>,
) {
  return {
    type: 'statement' as const,
    round: toRoundFacts(round),
    statement: toStatementFacts(statement as StatementDoc),
  };
}

/** Which statement actions the viewer may take now. */
export function statementCapabilities(
  scope: RequestScope,
  process: ProcessDoc,
  round: ReviewRoundDoc,
  statement: Pick<StatementDoc, 'bodyId' | 'status'>,
): { write: boolean; submit: boolean; withdraw: boolean } {
  const viewer = scope.viewer;
  if (!viewer) return { write: false, submit: false, withdraw: false };
  const resource = statementResource(round, statement);
  return {
    write: canAct(viewer.actor, 'writeStatement', process, resource),
    submit: canAct(viewer.actor, 'submitStatement', process, resource),
    withdraw: canAct(viewer.actor, 'withdrawStatement', process, resource),
  };
}

/** A short ProseMirror document that opens a new statement text. */
function statementSeed(bodyName: string, round: ReviewRoundDoc): unknown {
  return {
    type: 'doc',
    content: [
      {
        type: 'heading',
        attrs: { level: 2 },
        content: [{ type: 'text', text: `Stellungnahme: ${bodyName}` }],
      },
      {
        type: 'paragraph',
        content: [{ type: 'text', text: `Zur Beratungsrunde ${round.number}: ${round.title}.` }],
      },
    ],
  };
}

const startSchema = z.object({ roundId: objectIdSchema, bodyId: objectIdSchema });

/**
 * The body's statement in the round, started on first use: its text document is created first,
 * then the statement under the deterministic id `<roundId>:<bodyId>`. When two members start it
 * at once, the insert decides; the loser's text document is removed and both get the winner.
 */
export async function startStatement(scope: RequestScope, input: unknown): Promise<StatementDoc> {
  const viewer = requireViewer(scope);
  const args = parseInput(startSchema, input);
  const { round, process } = await loadVisibleRound(scope, args.roundId);
  const body = bodyOf(process, args.bodyId);
  if (!body || !round.bodyIds.some((id) => String(id) === args.bodyId)) throw notFound('bodyId');
  const id = statementIdOf(args.roundId, args.bodyId);
  const existing = await scope.models.Statement.findOne({ _id: id }).lean<StatementDoc>();
  if (existing) {
    if (!viewerSeesStatement(scope, process, round, existing)) throw notFound('statementId');
    return existing;
  }
  const status = effectiveStatus(round);
  if (status !== 'open' && status !== 'closed') {
    throw fieldError('round-not-open', 'roundId', `the round is ${status}`);
  }
  const draft = { bodyId: body._id, status: 'draft' as const };
  if (!canAct(viewer.actor, 'writeStatement', process, statementResource(round, draft))) {
    throw forbidden();
  }
  const first = round.items[0];
  if (!first) throw notFound('roundId');
  const now = new Date();
  const textDocumentId = new Types.ObjectId();
  await scope.models.Document.create({
    _id: textDocumentId,
    processId: process._id,
    actionFieldKey: first.actionFieldKey,
    groupId: first.groupId,
    kind: 'statement',
    title: `Stellungnahme ${body.name} zu Beratungsrunde ${round.number}`.slice(0, 200),
    status: 'draft',
    order: 0,
    sharedWithBodyIds: [],
    reviewDeadline: null,
    seedContent: statementSeed(body.name, round),
    createdById: viewer.person._id,
    createdAt: now,
    updatedAt: now,
    statementOf: {
      roundId: round._id,
      bodyId: body._id,
      state: 'draft',
      groupIds: [...new Set(round.items.map((i) => String(i.groupId)))].map(
        (g) => new Types.ObjectId(g),
      ),
      roundBodyIds: round.bodyIds,
      published: false,
    },
  });
  try {
    const created = await scope.models.Statement.create({
      _id: id,
      roundId: round._id,
      processId: process._id,
      bodyId: body._id,
      textDocumentId,
      assessment: null,
      meetingDate: null,
      resolutionRef: '',
      status: 'draft',
      createdById: viewer.person._id,
      createdAt: now,
      updatedAt: now,
    });
    forgetRound(scope, String(round._id));
    publishReviewChange(scope, round, 'STATEMENT_CHANGED', { statementId: id });
    return created.toObject<StatementDoc>();
  } catch (error) {
    await scope.models.Document.deleteOne({ _id: textDocumentId });
    if (!isDuplicateKey(error)) throw error;
    const winner = await scope.models.Statement.findOne({ _id: id }).lean<StatementDoc>();
    if (!winner) throw error;
    return winner;
  }
}

async function loadForWriting(
  scope: RequestScope,
  statementId: unknown,
  action: 'writeStatement' | 'submitStatement' | 'withdrawStatement',
): Promise<LoadedStatement> {
  const viewer = requireViewer(scope);
  const loaded = await loadVisibleStatement(scope, statementId);
  const status = effectiveStatus(loaded.round);
  if (status !== 'open' && status !== 'closed') {
    throw fieldError('round-not-open', 'statementId', `the round is ${status}`);
  }
  if (action !== 'withdrawStatement' && loaded.statement.status === 'submitted') {
    throw fieldError('already-submitted', 'statementId', 'the statement was submitted');
  }
  if (
    !canAct(viewer.actor, action, loaded.process, statementResource(loaded.round, loaded.statement))
  ) {
    throw forbidden();
  }
  return loaded;
}

const updateSchema = z.object({
  statementId: statementIdSchema,
  assessment: z.enum(STATEMENT_ASSESSMENTS).nullish(),
  meetingDate: dateSchema
    .refine((d) => d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100, 'not a plausible date')
    .nullish(),
  resolutionRef: z.string().trim().max(STATEMENT_LIMITS.resolutionRefMaxChars).nullish(),
});

/** Changes the overall assessment, meeting date or resolution reference of a draft statement. */
export async function updateStatement(scope: RequestScope, input: unknown): Promise<StatementDoc> {
  const args = parseInput(updateSchema, input);
  const { statement, round } = await loadForWriting(scope, args.statementId, 'writeStatement');
  const set: Record<string, unknown> = { updatedAt: new Date() };
  if (args.assessment !== undefined) set.assessment = args.assessment;
  if (args.meetingDate !== undefined) set.meetingDate = args.meetingDate;
  if (args.resolutionRef != null) set.resolutionRef = args.resolutionRef;
  // The status filter keeps a submission that won a race from being edited afterwards.
  await scope.models.Statement.updateOne(
    { _id: statement._id, status: op({ $ne: 'submitted' as const }) },
    { $set: set },
  );
  forgetRound(scope, String(round._id));
  publishReviewChange(scope, round, 'STATEMENT_CHANGED', { statementId: statement._id });
  return readStatement(scope, statement._id);
}

async function readStatement(scope: RequestScope, id: string): Promise<StatementDoc> {
  const statement = await scope.models.Statement.findOne({ _id: id }).lean<StatementDoc>();
  if (!statement) throw notFound('statementId');
  return statement;
}

/**
 * Revokes every live connection to a statement text (its mode changed: submitted, withdrawn or
 * closed), so each editor reconnects with what the policy now allows.
 */
async function revokeStatementEditors(scope: RequestScope, statement: StatementDoc): Promise<void> {
  await writeCollabRevocations(scope.revocationSink, [
    { documentId: String(statement.textDocumentId), reason: 'document-status-changed' },
  ]);
}

const submitSchema = z.object({ statementId: statementIdSchema });

/**
 * Submits the statement on the body's behalf (its chair, or any member of a body without one):
 * it becomes read-only and visible to the round's groups; after the deadline it is marked late.
 * Runs under the round's write guard, so two submissions of one statement cannot both succeed.
 */
export async function submitStatement(scope: RequestScope, input: unknown): Promise<StatementDoc> {
  const viewer = requireViewer(scope);
  const args = parseInput(submitSchema, input);
  const { round: seen } = await loadVisibleStatement(scope, args.statementId);
  return scope.writeLock.run(roundLockKey(String(seen._id)), async () => {
    forgetRound(scope, String(seen._id));
    const { statement, round, process } = await loadForWriting(
      scope,
      args.statementId,
      'submitStatement',
    );
    if (!statement.assessment) {
      throw fieldError('assessment-required', 'assessment', 'choose an overall assessment');
    }
    const now = new Date();
    const late = now.getTime() > round.deadline.getTime();
    await scope.models.Statement.updateOne(
      { _id: statement._id },
      {
        $set: {
          status: 'submitted',
          submittedById: viewer.person._id,
          submittedAt: now,
          late,
          updatedAt: now,
        },
      },
    );
    await scope.models.Document.updateOne(
      { _id: statement.textDocumentId },
      { $set: { 'statementOf.state': 'submitted', updatedAt: now } },
    );
    scope.loaders.document.clear(String(statement.textDocumentId));
    await revokeStatementEditors(scope, statement);
    const body = bodyOf(process, statement.bodyId);
    await recordReviewActivity(scope, {
      processId: process._id,
      verb: 'review.statement-submitted',
      subjectTitle: body?.name ?? '',
      detail: `Beratungsrunde ${round.number}${late ? ', verspätet' : ''}`,
    });
    forgetRound(scope, String(round._id));
    publishReviewChange(scope, round, 'STATEMENT_SUBMITTED', { statementId: statement._id });
    return readStatement(scope, statement._id);
  });
}

/** Withdraws a submitted statement while the round is open; the body may revise and resubmit. */
export async function withdrawStatement(
  scope: RequestScope,
  input: unknown,
): Promise<StatementDoc> {
  const viewer = requireViewer(scope);
  const args = parseInput(submitSchema, input);
  const { round: seen } = await loadVisibleStatement(scope, args.statementId);
  return scope.writeLock.run(roundLockKey(String(seen._id)), async () => {
    forgetRound(scope, String(seen._id));
    const loaded = await loadVisibleStatement(scope, args.statementId);
    const { statement, round, process } = loaded;
    if (statement.status !== 'submitted') {
      throw fieldError(
        'invalid-transition',
        'statementId',
        'only a submitted statement can be withdrawn',
      );
    }
    if (effectiveStatus(round) !== 'open') {
      throw fieldError('invalid-transition', 'statementId', 'the round is no longer open');
    }
    if (!canAct(viewer.actor, 'withdrawStatement', process, statementResource(round, statement))) {
      throw forbidden();
    }
    const now = new Date();
    await scope.models.Statement.updateOne(
      { _id: statement._id },
      {
        $set: {
          status: 'withdrawn',
          withdrawnAt: now,
          withdrawnById: viewer.person._id,
          updatedAt: now,
        },
      },
    );
    await scope.models.Document.updateOne(
      { _id: statement.textDocumentId },
      { $set: { 'statementOf.state': 'draft', updatedAt: now } },
    );
    scope.loaders.document.clear(String(statement.textDocumentId));
    await revokeStatementEditors(scope, statement);
    await recordReviewActivity(scope, {
      processId: process._id,
      verb: 'review.statement-withdrawn',
      subjectTitle: bodyOf(process, statement.bodyId)?.name ?? '',
      detail: `Beratungsrunde ${round.number}`,
    });
    forgetRound(scope, String(round._id));
    publishReviewChange(scope, round, 'STATEMENT_WITHDRAWN', { statementId: statement._id });
    return readStatement(scope, statement._id);
  });
}

/** Remarks of a statement, by number. */
export async function remarksOf(
  scope: RequestScope,
  statement: StatementDoc,
): Promise<RemarkDoc[]> {
  const remarks = await scope.loaders.review.remarksOfRound.load(String(statement.roundId));
  return remarks.filter((r) => r.statementId === statement._id).sort((a, b) => a.number - b.number);
}

const anchorSchema = z
  .string()
  .max(STATEMENT_LIMITS.anchorMaxChars)
  .refine((value) => {
    try {
      const parsed = JSON.parse(value) as { from?: unknown; to?: unknown };
      return typeof parsed.from === 'string' && typeof parsed.to === 'string';
    } catch {
      return false;
    }
  }, 'not an editor anchor');

const remarkFields = {
  text: z.string().trim().min(1, 'must not be empty').max(STATEMENT_LIMITS.remarkTextMaxChars),
  proposedWording: z.string().trim().max(STATEMENT_LIMITS.proposedWordingMaxChars),
};

const addSchema = z.object({
  statementId: statementIdSchema,
  itemIndex: z.number().int().min(0).max(100),
  anchor: anchorSchema.nullish(),
  quote: z.string().trim().max(STATEMENT_LIMITS.quoteMaxChars).nullish(),
  text: remarkFields.text,
  proposedWording: remarkFields.proposedWording.default(''),
});

/**
 * Inserts a remark under the next free number of its statement: `_id` = `<statementId>:<n>`,
 * so members adding remarks at the same moment each get their own number.
 */
async function insertRemark(
  scope: RequestScope,
  loaded: LoadedStatement,
  fields: Omit<
    RemarkDoc,
    | '_id'
    | 'number'
    | 'statementId'
    | 'roundId'
    | 'processId'
    | 'bodyId'
    | 'createdAt'
    | 'updatedAt'
  >,
): Promise<RemarkDoc> {
  const { statement, round } = loaded;
  const count = await scope.models.Remark.countDocuments({ statementId: statement._id });
  if (count >= STATEMENT_LIMITS.maxRemarksPerStatement) {
    throw fieldError(
      'invalid-input',
      'statementId',
      `a statement has at most ${STATEMENT_LIMITS.maxRemarksPerStatement} remarks`,
    );
  }
  const last = await scope.models.Remark.findOne({ statementId: statement._id }, { number: 1 })
    .sort({ number: -1 })
    .lean<{ number: number }>();
  let number = (last?.number ?? 0) + 1;
  const now = new Date();
  for (let attempt = 0; attempt < 50; attempt += 1, number += 1) {
    try {
      const created = await scope.models.Remark.create({
        ...fields,
        _id: `${statement._id}:${number}`,
        statementId: statement._id,
        roundId: round._id,
        processId: round.processId,
        bodyId: statement.bodyId,
        number,
        createdAt: now,
        updatedAt: now,
      });
      forgetRound(scope, String(round._id));
      publishReviewChange(scope, round, 'REMARK_CHANGED', {
        statementId: statement._id,
        remarkId: created._id,
      });
      return created.toObject<RemarkDoc>();
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  throw new DomainError('conflict', 'remark number');
}

/** Adds a remark on a passage of a reviewed document (anchored in its frozen version). */
export async function addRemark(scope: RequestScope, input: unknown): Promise<RemarkDoc> {
  const viewer = requireViewer(scope);
  const args = parseInput(addSchema, input);
  const loaded = await loadForWriting(scope, args.statementId, 'writeStatement');
  const item = itemAt(loaded.round, args.itemIndex);
  return insertRemark(scope, loaded, {
    itemIndex: item.index,
    documentId: item.documentId,
    anchor: args.anchor ?? null,
    quote: args.quote || null,
    text: args.text,
    proposedWording: args.proposedWording,
    sourceThreadId: null,
    taskId: null,
    createdById: viewer.person._id,
  });
}

const remarkIdSchema = z
  .string()
  .regex(/^[0-9a-f]{24}:[0-9a-f]{24}:\d{1,6}$/, 'must be a valid remark id');

/** Splits a remark id into its statement id. */
export function statementIdOfRemark(remarkId: string): string {
  return remarkId.split(':').slice(0, 2).join(':');
}

/** A remark the viewer may see, with its statement, round and process; else `not-found`. */
export async function loadVisibleRemark(
  scope: RequestScope,
  remarkId: unknown,
): Promise<LoadedStatement & { remark: RemarkDoc }> {
  const parsed = remarkIdSchema.safeParse(remarkId);
  if (!parsed.success) throw notFound('remarkId');
  const loaded = await loadVisibleStatement(scope, statementIdOfRemark(parsed.data));
  const remarks = await scope.loaders.review.remarksOfRound.load(String(loaded.round._id));
  const remark = remarks.find((r) => r._id === parsed.data);
  if (!remark) throw notFound('remarkId');
  return { ...loaded, remark };
}

const updateRemarkSchema = z.object({
  remarkId: remarkIdSchema,
  text: remarkFields.text.nullish(),
  proposedWording: remarkFields.proposedWording.nullish(),
});

/** Changes the text or proposed wording of a remark while its statement is a draft. */
export async function updateRemark(scope: RequestScope, input: unknown): Promise<RemarkDoc> {
  const args = parseInput(updateRemarkSchema, input);
  const { remark, statement } = await loadVisibleRemark(scope, args.remarkId);
  const loaded = await loadForWriting(scope, statement._id, 'writeStatement');
  const set: Record<string, unknown> = { updatedAt: new Date() };
  if (args.text != null) set.text = args.text;
  if (args.proposedWording != null) set.proposedWording = args.proposedWording;
  await scope.models.Remark.updateOne({ _id: remark._id }, { $set: set });
  forgetRound(scope, String(loaded.round._id));
  publishReviewChange(scope, loaded.round, 'REMARK_CHANGED', {
    statementId: statement._id,
    remarkId: remark._id,
  });
  const updated = await scope.models.Remark.findOne({ _id: remark._id }).lean<RemarkDoc>();
  if (!updated) throw notFound('remarkId');
  return updated;
}

/**
 * Deletes a remark of a draft statement. A remark that already has a response (from before the
 * statement was withdrawn) stays, so the response's history is not lost: edit it instead.
 */
export async function deleteRemark(scope: RequestScope, remarkId: unknown): Promise<string> {
  const { remark, statement } = await loadVisibleRemark(scope, remarkId);
  const loaded = await loadForWriting(scope, statement._id, 'writeStatement');
  const answered = await scope.models.ReviewResponse.countDocuments({ _id: remark._id });
  if (answered > 0) {
    throw fieldError(
      'invalid-transition',
      'remarkId',
      'the remark has a response; edit it instead',
    );
  }
  await scope.models.Remark.deleteOne({ _id: remark._id });
  forgetRound(scope, String(loaded.round._id));
  publishReviewChange(scope, loaded.round, 'REMARK_CHANGED', {
    statementId: statement._id,
    remarkId: remark._id,
  });
  return remark._id;
}

/**
 * Passage comments made during the round on its documents by members of the statement's body
 * (credited to it, or written by one of its members), not yet taken over as remarks.
 */
export async function commentCandidates(
  scope: RequestScope,
  statement: StatementDoc,
  process: ProcessDoc,
  round: ReviewRoundDoc,
): Promise<CommentThreadDoc[]> {
  const viewer = scope.viewer;
  if (!viewer || !isBodyMember(viewer.actor, process, statement.bodyId) || !round.openedAt) {
    return [];
  }
  const body = bodyOf(process, statement.bodyId);
  const members = new Set((body?.memberIds ?? []).map(String));
  const threads = await scope.models.CommentThread.find({
    documentId: op({ $in: round.items.map((i) => i.documentId) }),
    createdAt: op({ $gte: round.openedAt }),
  })
    .sort({ createdAt: 1 })
    .lean<CommentThreadDoc[]>();
  const remarks = await remarksOf(scope, statement);
  const taken = new Set(remarks.map((r) => String(r.sourceThreadId ?? '')));
  return threads.filter((thread) => {
    const first = thread.comments[0];
    if (!first || taken.has(String(thread._id))) return false;
    const credited = first.bodyId ? String(first.bodyId) === String(statement.bodyId) : false;
    return credited || members.has(String(first.authorId));
  });
}

const fromCommentSchema = z.object({ statementId: statementIdSchema, threadId: objectIdSchema });

/** Takes a passage comment over into the statement as a remark (its anchor, quote and text). */
export async function addRemarkFromComment(
  scope: RequestScope,
  input: unknown,
): Promise<RemarkDoc> {
  const viewer = requireViewer(scope);
  const args = parseInput(fromCommentSchema, input);
  const loaded = await loadForWriting(scope, args.statementId, 'writeStatement');
  const candidates = await commentCandidates(scope, loaded.statement, loaded.process, loaded.round);
  const thread = candidates.find((t) => String(t._id) === args.threadId);
  if (!thread) throw notFound('threadId');
  const document = await scope.loaders.document.load(String(thread.documentId));
  if (
    !document ||
    !canSee(viewer.actor, loaded.process, {
      type: 'document',
      document: toDocumentFacts(document as DocumentDoc),
    })
  ) {
    throw notFound('threadId');
  }
  const item = loaded.round.items.find((i) => String(i.documentId) === String(thread.documentId));
  if (!item) throw notFound('threadId');
  return insertRemark(scope, loaded, {
    itemIndex: item.index,
    documentId: item.documentId,
    anchor: thread.anchor,
    quote: thread.quote,
    text: (thread.comments[0]?.body ?? '').slice(0, STATEMENT_LIMITS.remarkTextMaxChars),
    proposedWording: '',
    sourceThreadId: thread._id,
    taskId: null,
    createdById: viewer.person._id,
  });
}

/** The viewer's bodies among the round's bodies (for "my statements"). */
export function viewerBodiesInRound(
  scope: RequestScope,
  process: ProcessDoc,
  round: ReviewRoundDoc,
): string[] {
  const viewer = scope.viewer;
  if (!viewer) return [];
  const mine = bodyIdsOf(viewer.actor, process);
  return round.bodyIds.map(String).filter((id) => mine.has(id));
}
