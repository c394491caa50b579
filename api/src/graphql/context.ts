import type { RequestScope } from '../scope';

/**
 * The GraphQL context: the request scope services receive, plus the two HTTP concerns resolvers
 * may touch (setting and clearing the session cookie). Subscriptions have no response, so the
 * cookie functions are no-ops there.
 */
export interface GraphQLContext {
  scope: RequestScope;
  setSessionCookie(token: string, expiresAt: Date): void;
  clearSessionCookie(): void;
  /** The app's public address (`PUBLIC_URL`, else its own), e.g. for the provider's logout return. */
  publicOrigin: string;
  /**
   * Epoch milliseconds after which no further resolver of a query starts (the operation time
   * limit, `GRAPHQL_TIMEOUT_MS`); null for mutations (their payload follows a done write) and
   * subscriptions (they live as long as their socket).
   */
  deadline: number | null;
}
