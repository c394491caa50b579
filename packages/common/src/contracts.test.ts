import {
  COLLAB_INTERNAL_ROUTES,
  isRevocationFor,
  matchCollabInternalPath,
  toCollabInternalPath,
  writeCollabRevocations,
  type CollabRevocationRecord,
} from './index';
import { collabInternalToken, isCollabInternalToken } from './server';

const secret = 'test-secret-0123456789abcdef0123456789';
const doc = 'a'.repeat(24);
const version = 'b'.repeat(24);

describe('internal bearer token', () => {
  const now = 1_800_000_000_000;

  it('accepts a fresh token made with the same secret', () => {
    expect(isCollabInternalToken(`Bearer ${collabInternalToken(secret, now)}`, secret, now)).toBe(
      true,
    );
  });

  it('refuses a token older than its 60 s lifetime', () => {
    const token = `Bearer ${collabInternalToken(secret, now)}`;
    expect(isCollabInternalToken(token, secret, now + 60_000)).toBe(true);
    expect(isCollabInternalToken(token, secret, now + 61_000)).toBe(false);
  });

  it('refuses a token dated far in the future and a changed timestamp', () => {
    expect(
      isCollabInternalToken(`Bearer ${collabInternalToken(secret, now + 3_600_000)}`, secret, now),
    ).toBe(false);
    const [, mac] = collabInternalToken(secret, now).split('.');
    const later = Math.floor(now / 1000) + 30;
    expect(isCollabInternalToken(`Bearer ${later}.${mac}`, secret, now)).toBe(false);
  });

  it('refuses another secret, a missing header and junk', () => {
    expect(
      isCollabInternalToken(`Bearer ${collabInternalToken('other-secret', now)}`, secret, now),
    ).toBe(false);
    expect(isCollabInternalToken(undefined, secret, now)).toBe(false);
    for (const junk of ['Bearer', 'Bearer .', 'Basic abc', `Bearer ${'9'.repeat(40)}.x`, '%ZZ']) {
      expect(isCollabInternalToken(junk, secret, now)).toBe(false);
    }
  });
});

describe('internal endpoint paths', () => {
  it('builds and matches every route with its ids', () => {
    for (const route of Object.keys(COLLAB_INTERNAL_ROUTES) as Array<
      keyof typeof COLLAB_INTERNAL_ROUTES
    >) {
      const params = COLLAB_INTERNAL_ROUTES[route].includes(':versionId')
        ? { documentId: doc, versionId: version }
        : { documentId: doc };
      expect(matchCollabInternalPath(toCollabInternalPath(route, params))).toEqual({
        route,
        params,
      });
    }
  });

  it('matches nothing for foreign paths and refuses to build a path from a bad id', () => {
    expect(matchCollabInternalPath(`/internal/documents/${doc}/other`)).toBeUndefined();
    expect(matchCollabInternalPath('/internal/documents/../versions')).toBeUndefined();
    expect(matchCollabInternalPath(`/internal/documents/${doc.toUpperCase()}/content`)).toBe(
      undefined,
    );
    expect(() => toCollabInternalPath('content', { documentId: '../x' })).toThrow(RangeError);
    expect(() => toCollabInternalPath('version', { documentId: doc })).toThrow(RangeError);
  });
});

describe('collab revocations', () => {
  const connection = { personId: 'p1', documentId: doc, sessionId: 's1' };

  it('matches a person everywhere, narrowed by document and session', () => {
    expect(isRevocationFor({ personId: 'p1' }, connection)).toBe(true);
    expect(isRevocationFor({ personId: 'p2' }, connection)).toBe(false);
    expect(isRevocationFor({ personId: 'p1', documentId: doc }, connection)).toBe(true);
    expect(isRevocationFor({ personId: 'p1', documentId: version }, connection)).toBe(false);
    expect(isRevocationFor({ personId: 'p1', sessionId: 's2' }, connection)).toBe(false);
    expect(isRevocationFor({ personId: 'p1', sessionId: null, documentId: null }, connection)).toBe(
      true,
    );
  });

  it('matches every person of a document for a document-wide revocation, and nothing without a document', () => {
    expect(isRevocationFor({ documentId: doc }, connection)).toBe(true);
    expect(isRevocationFor({ documentId: doc }, { ...connection, personId: 'p9' })).toBe(true);
    expect(isRevocationFor({ documentId: version }, connection)).toBe(false);
    expect(isRevocationFor({}, connection)).toBe(false);
    expect(isRevocationFor({ personId: null, documentId: null }, connection)).toBe(false);
  });

  it('writes every revocation with the writer clock as createdAt', async () => {
    const written: CollabRevocationRecord[] = [];
    const at = new Date('2026-12-01T10:00:00Z');
    await writeCollabRevocations(
      {
        insertMany: async (records) => {
          written.push(...records);
        },
      },
      [
        { documentId: doc, reason: 'document-status-changed' },
        { personId: 'p1', sessionId: 's1', reason: 'sign-out' },
      ],
      at,
    );
    expect(written).toEqual([
      { documentId: doc, reason: 'document-status-changed', createdAt: at },
      { personId: 'p1', sessionId: 's1', reason: 'sign-out', createdAt: at },
    ]);
  });
});
