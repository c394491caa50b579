import { parseCookie } from 'cookie';

/**
 * Reads one cookie from a `Cookie` header with the `cookie` package. A value that does not
 * percent-decode (e.g. `%E0%A4%A`) counts as absent, so a malformed cookie, which a sibling
 * subdomain can plant, means "no session" instead of an error.
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  return parseCookie(header, { decode: decodeOrUndefined })[name];
}

function decodeOrUndefined(value: string): string | undefined {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
