import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import { op } from '../../db/connection';
import type { Models } from '../../db/models';
import type { DecisionDoc } from '../decision/decision.model';
import type { RemarkDoc, ResponseDoc, ReviewRoundDoc, StatementDoc } from './review.model';

/** Groups rows by a key in the order of `keys` (for one-query-per-batch loaders). */
function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return keys.map((key) => map.get(key) ?? []);
}

const roundIds = (keys: readonly string[]) =>
  keys.filter((k) => Types.ObjectId.isValid(k)).map((k) => new Types.ObjectId(k));

/**
 * Per-request loaders of the review workflow: each batches the lookups of one tick into one
 * query, so a list of rounds with their statements, remarks, responses and decisions costs a
 * fixed number of round trips whatever its length.
 */
export function createReviewLoaders(models: Models) {
  return {
    round: new DataLoader<string, ReviewRoundDoc | null>(async (keys) => {
      const rows = await models.ReviewRound.find({ _id: op({ $in: roundIds(keys) }) }).lean<
        ReviewRoundDoc[]
      >();
      const map = new Map(rows.map((row) => [String(row._id), row]));
      return keys.map((k) => map.get(k) ?? null);
    }),
    statementsOfRound: new DataLoader<string, StatementDoc[]>(async (keys) => {
      const rows = await models.Statement.find({ roundId: op({ $in: roundIds(keys) }) })
        .batchSize(100_000)
        .lean<StatementDoc[]>();
      return groupBy(keys, rows, (row) => String(row.roundId));
    }),
    remarksOfRound: new DataLoader<string, RemarkDoc[]>(async (keys) => {
      const rows = await models.Remark.find({ roundId: op({ $in: roundIds(keys) }) })
        .batchSize(100_000)
        .lean<RemarkDoc[]>();
      return groupBy(keys, rows, (row) => String(row.roundId));
    }),
    responsesOfRound: new DataLoader<string, ResponseDoc[]>(async (keys) => {
      // Without the revisions: tables and counts never need them (see `responseRevisions`).
      const rows = await models.ReviewResponse.find(
        { roundId: op({ $in: roundIds(keys) }) },
        { revisions: 0 },
      )
        .batchSize(100_000)
        .lean<ResponseDoc[]>();
      return groupBy(keys, rows, (row) => String(row.roundId));
    }),
    decisionsOfRound: new DataLoader<string, DecisionDoc[]>(async (keys) => {
      const rows = await models.Decision.find({ roundId: op({ $in: roundIds(keys) }) })
        .batchSize(100_000)
        .lean<DecisionDoc[]>();
      return groupBy(keys, rows, (row) => String(row.roundId));
    }),
  };
}

/** The review loaders of one request. */
export type ReviewLoaders = ReturnType<typeof createReviewLoaders>;
