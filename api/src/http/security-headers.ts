import type { IncomingMessage } from 'node:http';
import helmet from 'helmet';
import type { Config } from '../config';

/** A Host header that can be put into a header value as it is (no separators, no spaces). */
const PLAIN_HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The websocket origins the web app connects to: the collab server (the URL tickets point at,
 * read per request because `npm start` learns the collab port only after the app is built) and
 * the API's own `/graphql` socket (from PUBLIC_URL, else the request's host). 'self' covers the
 * latter in CSP 3 browsers; the explicit origin also serves older ones.
 */
export function connectSources(config: Config): ((req: IncomingMessage) => string)[] {
  const publicSocket = config.publicUrl
    ? new URL(config.publicUrl).origin.replace(/^http/, 'ws')
    : null;
  return [
    () =>
      new URL(config.collabPublicUrl ?? `ws://127.0.0.1:${config.collabPort}`).origin.replace(
        /^http/,
        'ws',
      ),
    (req) => {
      if (publicSocket) return publicSocket;
      const host = req.headers.host ?? '';
      return PLAIN_HOST.test(host) ? `ws://${host} wss://${host}` : "'self'";
    },
  ];
}

/**
 * Security headers of every response (web app and API), with helmet: a Content Security Policy
 * fitting the Vite build (scripts and styles from our origin only; inline style attributes,
 * which the editor's table widths use, allowed), no framing, no MIME sniffing, no referrer
 * (invitation links carry their token in the path). HSTS and upgrade-insecure-requests only when
 * PUBLIC_URL says the product is served over https.
 */
export function securityHeaders(config: Config) {
  const https = config.publicUrl?.startsWith('https://') ?? false;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'", ...connectSources(config)],
        'worker-src': ["'self'", 'blob:'],
        'manifest-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'upgrade-insecure-requests': https ? [] : null,
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
}
