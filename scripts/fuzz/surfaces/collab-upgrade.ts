import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { collabInternalToken } from '@lip/common/server';
import {
  BAD_ESCAPES,
  anyJson,
  idLike,
  nastyString,
  nestedJsonText,
  refArb,
  repeatTo,
} from '../arbitraries';
import { TICKET_IDENTITIES, type FuzzContext, type TicketIdentity } from '../context';
import { buildRequest, sendUpgrade, type RawHeader } from '../raw-http';
import type { Surface } from '../runner';
import { describeResponse } from './answers';

/** Ways to mis-sign or mis-shape a ticket with the real secret (defence behind the signature). */
const FORGED = [
  'valid-edit',
  'valid-read',
  'other-doc',
  'expired',
  'future-iat',
  'mode-admin',
  'version-2',
  'huge-name',
  'odd-name',
  'bad-color',
  'empty-sub',
  'long-sub',
  'huge-exp',
  'float-exp',
  'array',
  'string',
  'null',
  'not-json',
  'proto',
  'extra-fields',
  'upper-doc',
] as const;
type Forged = (typeof FORGED)[number];

/** The value of the `ticket` query parameter. */
type TicketValue =
  | { k: 'issued'; identity: TicketIdentity }
  | { k: 'forged'; variant: Forged }
  | { k: 'garbage'; text: string };

/** One exchange with the collab port: a websocket upgrade, or a plain HTTP request. */
export interface CollabUpgradeCase {
  kind: 'upgrade' | 'http';
  method: string;
  prefix: string;
  segments: string[];
  query: { ticket: TicketValue | null; extra: string };
  /** Which of the standard upgrade headers are left out or replaced. */
  headers: RawHeader[];
  omit: string[];
  authorization: 'none' | 'internal' | 'garbage';
  body:
    | { k: 'none' }
    | { k: 'json'; value: unknown }
    | { k: 'nested'; depth: number }
    | { k: 'huge'; bytes: number };
  /** Raw websocket bytes after a 101 (broken framing, reserved opcodes, oversized lengths). */
  after: number[];
}

const FUZZ_DOC = '@@fuzzdoc@@';

const segment = fc.oneof(
  { weight: 6, arbitrary: fc.constant(`doc.${FUZZ_DOC}`) },
  { weight: 2, arbitrary: refArb('document').map((ref) => `doc.${ref}`) },
  { weight: 2, arbitrary: idLike.map((id) => `doc.${id.slice(0, 200)}`) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...BAD_ESCAPES),
        fc.constantFrom(
          'doc.',
          'doc.%s',
          '%s',
          'doc.0123456789abcdef01234567%s',
          `doc.${FUZZ_DOC}%s`,
        ),
      )
      .map(([escape, pattern]) =>
        pattern.includes('%s') ? pattern.replace('%s', escape) : `${pattern}${escape}`,
      ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      `%64oc.${FUZZ_DOC}`,
      `doc%2E${FUZZ_DOC}`,
      `DOC.${FUZZ_DOC}`,
      `doc.${FUZZ_DOC}%00`,
      '',
      '.',
      '..',
      '%2e%2e',
      'internal',
      'healthz',
      'metrics',
    ),
  },
  { weight: 1, arbitrary: nastyString.map((text) => text.slice(0, 3_000).replace(/[\s?#]/g, '_')) },
);

const ticketValue: fc.Arbitrary<TicketValue> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .constantFrom(...TICKET_IDENTITIES)
      .map((identity): TicketValue => ({ k: 'issued', identity })),
  },
  {
    weight: 4,
    arbitrary: fc.constantFrom(...FORGED).map((variant): TicketValue => ({ k: 'forged', variant })),
  },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.constantFrom(
          '',
          '.',
          'a.b',
          'a..b',
          '..',
          'e30.',
          '.e30',
          'e30.e30',
          repeatTo('.', 500),
          repeatTo('A', 20_000),
          ...BAD_ESCAPES,
        ),
        nastyString.map((text) => text.slice(0, 5_000)),
      )
      .map((text): TicketValue => ({ k: 'garbage', text })),
  },
);

