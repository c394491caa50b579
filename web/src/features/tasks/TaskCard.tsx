import type { DragEvent, KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { graphql, getFragmentData, type FragmentType } from '../../generated';
import type { TaskStatus } from '../../generated/graphql';
import { formatDate } from '../../i18n/format';
import { TASK_COLUMNS, neighbourColumn } from './task-status';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { taskEditTexts } from './tasks.texts';

/** What a task card shows. */
export const TaskCard_task = graphql(`
  fragment TaskCard_task on Task {
    id
    title
    description
    status
    priority
    deadline
    overdue
    actionFieldKey
    viewerCanEdit
    viewerCanDelete
    assignees {
      id
      name
    }
    document {
      id
      title
    }
    origin {
      kind
      roundId
    }
  }
`);

/**
 * A task on the board or in a list. Overdue tasks carry a visible label, not only a colour.
 * Movers can change the column with the "Move" menu, Alt+Arrow keys, or by dragging the card.
 */
export function TaskCard(props: {
  task: FragmentType<typeof TaskCard_task>;
  onMove?: (taskId: string, status: TaskStatus) => void;
  onEdit?: (taskId: string) => void;
  onDelete?: (taskId: string) => void;
  headingLevel?: 3 | 4;
}) {
  const { t, i18n } = useFeatureTranslation(taskEditTexts);
  const task = getFragmentData(TaskCard_task, props.task);
  const Heading = props.headingLevel === 4 ? 'h4' : 'h3';
  const canMove = Boolean(props.onMove) && task.viewerCanEdit;
  const canDelete = Boolean(props.onDelete) && task.viewerCanDelete;

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!canMove || !event.altKey) return;
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const target = neighbourColumn(task.status, event.key === 'ArrowRight' ? 1 : -1);
    if (!target) return;
    event.preventDefault();
    props.onMove?.(task.id, target);
  };
  const onDragStart = (event: DragEvent<HTMLElement>) => {
    event.dataTransfer.setData('text/x-task-id', task.id);
    event.dataTransfer.effectAllowed = 'move';
  };

  return (
    <article
      className={`task-card${task.overdue ? ' task-card--overdue' : ''}`}
      aria-labelledby={`task-${task.id}`}
      draggable={canMove}
      onDragStart={canMove ? onDragStart : undefined}
      onKeyDown={onKeyDown}
      data-task-id={task.id}
    >
      <Heading id={`task-${task.id}`} className="task-card__title">
        {task.title}
      </Heading>
      <p className="task-card__meta">
        {task.deadline ? (
          <span>
            {t('tasks.deadline')}:{' '}
            <time dateTime={task.deadline}>{formatDate(task.deadline, i18n.language)}</time>
          </span>
        ) : (
          <span>{t('tasks.noDeadline')}</span>
        )}
        {task.overdue ? <span className="badge badge--overdue">{t('tasks.overdue')}</span> : null}
        {task.priority === 'HIGH' ? (
          <span className="badge badge--high">{t('priority.HIGH')}</span>
        ) : null}
      </p>
      <p className="task-card__meta">
        {t('tasks.assignees')}:{' '}
        {task.assignees.length > 0
          ? task.assignees.map((person) => person.name).join(', ')
          : t('tasks.unassigned')}
      </p>
      {task.priority === 'LOW' ? (
        <p className="task-card__meta muted">
          {t('priorityLabel')}: {t('priority.LOW')}
        </p>
      ) : null}
      {task.document ? (
        <p className="task-card__meta">
          <Link to={`/documents/${task.document.id}`}>{task.document.title}</Link>
        </p>
      ) : null}
      {task.origin ? (
        <p className="task-card__meta">
          <Link to={`/review/rounds/${task.origin.roundId}`}>
            {t(task.origin.kind === 'REMARK' ? 'tasks.fromRemark' : 'tasks.fromDecision')}
          </Link>
        </p>
      ) : null}
      {canMove || (props.onEdit && task.viewerCanEdit) || canDelete ? (
        <div className="task-card__actions">
          {canMove ? (
            <MenuTrigger>
              <Button
                className="button button--small"
                aria-label={t('tasks.moveLabel', { title: task.title })}
              >
                {t('tasks.move')}
              </Button>
              <Popover className="popover">
                <Menu
                  className="menu"
                  onAction={(key) => props.onMove?.(task.id, key as TaskStatus)}
                  disabledKeys={[task.status]}
                >
                  {TASK_COLUMNS.map((status) => (
                    <MenuItem key={status} id={status} className="menu__item">
                      {t(`taskStatus.${status}`)}
                    </MenuItem>
                  ))}
                </Menu>
              </Popover>
            </MenuTrigger>
          ) : null}
          {props.onEdit && task.viewerCanEdit ? (
            <Button
              className="button button--small"
              aria-label={t('tasks.editLabel', { title: task.title })}
              onPress={() => props.onEdit?.(task.id)}
            >
              {t('common.edit')}
            </Button>
          ) : null}
          {canDelete ? (
            <Button
              className="button button--small button--danger"
              aria-label={t('deleteLabel', { title: task.title })}
              onPress={() => props.onDelete?.(task.id)}
            >
              {t('delete')}
            </Button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
