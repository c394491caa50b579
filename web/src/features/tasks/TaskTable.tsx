import { getFragmentData, type FragmentType } from '../../generated';
import { formatDate } from '../../i18n/format';
import { TaskCard_task } from './TaskCard';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { taskEditTexts } from './tasks.texts';

/**
 * The list view of tasks: a table with status, deadline (overdue marked), assignees and, for
 * those who may, edit (the title) and delete. On a phone each row becomes a stacked block.
 */
export function TaskTable(props: {
  tasks: readonly FragmentType<typeof TaskCard_task>[];
  onEdit?: (taskId: string) => void;
  onDelete?: (taskId: string) => void;
  fieldName: (key: string) => string;
}) {
  const { t, i18n } = useFeatureTranslation(taskEditTexts);
  const tasks = props.tasks.map((item) => getFragmentData(TaskCard_task, item));
  const withActions = Boolean(props.onDelete) && tasks.some((task) => task.viewerCanDelete);
  return (
    <table className="table table--stack">
      <caption className="visually-hidden">{t('tasks.listCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('tasks.title')}</th>
          <th scope="col">{t('tasks.status')}</th>
          <th scope="col">{t('tasks.deadline')}</th>
          <th scope="col">{t('tasks.assignees')}</th>
          <th scope="col">{t('tasks.actionField')}</th>
          {withActions ? <th scope="col">{t('common.actions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {tasks.map((task) => (
          <tr key={task.id} className={task.overdue ? 'is-overdue-row' : undefined}>
            <th scope="row">
              {props.onEdit && task.viewerCanEdit ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => props.onEdit?.(task.id)}
                >
                  {task.title}
                </button>
              ) : (
                task.title
              )}
            </th>
            <td data-label={t('tasks.status')}>{t(`taskStatus.${task.status}`)}</td>
            <td data-label={t('tasks.deadline')}>
              {task.deadline ? formatDate(task.deadline, i18n.language) : '–'}
              {task.overdue ? (
                <span className="badge badge--overdue">{t('tasks.overdue')}</span>
              ) : null}
            </td>
            <td data-label={t('tasks.assignees')}>
              {task.assignees.map((person) => person.name).join(', ') || t('tasks.unassigned')}
            </td>
            <td data-label={t('tasks.actionField')}>{props.fieldName(task.actionFieldKey)}</td>
            {withActions ? (
              <td>
                {task.viewerCanDelete ? (
                  <button
                    type="button"
                    className="button button--small button--danger"
                    aria-label={t('deleteLabel', { title: task.title })}
                    onClick={() => props.onDelete?.(task.id)}
                  >
                    {t('delete')}
                  </button>
                ) : null}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
