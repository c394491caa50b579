import { isEmailAddress, MAX_EMAIL_LENGTH } from './validation';

describe('email addresses', () => {
  it('accepts ordinary addresses and refuses malformed ones', () => {
    expect(isEmailAddress('ayse.demir@hannover-stadt.de')).toBe(true);
    expect(isEmailAddress('a@b.de')).toBe(true);
    for (const bad of [
      '',
      'a',
      'a@',
      '@b.de',
      'a@b',
      'a@b.',
      'a@.de',
      'a@@b.de',
      'a@b..de',
      'a b@c.de',
    ]) {
      expect([bad, isEmailAddress(bad)]).toEqual([bad, false]);
    }
  });

  it('refuses an address longer than the limit before looking at it', () => {
    const local = 'a'.repeat(MAX_EMAIL_LENGTH);
    expect(isEmailAddress(`${local}@b.de`)).toBe(false);
    expect(isEmailAddress(`a@${'.'.repeat(1_000_000)}@`)).toBe(false);
  });
});
