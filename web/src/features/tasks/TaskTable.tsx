import { useTranslation } from 'react-i18next';
import { getFragmentData, type FragmentType } from '../../generated';
import { formatDate } from '../../i18n/format';
import { TaskCard_task } from './TaskCard';

/** The list view of tasks: a table with status, deadline (overdue marked) and assignees. */
export function TaskTable(props: {
  tasks: readonly FragmentType<typeof TaskCard_task>[];
  onEdit?: (taskId: string) => void;
  fieldName: (key: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const tasks = props.tasks.map((item) => getFragmentData(TaskCard_task, item));
  return (
    <table className="table">
      <caption className="visually-hidden">{t('tasks.listCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('tasks.title')}</th>
          <th scope="col">{t('tasks.status')}</th>
          <th scope="col">{t('tasks.deadline')}</th>
          <th scope="col">{t('tasks.assignees')}</th>
          <th scope="col">{t('tasks.actionField')}</th>
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
            <td>{t(`taskStatus.${task.status}`)}</td>
            <td>
              {task.deadline ? formatDate(task.deadline, i18n.language) : '–'}
              {task.overdue ? (
                <span className="badge badge--overdue">{t('tasks.overdue')}</span>
              ) : null}
            </td>
            <td>
              {task.assignees.map((person) => person.name).join(', ') || t('tasks.unassigned')}
            </td>
            <td>{props.fieldName(task.actionFieldKey)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
