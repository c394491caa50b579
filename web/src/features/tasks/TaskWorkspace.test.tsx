import { screen, waitFor, within } from '@testing-library/react';
import userEventDefault from '@testing-library/user-event';
import type { MockedResponse } from '@apollo/client/testing';
import {
  CreateTaskDocument,
  DeleteTaskDocument,
  MoveTaskDocument,
  RestoreTaskDocument,
  TaskChangedDocument,
  TaskOptionsDocument,
  TaskWorkspaceDocument,
  UpdateTaskDocument,
} from '../../generated/graphql';
import { renderWithProviders } from '../../test-utils';
import { TaskWorkspace } from './TaskWorkspace';

// Dialogs typed into key by key take several seconds when the shared machine is busy: no pause
// between keystrokes, and room for a slow run.
jest.setTimeout(60_000);
const userEvent = userEventDefault.setup({ delay: null });

const AYSE = { __typename: 'Person' as const, id: 'p1', name: 'Ayşe Demir' };
const DANIEL = { __typename: 'Person' as const, id: 'p2', name: 'Daniel Okafor' };

function buildTask(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Task' as const,
    id: 't1',
    title: 'Sprachkurse planen',
    description: '',
    status: 'OPEN' as const,
    priority: 'NORMAL' as const,
    deadline: null,
    overdue: false,
    actionFieldKey: 'education',
    viewerCanEdit: true,
    viewerCanDelete: true,
    assignees: [],
    document: null,
    origin: null,
    ...overrides,
  };
}

const filter = { actionFieldKey: 'education' };

function tasksResult(tasks: unknown[]): MockedResponse {
  return {
    request: {
      query: TaskWorkspaceDocument,
      variables: { filter, orderBy: 'POSITION', first: 200 },
    },
    result: {
      data: { tasks: { __typename: 'TaskConnection', totalCount: tasks.length, nodes: tasks } },
    },
  };
}

const options: MockedResponse = {
  request: { query: TaskOptionsDocument },
  result: {
    data: {
      process: {
        __typename: 'Process',
        id: 'pr1',
        actionFields: [
          {
            __typename: 'ActionField',
            key: 'education',
            name: { __typename: 'LocalizedText', de: 'Bildung', en: 'Education' },
            viewerCanWorkOnTasks: true,
          },
        ],
      },
      people: [
        { ...AYSE, status: 'ACTIVE' },
        { ...DANIEL, status: 'ACTIVE' },
        { __typename: 'Person', id: 'p3', name: 'Olga Ehemals', status: 'DEACTIVATED' },
      ],
    },
  },
};

const silent: MockedResponse = {
  request: { query: TaskChangedDocument, variables: { actionFieldKey: 'education' } },
  result: { data: undefined },
  delay: Infinity,
};

