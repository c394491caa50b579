import { screen, within } from '@testing-library/react';
import userEventDefault from '@testing-library/user-event';
import type { MockedResponse } from '@apollo/client/testing';
import { Route, Routes } from 'react-router';
import { ViewerProvider } from '../../app/session';
import {
  DeleteAccountDocument,
  PersonDataDocument,
  ResetSecondFactorDocument,
} from '../../generated/graphql';
import { buildTestViewer, renderWithProviders } from '../../test-utils';
import { PersonDataPage } from './PersonDataPage';

jest.setTimeout(30_000);
const userEvent = userEventDefault.setup({ delay: null });

function personData(overrides: { secondFactor?: boolean; canDelete?: boolean } = {}) {
  return {
    request: { query: PersonDataDocument, variables: { personId: 'p1' } },
    result: {
      data: {
        personalData: {
          __typename: 'PersonalData',
          person: {
            __typename: 'Person',
            id: 'p1',
            name: 'Fatma Nowak',
            email: 'fatma@lip.example',
            systemRole: 'ADMIN',
          },
          signIn: {
            __typename: 'PersonSignIn',
            password: true,
            cityAccount: false,
            secondFactor: overrides.secondFactor ?? true,
          },
          groups: [],
          bodies: ['Integrationsbeirat Nord'],
          commentCount: 2,
          tasks: [],
          activity: [],
          notificationCount: 0,
          sessions: [
            {
              __typename: 'DeviceSession',
              id: 's1',
              createdAt: '2026-12-01T09:30:00.000Z',
              userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
              current: false,
            },
          ],
          exportPath: '/account/export?personId=p1',
          canDelete: overrides.canDelete ?? true,
        },
      },
    },
  } satisfies MockedResponse;
}

function renderPage(mocks: MockedResponse[], admin = true) {
  return renderWithProviders(
    <ViewerProvider viewer={buildTestViewer({ canAdministerPeopleData: admin })}>
      <Routes>
        <Route path="/people/:id/data" element={<PersonDataPage />} />
        <Route path="/my-data" element={<p>Meine Daten</p>} />
      </Routes>
    </ViewerProvider>,
    { mocks, route: '/people/p1/data' },
  );
}

describe('PersonDataPage', () => {
  it('shows an admin what is held about the person, and the reason instead of the form when the account cannot be deleted', async () => {
    renderPage([personData({ canDelete: false })]);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Daten von Fatma Nowak' }),
    ).toBeVisible();
    expect(
      screen.getByRole('link', { name: 'Alle Daten von Fatma Nowak herunterladen (ZIP)' }),
    ).toHaveAttribute('href', '/account/export?personId=p1');
    expect(screen.getByText('Integrationsbeirat Nord')).toBeVisible();
    expect(
      screen.getByRole('button', { name: 'Sitzung von Fatma Nowak auf Firefox (Linux) beenden' }),
    ).toBeEnabled();
    expect(
      screen.getByRole('link', { name: 'Verwaltungsprotokoll zu Fatma Nowak' }),
    ).toHaveAttribute('href', '/audit?person=p1');
    expect(
      screen.getByText(/Fatma Nowak ist die letzte Person mit Administrationsrechten/),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: /endgültig löschen/ })).toBeNull();
  });

  it('explains the second-factor reset first and shows the API’s refusal inside the dialog', async () => {
    const refused: MockedResponse = {
      request: { query: ResetSecondFactorDocument, variables: { input: { personId: 'p1' } } },
      result: {
        errors: [
          { message: 'Diese Person gibt es nicht mehr.', extensions: { code: 'NOT_FOUND' } },
        ],
      },
    };
    renderPage([personData(), refused]);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Zweiten Faktor von Fatma Nowak zurücksetzen' }),
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Zweiten Faktor von Fatma Nowak zurücksetzen?',
    });
    expect(within(dialog).getByText(/alle Sitzungen von Fatma Nowak enden sofort/)).toBeVisible();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ja, zurücksetzen' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Diese Person gibt es nicht mehr.',
    );
  });

  it('deletes the account only after the e-mail address is typed, and says what stays', async () => {
    const deleted: MockedResponse = {
      request: {
        query: DeleteAccountDocument,
        variables: { input: { personId: 'p1', confirmEmail: 'fatma@lip.example' } },
      },
      result: {
        data: {
          deleteAccount: {
            __typename: 'DeleteAccountPayload',
            deletedPersonId: 'p1',
            signedOut: false,
          },
        },
      },
    };
    renderPage([personData(), deleted]);
    const button = await screen.findByRole('button', {
      name: 'Konto von Fatma Nowak endgültig löschen',
    });
    expect(screen.getByText(/erscheint als „ehemaliges Mitglied“/)).toBeVisible();
    expect(button).toBeDisabled();
    await userEvent.type(
      screen.getByLabelText(/Zur Bestätigung die E-Mail-Adresse von Fatma Nowak/),
      'fatma@lip.example',
    );
    await userEvent.click(button);
    expect(await screen.findByText(/Das Konto von Fatma Nowak ist gelöscht./)).toHaveAttribute(
      'role',
      'status',
    );
  });

  it('tells someone without administrator rights that they have no access', () => {
    renderPage([], false);
    expect(screen.getByRole('heading', { level: 1, name: 'Kein Zugriff' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Zu „Meine Daten“' })).toHaveAttribute(
      'href',
      '/my-data',
    );
  });
});
