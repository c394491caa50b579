import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeFragmentData } from '../../generated';
import type { TaskCard_TaskFragment } from '../../generated/graphql';
import { renderWithProviders } from '../../test-utils';
import { TaskCard, TaskCard_task } from './TaskCard';

function buildTask(overrides: Partial<TaskCard_TaskFragment> = {}) {
  const task: TaskCard_TaskFragment = {
    id: 't1',
    title: 'Einladung zur Sitzung verschicken',
    description: '',
    status: 'OPEN',
    priority: 'NORMAL',
    deadline: '2020-01-10T12:00:00.000Z',
    overdue: false,
    actionFieldKey: 'education',
    viewerCanEdit: true,
    viewerCanDelete: false,
    assignees: [{ id: 'p1', name: 'Bea Bildung' }],
    document: null,
    origin: null,
    ...overrides,
  };
  return makeFragmentData(task, TaskCard_task);
}

describe('TaskCard', () => {
  it('marks an overdue task with a visible label, not only colour', () => {
    renderWithProviders(<TaskCard task={buildTask({ overdue: true })} />);
    const card = screen.getByRole('article', { name: 'Einladung zur Sitzung verschicken' });
    expect(within(card).getByText('Überfällig')).toBeInTheDocument();
    expect(within(card).getByText('10.01.2020')).toBeInTheDocument();
  });

  it('moves to the next column with Alt+ArrowRight', async () => {
    const onMove = jest.fn();
    renderWithProviders(<TaskCard task={buildTask()} onMove={onMove} />);
    const button = screen.getByRole('button', {
      name: '„Einladung zur Sitzung verschicken“ verschieben',
    });
    act(() => button.focus());
    await userEvent.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(onMove).toHaveBeenCalledWith('t1', 'IN_PROGRESS');
  });

  it('moves to "done" from the keyboard through the move menu', async () => {
    const onMove = jest.fn();
    renderWithProviders(<TaskCard task={buildTask()} onMove={onMove} />);
    const button = screen.getByRole('button', {
      name: '„Einladung zur Sitzung verschicken“ verschieben',
    });
    act(() => button.focus());
    await userEvent.keyboard('{Enter}');
    const menu = await screen.findByRole('menu');
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Erledigt' }));
    expect(onMove).toHaveBeenCalledWith('t1', 'DONE');
  });

  it('offers no move controls to someone who may not change the task', () => {
    renderWithProviders(<TaskCard task={buildTask({ viewerCanEdit: false })} onMove={jest.fn()} />);
    expect(screen.queryByRole('button', { name: /verschieben/ })).not.toBeInTheDocument();
  });
});
