import { useMemo, useState } from 'react';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql, getFragmentData } from '../../generated';
import type { TaskFilter, TaskStatus } from '../../generated/graphql';
import { toLocalized } from '../../i18n/localized';
import { toDayInput, toDeadline } from '../../i18n/format';
import { Loading } from '../../ui/Loading';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { EmptyState } from '../../ui/EmptyState';
import { TaskBoard } from './TaskBoard';
import { TaskTable } from './TaskTable';
import { TaskCard_task } from './TaskCard';
import { TaskDialog, type TaskDraft } from './TaskDialog';

const TaskWorkspaceDocument = graphql(`
  query TaskWorkspace($filter: TaskFilter, $first: Int) {
    tasks(filter: $filter, first: $first) {
      totalCount
      nodes {
        id
        ...TaskCard_task
      }
    }
  }
`);

const TaskOptionsDocument = graphql(`
  query TaskOptions {
    process {
      id
      actionFields {
        key
        name {
          de
          en
        }
        viewerCanWorkOnTasks
      }
    }
    people {
      id
      name
    }
  }
`);

const CreateTaskDocument = graphql(`
  mutation CreateTask($input: CreateTaskInput!) {
    createTask(input: $input) {
      task {
        id
        ...TaskCard_task
      }
    }
  }
`);

const UpdateTaskDocument = graphql(`
  mutation UpdateTask($input: UpdateTaskInput!) {
    updateTask(input: $input) {
      task {
        id
        ...TaskCard_task
      }
    }
  }
`);

const AssignTaskDocument = graphql(`
  mutation AssignTask($input: AssignTaskInput!) {
    assignTask(input: $input) {
      task {
        id
        ...TaskCard_task
      }
    }
  }
`);

const MoveTaskDocument = graphql(`
  mutation MoveTask($input: MoveTaskInput!) {
    moveTask(input: $input) {
      task {
        id
        ...TaskCard_task
      }
    }
  }
`);

const TaskChangedDocument = graphql(`
  subscription TaskChanged($actionFieldKey: String) {
    taskChanged(actionFieldKey: $actionFieldKey) {
      kind
      taskId
    }
  }
`);

/** Which view of the tasks is shown. */
export type TaskView = 'board' | 'list';

/**
 * Tasks of a filter as a board or a list, with create, edit, assign and move; refreshed live
 * through the `taskChanged` subscription. Used by the tasks page and the action-field page.
 */
