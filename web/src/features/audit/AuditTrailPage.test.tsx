import { screen, within } from '@testing-library/react';
import userEventDefault from '@testing-library/user-event';
import type { MockedResponse } from '@apollo/client/testing';
import { AUDIT_ACTIONS, auditActionKey } from '@lip/common';
import { ViewerProvider } from '../../app/session';
import { makeFragmentData } from '../../generated';
import { AuditTrailDocument, OlderAuditEntriesDocument } from '../../generated/graphql';
import { buildTestViewer, renderWithProviders } from '../../test-utils';
import { AuditEntryList, AuditEntryList_entry } from './AuditEntryList';
import { AuditTrailPage } from './AuditTrailPage';
import { auditTexts } from './audit.texts';

jest.setTimeout(30_000);
const userEvent = userEventDefault.setup({ delay: null });

function buildEntry(n: number, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'AuditEntry' as const,
    id: `e${String(n).padStart(3, '0')}`,
    action: 'person.invited',
    actorId: 'admin',
    actorName: 'Miriam Schulte',
    subjectId: 'p1',
    subjectName: `Person ${n}`,
    detail: 'member',
    createdAt: '2026-12-01T09:30:00.000Z',
    ...overrides,
  };
}

const PEOPLE = [
  { __typename: 'Person' as const, id: 'p1', name: 'Fatma Nowak' },
  { __typename: 'Person' as const, id: 'p9', name: 'Jonas Weber' },
];
const PROCESS = {
  __typename: 'Process' as const,
  id: 'lip',
  actionFields: [
    {
      __typename: 'ActionField' as const,
      key: 'education',
      name: { __typename: 'LocalizedText' as const, de: 'Bildung', en: 'Education' },
    },
  ],
};

function firstPage(entries: unknown[], subjectId: string | null = null): MockedResponse {
  return {
    request: { query: AuditTrailDocument, variables: { first: 50, subjectId } },
    result: { data: { auditEntries: entries, people: PEOPLE, process: PROCESS } },
  };
}

function renderPage(mocks: MockedResponse[], route = '/audit', admin = true) {
  return renderWithProviders(
    <ViewerProvider viewer={buildTestViewer({ canAdministerPeopleData: admin })}>
      <AuditTrailPage />
    </ViewerProvider>,
    { mocks, route },
  );
}

describe('AuditTrailPage', () => {
  it('lists the newest entries and loads older ones after the last entry shown', async () => {
    const page = Array.from({ length: 50 }, (_, i) => buildEntry(100 - i));
    const older: MockedResponse = {
      request: {
        query: OlderAuditEntriesDocument,
        variables: { first: 50, before: 'e051', subjectId: null },
      },
      result: {
        data: {
          auditEntries: [
            buildEntry(50, { action: 'person.deleted', detail: 'self', subjectName: 'Alt' }),
          ],
        },
      },
    };
    renderPage([firstPage(page), older]);
    expect(await screen.findByRole('heading', { level: 2, name: 'Alle Einträge' })).toBeVisible();
    expect(screen.getAllByRole('rowheader', { name: 'Eingeladen' })).toHaveLength(50);
    await userEvent.click(screen.getByRole('button', { name: 'Ältere Einträge laden' }));
    const deleted = await screen.findByRole('rowheader', { name: 'Konto gelöscht' });
    expect(within(deleted.closest('tr')!).getByText('von der Person selbst')).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('1 älterer Eintrag geladen.');
    // A short page was the last one.
    expect(screen.queryByRole('button', { name: 'Ältere Einträge laden' })).toBeNull();
  });

  it('filters by the person in the address and says when there is nothing about them', async () => {
    renderPage([firstPage([], 'p9')], '/audit?person=p9');
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Einträge zu Jonas Weber' }),
    ).toBeVisible();
    expect(screen.getByText('Keine Einträge zu dieser Person.')).toBeVisible();
    expect(screen.getByLabelText('Person')).toHaveValue('p9');
    expect(screen.getByRole('link', { name: 'Alle Einträge zeigen' })).toHaveAttribute(
      'href',
      '/audit',
    );
    expect(screen.queryByRole('button', { name: 'Ältere Einträge laden' })).toBeNull();
  });

  it('tells someone without administrator rights that they have no access', () => {
    renderPage([], '/audit', false);
    expect(screen.getByRole('heading', { level: 1, name: 'Kein Zugriff' })).toBeVisible();
    expect(
      screen.getByText(/Das Verwaltungsprotokoll sehen nur Personen mit Administrationsrechten/),
    ).toBeVisible();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('AuditEntryList', () => {
  it('has a German and an English text for every audit action the API writes', () => {
    for (const action of AUDIT_ACTIONS) {
      const key = auditActionKey(action);
      expect([action, key in auditTexts.de.actions]).toEqual([action, true]);
      expect([action, key in auditTexts.en.actions]).toEqual([action, true]);
    }
  });

  it('words roles, coordinator scopes and the identity provider, and links the person to a filter', () => {
    const entries = [
      buildEntry(3, { action: 'person.role-changed', detail: 'coordinator: education, economy' }),
      buildEntry(2, {
        action: 'person.role-set-by-city-account',
        actorName: 'Identity provider',
        detail: 'observer',
      }),
      buildEntry(1, {
        action: 'sign-in.password-for-city-accounts-changed',
        subjectId: null,
        subjectName: null,
        detail: 'off',
      }),
    ].map((entry) => makeFragmentData(entry, AuditEntryList_entry));
    renderWithProviders(
      <AuditEntryList entries={entries} fieldNames={new Map([['education', 'Bildung']])} />,
      { locale: 'en' },
    );
    const rows = screen.getAllByRole('row').slice(1);
    expect(within(rows[0]!).getByText('Coordination: Bildung, economy')).toBeVisible();
    expect(
      within(rows[0]!).getByRole('link', { name: 'Show only entries about Person 3' }),
    ).toHaveAttribute('href', '/audit?person=p1');
    expect(within(rows[1]!).getByText('City sign-in service')).toBeVisible();
    expect(within(rows[1]!).getByText('Observer (read only)')).toBeVisible();
    expect(
      within(rows[2]!).getByRole('rowheader', {
        name: 'Password sign-in for city accounts changed',
      }),
    ).toBeVisible();
    expect(within(rows[2]!).getByText('all city accounts')).toBeVisible();
    expect(within(rows[2]!).getByText('switched off')).toBeVisible();
  });
});