const upgradeHeaders: fc.Arbitrary<RawHeader[]> = fc.array(
  fc.oneof(
    fc.tuple(fc.constant('Upgrade'), fc.constantFrom('WebSocket', 'h2c', 'websocket, foo', '')),
    fc.tuple(
      fc.constant('Connection'),
      fc.constantFrom('keep-alive, Upgrade', 'close', 'upgrade, upgrade'),
    ),
    fc.tuple(fc.constant('Sec-WebSocket-Version'), fc.constantFrom('8', '14', 'x', '', '13, 8')),
    fc.tuple(
      fc.constant('Sec-WebSocket-Key'),
      fc.constantFrom('short', '', repeatTo('a', 100), '%ZZ', 'AAAAAAAAAAAAAAAAAAAAAA=='),
    ),
    fc.tuple(
      fc.constant('Sec-WebSocket-Protocol'),
      fc.constantFrom('x', ', ,', 'a b', repeatTo('a,', 3_000), 'y-websocket'),
    ),
    fc.tuple(
      fc.constant('Sec-WebSocket-Extensions'),
      fc.constantFrom(
        'permessage-deflate',
        'permessage-deflate; client_max_window_bits',
        'permessage-deflate; client_max_window_bits=abc',
        'permessage-deflate; server_max_window_bits=7',
        'permessage-deflate; server_no_context_takeover=1',
        'permessage-deflate, permessage-deflate',
        'x-webkit-deflate-frame',
        ';;;',
        '"',
      ),
    ),
    fc.tuple(fc.constant('Origin'), fc.constantFrom('http://evil.example', 'null', '%ZZ')),
    fc.tuple(
      fc.constant('Host'),
      fc.constantFrom('', 'evil.example', '[::1', repeatTo('h', 5_000)),
    ),
    fc.tuple(fc.constant('Cookie'), fc.constantFrom('lip_session=%E0%A4%A', 'a=b')),
    fc.tuple(fc.constant('X-Forwarded-For'), fc.constantFrom('1.2.3.4', 'garbage')),
  ),
  { maxLength: 3 },
);

/** Raw bytes after the handshake: websocket framing a client should never send. */
const afterBytes: fc.Arbitrary<number[]> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<number[]>([]) },
  {
    weight: 3,
    arbitrary: fc.constantFrom<number[]>(
      [0x82, 0x03, 0, 0, 0], // unmasked binary frame
      [0xf2, 0x80, 0, 0, 0, 0], // reserved bits set
      [0x83, 0x80, 0, 0, 0, 0], // reserved opcode 3
      [0x89, 0xfe, 0x00, 0xc8, 0, 0, 0, 0], // ping with a 200-byte payload (control frames max 125)
      [0x09, 0x80, 0, 0, 0, 0], // fragmented ping
      [0x82, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0], // 2^63-1 length
      [0x82, 0xff, 0, 0, 0, 0, 0, 0x40, 0, 0, 0, 0, 0, 0], // 4 MiB announced, nothing sent
      [0x81, 0x82, 0, 0, 0, 0, 0xc3, 0x28], // text frame with invalid UTF-8
      [0x88, 0x81, 0, 0, 0, 0, 0x03], // close with a 1-byte payload
      [0x88, 0x82, 0, 0, 0, 0, 0x0b, 0xb8], // close with a reserved code 3000
      [0x00, 0x80, 0, 0, 0, 0], // continuation without a start
    ),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => [...bytes]) },
);

