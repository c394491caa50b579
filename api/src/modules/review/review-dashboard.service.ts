import type { StatementStatus } from '@lip/common';
import { bodyIdsOf, canAct, isGroupMember } from '../../auth/policy';
import { op } from '../../db/connection';
import { requireViewer, type RequestScope } from '../../scope';
import type { DecisionDoc } from '../decision/decision.model';
import type { BodyDoc, GroupDoc, ProcessDoc } from '../process/process.model';
import {
  effectiveStatus,
  statementIdOf,
  toItemFacts,
  toRoundFacts,
  viewerSeesRound,
} from './review-access';
import type {
  RemarkDoc,
  ResponseDoc,
  ReviewItemDoc,
  ReviewRoundDoc,
  StatementDoc,
} from './review.model';

/** A statement the viewer's body owes. */
export interface StatementDueData {
  round: ReviewRoundDoc;
  body: BodyDoc;
  deadline: Date;
  status: StatementStatus | 'not-started';
  statementId: string | null;
}

/** Remarks waiting for a group in a round. */
export interface GroupRemarksWaitingData {
  round: ReviewRoundDoc;
  group: GroupDoc;
  process: ProcessDoc;
  withoutResponse: number;
  awaitingApproval: number;
}

/** The steering inbox entry shape shared with the decision module. */
export interface DashboardInboxEntry {
  round: ReviewRoundDoc;
  process: ProcessDoc;
  pendingItems: ReviewItemDoc[];
}

/** The review part of the start page. */
export interface ReviewDashboardData {
  statementsDue: StatementDueData[];
  roundsInProgress: ReviewRoundDoc[];
  remarksWaiting: GroupRemarksWaitingData[];
  steeringInbox: DashboardInboxEntry[];
  /** Open or closed (not yet evaluated) rounds the viewer may see, by deadline. */
  visibleInProgress: ReviewRoundDoc[];
}

/**
 * The review part of the start page, following each person's work: the statements their body
 * owes (councils), rounds in progress (coordinators), remarks awaiting their group's response
 * (groups), and what waits for a decision (steering group). Five queries whatever the size:
 * rounds, then statements, remarks, responses and decisions of those rounds in parallel. The
 * round loaders are primed so the round fields shown cost nothing extra.
 */
