import type { Locale } from '@lip/common';

/** The interface language for a request without a signed-in person: English if asked first. */
export function localeFromHeader(header: string | undefined): Locale {
  return header && /^\s*en\b/i.test(header) ? 'en' : 'de';
}