const httpBody: fc.Arbitrary<CollabUpgradeCase['body']> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<CollabUpgradeCase['body']>({ k: 'none' }) },
  {
    weight: 4,
    arbitrary: fc
      .oneof(
        anyJson,
        fc.record(
          {
            label: nastyString,
            personId: fc.oneof(nastyString, anyJson),
            name: fc.oneof(nastyString, anyJson),
          },
          { requiredKeys: [] },
        ),
      )
      .map((value): CollabUpgradeCase['body'] => ({ k: 'json', value })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(1_000, 100_000)
      .map((depth): CollabUpgradeCase['body'] => ({ k: 'nested', depth })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(65_000, 2_000_000)
      .map((bytes): CollabUpgradeCase['body'] => ({ k: 'huge', bytes })),
  },
);

const httpPaths: fc.Arbitrary<string[]> = fc.oneof(
  fc.constantFrom<string[]>(
    ['healthz'],
    ['metrics'],
    ['healthz%ZZ'],
    ['%ZZ'],
    ['internal'],
    ['internal', 'documents'],
    ['internal', 'documents', '%ZZ', 'versions'],
  ),
  fc
    .tuple(
      fc.oneof(
        fc.constant(FUZZ_DOC),
        refArb('document'),
        idLike.map((id) => id.slice(0, 100)),
      ),
      fc.constantFrom(
        '',
        '/@@ref:version:0@@',
        '/@@ref:version:0@@/restore',
        '/0123456789abcdef01234567',
        '/0123456789abcdef01234567/restore',
        '/%ZZ',
      ),
    )
    .map(([id, rest]) => ['internal', 'documents', id, `versions${rest}`]),
);

const upgradeCase: fc.Arbitrary<CollabUpgradeCase> = fc.record({
  kind: fc.constant<'upgrade'>('upgrade'),
  method: fc.oneof(
    { weight: 9, arbitrary: fc.constant('GET') },
    { weight: 1, arbitrary: fc.constantFrom('POST', 'CONNECT', 'FUZZ') },
  ),
  prefix: fc.oneof(
    { weight: 9, arbitrary: fc.constant('/') },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', '//', '/x/', 'http://evil.example/', '/%ZZ/', '/../'),
    },
  ),
  segments: fc.array(segment, { minLength: 1, maxLength: 2 }),
  query: fc.record({
    ticket: fc.option(ticketValue, { freq: 10 }),
    extra: fc.oneof(
      { weight: 6, arbitrary: fc.constant('') },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '&ticket=a.b',
          '&%ZZ=1',
          '&ticket',
          '&&&',
          '#frag',
          '&ticket=%ZZ',
          `&${repeatTo('a=1&', 4_000)}`,
        ),
      },
    ),
  }),
  headers: upgradeHeaders,
  omit: fc.subarray(['Upgrade', 'Connection', 'Sec-WebSocket-Version', 'Sec-WebSocket-Key'], {
    maxLength: 1,
  }),
  authorization: fc.constant<'none'>('none'),
  body: fc.constant<CollabUpgradeCase['body']>({ k: 'none' }),
  after: afterBytes,
});

const httpCase: fc.Arbitrary<CollabUpgradeCase> = fc.record({
  kind: fc.constant<'http'>('http'),
  method: fc.constantFrom('GET', 'POST', 'POST', 'PUT', 'DELETE', 'HEAD'),
  prefix: fc.constant('/'),
  segments: httpPaths,
  query: fc.record({ ticket: fc.constant(null), extra: fc.constantFrom('', '&%ZZ', '&x=1') }),
  headers: fc.array(
    fc.tuple(
      fc.constantFrom('Content-Type', 'Content-Encoding', 'Transfer-Encoding'),
      fc.constantFrom('application/json', 'text/plain', 'gzip', 'identity'),
    ),
    { maxLength: 1 },
  ),
  omit: fc.constant<string[]>([]),
  authorization: fc.constantFrom<CollabUpgradeCase['authorization']>(
    'none',
    'internal',
    'internal',
    'garbage',
  ),
  body: httpBody,
  after: fc.constant<number[]>([]),
});

