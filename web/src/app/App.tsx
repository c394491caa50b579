import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { I18nextProvider } from 'react-i18next';
import type { i18n } from 'i18next';
import { RouterProvider, type createBrowserRouter } from 'react-router';

/** The providers around the router: translations, then the API client. */
export function App(props: {
  client: ApolloClient;
  i18n: i18n;
  router: ReturnType<typeof createBrowserRouter>;
}) {
  return (
    <I18nextProvider i18n={props.i18n}>
      <ApolloProvider client={props.client}>
        <RouterProvider router={props.router} />
      </ApolloProvider>
    </I18nextProvider>
  );
}
