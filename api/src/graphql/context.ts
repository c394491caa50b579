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
}
