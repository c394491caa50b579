import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockedResponse } from '@apollo/client/testing';
import {
  CreateTaskDocument,
  MoveTaskDocument,
  TaskChangedDocument,
  TaskOptionsDocument,
  TaskWorkspaceDocument,
  UpdateTaskDocument,
  AssignTaskDocument,
} from '../../generated/graphql';
import { renderWithProviders } from '../../test-utils';
import { TaskWorkspace } from './TaskWorkspace';

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
    assignees: [],
    document: null,
    origin: null,
    ...overrides,
  };
}

const filter = { actionFieldKey: 'education' };

function tasksResult(tasks: unknown[]): MockedResponse {
  return {
    request: { query: TaskWorkspaceDocument, variables: { filter, first: 200 } },
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
        { __typename: 'Person', id: 'p1', name: 'Ayşe Demir' },
        { __typename: 'Person', id: 'p2', name: 'Daniel Okafor' },
      ],
    },
  },
};

const silent: MockedResponse = {
  request: { query: TaskChangedDocument, variables: { actionFieldKey: 'education' } },
  result: { data: undefined },
  delay: Infinity,
};

describe('TaskWorkspace', () => {
  it('creates a task with an assignee chosen in the combobox and shows it on the board', async () => {
    const created = buildTask({
      id: 't2',
      title: 'Elternabend vorbereiten',
      assignees: [{ __typename: 'Person', id: 'p2', name: 'Daniel Okafor' }],
    });
    const create: MockedResponse = {
      request: {
        query: CreateTaskDocument,
        variables: {
          input: {
            actionFieldKey: 'education',
            title: 'Elternabend vorbereiten',
            description: '',
            assigneeIds: ['p2'],
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
    await userEvent.type(within(dialog).getByRole('combobox', { name: 'Zuständig' }), 'Dan');
    await userEvent.click(await screen.findByRole('option', { name: 'Daniel Okafor' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Speichern' }));

    const card = await screen.findByRole('article', { name: 'Elternabend vorbereiten' });
    expect(within(card).getByText(/Daniel Okafor/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Aufgabe „Elternabend vorbereiten“ angelegt.',
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
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

  it('edits title and deadline and reassigns the task', async () => {
    const before = buildTask({
      assignees: [{ __typename: 'Person', id: 'p1', name: 'Ayşe Demir' }],
    });
    const after = buildTask({
      title: 'Sprachkurse für Eltern planen',
      deadline: '2030-03-01T12:00:00.000Z',
      assignees: [{ __typename: 'Person', id: 'p2', name: 'Daniel Okafor' }],
    });
    renderWithProviders(<TaskWorkspace filter={filter} view="list" />, {
      mocks: [
        tasksResult([before]),
        options,
        silent,
        {
          request: {
            query: UpdateTaskDocument,
            variables: {
              input: {
                taskId: 't1',
                title: 'Sprachkurse für Eltern planen',
                description: '',
                deadline: '2030-03-01T12:00:00.000Z',
              },
            },
          },
          result: { data: { updateTask: { __typename: 'TaskPayload', task: after } } },
        },
        {
          request: {
            query: AssignTaskDocument,
            variables: { input: { taskId: 't1', assigneeIds: ['p2'] } },
          },
          result: { data: { assignTask: { __typename: 'TaskPayload', task: after } } },
        },
        tasksResult([after]),
      ],
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Sprachkurse planen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Aufgabe bearbeiten' });
    const title = within(dialog).getByLabelText('Titel');
    await userEvent.clear(title);
    await userEvent.type(title, 'Sprachkurse für Eltern planen');
    const assignee = within(dialog).getByRole('combobox', { name: 'Zuständig' });
    await userEvent.clear(assignee);
    await userEvent.type(assignee, 'Dan');
    await userEvent.click(await screen.findByRole('option', { name: 'Daniel Okafor' }));
    await userEvent.type(within(dialog).getByLabelText('Frist'), '2030-03-01');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Speichern' }));

    const row = await screen.findByRole('row', { name: /Sprachkurse für Eltern planen/ });
    expect(within(row).getByText('01.03.2030')).toBeInTheDocument();
    expect(within(row).getByText('Daniel Okafor')).toBeInTheDocument();
  });
});
