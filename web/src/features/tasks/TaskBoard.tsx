import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getFragmentData, type FragmentType } from '../../generated';
import type { TaskStatus } from '../../generated/graphql';
import { TaskCard, TaskCard_task } from './TaskCard';
import { TASK_COLUMNS } from './task-status';

/**
 * The task board: one column per status. Cards move by drag and drop or from the keyboard (see
 * {@link TaskCard}); each column is a labelled region with a count.
 */
export function TaskBoard(props: {
  tasks: readonly FragmentType<typeof TaskCard_task>[];
  onMove: (taskId: string, status: TaskStatus) => void;
  onEdit?: (taskId: string) => void;
  onDelete?: (taskId: string) => void;
}) {
  const { t } = useTranslation();
  const [dropTarget, setDropTarget] = useState<TaskStatus | null>(null);
  const byStatus = new Map<TaskStatus, FragmentType<typeof TaskCard_task>[]>();
  for (const item of props.tasks) {
    const status = getFragmentData(TaskCard_task, item).status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), item]);
  }
  const onDrop = (status: TaskStatus) => (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDropTarget(null);
    const taskId = event.dataTransfer.getData('text/x-task-id');
    if (taskId) props.onMove(taskId, status);
  };
  return (
    <div className="board">
      {TASK_COLUMNS.map((status) => {
        const items = byStatus.get(status) ?? [];
        const headingId = `column-${status}`;
        return (
          <section
            key={status}
            className={`board__column${dropTarget === status ? ' is-drop-target' : ''}`}
            aria-labelledby={headingId}
            data-column={status}
            onDragOver={(event) => {
              event.preventDefault();
              setDropTarget(status);
            }}
            onDragLeave={() => setDropTarget(null)}
            onDrop={onDrop(status)}
          >
            <h3 id={headingId} className="board__heading">
              {t(`taskStatus.${status}`)} <span className="muted">({items.length})</span>
            </h3>
            {items.length === 0 ? (
              <p className="muted">{t('tasks.columnEmpty')}</p>
            ) : (
              <ul className="board__list">
                {items.map((item) => (
                  <li key={getFragmentData(TaskCard_task, item).id}>
                    <TaskCard
                      task={item}
                      onMove={props.onMove}
                      onEdit={props.onEdit}
                      onDelete={props.onDelete}
                      headingLevel={4}
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
