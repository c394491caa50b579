import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@apollo/client/react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { graphql } from '../generated';
import type { AppViewerQuery } from '../generated/graphql';
import { Loading } from '../ui/Loading';
import { ErrorNotice } from '../ui/ErrorNotice';
import { hasStoredLocale } from '../i18n/i18n';

/** The signed-in person and their process-wide permissions, loaded once per page load. */
export const AppViewerDocument = graphql(`
  query AppViewer {
    viewer {
      id
      locale
      canInvite
      canManagePeople
      canManageBodies
      canAdministerPeopleData
      actionFieldKeysICanManage
      person {
        id
        name
        email
        systemRole
        organisation {
          id
          name
        }
        bodies {
          id
          name
          kind
        }
        groupMemberships {
          role
          group {
            id
            actionFieldKey
          }
        }
      }
    }
  }
`);

/** The viewer as the pages see it. */
export type Viewer = NonNullable<AppViewerQuery['viewer']>;

const ViewerContext = createContext<Viewer | null>(null);

/** The signed-in viewer; only valid below {@link RequireViewer}. */
export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer must be used inside RequireViewer');
  return viewer;
}

/** The viewer when signed in, else null (usable anywhere). */
export function useOptionalViewer(): Viewer | null {
  return useContext(ViewerContext);
}

/** Provides a known viewer (tests and the shell). */
export function ViewerProvider({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  return <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>;
}

/**
 * A layout route that loads the viewer and sends signed-out people to the sign-in page, keeping
 * where they wanted to go.
 */
export function RequireViewer() {
  const location = useLocation();
  const { i18n } = useTranslation();
  const { data, loading, error } = useQuery(AppViewerDocument);
  const accountLocale = data?.viewer?.locale === 'EN' ? 'en' : data?.viewer ? 'de' : null;
  // The account's language applies unless this browser made an explicit choice.
  useEffect(() => {
    if (accountLocale && !hasStoredLocale(window.localStorage) && i18n.language !== accountLocale) {
      void i18n.changeLanguage(accountLocale);
      document.documentElement.lang = accountLocale;
    }
  }, [accountLocale, i18n]);
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} />;
  const viewer = data?.viewer;
  if (!viewer) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <ViewerProvider viewer={viewer}>
      <Outlet />
    </ViewerProvider>
  );
}
