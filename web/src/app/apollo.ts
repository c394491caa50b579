import {
  ApolloClient,
  ApolloLink,
  CombinedGraphQLErrors,
  HttpLink,
  InMemoryCache,
} from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';

/** Where the client reaches the API; relative, so the session cookie stays same-origin. */
export interface ApolloOptions {
  httpPath?: string;
  /** Absolute websocket URL for graphql-ws; derived from the page location when omitted. */
  wsUrl?: string;
  /** Called when the API says the session is gone (expired, revoked, signed out elsewhere). */
  onSessionLost?: () => void;
}

/** Operations whose UNAUTHENTICATED answer is expected and handled by their page. */
const SESSION_CHECKS = new Set(['SignIn', 'AppViewer', 'AcceptInvitation', 'InvitationPreview']);

function defaultWsUrl(path: string): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}${path}`;
}

/**
 * Builds the Apollo Client: queries and mutations over HTTP with the session cookie,
 * subscriptions over graphql-ws on the same `/graphql` path (the cookie authenticates the socket).
 */
export function createApolloClient(options: ApolloOptions = {}): ApolloClient {
  const httpPath = options.httpPath ?? '/graphql';
  const http = new HttpLink({ uri: httpPath, credentials: 'same-origin' });
  const ws = new GraphQLWsLink(
    createClient({
      url: options.wsUrl ?? defaultWsUrl(httpPath),
      lazy: true,
      retryAttempts: 20,
      shouldRetry: () => true,
    }),
  );
  const link = ApolloLink.split(
    (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
    ws,
    http,
  );
  const sessionLost = createSessionLostLink(options.onSessionLost);
  return new ApolloClient({ link: ApolloLink.from([sessionLost, link]), cache: createCache() });
}

/**
 * Reports a lost session (an UNAUTHENTICATED answer to any operation but the ones that check the
 * session themselves), so the app can send the person to sign in instead of showing errors.
 */
export function createSessionLostLink(onSessionLost: (() => void) | undefined): ApolloLink {
  return new ErrorLink(({ error, operation }) => {
    if (
      onSessionLost &&
      !SESSION_CHECKS.has(operation.operationName ?? '') &&
      CombinedGraphQLErrors.is(error) &&
      error.errors.some((item) => item.extensions?.code === 'UNAUTHENTICATED')
    ) {
      onSessionLost();
    }
  });
}

/** The normalized cache with key rules for types whose identity is not `id`. */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      ActionField: { keyFields: ['key'] },
      GroupMember: { keyFields: false },
      DocumentStatusCount: { keyFields: false },
      ActionFieldSummary: { keyFields: false },
      CoordinatorScope: { keyFields: false },
      Query: {
        fields: {
          dashboard: { merge: true },
        },
      },
    },
  });
}
