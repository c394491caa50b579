import type {
  ResponseVote as StoredVote,
  StatementAssessment as StoredAssessment,
  ReviewRoundStatus as StoredRoundStatus,
} from '@lip/common';
import { canAct } from '../../auth/policy';
import type { Resolvers } from '../../graphql/generated/resolvers-types';
import type { BodyProgressParent } from '../../graphql/mappers';
import { filterAsync } from '../../pubsub/filter';
import { Topics } from '../../pubsub/pubsub';
import { requireViewer } from '../../scope';
import { fromGraphQLEnum, toGraphQLEnum } from '../../validation';
import { findDocument } from '../document/document.service';
import { measureSheetFields, type MeasureSnapshot } from '../measure';
import type { PersonDoc } from '../person/person.model';
import { loadProcess } from '../process/process.service';
import { findTask } from '../task/task.service';
import { loadResponseTable } from './response-table.service';
import {
  approveResponse,
  createTaskFromRemark,
  saveResponse,
  sendBackResponse,
} from './response.service';
import {
  closedAtOf,
  effectiveStatus,
  loadRound,
  toRoundFacts,
  viewerSeesResponse,
  viewerSeesRound,
} from './review-access';
import { reviewDashboardOf } from './review-dashboard.service';
import {
  cancelRound,
  closeRound,
  createRound,
  evaluateRound,
  findRound,
  itemVersion,
  listRounds,
  openRound,
  updateRound,
} from './review-round.service';
import { setBodyChairs, setGroupReviewSettings } from './review-settings.service';
import type { ReviewChangeEvent } from './review.events';
import type { RemarkDoc, ResponseRevisionDoc, ReviewRoundDoc } from './review.model';
import {
  addRemark,
  addRemarkFromComment,
  commentCandidates,
  deleteRemark,
  findStatement,
  remarksOf,
  startStatement,
  statementCapabilities,
  submitStatement,
  updateRemark,
  updateStatement,
  viewerBodiesInRound,
  visibleStatements,
  withdrawStatement,
} from './statement.service';

const enumOrNull = <T extends string>(value: string | null | undefined): T | null =>
  value ? fromGraphQLEnum<T>(value) : null;

/** Progress per body of a round, counted from the round's statements and remarks. */
async function progressOf(
  scope: Parameters<typeof loadRound>[0],
  round: ReviewRoundDoc,
): Promise<BodyProgressParent[]> {
  const [statements, remarks] = await Promise.all([
    scope.loaders.review.statementsOfRound.load(String(round._id)),
    scope.loaders.review.remarksOfRound.load(String(round._id)),
  ]);
  return round.bodyIds.map((id) => {
    const statement = statements.find((s) => String(s.bodyId) === String(id)) ?? null;
    const remarkCount =
      statement?.status === 'submitted'
        ? remarks.filter((r) => r.statementId === statement._id).length
        : 0;
    return { round, bodyId: String(id), statement, remarkCount };
  });
}

/** Remarks of submitted statements and how many still lack an approved response. */
async function remarkCounts(
  scope: Parameters<typeof loadRound>[0],
  round: ReviewRoundDoc,
): Promise<{ total: number; open: number; answered: number }> {
  const key = String(round._id);
  const [statements, remarks, responses] = await Promise.all([
    scope.loaders.review.statementsOfRound.load(key),
    scope.loaders.review.remarksOfRound.load(key),
    scope.loaders.review.responsesOfRound.load(key),
  ]);
  const submitted = new Set(statements.filter((s) => s.status === 'submitted').map((s) => s._id));
  const approved = new Set(responses.filter((r) => r.status === 'approved').map((r) => r._id));
  const counted = remarks.filter((r) => submitted.has(r.statementId));
  return {
    total: counted.length,
    open: counted.filter((r) => !approved.has(r._id)).length,
    answered: submitted.size,
  };
}