export function TaskWorkspace(props: {
  filter: TaskFilter;
  view: TaskView;
  /** Action field preselected when creating (the action-field page). */
  defaultFieldKey?: string;
  /** Client-side deadline window in days (the API filters only "overdue"). */
  dueWithinDays?: number;
}) {
  const { t, i18n } = useTranslation();
  const [dialog, setDialog] = useState<
    { mode: 'create' } | { mode: 'edit'; taskId: string } | null
  >(null);
  const [announcement, setAnnouncement] = useState('');
  const { data, loading, error, refetch } = useQuery(TaskWorkspaceDocument, {
    variables: { filter: props.filter, first: 200 },
    fetchPolicy: 'cache-and-network',
  });
  const options = useQuery(TaskOptionsDocument);
  useSubscription(TaskChangedDocument, {
    variables: { actionFieldKey: props.filter.actionFieldKey ?? null },
    onData: () => void refetch(),
  });
  const [createTask, createState] = useMutation(CreateTaskDocument);
  const [updateTask, updateState] = useMutation(UpdateTaskDocument);
  const [assignTask] = useMutation(AssignTaskDocument);
  const [moveTask] = useMutation(MoveTaskDocument);

  const fields = useMemo(
    () =>
      (options.data?.process?.actionFields ?? []).map((field) => ({
        id: field.key,
        name: toLocalized(field.name, i18n.language),
        canWork: field.viewerCanWorkOnTasks,
      })),
    [options.data, i18n.language],
  );
  const people = useMemo(
    () => (options.data?.people ?? []).map((person) => ({ id: person.id, name: person.name })),
    [options.data],
  );
  const fieldName = (key: string) => fields.find((field) => field.id === key)?.name ?? key;
  const writableFields = fields.filter((field) => field.canWork);

  const now = Date.now();
  const tasks = (data?.tasks.nodes ?? []).filter((node) => {
    if (props.dueWithinDays === undefined) return true;
    const task = getFragmentData(TaskCard_task, node);
    if (!task.deadline) return false;
    return new Date(task.deadline).getTime() - now <= props.dueWithinDays * 86_400_000;
  });

  const onMove = (taskId: string, status: TaskStatus) => {
    const node = data?.tasks.nodes.find((item) => item.id === taskId);
    const title = node ? getFragmentData(TaskCard_task, node).title : '';
    moveTask({ variables: { input: { taskId, status } } })
      .then(() => {
        setAnnouncement(t('tasks.moved', { title, status: t(`taskStatus.${status}`) }));
        return refetch();
      })
      .catch(() => setAnnouncement(t('tasks.moveFailed', { title })));
  };

  const editing =
    dialog?.mode === 'edit'
      ? data?.tasks.nodes
          .map((node) => getFragmentData(TaskCard_task, node))
          .find((task) => task.id === dialog.taskId)
      : undefined;

  const onSubmit = async (draft: TaskDraft) => {
    const deadline = toDeadline(draft.deadline);
    try {
      if (dialog?.mode === 'edit' && editing) {
        await updateTask({
          variables: {
            input: {
              taskId: editing.id,
              title: draft.title,
              description: draft.description,
              deadline,
            },
          },
        });
        const before = editing.assignees[0]?.id ?? null;
        if (before !== draft.assigneeId) {
          await assignTask({
            variables: {
              input: {
                taskId: editing.id,
                assigneeIds: draft.assigneeId ? [draft.assigneeId] : [],
              },
            },
          });
        }
        setAnnouncement(t('tasks.saved', { title: draft.title }));
      } else {
        await createTask({
          variables: {
            input: {
              actionFieldKey: draft.actionFieldKey,
              title: draft.title,
              description: draft.description,
              assigneeIds: draft.assigneeId ? [draft.assigneeId] : [],
              deadline,
            },
          },
        });
        setAnnouncement(t('tasks.created', { title: draft.title }));
      }
      setDialog(null);
      await refetch();
    } catch {
      // The dialog shows the error from the mutation state.
    }
  };

  const canCreate = writableFields.length > 0;
  const defaultField =
    writableFields.find((field) => field.id === props.defaultFieldKey)?.id ??
    writableFields[0]?.id ??
    '';

  return (
    <div className="task-workspace">
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {canCreate ? (
        <button
          type="button"
          className="button button--primary"
          onClick={() => setDialog({ mode: 'create' })}
        >
          {t('tasks.create')}
        </button>
      ) : null}
      {props.view === 'board' ? <p className="hint">{t('tasks.keyboardHint')}</p> : null}
      {loading && !data ? <Loading /> : null}
      {error && !data ? <ErrorNotice error={error} /> : null}
      {data && tasks.length === 0 ? <EmptyState>{t('tasks.empty')}</EmptyState> : null}
      {data && tasks.length > 0 ? (
        props.view === 'board' ? (
          <TaskBoard
            tasks={tasks}
            onMove={onMove}
            onEdit={(taskId) => setDialog({ mode: 'edit', taskId })}
          />
        ) : (
          <TaskTable
            tasks={tasks}
            fieldName={fieldName}
            onEdit={(taskId) => setDialog({ mode: 'edit', taskId })}
          />
        )
      ) : null}
      {dialog ? (
        <TaskDialog
          key={dialog.mode === 'edit' ? dialog.taskId : 'new'}
          isOpen
          onOpenChange={(open) => !open && setDialog(null)}
          title={dialog.mode === 'edit' ? t('tasks.editTitle') : t('tasks.createTitle')}
          initial={
            editing
              ? {
                  title: editing.title,
                  description: editing.description,
                  actionFieldKey: editing.actionFieldKey,
                  assigneeId: editing.assignees[0]?.id ?? null,
                  deadline: toDayInput(editing.deadline),
                }
              : {
                  title: '',
                  description: '',
                  actionFieldKey: defaultField,
                  assigneeId: null,
                  deadline: '',
                }
          }
          actionFields={dialog.mode === 'edit' ? fields : writableFields}
          people={people}
          canChooseField={dialog.mode === 'create'}
          submitting={createState.loading || updateState.loading}
          error={createState.error ?? updateState.error}
          onSubmit={(draft) => void onSubmit(draft)}
        />
      ) : null}
    </div>
  );
}
