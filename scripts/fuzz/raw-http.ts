import { connect } from 'node:net';

/** What came back for one raw HTTP request. */
export interface RawResponse {
  /** Status code of the response, or 0 when the server closed without a parsable status line. */
  status: number;
  headers: Record<string, string>;
  /** The body, de-chunked when the response was chunked. */
  body: Buffer;
  /** True when no complete answer arrived within the timeout. */
  timedOut: boolean;
  durationMs: number;
}

/** The largest response kept in memory; the rest is counted but dropped. */
const MAX_KEPT_BYTES = 1_000_000;

/**
 * Sends `request` (bytes exactly as given, so malformed requests stay malformed) over a fresh TCP
 * connection and reads until the server closes it or `timeoutMs` passes. Requests are expected
 * to carry `Connection: close`; for ones that do not, the answer is complete once the head and a
 * `content-length` body (or the last chunk) arrived. Never throws: a reset counts as status 0.
 */
export function sendRaw(
  url: string,
  request: Buffer | ((host: string) => Buffer),
  timeoutMs: number,
): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  const started = performance.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let settled = false;
    const socket = connect({ host: hostname, port: Number(port) });
    const finish = (timedOut: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({
        ...parseResponse(Buffer.concat(chunks)),
        timedOut,
        durationMs: performance.now() - started,
      });
    };
    const timer = setTimeout(() => finish(true), timeoutMs);
    socket.on('connect', () => {
      const bytes = typeof request === 'function' ? request(`${hostname}:${port}`) : request;
      socket.write(bytes, () => undefined);
    });
    socket.on('data', (chunk: Buffer) => {
      if (kept < MAX_KEPT_BYTES) {
        chunks.push(chunk);
        kept += chunk.byteLength;
      }
      if (isComplete(Buffer.concat(chunks))) finish(false);
    });
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(false));
  });
}

function headEnd(bytes: Buffer): number {
  return bytes.indexOf('\r\n\r\n');
}

function isComplete(bytes: Buffer): boolean {
  const end = headEnd(bytes);
  if (end < 0) return false;
  const { status, headers } = parseHead(bytes.subarray(0, end).toString('latin1'));
  // A switched protocol has no HTTP body: the head is the whole answer.
  if (status === 101) return true;
  const body = bytes.subarray(end + 4);
  const length = headers['content-length'];
  if (length !== undefined) return body.byteLength >= Number(length);
  if (/chunked/i.test(headers['transfer-encoding'] ?? ''))
    return body.includes('\r\n0\r\n\r\n') || body.subarray(0, 5).equals(Buffer.from('0\r\n\r\n'));
  return false;
}

function parseHead(head: string): { status: number; headers: Record<string, string> } {
  const lines = head.split('\r\n');
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '');
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: match ? Number(match[1]) : 0, headers };
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset < body.byteLength) {
    const lineEnd = body.indexOf('\r\n', offset);
    if (lineEnd < 0) break;
    const size = Number.parseInt(body.subarray(offset, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size) || size <= 0) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

function parseResponse(bytes: Buffer): Omit<RawResponse, 'timedOut' | 'durationMs'> {
  const end = headEnd(bytes);
  if (end < 0) return { status: 0, headers: {}, body: Buffer.alloc(0) };
  const { status, headers } = parseHead(bytes.subarray(0, end).toString('latin1'));
  const raw = bytes.subarray(end + 4);
  const body = /chunked/i.test(headers['transfer-encoding'] ?? '') ? dechunk(raw) : raw;
  return { status, headers, body };
}

/** One header line as sent; values are written as UTF-8 bytes (the parser accepts obs-text). */
export type RawHeader = [name: string, value: string];

/**
 * Builds request bytes: `<method> <target> HTTP/1.1`, a Host header unless one is given, the
 * headers in order, `Connection: close` unless given, and a Content-Length for the body unless
 * one (or a chunked Transfer-Encoding) is given.
 */
export function buildRequest(options: {
  method: string;
  target: string;
  host: string;
  headers: RawHeader[];
  body?: Buffer;
  version?: string;
}): Buffer {
  const names = new Set(options.headers.map(([name]) => name.toLowerCase()));
  const chunked = options.headers.some(
    ([name, value]) => name.toLowerCase() === 'transfer-encoding' && /chunked/i.test(value),
  );
  const lines = [`${options.method} ${options.target} ${options.version ?? 'HTTP/1.1'}`];
  if (!names.has('host')) lines.push(`Host: ${options.host}`);
  for (const [name, value] of options.headers) lines.push(`${name}: ${value}`);
  if (!names.has('connection')) lines.push('Connection: close');
  const body = options.body ?? Buffer.alloc(0);
  if (!names.has('content-length') && !chunked && body.byteLength > 0) {
    lines.push(`Content-Length: ${body.byteLength}`);
  }
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8'), body]);
}

/** What came back for a raw websocket upgrade. */
export interface RawUpgradeResponse extends RawResponse {
  /** For a 101: the close code of a close frame the server sent first, if it did. */
  closeCode: number | null;
  /** For a 101: whether the server sent any frame before the timeout. */
  gotFrame: boolean;
}

/** A masked websocket close frame with code 1000 (what a polite client sends last). */
const CLOSE_FRAME = Buffer.from([0x88, 0x82, 0, 0, 0, 0, 0x03, 0xe8]);

/**
 * Sends an upgrade request as raw bytes. For a 101 answer it then writes `after` (raw websocket
 * bytes, possibly broken framing) and waits for the server's first frame or the end of the
 * connection, then says goodbye with a close frame. Other answers are read like {@link sendRaw}.
 */
export function sendUpgrade(
  url: string,
  request: (host: string) => Buffer,
  after: Buffer,
  timeoutMs: number,
): Promise<RawUpgradeResponse> {
  const { hostname, port } = new URL(url.replace(/^ws/, 'http'));
  const started = performance.now();
  return new Promise((resolve) => {
    let bytes = Buffer.alloc(0);
    let settled = false;
    let upgraded = false;
    let headLength = -1;
    const socket = connect({ host: hostname, port: Number(port) });
    const finish = (timedOut: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const parsed = parseResponse(bytes);
      const frames = headLength >= 0 ? bytes.subarray(headLength + 4) : Buffer.alloc(0);
      // A server close frame: 0x88, a length byte (unmasked), then the 2-byte code.
      const closeCode =
        upgraded && frames[0] === 0x88 && frames.byteLength >= 4 ? frames.readUInt16BE(2) : null;
      if (upgraded && !socket.destroyed) socket.end(CLOSE_FRAME);
      socket.destroy();
      resolve({
        ...parsed,
        body: upgraded ? Buffer.alloc(0) : parsed.body,
        closeCode,
        gotFrame: upgraded && frames.byteLength > 0,
        timedOut,
        durationMs: performance.now() - started,
      });
    };
    const timer = setTimeout(() => finish(true), timeoutMs);
    socket.on('connect', () => socket.write(request(`${hostname}:${port}`), () => undefined));
    socket.on('data', (chunk: Buffer) => {
      if (bytes.byteLength < MAX_KEPT_BYTES) bytes = Buffer.concat([bytes, chunk]);
      if (headLength < 0) {
        headLength = headEnd(bytes);
        if (headLength < 0) return;
        const { status } = parseHead(bytes.subarray(0, headLength).toString('latin1'));
        if (status === 101) {
          upgraded = true;
          if (after.byteLength > 0) socket.write(after, () => undefined);
        }
      }
      if (upgraded) {
        if (bytes.byteLength > headLength + 4) finish(false);
      } else if (isComplete(bytes)) {
        finish(false);
      }
    });
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(false));
  });
}
