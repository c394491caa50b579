import { screen } from '@testing-library/react';
import { ACTIVITY_VERBS, activityVerbKey } from '@lip/common';
import { makeFragmentData } from '../../generated';
import { de } from '../../i18n/de';
import { en } from '../../i18n/en';
import { renderWithProviders } from '../../test-utils';
import { ActivityList, ActivityList_activity } from './ActivityList';

function buildActivity(verb: string, detail: string | null, documentId: string | null = null) {
  return makeFragmentData(
    {
      id: `${verb}-${detail}`,
      verb,
      actorName: 'Ayşe Demir',
      subjectTitle: 'Bildung: Ausgangslage und Ziele',
      detail,
      documentId,
      createdAt: '2020-01-17T09:30:00.000Z',
    },
    ActivityList_activity,
  );
}

describe('ActivityList', () => {
  it('words known verbs, translates status details and links documents', () => {
    renderWithProviders(
      <ActivityList
        activities={[
          buildActivity('document.status-changed', 'in-review', 'd1'),
          buildActivity('task.moved', 'done'),
        ]}
      />,
    );
    expect(screen.getByText(/hat den Status geändert von/)).toBeInTheDocument();
    expect(screen.getByText('(In Beratung)')).toBeInTheDocument();
    expect(screen.getByText('(Erledigt)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Bildung: Ausgangslage und Ziele' })).toHaveAttribute(
      'href',
      '/documents/d1',
    );
  });

  it('falls back to a neutral verb and keeps unknown details as they are', () => {
    renderWithProviders(
      <ActivityList activities={[buildActivity('process.renamed', 'LIP 2030')]} />,
      {
        locale: 'en',
      },
    );
    expect(screen.getByText(/worked on/)).toBeInTheDocument();
    expect(screen.getByText('(LIP 2030)')).toBeInTheDocument();
  });

  it('has a German and an English text for every activity verb the API writes', () => {
    for (const verb of ACTIVITY_VERBS) {
      const key = activityVerbKey(verb);
      expect([verb, key in de.activity.verbs]).toEqual([verb, true]);
      expect([verb, key in en.activity.verbs]).toEqual([verb, true]);
    }
  });

  it('says so when there is no activity yet', () => {
    renderWithProviders(<ActivityList activities={[]} />);
    expect(screen.getByText('Noch keine Aktivitäten.')).toBeInTheDocument();
  });
});
