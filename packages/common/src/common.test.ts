import {
  COLLAB_TICKET_TTL_SECONDS,
  CollabCloseCode,
  editorSchema,
  isRetryableClose,
  parseCollabDocumentName,
  toCollabDocumentName,
} from './index';
import { signCollabTicket, verifyCollabTicket } from './server';

const secret = 'test-secret-0123456789abcdef';
const now = 1_800_000_000;
const payload = {
  v: 1 as const,
  doc: 'a'.repeat(24),
  sub: 'person-1',
  sid: 'session-1',
  mode: 'edit' as const,
  name: 'Ayşe Demir',
  color: '#1f6feb',
  iat: now,
  exp: now + COLLAB_TICKET_TTL_SECONDS,
};

describe('collab tickets', () => {
  it('accepts a ticket signed with the same secret before it expires', () => {
    const result = verifyCollabTicket(signCollabTicket(payload, secret), secret, now + 1);
    expect(result).toEqual({ ok: true, payload });
  });

  it('refuses a ticket signed with another secret as forged', () => {
    const result = verifyCollabTicket(signCollabTicket(payload, 'other-secret'), secret, now);
    expect(result).toEqual({ ok: false, error: 'bad-signature' });
  });

  it('refuses a ticket whose payload was changed after signing', () => {
    const [, signature] = signCollabTicket(payload, secret).split('.');
    const tampered = Buffer.from(JSON.stringify({ ...payload, mode: 'edit', sub: 'x' })).toString(
      'base64url',
    );
    expect(verifyCollabTicket(`${tampered}.${signature}`, secret, now)).toEqual({
      ok: false,
      error: 'bad-signature',
    });
  });

  it('refuses an expired ticket', () => {
    const result = verifyCollabTicket(signCollabTicket(payload, secret), secret, payload.exp);
    expect(result).toEqual({ ok: false, error: 'expired' });
  });

  it('refuses a missing or malformed ticket', () => {
    expect(verifyCollabTicket(undefined, secret)).toEqual({ ok: false, error: 'missing' });
    expect(verifyCollabTicket('no-dot', secret)).toEqual({ ok: false, error: 'malformed' });
  });
});

describe('collab document names', () => {
  it('round-trips a document id and rejects foreign names', () => {
    const id = '0123456789abcdef01234567';
    expect(parseCollabDocumentName(toCollabDocumentName(id))).toBe(id);
    expect(parseCollabDocumentName('doc.../etc/passwd')).toBeUndefined();
    expect(parseCollabDocumentName(id)).toBeUndefined();
  });
});

describe('collab close codes', () => {
  it('names the load failure with the standard "try again later" code and retries it', () => {
    expect(CollabCloseCode.DocumentUnavailable).toBe(1013);
    expect(isRetryableClose(CollabCloseCode.DocumentUnavailable)).toBe(true);
  });

  it('does not retry a close that reconnecting cannot fix', () => {
    expect(isRetryableClose(CollabCloseCode.Forbidden)).toBe(false);
    expect(isRetryableClose(CollabCloseCode.MessageTooBig)).toBe(false);
  });

  it('gives every close code its own value', () => {
    const values = Object.values(CollabCloseCode);
    expect(new Set(values).size).toBe(values.length);
  });
});

describe('editor schema', () => {
  it('has the nodes the toolbar offers', () => {
    const schema = editorSchema();
    for (const node of ['heading', 'bulletList', 'orderedList', 'blockquote', 'table']) {
      expect(schema.nodes[node]).toBeDefined();
    }
    expect(schema.marks.link).toBeDefined();
  });
});