function hmac(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

/** A ticket signed with the real secret but shaped as the variant says. */
function forge(variant: Forged, context: FuzzContext): string {
  const now = Math.floor(Date.now() / 1000);
  const valid = {
    v: 1,
    doc: context.fuzzDocumentId,
    sub: '0123456789abcdef01234567',
    sid: 'fuzz-session',
    mode: 'edit',
    name: 'Fuzz',
    color: '#123456',
    iat: now,
    exp: now + 60,
  };
  const payloads: Record<Forged, unknown> = {
    'valid-edit': valid,
    'valid-read': { ...valid, mode: 'read' },
    'other-doc': { ...valid, doc: 'ffffffffffffffffffffffff' },
    expired: { ...valid, exp: now - 10 },
    'future-iat': { ...valid, iat: now + 1_000_000 },
    'mode-admin': { ...valid, mode: 'admin' },
    'version-2': { ...valid, v: 2 },
    'huge-name': { ...valid, name: repeatTo('N', 10_000) },
    'odd-name': { ...valid, name: '\uD800<script>%ZZ\u0000' },
    'bad-color': { ...valid, color: 'red; background: url(x)' },
    'empty-sub': { ...valid, sub: '' },
    'long-sub': { ...valid, sub: repeatTo('s', 65) },
    'huge-exp': { ...valid, exp: 1e20 },
    'float-exp': { ...valid, exp: now + 60.5 },
    array: [valid],
    string: 'ticket',
    null: null,
    'not-json': undefined,
    proto: JSON.parse(
      `{"__proto__": {"mode": "edit"}, ${JSON.stringify(valid).slice(1)}`,
    ) as unknown,
    'extra-fields': { ...valid, admin: true, $where: '1' },
    'upper-doc': { ...valid, doc: context.fuzzDocumentId.toUpperCase() },
  };
  const json = variant === 'not-json' ? '{"v":1,' : JSON.stringify(payloads[variant]);
  const body = Buffer.from(json).toString('base64url');
  return `${body}.${hmac(body, context.product.collabSecret)}`;
}

async function ticketText(value: TicketValue, context: FuzzContext): Promise<string> {
  switch (value.k) {
    case 'issued': {
      const url = new URL(await context.ticketUrl(value.identity));
      return url.searchParams.get('ticket') ?? '';
    }
    case 'forged':
      return forge(value.variant, context);
    case 'garbage':
      return value.text;
  }
}

function bodyBytes(body: CollabUpgradeCase['body'], context: FuzzContext): Buffer {
  switch (body.k) {
    case 'none':
      return Buffer.alloc(0);
    case 'json':
      return Buffer.from(context.resolveRefs(JSON.stringify(body.value) ?? 'null'));
    case 'nested':
      return Buffer.from(nestedJsonText(body.depth, 'mixed'));
    case 'huge':
      return Buffer.from(`{"label":"${repeatTo('x', body.bytes)}"}`);
  }
}

/** Percent-encodes a ticket for the query string, leaving broken escapes in garbage as they are. */
function queryValue(value: TicketValue, text: string): string {
  if (value.k === 'garbage') {
    try {
      return encodeURIComponent(text).replace(/%25/g, '%');
    } catch {
      return '%ED%A0%80';
    }
  }
  return encodeURIComponent(text);
}

/** Upgrades and plain requests to the collab port, as a stranger can send them. */
export const collabUpgradeSurface: Surface<CollabUpgradeCase> = {
  name: 'collab-upgrade',
  covers:
    'the collab port as a stranger reaches it: websocket upgrades with paths (broken percent-escapes, encoded room names, foreign and missing ids), query strings (issued, forged-with-the-real-secret and garbage tickets, duplicates), upgrade headers (versions, keys, subprotocols, extension parameters, hosts, origins), broken websocket framing after the handshake; plain HTTP to /healthz, /metrics and the internal version endpoints (with and without the bearer token, garbage and huge bodies)',
  arbitrary: () =>
    fc.oneof({ weight: 4, arbitrary: upgradeCase }, { weight: 1, arbitrary: httpCase }),
  async execute(testCase, context) {
    const ticket = testCase.query.ticket ? await ticketText(testCase.query.ticket, context) : null;
    const path = context
      .resolveRefs(testCase.segments.join('/'))
      .replaceAll(FUZZ_DOC, context.fuzzDocumentId);
    const query = `${ticket === null || !testCase.query.ticket ? '' : `ticket=${queryValue(testCase.query.ticket, ticket)}`}${testCase.query.extra}`;
    const target = `${testCase.prefix}${path}${query ? `?${query}` : ''}`;
    const standard: RawHeader[] =
      testCase.kind === 'upgrade'
        ? [
            ['Upgrade', 'websocket'],
            ['Connection', 'Upgrade'],
            ['Sec-WebSocket-Version', '13'],
            ['Sec-WebSocket-Key', randomBytes(16).toString('base64')],
          ]
        : [];
    const replaced = new Set(testCase.headers.map(([name]) => name.toLowerCase()));
    const omitted = new Set(testCase.omit.map((name) => name.toLowerCase()));
    const auth: RawHeader[] =
      testCase.authorization === 'internal'
        ? [['Authorization', `Bearer ${collabInternalToken(context.product.collabSecret)}`]]
        : testCase.authorization === 'garbage'
          ? [['Authorization', 'Bearer %ZZ']]
          : [];
    const headers: RawHeader[] = [
      ...standard.filter(
        ([name]) => !replaced.has(name.toLowerCase()) && !omitted.has(name.toLowerCase()),
      ),
      ...testCase.headers,
      ...auth,
    ];
    const body = bodyBytes(testCase.body, context);
    const response = await sendUpgrade(
      context.product.collabUrl,
      (host) =>
        buildRequest({
          method: testCase.method,
          target,
          host,
          headers,
          body,
        }),
      Buffer.from(testCase.after),
      10_000,
    );
    return {
      statuses: [response.status],
      internalErrors: 0,
      timedOut: response.timedOut && response.status !== 101,
      outcome:
        response.status === 101
          ? `101, ${response.gotFrame ? `first frame ${response.closeCode === null ? 'data' : `close ${response.closeCode}`}` : 'no frame'}`
          : describeResponse(response),
    };
  },
  describe(testCase) {
    const ticket = testCase.query.ticket
      ? testCase.query.ticket.k === 'garbage'
        ? `garbage ${JSON.stringify(testCase.query.ticket.text.slice(0, 60))}`
        : testCase.query.ticket.k === 'issued'
          ? `issued to ${testCase.query.ticket.identity}`
          : `forged ${testCase.query.ticket.variant}`
      : 'none';
    const headers = testCase.headers
      .map(([name, value]) => `${name}: ${value.slice(0, 40)}`)
      .join('; ');
    return `${testCase.kind} ${testCase.method} ${testCase.prefix}${testCase.segments.join('/').slice(0, 200)} ticket ${ticket}${testCase.query.extra ? ` extra ${testCase.query.extra.slice(0, 40)}` : ''}${headers ? `, headers ${headers}` : ''}${testCase.omit.length ? `, without ${testCase.omit.join(',')}` : ''}${testCase.authorization !== 'none' ? `, auth ${testCase.authorization}` : ''}${testCase.body.k !== 'none' ? `, body ${testCase.body.k}${testCase.body.k === 'json' ? ` ${JSON.stringify(testCase.body.value).slice(0, 100)}` : ''}` : ''}${testCase.after.length ? `, then bytes ${Buffer.from(testCase.after).toString('hex')}` : ''}`;
  },
  label: (testCase) =>
    testCase.kind === 'http'
      ? `http-${testCase.authorization}`
      : `upgrade-${testCase.query.ticket?.k ?? 'no-ticket'}`,
};
