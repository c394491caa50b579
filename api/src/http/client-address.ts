import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';
import type { TrustProxy } from '../config';

/**
 * Builds the function that tells a request's client address, with Express's `trust proxy`
 * semantics: `X-Forwarded-For` is read only through the hops the configuration trusts, so a
 * client cannot pick its own rate-limit bucket by sending the header. Works for plain
 * `IncomingMessage`s too (websocket upgrades).
 */
export function createClientAddress(trust: TrustProxy): (req: IncomingMessage) => string {
  const trusts = toTrustFunction(trust);
  return (req) => {
    try {
      return proxyAddr(req, trusts) || 'unknown';
    } catch {
      return req.socket.remoteAddress ?? 'unknown';
    }
  };
}

function toTrustFunction(trust: TrustProxy): (address: string, hop: number) => boolean {
  if (trust === true) return () => true;
  if (trust === false) return () => false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return proxyAddr.compile(trust);
}
