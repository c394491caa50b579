import { useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { graphql, getFragmentData } from '../../generated';
import type { TaskFilter, TaskOrder, TaskStatus } from '../../generated/graphql';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { useFormErrors } from '../../ui/useFormErrors';
import { taskEditTexts } from './tasks.texts';
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
  query TaskWorkspace($filter: TaskFilter, $orderBy: TaskOrder, $first: Int) {
    tasks(filter: $filter, orderBy: $orderBy, first: $first) {
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
      status
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

const DeleteTaskDocument = graphql(`
  mutation DeleteTask($taskId: ID!) {
    deleteTask(taskId: $taskId) {
      deletedTaskId
    }
  }
`);

const RestoreTaskDocument = graphql(`
  mutation RestoreTask($taskId: ID!) {
    restoreTask(taskId: $taskId) {
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

/** How long the undo offer stays after a deletion, unless it has focus or the pointer. */
export const UNDO_VISIBLE_MS = 10_000;

/**
 * Tasks of a filter as a board or a list, with create, edit (several assignees, priority),
 * move and delete with undo; refreshed live through the `taskChanged` subscription. Used by the
 * tasks page and the action-field page.
 */
export function TaskWorkspace(props: {
  filter: TaskFilter;
  view: TaskView;
  /** Action field preselected when creating (the action-field page). */
  defaultFieldKey?: string;
  /** Sort by deadline instead of by column and position (e.g. "due in 14 days"). */
  orderBy?: TaskOrder;
}) {
  const { t, i18n } = useFeatureTranslation(taskEditTexts);
  const [dialog, setDialog] = useState<
    { mode: 'create' } | { mode: 'edit'; taskId: string } | null
  >(null);
  const [announcement, setAnnouncement] = useState('');
  const [undo, setUndo] = useState<{ taskId: string; title: string } | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const undoHeld = useRef(false);
  const { data, loading, error, refetch } = useQuery(TaskWorkspaceDocument, {
    variables: { filter: props.filter, orderBy: props.orderBy ?? 'POSITION', first: 200 },
    fetchPolicy: 'cache-and-network',
  });
  const options = useQuery(TaskOptionsDocument);
  useSubscription(TaskChangedDocument, {
    variables: { actionFieldKey: props.filter.actionFieldKey ?? null },
    onData: () => void refetch(),
  });
  const [createTask, createState] = useMutation(CreateTaskDocument);
  const [updateTask, updateState] = useMutation(UpdateTaskDocument);
  const [moveTask] = useMutation(MoveTaskDocument);
  const [deleteTask] = useMutation(DeleteTaskDocument);
  const [restoreTask] = useMutation(RestoreTaskDocument);
  const form = useFormErrors(
    useMemo(
      () => ({
        title: t('tasks.title'),
        description: t('tasks.description'),
        deadline: t('tasks.deadline'),
        assigneeIds: t('assignees'),
      }),
      [t],
    ),
  );

  // The undo offer leaves after a while, but never while someone is on it.
  useEffect(() => {
    if (!undo) return;
    const timer = window.setInterval(() => {
      if (!undoHeld.current) setUndo(null);
    }, UNDO_VISIBLE_MS);
    return () => window.clearInterval(timer);
  }, [undo]);

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
    () =>
      (options.data?.people ?? [])
        .filter((person) => person.status !== 'DEACTIVATED')
        .map((person) => ({ id: person.id, name: person.name })),
    [options.data],
  );
  const fieldName = (key: string) => fields.find((field) => field.id === key)?.name ?? key;
  const writableFields = fields.filter((field) => field.canWork);
  const tasks = (data?.tasks.nodes ?? []).filter((node) => node.id !== undo?.taskId);
  const titleOf = (taskId: string) => {
    const node = data?.tasks.nodes.find((item) => item.id === taskId);
    return node ? getFragmentData(TaskCard_task, node).title : '';
  };
  const canMoveAny = tasks.some((node) => getFragmentData(TaskCard_task, node).viewerCanEdit);

  const onMove = (taskId: string, status: TaskStatus) => {
    const title = titleOf(taskId);
    moveTask({ variables: { input: { taskId, status } } })
      .then(() => {
        setAnnouncement(t('tasks.moved', { title, status: t(`taskStatus.${status}`) }));
        return refetch();
      })
      .catch(() => setAnnouncement(t('tasks.moveFailed', { title })));
  };

  const onDelete = (taskId: string) => {
    const title = titleOf(taskId);
    deleteTask({ variables: { taskId } })
      .then(() => {
        setUndo({ taskId, title });
        setAnnouncement(t('deleted', { title }));
        // The card is gone: focus goes to the undo button instead of the page's start.
        window.setTimeout(() => undoButton.current?.focus(), 0);
        return refetch();
      })
      .catch(() => setAnnouncement(t('deleteFailed', { title })));
  };

  const onUndo = () => {
    if (!undo) return;
    const { taskId, title } = undo;
    undoHeld.current = false;
    restoreTask({ variables: { taskId } })
      .then(() => {
        setUndo(null);
        setAnnouncement(t('restored', { title }));
        return refetch();
      })
      .catch(() => {
        setUndo(null);
        setAnnouncement(t('restoreFailed', { title }));
      });
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
              priority: draft.priority,
              assigneeIds: draft.assigneeIds,
            },
          },
        });
        setAnnouncement(t('tasks.saved', { title: draft.title }));
      } else {
        await createTask({
          variables: {
            input: {
              actionFieldKey: draft.actionFieldKey,
              title: draft.title,
              description: draft.description,
              assigneeIds: draft.assigneeIds,
              priority: draft.priority,
              deadline,
            },
          },
        });
        setAnnouncement(t('tasks.created', { title: draft.title }));
      }
      setDialog(null);
      await refetch();
    } catch (caught) {
      // Field errors go next to their fields; the dialog shows any other error.
      form.fromServer(caught);
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
      {undo ? (
        <div
          className="undo-bar"
          onMouseEnter={() => (undoHeld.current = true)}
          onMouseLeave={() => (undoHeld.current = false)}
        >
          <span>{t('deleted', { title: undo.title })}</span>
          <button
            ref={undoButton}
            type="button"
            className="button button--small"
            aria-label={t('undoLabel', { title: undo.title })}
            onFocus={() => (undoHeld.current = true)}
            onBlur={() => (undoHeld.current = false)}
            onClick={onUndo}
          >
            {t('undo')}
          </button>
        </div>
      ) : null}
      {canCreate ? (
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            form.setIssues([]);
            setDialog({ mode: 'create' });
          }}
        >
          {t('tasks.create')}
        </button>
      ) : null}
      {props.view === 'board' && canMoveAny ? <p className="hint">{t('keyboardHint')}</p> : null}
      {props.orderBy === 'DEADLINE' ? <p className="hint">{t('dueSoonSorted')}</p> : null}
      {loading && !data ? <Loading /> : null}
      {error && !data ? <ErrorNotice error={error} /> : null}
      {data && tasks.length === 0 ? <EmptyState>{t('tasks.empty')}</EmptyState> : null}
      {data && tasks.length > 0 ? (
        props.view === 'board' ? (
          <TaskBoard
            tasks={tasks}
            onMove={onMove}
            onEdit={(taskId) => {
              form.setIssues([]);
              setDialog({ mode: 'edit', taskId });
            }}
            onDelete={onDelete}
          />
        ) : (
          <TaskTable
            tasks={tasks}
            fieldName={fieldName}
            onEdit={(taskId) => {
              form.setIssues([]);
              setDialog({ mode: 'edit', taskId });
            }}
            onDelete={onDelete}
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
                  assigneeIds: editing.assignees.map((person) => person.id),
                  priority: editing.priority,
                  deadline: toDayInput(editing.deadline),
                }
              : {
                  title: '',
                  description: '',
                  actionFieldKey: defaultField,
                  assigneeIds: [],
                  priority: 'NORMAL',
                  deadline: '',
                }
          }
          actionFields={dialog.mode === 'edit' ? fields : writableFields}
          people={
            editing
              ? [
                  ...people,
                  // People assigned earlier but deactivated since keep their name here.
                  ...editing.assignees.filter((a) => !people.some((p) => p.id === a.id)),
                ]
              : people
          }
          canChooseField={dialog.mode === 'create'}
          submitting={createState.loading || updateState.loading}
          error={form.summary.length > 0 ? undefined : (createState.error ?? updateState.error)}
          form={form}
          onSubmit={(draft) => void onSubmit(draft)}
        />
      ) : null}
    </div>
  );
}
