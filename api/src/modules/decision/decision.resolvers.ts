import type { DecisionOutcome } from '@lip/common';
import type { Resolvers } from '../../graphql/generated/resolvers-types';
import type { TaskDoc } from '../task/task.model';
import { findTask } from '../task/task.service';
import { fromGraphQLEnum, toGraphQLEnum } from '../../validation';
import { loadRound, viewerSeesRound } from '../review/review-access';
import {
  correctDecision,
  currentDecisions,
  decisionCapabilities,
  decisionHistory,
  decisionsOfMeasure,
  recordDecision,
  steeringInbox,
} from './decision.service';
import type { DecisionFieldsInput } from '../../graphql/generated/resolvers-types';

function toFields(input: DecisionFieldsInput) {
  return {
    outcome: fromGraphQLEnum<DecisionOutcome>(input.outcome),
    reason: input.reason ?? '',
    conditions: input.conditions ?? '',
    meetingDate: input.meetingDate,
    confirm: input.confirm,
  };
}

/** Resolvers of the steering group's decisions and inbox. */
export const decisionResolvers: Resolvers = {
  Query: {
    steeringInbox: (_p, { processId }, { scope }) => steeringInbox(scope, processId),
  },
  Mutation: {
    recordDecision: async (_p, { input }, { scope }) => ({
      decision: await recordDecision(scope, {
        roundId: input.roundId,
        itemIndex: input.itemIndex,
        ...toFields(input.decision),
      }),
    }),
    correctDecision: async (_p, { input }, { scope }) => ({
      decision: await correctDecision(scope, {
        decisionId: input.decisionId,
        ...toFields(input.decision),
      }),
    }),
  },
  Decision: {
    id: (d) => d._id,
    round: async (d, _a, { scope }) => (await loadRound(scope, String(d.roundId))).round,
    subject: (d) => d.subject,
    documentId: (d) => String(d.documentId),
    outcome: (d) => toGraphQLEnum(d.outcome),
    recordedBy: (d, _a, { scope }) => scope.loaders.person.load(String(d.recordedById)),
    tasks: async (d, _a, { scope }) => {
      const tasks = await Promise.all(d.taskIds.map((id) => findTask(scope, String(id))));
      return tasks.filter((t): t is TaskDoc => t !== null);
    },
    viewerCanCorrect: async (d, _a, { scope }) => {
      const { round, process } = await loadRound(scope, String(d.roundId));
      const item = round.items.find((i) => i.index === d.itemIndex);
      if (!item || d.supersededAt) return false;
      return decisionCapabilities(scope, process, round, item, d).correct;
    },
    viewerSeesRound: async (d, _a, { scope }) => {
      const { round, process } = await loadRound(scope, String(d.roundId));
      return viewerSeesRound(scope, process, round);
    },
  },
  Measure: {
    decisions: (m, _a, { scope }) => decisionsOfMeasure(scope, m._id),
  },
  SteeringInboxEntry: {
    round: (e) => e.round,
    pendingItems: (e) => e.pendingItems.map((item) => ({ round: e.round, item })),
  },
  ReviewItem: {
    decision: async ({ round, item }, _a, { scope }) =>
      (await currentDecisions(scope, round)).get(item.index) ?? null,
    decisionHistory: ({ round, item }, _a, { scope }) => decisionHistory(scope, round, item.index),
    viewerCanDecide: async ({ round, item }, _a, { scope }) => {
      const { process } = await loadRound(scope, String(round._id));
      const current = (await currentDecisions(scope, round)).get(item.index) ?? null;
      return decisionCapabilities(scope, process, round, item, current).record;
    },
  },
  ReviewRound: {
    decisions: async (r, _a, { scope }) => [...(await currentDecisions(scope, r)).values()],
  },
};
