import { REQUEST_ERROR_CODES } from '@lip/common';
import { de } from '../i18n/de';
import { en } from '../i18n/en';
import { ERROR_CODES, toErrorCode } from './error-codes';

describe('toErrorCode', () => {
  it('reads the stable code from GraphQL errors', () => {
    expect(toErrorCode({ errors: [{ extensions: { code: 'FORBIDDEN' } }] })).toBe('FORBIDDEN');
    expect(toErrorCode({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] })).toBe(
      'RATE_LIMITED',
    );
  });

  it('tells "already exists" apart from a concurrent change', () => {
    expect(
      toErrorCode({ errors: [{ extensions: { code: 'CONFLICT', reason: 'already-exists' } }] }),
    ).toBe('ALREADY_EXISTS');
    expect(
      toErrorCode({ errors: [{ extensions: { code: 'CONFLICT', reason: 'conflict' } }] }),
    ).toBe('CONFLICT');
  });

  it('maps validation failures to BAD_USER_INPUT and unknown codes to UNKNOWN', () => {
    expect(toErrorCode({ errors: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] })).toBe(
      'BAD_USER_INPUT',
    );
    expect(toErrorCode({ errors: [{ extensions: { code: 'SOMETHING' } }] })).toBe('UNKNOWN');
  });

  it('recognises network failures and HTTP statuses', () => {
    expect(toErrorCode(new TypeError('Failed to fetch'))).toBe('NETWORK');
    expect(toErrorCode({ statusCode: 429 })).toBe('RATE_LIMITED');
    expect(toErrorCode(undefined)).toBe('UNKNOWN');
  });

  it('words every code the API sends and maps request errors to BAD_USER_INPUT', () => {
    for (const code of ERROR_CODES) {
      expect([code, typeof de.errors[code], typeof en.errors[code]]).toEqual([
        code,
        'string',
        'string',
      ]);
    }
    for (const code of REQUEST_ERROR_CODES) {
      expect(toErrorCode({ errors: [{ extensions: { code } }] })).toBe('BAD_USER_INPUT');
    }
  });
});
