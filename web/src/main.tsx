import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { App } from './app/App';
import { createApolloClient } from './app/apollo';
import { appRoutes } from './app/routes';
import { AppViewerDocument } from './app/session';
import { createI18n, initialLocale, persistLocale } from './i18n/i18n';
import './app/app.css';

// The one place with side effects: build the app's state and mount it.
const locale = initialLocale(window.localStorage);
persistLocale(locale, undefined);
const i18n = createI18n(locale);
const client = createApolloClient({
  // Forget the viewer: RequireViewer then sends the person to sign in, keeping the page to return to.
  onSessionLost: () => client.writeQuery({ query: AppViewerDocument, data: { viewer: null } }),
});
const router = createBrowserRouter(appRoutes);
const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <App client={client} i18n={i18n} router={router} />
  </StrictMode>,
);
