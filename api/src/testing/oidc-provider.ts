import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import Provider from 'oidc-provider';

/** The claims of a test account at the provider. */
export interface ProviderAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
  groups?: string[];
}

/** A certified OpenID provider (oidc-provider) running in this process for sign-in tests. */
export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, ProviderAccount>;
  /** Registers the relying party's callback and post-logout addresses (once the app runs). */
  register(appUrl: string): void;
  /** A back-channel logout token signed with the provider's key (claims can be overridden). */
  logoutToken(claims: Record<string, unknown>, options?: { key?: CryptoKey }): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts oidc-provider on a free port. Its issuer is known at once, so the app can be configured
 * with it; the client (redirect URIs need the app's port) is registered afterwards with
 * `register`, before the first sign-in. Interactions are oidc-provider's development forms.
 */
export async function startTestProvider(): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const accounts = new Map<string, ProviderAccount>();
  const clientId = 'lip-werkstatt';
  const clientSecret = 'test-client-secret-0123456789';

  const register = (appUrl: string) => {
    // The provider warns at construction that its in-memory store and development forms are for
    // development only: exactly what a test wants, so those two warnings are not printed.
    const { warn } = console;
    console.warn = () => undefined;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: [`${appUrl}/auth/oidc/callback`],
          post_logout_redirect_uris: [`${appUrl}/sign-in`],
          response_types: ['code'],
          grant_types: ['authorization_code'],
        },
      ],
      jwks: { keys: [jwk] },
      cookies: { keys: ['test-provider-cookie-key'] },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
      features: {
        devInteractions: { enabled: true },
        rpInitiatedLogout: { enabled: true },
        backchannelLogout: { enabled: true },
      },
      pkce: { required: () => true },
      // Explicit lifetimes (seconds), so the provider does not print a notice for each default.
      ttl: {
        Interaction: 600,
        Session: 3600,
        Grant: 3600,
        AccessToken: 600,
        IdToken: 600,
        AuthorizationCode: 60,
      },
      findAccount: (_ctx, id) => {
        const account = accounts.get(id);
        if (!account) return undefined;
        return { accountId: id, claims: () => ({ sub: id, ...account }) };
      },
    });
    console.warn = warn;
    server.removeAllListeners('request');
    server.on('request', provider.callback());
  };

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    register,
    async logoutToken(claims, options = {}) {
      return new SignJWT({
        events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
        jti: `jti-${Math.random()}`,
        ...claims,
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'logout+jwt' })
        .setIssuer(typeof claims.iss === 'string' ? claims.iss : issuer)
        .setAudience(typeof claims.aud === 'string' ? claims.aud : clientId)
        .setIssuedAt()
        .setExpirationTime('2m')
        .sign(options.key ?? privateKey);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A minimal cookie jar and redirect walker, standing in for a browser in sign-in tests. */
export function createBrowser() {
  const jar = new Map<string, string>();
  const remember = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
  };
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const request = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: cookieHeader() },
    });
    remember(res);
    return res;
  };
  return {
    jar,
    request,
    /**
     * Follows redirects from `url`, signing in at the provider's development forms as `login`
     * (and consenting), until a location on `stopAt` (the app's origin) is reached; returns it
     * without requesting it.
     */
    async walkToApp(url: string, login: string, stopAt: string): Promise<URL> {
      let next = url;
      for (let hop = 0; hop < 20; hop += 1) {
        if (next.startsWith(stopAt) && hop > 0) return new URL(next);
        let res = await request(next);
        if (res.status === 200 && new URL(next).pathname.startsWith('/interaction/')) {
          const body = await res.text();
          const prompt = body.includes('name="login"') ? 'login' : 'consent';
          res = await request(next, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams(
              prompt === 'login' ? { prompt, login, password: 'x' } : { prompt },
            ).toString(),
          });
        }
        const location = res.headers.get('location');
        if (!location)
          throw new Error(`no redirect from ${next} (${res.status}): ${await res.text()}`);
        next = new URL(location, next).toString();
      }
      throw new Error('too many redirects');
    },
  };
}