/** The remark's response when the viewer may read it. */
async function visibleResponse(scope: Parameters<typeof loadRound>[0], remark: RemarkDoc) {
  const { round, process } = await loadRound(scope, String(remark.roundId));
  const responses = await scope.loaders.review.responsesOfRound.load(String(round._id));
  const response = responses.find((r) => r._id === remark._id) ?? null;
  const item = round.items.find((i) => i.index === remark.itemIndex);
  if (!response || !item) return null;
  return viewerSeesResponse(scope, process, round, item, response) ? response : null;
}

/** Resolvers of review rounds, statements, remarks, responses and the response table. */
export const reviewResolvers: Resolvers = {
  Query: {
    reviewRounds: (_p, { processId, status, documentId }, { scope }) =>
      listRounds(scope, {
        processId,
        documentId,
        status: enumOrNull<StoredRoundStatus>(status),
      }),
    reviewRound: (_p, { id }, { scope }) => findRound(scope, id),
    statement: (_p, { id }, { scope }) => findStatement(scope, id),
    reviewItemVersion: (_p, { roundId, itemIndex }, { scope }) =>
      itemVersion(scope, roundId, itemIndex),
    responseTable: (_p, { roundId, filter, withPassages }, { scope }) =>
      loadResponseTable(scope, roundId, {
        withPassages: withPassages ?? true,
        filter: filter
          ? {
              ...filter,
              vote: enumOrNull<StoredVote>(filter.vote),
              status: enumOrNull<'open' | 'draft' | 'approved'>(filter.status),
            }
          : null,
      }),
  },
  Mutation: {
    createReviewRound: async (_p, { input }, { scope }) => ({
      round: await createRound(scope, input),
    }),
    updateReviewRound: async (_p, { input }, { scope }) => ({
      round: await updateRound(scope, input),
    }),
    openReviewRound: async (_p, { roundId }, { scope }) => ({
      round: await openRound(scope, roundId),
    }),
    closeReviewRound: async (_p, { roundId }, { scope }) => ({
      round: await closeRound(scope, roundId),
    }),
    evaluateReviewRound: async (_p, { roundId }, { scope }) => ({
      round: await evaluateRound(scope, roundId),
    }),
    cancelReviewRound: async (_p, { input }, { scope }) => ({
      round: await cancelRound(scope, input),
    }),
    startStatement: async (_p, { input }, { scope }) => ({
      statement: await startStatement(scope, input),
    }),
    updateStatement: async (_p, { input }, { scope }) => ({
      statement: await updateStatement(scope, {
        ...input,
        assessment:
          input.assessment === undefined
            ? undefined
            : enumOrNull<StoredAssessment>(input.assessment),
      }),
    }),
    submitStatement: async (_p, { input }, { scope }) => ({
      statement: await submitStatement(scope, input),
    }),
    withdrawStatement: async (_p, { input }, { scope }) => ({
      statement: await withdrawStatement(scope, input),
    }),
    addRemark: async (_p, { input }, { scope }) => ({ remark: await addRemark(scope, input) }),
    updateRemark: async (_p, { input }, { scope }) => ({
      remark: await updateRemark(scope, input),
    }),
    deleteRemark: async (_p, { remarkId }, { scope }) => ({
      deletedRemarkId: await deleteRemark(scope, remarkId),
    }),
    addRemarkFromComment: async (_p, { input }, { scope }) => ({
      remark: await addRemarkFromComment(scope, input),
    }),
    saveResponse: async (_p, { input }, { scope }) => {
      const response = await saveResponse(scope, {
        ...input,
        vote: fromGraphQLEnum<StoredVote>(input.vote),
        reason: input.reason ?? '',
      });
      return { remark: await remarkOfResponse(scope, response._id) };
    },
    approveResponse: async (_p, { input }, { scope }) => {
      const response = await approveResponse(scope, input);
      return { remark: await remarkOfResponse(scope, response._id) };
    },
    sendBackResponse: async (_p, { input }, { scope }) => {
      const response = await sendBackResponse(scope, { ...input, note: input.note ?? '' });
      return { remark: await remarkOfResponse(scope, response._id) };
    },
    createTaskFromRemark: (_p, { input }, { scope }) => createTaskFromRemark(scope, input),
    setGroupReviewSettings: async (_p, { input }, { scope }) => ({
      group: await setGroupReviewSettings(scope, input),
    }),
    setBodyChairs: async (_p, { input }, { scope }) => ({
      body: await setBodyChairs(scope, input),
    }),
  },
  Subscription: {
    reviewChanged: {
      subscribe: async (_p, { roundId }, { scope }) => {
        requireViewer(scope);
        const process = await loadProcess(scope);
        return filterAsync(
          scope.pubsub.subscribe<ReviewChangeEvent>(Topics.reviewChanged(String(process._id))),
          async (event) => {
            if (roundId && event.roundId !== roundId) return false;
            // Fresh reads per event: what the subscriber may see can change with the round.
            scope.loaders.review.round.clear(event.roundId);
            const round = await scope.loaders.review.round.load(event.roundId);
            return !!round && viewerSeesRound(scope, process, round);
          },
        );
      },
      resolve: (event: ReviewChangeEvent) => event,
    },
  },
  ReviewChange: {
    kind: (e) => e.kind,
  },
  ReviewRound: {
    id: (r) => String(r._id),
    processId: (r) => String(r.processId),
    status: (r) => toGraphQLEnum(effectiveStatus(r)),
    items: (r) => r.items.map((item) => ({ round: r, item })),
    bodies: async (r, _a, { scope }) => {
      const process = await scope.loaders.process.load(String(r.processId));
      return r.bodyIds.flatMap(
        (id) => process?.bodies.find((b) => String(b._id) === String(id)) ?? [],
      );
    },
    progress: (r, _a, { scope }) => progressOf(scope, r),
    answeredCount: async (r, _a, { scope }) => (await remarkCounts(scope, r)).answered,
    remarkCount: async (r, _a, { scope }) => (await remarkCounts(scope, r)).total,
    openRemarkCount: async (r, _a, { scope }) => (await remarkCounts(scope, r)).open,
    statements: async (r, _a, { scope }) => {
      const process = await loadProcess(scope, String(r.processId));
      return visibleStatements(scope, process, r);
    },
    myBodyIds: async (r, _a, { scope }) => {
      const process = await loadProcess(scope, String(r.processId));
      return viewerBodiesInRound(scope, process, r);
    },
    createdBy: (r, _a, { scope }) =>
      r.createdById ? scope.loaders.person.load(String(r.createdById)) : null,
    closedAt: (r) => closedAtOf(r),
    responsesPublished: (r) => effectiveStatus(r) === 'evaluated',
    viewerCanManage: async (r, _a, { scope }) => {
      const process = await scope.loaders.process.load(String(r.processId));
      return (
        !!process &&
        !!scope.viewer &&
        canAct(scope.viewer.actor, 'manageReviewRound', process, {
          type: 'reviewRound',
          round: toRoundFacts(r),
        })
      );
    },
  },
  ReviewItem: {
    index: ({ item }) => item.index,
    subject: ({ item }) => item.subject,
    documentId: ({ item }) => String(item.documentId),
    document: ({ item }, _a, { scope }) => findDocument(scope, String(item.documentId)),
    versionId: ({ item }) => item.versionId,
    title: ({ item }) => item.title,
    actionFieldKey: ({ item }) => item.actionFieldKey,
    measureSheet: ({ item }, _a, { scope }) =>
      item.measureSnapshot
        ? measureSheetFields(item.measureSnapshot as MeasureSnapshot, scope.locale)
        : null,
    group: async ({ round, item }, _a, { scope }) => {
      const process = await scope.loaders.process.load(String(round.processId));
      const group = process?.groups.find((g) => String(g._id) === String(item.groupId));
      return process && group ? { group, process } : null;
    },
  },
  ReviewSubject: {
    kind: (s) => toGraphQLEnum(s.kind),
    documentId: (s) => (s.documentId ? String(s.documentId) : null),
    measureId: (s) => (s.measureId ? String(s.measureId) : null),
  },
  BodyProgress: {
    body: async (p, _a, { scope }) => {
      const process = await loadProcess(scope, String(p.round.processId));
      const body = process.bodies.find((b) => String(b._id) === p.bodyId);
      if (!body) throw new Error('body of a round is missing');
      return body;
    },
    status: (p) => toGraphQLEnum(p.statement?.status ?? 'not-started'),
    submittedAt: (p) => (p.statement?.status === 'submitted' ? p.statement.submittedAt : null),
    late: (p) => p.statement?.status === 'submitted' && p.statement.late,
    remarkCount: (p) => p.remarkCount,
    statementId: (p) => p.statement?._id ?? null,
  },
  Statement: {
    id: (s) => s._id,
    round: async (s, _a, { scope }) => (await loadRound(scope, String(s.roundId))).round,
    body: async (s, _a, { scope }) => {
      const process = await loadProcess(scope, String(s.processId));
      const body = process.bodies.find((b) => String(b._id) === String(s.bodyId));
      if (!body) throw new Error('body of a statement is missing');
      return body;
    },
    textDocumentId: (s) => String(s.textDocumentId),
    assessment: (s) => (s.assessment ? toGraphQLEnum(s.assessment) : null),
    status: (s) => toGraphQLEnum(s.status),
    submittedBy: (s, _a, { scope }) =>
      s.submittedById ? scope.loaders.person.load(String(s.submittedById)) : null,
    remarks: (s, _a, { scope }) => remarksOf(scope, s),
    commentCandidates: async (s, _a, { scope }) => {
      const { round, process } = await loadRound(scope, String(s.roundId));
      return commentCandidates(scope, s, process, round);
    },
    viewerCanWrite: async (s, _a, { scope }) => {
      const { round, process } = await loadRound(scope, String(s.roundId));
      return statementCapabilities(scope, process, round, s).write;
    },
    viewerCanSubmit: async (s, _a, { scope }) => {
      const { round, process } = await loadRound(scope, String(s.roundId));
      return statementCapabilities(scope, process, round, s).submit;
    },
    viewerCanWithdraw: async (s, _a, { scope }) => {
      const { round, process } = await loadRound(scope, String(s.roundId));
      return statementCapabilities(scope, process, round, s).withdraw;
    },
  },
  Remark: {
    id: (r) => r._id,
    label: async (r, _a, { scope }) => {
      const process = await loadProcess(scope, String(r.processId));
      const body = process.bodies.find((b) => String(b._id) === String(r.bodyId));
      return `${body?.name ?? ''} ${r.number}`.trim();
    },
    body: async (r, _a, { scope }) => {
      const process = await loadProcess(scope, String(r.processId));
      const body = process.bodies.find((b) => String(b._id) === String(r.bodyId));
      if (!body) throw new Error('body of a remark is missing');
      return body;
    },
    documentId: (r) => String(r.documentId),
    sourceThreadId: (r) => (r.sourceThreadId ? String(r.sourceThreadId) : null),
    createdBy: (r, _a, { scope }) =>
      r.createdById ? scope.loaders.person.load(String(r.createdById)) : null,
    response: (r, _a, { scope }) => visibleResponse(scope, r),
    task: (r, _a, { scope }) => (r.taskId ? findTask(scope, String(r.taskId)) : null),
    viewerCanEdit: async (r, _a, { scope }) => {
      const { round, process } = await loadRound(scope, String(r.roundId));
      const statements = await scope.loaders.review.statementsOfRound.load(String(round._id));
      const statement = statements.find((s) => s._id === r.statementId);
      return !!statement && statementCapabilities(scope, process, round, statement).write;
    },
  },
  RemarkResponse: {
    id: (r) => r._id,
    // The round's responses are loaded without revisions; read them when asked for.
    revisions: async (r, _a, { scope }) => {
      if (r.revisions) return r.revisions;
      const row = await scope.models.ReviewResponse.findOne({ _id: r._id }, { revisions: 1 }).lean<{
        revisions: ResponseRevisionDoc[];
      }>();
      return row?.revisions ?? [];
    },
    vote: (r) => (r.vote ? toGraphQLEnum(r.vote) : null),
    status: (r) => toGraphQLEnum(r.status),
    draftedBy: (r, _a, { scope }) => scope.loaders.person.load(String(r.draftedById)),
    approvedBy: (r, _a, { scope }) =>
      r.approvedById ? scope.loaders.person.load(String(r.approvedById)) : null,
  },
  ResponseRevision: {
    action: (r) => toGraphQLEnum(r.action),
    vote: (r) => (r.vote ? toGraphQLEnum(r.vote) : null),
  },
  ResponseTable: {
    round: (t) => t.round,
    rows: (t) => t.rows,
    counts: (t) => t.counts,
  },
  ResponseTableRow: {
    remark: (row) => row.remark,
    label: (row) => row.label,
    bodyName: (row) => row.body?.name ?? '',
    submittedAt: (row) => row.statement.submittedAt,
    documentTitle: (row) => row.item.title,
    status: (row) => toGraphQLEnum(row.status),
    vote: (row) => (row.response?.vote ? toGraphQLEnum(row.response.vote) : null),
    reason: (row) => row.response?.reason ?? null,
    warnings: (row) => row.warnings.map((w) => toGraphQLEnum(w)),
    viewerCanDraft: (row) => row.capabilities.draft,
    viewerCanApprove: (row) => row.capabilities.approve,
    viewerCanSendBack: (row) => row.capabilities.sendBack,
    viewerCanCreateTask: (row) => !row.remark.taskId && row.capabilities.createTask,
  },
  PassageChange: {
    status: (p) => toGraphQLEnum(p.status),
  },
  DiffPart: {
    kind: (p) => toGraphQLEnum(p.kind),
  },
  FrozenVersion: {},
  ReviewDashboard: {},
  StatementDue: {
    status: (d) => toGraphQLEnum(d.status),
  },
  GroupRemarksWaiting: {
    group: (w) => ({ group: w.group, process: w.process }),
  },
  Dashboard: {
    review: (d, _a, { scope }) => reviewDashboardOf(scope, d.process),
  },
  Document: {
    reviewRounds: (d, _a, { scope }) =>
      listRounds(scope, { processId: String(d.processId), documentId: String(d._id) }),
  },
  Task: {
    origin: (t) => t.origin ?? null,
  },
  TaskOrigin: {
    kind: (o) => toGraphQLEnum(o.kind),
    roundId: (o) => String(o.roundId),
  },
  ExpertGroup: {
    reviewFourEyes: ({ group }) => group.reviewFourEyes ?? false,
  },
  Body: {
    chairs: async (b, _a, { scope }) => {
      const people = await scope.loaders.person.loadMany((b.chairIds ?? []).map(String));
      return people.filter((p): p is PersonDoc => p !== null && !(p instanceof Error));
    },
  },
};

async function remarkOfResponse(scope: Parameters<typeof loadRound>[0], remarkId: string) {
  const [roundId] = remarkId.split(':');
  scope.loaders.review.remarksOfRound.clear(String(roundId));
  const remarks = await scope.loaders.review.remarksOfRound.load(String(roundId));
  const remark = remarks.find((r) => r._id === remarkId);
  if (!remark) throw new Error('remark vanished');
  return remark;
}
