import type { TaskStatus } from '../../generated/graphql';

/** Board columns in their order. */
export const TASK_COLUMNS: readonly TaskStatus[] = ['OPEN', 'IN_PROGRESS', 'BLOCKED', 'DONE'];

/** The column left or right of a status, for keyboard moves; undefined at the edges. */
export function neighbourColumn(status: TaskStatus, direction: -1 | 1): TaskStatus | undefined {
  const index = TASK_COLUMNS.indexOf(status);
  return TASK_COLUMNS[index + direction];
}
