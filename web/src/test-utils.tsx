import type { ReactElement } from 'react';
import { render, type RenderResult } from '@testing-library/react';
import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import type { Locale } from '@lip/common';
import { createI18n } from './i18n/i18n';
import { createCache } from './app/apollo';
import type { Viewer } from './app/session';

/**
 * Renders a component the way the app does (translations, Apollo with mocked responses, a
 * router), so component tests exercise real wiring without a server.
 */
export function renderWithProviders(
  ui: ReactElement,
  options: {
    mocks?: MockedProviderProps['mocks'];
    locale?: Locale;
    route?: string;
  } = {},
): RenderResult {
  const i18n = createI18n(options.locale ?? 'de');
  return render(
    <I18nextProvider i18n={i18n}>
      <MockedProvider mocks={options.mocks ?? []} cache={createCache()}>
        <MemoryRouter initialEntries={[options.route ?? '/']}>{ui}</MemoryRouter>
      </MockedProvider>
    </I18nextProvider>,
  );
}

/**
 * A signed-in viewer for pages rendered inside `ViewerProvider`: the demo admin by default; with
 * `canAdministerPeopleData: false` a coordinator.
 */
export function buildTestViewer(options: { canAdministerPeopleData?: boolean } = {}): Viewer {
  const admin = options.canAdministerPeopleData ?? true;
  return {
    id: 'admin',
    locale: 'DE',
    canInvite: true,
    canManagePeople: admin,
    canManageBodies: true,
    canAdministerPeopleData: admin,
    actionFieldKeysICanManage: [],
    person: {
      id: 'admin',
      name: 'Miriam Schulte',
      email: 'admin@lip.example',
      systemRole: admin ? 'ADMIN' : 'COORDINATOR',
      organisation: null,
      bodies: [],
      groupMemberships: [],
    },
  };
}
