import { useMutation, useQuery, useApolloClient } from '@apollo/client/react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { graphql } from '../generated';
import { AppViewerDocument } from './session';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { SearchField } from '../features/search/SearchField';

const EndSessionDocument = graphql(`
  mutation EndSession {
    endSession {
      signedOut
      providerLogoutUrl
    }
  }
`);

/**
 * The page frame on every route: skip link, banner with navigation, language switch and
 * sign-out, the main landmark and a footer. Navigation appears only when signed in.
 */
export function Shell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const { data } = useQuery(AppViewerDocument, { fetchPolicy: 'cache-first' });
  const [endSession, { loading: signingOut }] = useMutation(EndSessionDocument);
  const viewer = data?.viewer ?? null;

  // A city-account session also ends at the identity provider, which then sends the browser back
  // to the sign-in page (RP-initiated logout).
  const onSignOut = async () => {
    let providerLogoutUrl: string | null = null;
    try {
      providerLogoutUrl = (await endSession()).data?.endSession.providerLogoutUrl ?? null;
    } catch {
      // The session may have ended already (e.g. elsewhere); signing out here still proceeds.
    }
    if (providerLogoutUrl) {
      window.location.assign(providerLogoutUrl);
      return;
    }
    await client.clearStore();
    client.writeQuery({ query: AppViewerDocument, data: { viewer: null } });
    void navigate('/sign-in', { replace: true });
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="banner">
        <div className="banner__inner">
          <NavLink to="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              LIP
            </span>
            <span className="brand__name">{t('app.name')}</span>
          </NavLink>
          {viewer ? (
            <nav aria-label={t('nav.label')} className="nav">
              <ul>
                <li>
                  <NavLink to="/" end>
                    {t('nav.dashboard')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/tasks">{t('nav.tasks')}</NavLink>
                </li>
                <li>
                  <NavLink to="/milestones">{t('nav.milestones')}</NavLink>
                </li>
                <li>
                  <NavLink to="/measures">{t('nav.measures')}</NavLink>
                </li>
                <li>
                  <NavLink to="/paper">{t('nav.paper')}</NavLink>
                </li>
                <li>
                  <NavLink to="/review">{t('nav.review')}</NavLink>
                </li>
                <li>
                  <NavLink to="/people">
                    <span className="nav__long">{t('nav.people')}</span>
                    <span className="nav__short" aria-hidden="true">
                      {t('nav.peopleShort')}
                    </span>
                  </NavLink>
                </li>
              </ul>
            </nav>
          ) : null}
          <div className="banner__tools">
            {viewer ? <SearchField /> : null}
            {viewer ? <NotificationBell /> : null}
            <LanguageSwitch signedIn={viewer !== null} />
            {viewer ? (
              <>
                <NavLink
                  to="/my-data"
                  className="banner__user"
                  aria-label={t('nav.myDataOf', { name: viewer.person.name })}
                >
                  {viewer.person.name}
                </NavLink>
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => void onSignOut()}
                  disabled={signingOut}
                >
                  {t('auth.signOut')}
                </button>
              </>
            ) : null}
          </div>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