function localDay(offsetDays: number): string {
  const date = new Date(Date.now() + offsetDays * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

describe('TaskWorkspace', () => {
  it('creates a task with two assignees and a priority, offering only active people', async () => {
    const created = buildTask({
      id: 't2',
      title: 'Elternabend vorbereiten',
      priority: 'HIGH',
      assignees: [DANIEL, AYSE],
    });
    const create: MockedResponse = {
      request: {
        query: CreateTaskDocument,
        variables: {
          input: {
            actionFieldKey: 'education',
            title: 'Elternabend vorbereiten',
            description: '',
            assigneeIds: ['p2', 'p1'],
            priority: 'HIGH',
            deadline: null,
          },
        },
      },
      result: { data: { createTask: { __typename: 'TaskPayload', task: created } } },
    };
    renderWithProviders(
      <TaskWorkspace filter={filter} view="board" defaultFieldKey="education" />,
      {
        mocks: [
          tasksResult([buildTask()]),
          options,
          silent,
          create,
          tasksResult([buildTask(), created]),
        ],
      },
    );
    await screen.findByRole('article', { name: 'Sprachkurse planen' });
    await userEvent.click(await screen.findByRole('button', { name: 'Neue Aufgabe' }));
    const dialog = await screen.findByRole('dialog', { name: 'Neue Aufgabe anlegen' });
    await userEvent.type(within(dialog).getByLabelText('Titel'), 'Elternabend vorbereiten');
    // The combobox starts afresh (empty, closed, focused) after each person added.
    const add = () => within(dialog).getByRole('combobox', { name: 'Person hinzufügen' });
    await userEvent.type(add(), 'Dan');
    await userEvent.click(await screen.findByRole('option', { name: 'Daniel Okafor' }));
    await waitFor(() => expect(add()).toHaveFocus());
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    await userEvent.type(add(), 'Ay');
    await userEvent.click(await screen.findByRole('option', { name: 'Ayşe Demir' }));
    await userEvent.type(add(), 'Olga');
    expect(screen.queryByRole('option', { name: 'Olga Ehemals' })).not.toBeInTheDocument();
    await userEvent.clear(add());
    const chosen = within(dialog).getByRole('list', { name: 'Zuständig' });
    expect(
      within(chosen)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Daniel Okafor×', 'Ayşe Demir×']);
    await userEvent.selectOptions(within(dialog).getByLabelText('Priorität'), 'HIGH');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Speichern' }));

    const card = await screen.findByRole('article', { name: 'Elternabend vorbereiten' });
    expect(within(card).getByText(/Daniel Okafor, Ayşe Demir/)).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('keeps both assignees when a task with two is edited, saving everything in one request', async () => {
    const before = buildTask({ assignees: [AYSE, DANIEL] });
    const after = buildTask({ title: 'Sprachkurse für Eltern planen', assignees: [AYSE, DANIEL] });
    const update: MockedResponse = {
      request: {
        query: UpdateTaskDocument,
        variables: {
          input: {
            taskId: 't1',
            title: 'Sprachkurse für Eltern planen',
            description: '',
            deadline: null,
            priority: 'NORMAL',
            assigneeIds: ['p1', 'p2'],
          },
        },
      },
      result: { data: { updateTask: { __typename: 'TaskPayload', task: after } } },
    };
    renderWithProviders(<TaskWorkspace filter={filter} view="list" />, {
      mocks: [tasksResult([before]), options, silent, update, tasksResult([after])],
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Sprachkurse planen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Aufgabe bearbeiten' });
    expect(within(dialog).getByRole('button', { name: 'Ayşe Demir entfernen' })).toBeVisible();
    expect(within(dialog).getByRole('button', { name: 'Daniel Okafor entfernen' })).toBeVisible();
    const title = within(dialog).getByLabelText('Titel');
    await userEvent.clear(title);
    await userEvent.type(title, 'Sprachkurse für Eltern planen');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Speichern' }));

    const row = await screen.findByRole('row', { name: /Sprachkurse für Eltern planen/ });
    expect(within(row).getByText('Ayşe Demir, Daniel Okafor')).toBeInTheDocument();
  });

  it('asks before saving a deadline in the past, and lets the person change it instead', async () => {
    const past = localDay(-3);
    const saved = buildTask({ deadline: `${past}T12:00:00.000Z`, overdue: true });
    renderWithProviders(<TaskWorkspace filter={filter} view="list" />, {
      mocks: [
        tasksResult([buildTask()]),
        options,
        silent,
        {
          request: {
            query: UpdateTaskDocument,
            variables: {
              input: {
                taskId: 't1',
                title: 'Sprachkurse planen',
                description: '',
                deadline: `${past}T12:00:00.000Z`,
                priority: 'NORMAL',
                assigneeIds: [],
              },
            },
          },
          result: { data: { updateTask: { __typename: 'TaskPayload', task: saved } } },
        },
        tasksResult([saved]),
      ],
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Sprachkurse planen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Aufgabe bearbeiten' });
    await userEvent.type(within(dialog).getByLabelText('Frist'), past);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Speichern' }));
    const warning = await within(dialog).findByRole('alert');
    expect(warning).toHaveTextContent('liegt in der Vergangenheit');
    await userEvent.click(within(warning).getByRole('button', { name: 'Frist ändern' }));
    expect(within(dialog).getByLabelText('Frist')).toHaveFocus();
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Speichern' }));
    await userEvent.click(
      within(await within(dialog).findByRole('alert')).getByRole('button', {
        name: 'Trotzdem speichern',
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('names the field and the rule next to it when the title is too short, until it is changed', async () => {
    renderWithProviders(<TaskWorkspace filter={filter} view="board" />, {
      mocks: [tasksResult([buildTask()]), options, silent],
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Neue Aufgabe' }));
    const dialog = await screen.findByRole('dialog', { name: 'Neue Aufgabe anlegen' });
    const title = within(dialog).getByLabelText('Titel');
    await userEvent.type(title, 'X');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Speichern' }));
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('Titel: mindestens 2 Zeichen');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Titel: mindestens 2 Zeichen');
    expect(title).toHaveFocus();
    await userEvent.type(title, 'Y');
    expect(title).not.toHaveAttribute('aria-invalid');
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('puts the API’s field rule next to the field it names', async () => {
    const long = 'Langer Titel';
    renderWithProviders(<TaskWorkspace filter={filter} view="board" />, {
      mocks: [
        tasksResult([]),
        options,
        silent,
        {
          request: {
            query: CreateTaskDocument,
            variables: {
              input: {
                actionFieldKey: 'education',
                title: long,
                description: '',
                assigneeIds: [],
                priority: 'NORMAL',
                deadline: null,
              },
            },
          },
          result: {
            errors: [
              {
                message: 'Einige Angaben sind ungültig.',
                extensions: {
                  code: 'BAD_USER_INPUT',
                  fields: [{ path: 'title', rule: 'too-long', limit: 200, message: '…' }],
                },
              },
            ],
          },
        },
      ],
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Neue Aufgabe' }));
    const dialog = await screen.findByRole('dialog', { name: 'Neue Aufgabe anlegen' });
    await userEvent.type(within(dialog).getByLabelText('Titel'), long);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Speichern' }));
    const title = within(dialog).getByLabelText('Titel');
    await waitFor(() => expect(title).toHaveAccessibleDescription('Titel: höchstens 200 Zeichen'));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Titel: höchstens 200 Zeichen');
  });

  it('deletes a task, moves focus to “undo”, and restores it from there', async () => {
    const task = buildTask();
    renderWithProviders(<TaskWorkspace filter={filter} view="board" />, {
      mocks: [
        tasksResult([task]),
        options,
        silent,
        {
          request: { query: DeleteTaskDocument, variables: { taskId: 't1' } },
          result: {
            data: { deleteTask: { __typename: 'DeleteTaskPayload', deletedTaskId: 't1' } },
          },
        },
        tasksResult([]),
        {
          request: { query: RestoreTaskDocument, variables: { taskId: 't1' } },
          result: { data: { restoreTask: { __typename: 'TaskPayload', task } } },
        },
        tasksResult([task]),
      ],
    });
    await userEvent.click(
      await screen.findByRole('button', { name: '„Sprachkurse planen“ löschen' }),
    );
    const undo = await screen.findByRole('button', {
      name: 'Löschen von „Sprachkurse planen“ rückgängig machen',
    });
    await waitFor(() => expect(undo).toHaveFocus());
    expect(screen.queryByRole('article', { name: 'Sprachkurse planen' })).not.toBeInTheDocument();
    await userEvent.click(undo);
    expect(await screen.findByRole('article', { name: 'Sprachkurse planen' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Aufgabe „Sprachkurse planen“ wiederhergestellt.',
    );
  });

  it('announces a move to another column', async () => {
    const moved = buildTask({ status: 'IN_PROGRESS' });
    renderWithProviders(<TaskWorkspace filter={filter} view="board" />, {
      mocks: [
        tasksResult([buildTask()]),
        options,
        silent,
        {
          request: {
            query: MoveTaskDocument,
            variables: { input: { taskId: 't1', status: 'IN_PROGRESS' } },
          },
          result: { data: { moveTask: { __typename: 'TaskPayload', task: moved } } },
        },
        tasksResult([moved]),
      ],
    });
    const moveButton = await screen.findByRole('button', {
      name: '„Sprachkurse planen“ verschieben',
    });
    await userEvent.click(moveButton);
    await userEvent.click(await screen.findByRole('menuitem', { name: 'In Arbeit' }));
    expect(
      await screen.findByText('„Sprachkurse planen“ verschoben nach „In Arbeit“.'),
    ).toBeInTheDocument();
    const column = screen.getByRole('region', { name: /In Arbeit/ });
    expect(within(column).getByRole('article', { name: 'Sprachkurse planen' })).toBeInTheDocument();
  });

  it('shows the drag hint only to someone who can move tasks', async () => {
    renderWithProviders(<TaskWorkspace filter={filter} view="board" />, {
      mocks: [tasksResult([buildTask({ viewerCanEdit: false })]), options, silent],
    });
    await screen.findByRole('article', { name: 'Sprachkurse planen' });
    expect(screen.queryByText(/Karten mit der Maus ziehen/)).not.toBeInTheDocument();
  });
});
