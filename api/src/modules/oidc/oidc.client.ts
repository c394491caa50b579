import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import * as client from 'openid-client';
import type { OidcConfig } from '../../config';

/** The `events` member of a back-channel logout token (OpenID Connect Back-Channel Logout 1.0). */
const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

/** What the provider said about the person after a successful code exchange. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  sid: string | null;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  locale: string | null;
  /** All claims of the ID token and the userinfo answer (for the role claim). */
  claims: Record<string, unknown>;
  idToken: string;
}

/** Why the provider's answer was not accepted. */
export class OidcCallbackError extends Error {
  override name = 'OidcCallbackError';
  constructor(
    readonly reason: 'provider-error' | 'cancelled' | 'invalid-callback' | 'unavailable',
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * The relying party for the city's identity provider, through openid-client (a certified client):
 * discovery from `OIDC_ISSUER` (cached; retried after a failure), the authorization code flow with
 * PKCE (S256), state and nonce, ID-token checks (issuer, audience, signature, nonce) in the
 * library, RP-initiated logout and back-channel logout tokens (checked with jose against the
 * provider's keys).
 */
export interface OidcRelyingParty {
  readonly config: OidcConfig;
  /** The provider's authorization address for a new sign-in. */
  authorizationUrl(params: {
    redirectUri: string;
    state: string;
    nonce: string;
    codeVerifier: string;
  }): Promise<URL>;
  /** Exchanges the code of the callback address; throws {@link OidcCallbackError}. */
  finish(
    currentUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<OidcIdentity>;
  /** The provider's end-session address for a session's ID token; null when it has none. */
  logoutUrl(idToken: string, postLogoutRedirectUri: string): Promise<string | null>;
  /** Checks a back-channel logout token; returns its issuer, `sid` and/or `sub`, or throws. */
  verifyLogoutToken(
    token: string,
  ): Promise<{ issuer: string; sid: string | null; subject: string | null }>;
}

/** Creates the relying party; `allowHttp` permits an http:// issuer (development and tests only). */
export function createOidcRelyingParty(
  config: OidcConfig,
  options: { allowHttp: boolean },
): OidcRelyingParty {
  let discovered: Promise<client.Configuration> | null = null;
  let jwks: ReturnType<typeof createRemoteJWKSet> | null = null;

  const configuration = (): Promise<client.Configuration> => {
    discovered ??= client
      .discovery(
        new URL(config.issuer),
        config.clientId,
        { client_secret: config.clientSecret },
        client.ClientSecretBasic(config.clientSecret),
        {
          ...(options.allowHttp ? { execute: [client.allowInsecureRequests] } : {}),
          timeout: 10,
        },
      )
      .catch((error: unknown) => {
        discovered = null;
        throw new OidcCallbackError('unavailable', `discovery failed: ${String(error)}`);
      });
    return discovered;
  };

  return {
    config,
    async authorizationUrl(params) {
      const cfg = await configuration();
      return client.buildAuthorizationUrl(cfg, {
        redirect_uri: params.redirectUri,
        scope: config.scopes,
        state: params.state,
        nonce: params.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(params.codeVerifier),
        code_challenge_method: 'S256',
      });
    },

    async finish(currentUrl, checks) {
      const cfg = await configuration();
      const providerError = currentUrl.searchParams.get('error');
      if (providerError) {
        throw new OidcCallbackError(
          providerError === 'access_denied' ? 'cancelled' : 'provider-error',
          `provider answered ${providerError.slice(0, 100)}`,
        );
      }
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(cfg, currentUrl, {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        throw new OidcCallbackError('invalid-callback', describe(error));
      }
      const idClaims = tokens.claims();
      if (!idClaims || !tokens.id_token) {
        throw new OidcCallbackError('invalid-callback', 'no ID token');
      }
      let claims: Record<string, unknown> = { ...idClaims };
      // The e-mail may be only in the userinfo answer (scopes and provider settings decide).
      if (idClaims.email === undefined && tokens.access_token) {
        try {
          const info = await client.fetchUserInfo(cfg, tokens.access_token, idClaims.sub);
          claims = { ...info, ...idClaims };
        } catch (error) {
          throw new OidcCallbackError('provider-error', `userinfo failed: ${describe(error)}`);
        }
      }
      return {
        issuer: String(idClaims.iss),
        subject: idClaims.sub,
        sid: typeof claims.sid === 'string' ? claims.sid : null,
        email: typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null,
        // Only a boolean true counts; some providers send the string "true".
        emailVerified: claims.email_verified === true || claims.email_verified === 'true',
        name: displayName(claims),
        locale: typeof claims.locale === 'string' ? claims.locale : null,
        claims,
        idToken: tokens.id_token,
      };
    },

    async logoutUrl(idToken, postLogoutRedirectUri) {
      const cfg = await configuration();
      if (!cfg.serverMetadata().end_session_endpoint) return null;
      return client
        .buildEndSessionUrl(cfg, {
          id_token_hint: idToken,
          post_logout_redirect_uri: postLogoutRedirectUri,
          client_id: config.clientId,
        })
        .toString();
    },

    async verifyLogoutToken(token) {
      const cfg = await configuration();
      const metadata = cfg.serverMetadata();
      if (!metadata.jwks_uri) throw new Error('provider publishes no jwks_uri');
      jwks ??= createRemoteJWKSet(new URL(metadata.jwks_uri));
      const { payload } = await jwtVerify(token, jwks, {
        issuer: metadata.issuer,
        audience: config.clientId,
        maxTokenAge: '5m',
        clockTolerance: 30,
      });
      return { issuer: metadata.issuer, ...checkLogoutClaims(payload) };
    },
  };
}

/** The claims a logout token must have (spec section 2.4): events, sid or sub, and no nonce. */
export function checkLogoutClaims(payload: JWTPayload): {
  sid: string | null;
  subject: string | null;
} {
  const events = payload.events as Record<string, unknown> | undefined;
  if (!events || typeof events !== 'object' || !(BACKCHANNEL_LOGOUT_EVENT in events)) {
    throw new Error('not a back-channel logout token (events)');
  }
  if ('nonce' in payload) throw new Error('a logout token must not carry a nonce');
  const sid = typeof payload.sid === 'string' ? payload.sid : null;
  const subject = typeof payload.sub === 'string' ? payload.sub : null;
  if (!sid && !subject) throw new Error('a logout token names a sid or a sub');
  return { sid, subject };
}

function displayName(claims: Record<string, unknown>): string | null {
  if (typeof claims.name === 'string' && claims.name.trim()) return claims.name.trim();
  const parts = [claims.given_name, claims.family_name].filter(
    (part): part is string => typeof part === 'string' && part.trim() !== '',
  );
  if (parts.length > 0) return parts.join(' ');
  return null;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${error.name}${typeof code === 'string' ? ` ${code}` : ''}: ${error.message}`.slice(
      0,
      300,
    );
  }
  return String(error).slice(0, 300);
}
