import { op } from '../../db/connection';
import type { AppDeps } from '../../scope';
import { notify } from '../notification';
import type { ProcessDoc } from '../process/process.model';
import type { ReviewRoundDoc, StatementDoc } from './review.model';

/** How long before a round's deadline the bodies that have not answered are reminded. */
export const STATEMENT_DUE_NOTICE_MS = 3 * 24 * 60 * 60_000;

/**
 * Reminds the members of every body of an open round that has not submitted its statement when
 * the deadline is at most {@link STATEMENT_DUE_NOTICE_MS} away. Once-only per round, body,
 * deadline and person (`statement-due:<round>:<body>:<deadline>:<person>`), so several API
 * processes may run it and a moved deadline reminds again.
 */
export async function notifyDueStatements(deps: AppDeps, now = new Date()): Promise<number> {
  const rounds = await deps.models.ReviewRound.find({
    status: 'open',
    deadline: op({ $gt: now, $lte: new Date(now.getTime() + STATEMENT_DUE_NOTICE_MS) }),
  })
    .limit(500)
    .lean<ReviewRoundDoc[]>();
  if (rounds.length === 0) return 0;
  const [statements, processes] = await Promise.all([
    deps.models.Statement.find(
      { roundId: op({ $in: rounds.map((r) => r._id) }), status: 'submitted' },
      { roundId: 1, bodyId: 1 },
    ).lean<Pick<StatementDoc, 'roundId' | 'bodyId'>[]>(),
    deps.models.Process.find({
      _id: op({ $in: [...new Set(rounds.map((r) => r.processId))] }),
    }).lean<ProcessDoc[]>(),
  ]);
  const answered = new Set(statements.map((s) => `${String(s.roundId)}:${String(s.bodyId)}`));
  let count = 0;
  for (const round of rounds) {
    const process = processes.find((p) => String(p._id) === String(round.processId));
    for (const bodyId of round.bodyIds) {
      if (answered.has(`${String(round._id)}:${String(bodyId)}`)) continue;
      const body = process?.bodies.find((b) => String(b._id) === String(bodyId));
      if (!body || body.memberIds.length === 0) continue;
      count += await notify(
        deps,
        {
          recipientIds: body.memberIds.map(String),
          actor: null,
          processId: String(round.processId),
          key: `statement-due:${String(round._id)}:${String(bodyId)}:${round.deadline.toISOString()}`,
        },
        {
          kind: 'statement-due',
          round: { id: String(round._id), title: round.title },
          body: { id: String(body._id), name: body.name },
          deadline: round.deadline,
        },
      );
    }
  }
  return count;
}
