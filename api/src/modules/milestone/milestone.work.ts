import type { WorkContext, WorkItem } from '../work/work.types';

/** Milestones this close count as work for the people who coordinate them. */
export const MILESTONE_HORIZON_DAYS = 30;

const DAY_MS = 86_400_000;

/**
 * Milestone work for coordinators: milestones of their fields (process-wide ones for those who
 * coordinate every field) within {@link MILESTONE_HORIZON_DAYS} days, and passed ones not yet
 * marked done. From the process document; no query.
 */
export function milestoneWork(context: WorkContext): WorkItem[] {
  const { now, process, standing } = context;
  if (standing.coordinatedKeys.length === 0) return [];
  const coordinated = new Set(standing.coordinatedKeys);
  const all = process.actionFields.every((a) => coordinated.has(a.key));
  const horizon = now.getTime() + MILESTONE_HORIZON_DAYS * DAY_MS;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return process.milestones
    .filter((m) => !m.done && m.date.getTime() <= horizon)
    .filter((m) => (m.actionFieldKey ? coordinated.has(m.actionFieldKey) : all))
    .map((m) => ({
      id: `milestone-due:${String(m._id)}`,
      kind: 'milestone-due' as const,
      role: 'coordinator' as const,
      title: m.title,
      context: null,
      actionFieldKey: m.actionFieldKey ?? null,
      dueAt: m.date,
      overdue: m.date.getTime() < today,
      count: null,
      link: '/milestones',
    }));
}
