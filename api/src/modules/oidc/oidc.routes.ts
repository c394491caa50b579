import express, { type Request, type Response, type Router } from 'express';
import { readCookie } from '../../http/cookies';
import type { Logger } from '../../logger';
import type { RequestScope } from '../../scope';
import { publicBaseUrl } from '../notification';
import { OidcCallbackError } from './oidc.client';
import {
  beginOidcSignIn,
  finishOidcSignIn,
  handleBackchannelLogout,
  OIDC_TRANSACTION_TTL_MS,
  type OidcFailure,
} from './oidc.service';

/** The cookie binding a sign-in in progress to the browser that started it. */
export const OIDC_TRANSACTION_COOKIE = 'lip_oidc';
/** Paths of the relying party; register the callback and the back-channel URL at the provider. */
export const OIDC_PATHS = {
  login: '/auth/oidc/login',
  callback: '/auth/oidc/callback',
  backchannelLogout: '/auth/oidc/backchannel-logout',
} as const;
/** The web page that words every failure of a sign-in through the provider. */
const FAILURE_PAGE = '/sign-in/city-account';

/**
 * The HTTP routes of sign-in through the city's identity provider: `login` redirects to the
 * provider, `callback` finishes the sign-in and redirects into the app (or to the page that
 * explains what went wrong: never an error status), `backchannel-logout` receives the provider's
 * logout tokens (server to server).
 */
export function createOidcRouter(deps: {
  buildScope(req: Request): Promise<RequestScope>;
  setSessionCookie(res: Response, token: string, expiresAt: Date): void;
  cookieSecure: boolean;
  logger: Logger;
}): Router {
  const router = express.Router();
  const redirectUri = (scope: RequestScope) => `${publicBaseUrl(scope)}${OIDC_PATHS.callback}`;
  const fail = (res: Response, reason: OidcFailure) =>
    res.redirect(303, `${FAILURE_PAGE}?error=${encodeURIComponent(reason)}`);
  const clearTransaction = (res: Response) =>
    res.clearCookie(OIDC_TRANSACTION_COOKIE, {
      path: '/auth/oidc',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.cookieSecure,
    });

  router.get(OIDC_PATHS.login, async (req, res) => {
    res.set('Cache-Control', 'no-store');
    try {
      const scope = await deps.buildScope(req);
      if (!scope.oidc) return fail(res, 'not-configured');
      const { url, browserKey } = await beginOidcSignIn(scope, {
        next: req.query.next,
        redirectUri: redirectUri(scope),
      });
      res.cookie(OIDC_TRANSACTION_COOKIE, browserKey, {
        path: '/auth/oidc',
        httpOnly: true,
        // Lax: the provider's redirect back is a top-level GET navigation, which carries it.
        sameSite: 'lax',
        secure: deps.cookieSecure,
        maxAge: OIDC_TRANSACTION_TTL_MS,
      });
      return res.redirect(303, url);
    } catch (error) {
      const reason = error instanceof OidcCallbackError ? error.reason : 'unavailable';
      deps.logger.warn({ err: error }, 'could not start a sign-in at the identity provider');
      return fail(res, reason === 'unavailable' ? 'unavailable' : 'provider-error');
    }
  });

  router.get(OIDC_PATHS.callback, async (req, res) => {
    res.set('Cache-Control', 'no-store');
    try {
      const scope = await deps.buildScope(req);
      const currentUrl = new URL(req.originalUrl, publicBaseUrl(scope));
      const outcome = await finishOidcSignIn(scope, {
        currentUrl,
        browserKey: readCookie(req.headers.cookie, OIDC_TRANSACTION_COOKIE),
      });
      clearTransaction(res);
      if (!outcome.ok) return fail(res, outcome.reason);
      deps.setSessionCookie(res, outcome.token, outcome.expiresAt);
      return res.redirect(303, outcome.next);
    } catch (error) {
      deps.logger.error({ err: error }, 'sign-in through the identity provider failed');
      clearTransaction(res);
      return fail(res, 'unavailable');
    }
  });

  router.post(
    OIDC_PATHS.backchannelLogout,
    express.urlencoded({ extended: false, limit: '20kb' }),
    async (req, res) => {
      res.set('Cache-Control', 'no-store');
      const token = (req.body as Record<string, unknown> | undefined)?.logout_token;
      try {
        const scope = await deps.buildScope(req);
        if (!scope.oidc || typeof token !== 'string' || token.length > 10_000) {
          return res.status(400).json({ error: 'invalid_request' });
        }
        const ended = await handleBackchannelLogout(scope, token);
        deps.logger.info({ ended }, 'back-channel logout from the identity provider');
        return res.status(200).end();
      } catch (error) {
        deps.logger.warn({ err: error }, 'back-channel logout token refused');
        return res.status(400).json({ error: 'invalid_request' });
      }
    },
  );
  return router;
}
