import { useEffect, useId } from 'react';
import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../generated';
import type { TaskFilter, TaskStatus } from '../../generated/graphql';
import { PageTitle } from '../../ui/PageTitle';
import { toLocalized } from '../../i18n/localized';
import { TaskWorkspace, type TaskView } from './TaskWorkspace';
import { TASK_COLUMNS } from './task-status';

const TaskFilterOptionsDocument = graphql(`
  query TaskFilterOptions {
    process {
      id
      actionFields {
        key
        name {
          de
          en
        }
      }
    }
    people {
      id
      name
    }
  }
`);

/** The filter as kept in the URL, so a filtered view can be bookmarked and shared. */
export function toTaskFilter(params: URLSearchParams): TaskFilter {
  const filter: TaskFilter = {};
  const field = params.get('field');
  if (field) filter.actionFieldKey = field;
  const assignee = params.get('assignee');
  if (assignee === 'me') filter.mine = true;
  else if (assignee) filter.assigneeId = assignee;
  const status = params.get('status');
  if (status && (TASK_COLUMNS as readonly string[]).includes(status)) {
    filter.status = [status as TaskStatus];
  }
  const deadline = params.get('deadline');
  if (deadline === 'overdue') filter.overdue = true;
  if (deadline === '14') filter.dueWithinDays = 14;
  return filter;
}

/** Tasks across action fields: filters (field, assignee, status, deadline), board or list. */
export function TasksPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const options = useQuery(TaskFilterOptionsDocument);
  const id = useId();
  const view: TaskView = params.get('view') === 'list' ? 'list' : 'board';
  const filter = toTaskFilter(params);
  const deadline = params.get('deadline') ?? '';
  const linkedTask = params.get('task');
  useEffect(() => (linkedTask ? revealTask(linkedTask) : undefined), [linkedTask]);
  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <div>
      <PageTitle>{t('tasks.pageTitle')}</PageTitle>
      <form
        className="filters"
        aria-label={t('tasks.filters')}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field">
          <label htmlFor={`${id}-field`}>{t('tasks.actionField')}</label>
          <select
            id={`${id}-field`}
            value={params.get('field') ?? ''}
            onChange={(event) => update('field', event.target.value)}
          >
            <option value="">{t('common.all')}</option>
            {(options.data?.process?.actionFields ?? []).map((field) => (
              <option key={field.key} value={field.key}>
                {toLocalized(field.name, i18n.language)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-assignee`}>{t('tasks.assignee')}</label>
          <select
            id={`${id}-assignee`}
            value={params.get('assignee') ?? ''}
            onChange={(event) => update('assignee', event.target.value)}
          >
            <option value="">{t('common.all')}</option>
            <option value="me">{t('tasks.mine')}</option>
            {(options.data?.people ?? []).map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('tasks.status')}</label>
          <select
            id={`${id}-status`}
            value={params.get('status') ?? ''}
            onChange={(event) => update('status', event.target.value)}
          >
            <option value="">{t('common.all')}</option>
            {TASK_COLUMNS.map((status) => (
              <option key={status} value={status}>
                {t(`taskStatus.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-deadline`}>{t('tasks.deadline')}</label>
          <select
            id={`${id}-deadline`}
            value={deadline}
            onChange={(event) => update('deadline', event.target.value)}
          >
            <option value="">{t('common.all')}</option>
            <option value="overdue">{t('tasks.overdueOnly')}</option>
            <option value="14">{t('tasks.dueSoon')}</option>
          </select>
        </div>
        <fieldset className="segmented">
          <legend>{t('tasks.view')}</legend>
          {(['board', 'list'] as const).map((option) => (
            <label key={option}>
              <input
                type="radio"
                name="view"
                value={option}
                checked={view === option}
                onChange={() => update('view', option === 'board' ? '' : option)}
              />
              {t(`tasks.views.${option}`)}
            </label>
          ))}
        </fieldset>
      </form>
      <TaskWorkspace
        filter={filter}
        view={view}
        defaultFieldKey={filter.actionFieldKey ?? undefined}
        orderBy={deadline === '14' ? 'DEADLINE' : undefined}
      />
    </div>
  );
}

/**
 * Scrolls to the task a link names (`?task=`, from a notification or the search) once the board
 * shows it, marks it and moves focus to it. Gives up after 10 s; returns a cleanup.
 */
function revealTask(taskId: string): () => void {
  const started = Date.now();
  const timer = window.setInterval(() => {
    if (Date.now() - started > 10_000) window.clearInterval(timer);
    const card = window.document.querySelector<HTMLElement>(
      `[data-task-id="${CSS.escape(taskId)}"]`,
    );
    if (!card) return;
    window.clearInterval(timer);
    card.classList.add('task-card--linked');
    card.scrollIntoView({ block: 'center' });
    if (!card.hasAttribute('tabindex')) card.setAttribute('tabindex', '-1');
    card.focus({ preventScroll: true });
  }, 200);
  return () => window.clearInterval(timer);
}