export async function loadReviewDashboard(
  scope: RequestScope,
  process: ProcessDoc,
): Promise<ReviewDashboardData> {
  const viewer = requireViewer(scope);
  const rounds = (
    await scope.models.ReviewRound.find({
      processId: process._id,
      status: op({ $in: ['open', 'closed', 'evaluated'] as ('open' | 'closed' | 'evaluated')[] }),
    })
      .sort({ deadline: 1 })
      .lean<ReviewRoundDoc[]>()
  ).filter((round) => viewerSeesRound(scope, process, round));
  const empty: ReviewDashboardData = {
    statementsDue: [],
    roundsInProgress: [],
    remarksWaiting: [],
    steeringInbox: [],
    visibleInProgress: [],
  };
  if (rounds.length === 0) return empty;
  const ids = rounds.map((r) => r._id);
  const [statements, remarks, responses, decisions] = await Promise.all([
    scope.models.Statement.find({ roundId: op({ $in: ids }) }).lean<StatementDoc[]>(),
    scope.models.Remark.find({ roundId: op({ $in: ids }) }).lean<RemarkDoc[]>(),
    scope.models.ReviewResponse.find({ roundId: op({ $in: ids }) }).lean<ResponseDoc[]>(),
    scope.models.Decision.find({ roundId: op({ $in: ids }) }).lean<DecisionDoc[]>(),
  ]);
  const byRound = <T extends { roundId: unknown }>(rows: T[], round: ReviewRoundDoc) =>
    rows.filter((row) => String(row.roundId) === String(round._id));
  for (const round of rounds) {
    const key = String(round._id);
    scope.loaders.review.round.prime(key, round);
    scope.loaders.review.statementsOfRound.prime(key, byRound(statements, round));
    scope.loaders.review.remarksOfRound.prime(key, byRound(remarks, round));
    scope.loaders.review.responsesOfRound.prime(key, byRound(responses, round));
    scope.loaders.review.decisionsOfRound.prime(key, byRound(decisions, round));
  }

  const now = new Date();
  const inProgress = rounds.filter((round) => {
    const status = effectiveStatus(round, now);
    return status === 'open' || status === 'closed';
  });
  const statementOf = new Map(statements.map((s) => [s._id, s]));
  const myBodies = bodyIdsOf(viewer.actor, process);

  const statementsDue: StatementDueData[] = [];
  for (const round of inProgress) {
    for (const bodyId of round.bodyIds.map(String)) {
      if (!myBodies.has(bodyId)) continue;
      const body = process.bodies.find((b) => String(b._id) === bodyId);
      const statement = statementOf.get(statementIdOf(String(round._id), bodyId));
      if (!body || statement?.status === 'submitted') continue;
      statementsDue.push({
        round,
        body,
        deadline: round.deadline,
        status: statement?.status ?? 'not-started',
        statementId: statement?._id ?? null,
      });
    }
  }

  const roundsInProgress = inProgress.filter((round) =>
    canAct(viewer.actor, 'manageReviewRound', process, {
      type: 'reviewRound',
      round: toRoundFacts(round, now),
    }),
  );

  const submitted = new Set(statements.filter((s) => s.status === 'submitted').map((s) => s._id));
  const responseOf = new Map(responses.map((r) => [r._id, r]));
  const remarksWaiting: GroupRemarksWaitingData[] = [];
  for (const round of inProgress) {
    const groups = new Map<string, GroupDoc>();
    for (const item of round.items) {
      const group = process.groups.find((g) => String(g._id) === String(item.groupId));
      if (group && isGroupMember(viewer.actor, group)) groups.set(String(group._id), group);
    }
    for (const group of groups.values()) {
      const itemIndexes = new Set(
        round.items.filter((i) => String(i.groupId) === String(group._id)).map((i) => i.index),
      );
      const mine = remarks.filter(
        (r) =>
          String(r.roundId) === String(round._id) &&
          submitted.has(r.statementId) &&
          itemIndexes.has(r.itemIndex),
      );
      const withoutResponse = mine.filter((r) => !responseOf.has(r._id)).length;
      const awaitingApproval = mine.filter((r) => responseOf.get(r._id)?.status === 'draft').length;
      if (withoutResponse + awaitingApproval > 0) {
        remarksWaiting.push({ round, group, process, withoutResponse, awaitingApproval });
      }
    }
  }

  const decided = new Set(
    decisions
      .filter((d) => d.supersededAt === null)
      .map((d) => `${String(d.roundId)}:${d.itemIndex}`),
  );
  const steeringInbox: DashboardInboxEntry[] = [];
  for (const round of rounds) {
    if (effectiveStatus(round, now) !== 'evaluated') continue;
    const pendingItems = round.items.filter(
      (item) =>
        !decided.has(`${String(round._id)}:${item.index}`) &&
        canAct(viewer.actor, 'recordDecision', process, {
          type: 'decision',
          round: toRoundFacts(round, now),
          item: toItemFacts(item),
          decision: null,
        }),
    );
    if (pendingItems.length > 0) steeringInbox.push({ round, process, pendingItems });
  }

  return {
    statementsDue,
    roundsInProgress,
    remarksWaiting,
    steeringInbox,
    visibleInProgress: inProgress,
  };
}

/** One load of the review part per request and process. */
const loaded = new WeakMap<RequestScope, Map<string, Promise<ReviewDashboardData>>>();

/**
 * {@link loadReviewDashboard} once per request: the start page's review section and the review
 * work of `myWork` (`review.work.ts`) share the same five queries.
 */
export function reviewDashboardOf(
  scope: RequestScope,
  process: ProcessDoc,
): Promise<ReviewDashboardData> {
  const byProcess = loaded.get(scope) ?? new Map<string, Promise<ReviewDashboardData>>();
  loaded.set(scope, byProcess);
  const key = String(process._id);
  const cached = byProcess.get(key);
  if (cached) return cached;
  const promise = loadReviewDashboard(scope, process);
  byProcess.set(key, promise);
  return promise;
}
