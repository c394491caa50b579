import type { Locale } from '@lip/common';

const TAGS: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };

/** The BCP 47 tag used for Intl formatting of a locale. */
export function toIntlTag(locale: string): string {
  return TAGS[locale as Locale] ?? TAGS.de;
}

/**
 * One date formatter per language tag, made on first use: building an `Intl.DateTimeFormat` costs
 * far more than formatting with it (a 300-row table spent most of its scripting time here).
 * Formatters are immutable, so sharing them is safe.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar date (e.g. "17.01.2020" / "17 Jan 2020") from an ISO string. */
export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const tag = toIntlTag(locale);
  let format = dateFormats.get(tag);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, { dateStyle: 'medium' });
    dateFormats.set(tag, format);
  }
  return format.format(date);
}

/** Date and time, for activity entries and comments. */
export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(toIntlTag(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** A whole number with the locale's grouping ("170.000" / "170,000"). */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(toIntlTag(locale)).format(value);
}

/** An amount in euros ("170.000 €" / "€170,000"). */
export function formatEuro(value: number, locale: string): string {
  return new Intl.NumberFormat(toIntlTag(locale), {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).format(value);
}

/** Whether a deadline (ISO date) lies before `now` and the work is not finished. */
export function isOverdue(dueIso: string | null | undefined, done: boolean, now: Date): boolean {
  if (!dueIso || done) return false;
  const due = new Date(dueIso);
  if (Number.isNaN(due.getTime())) return false;
  const endOfDueDay = new Date(due);
  endOfDueDay.setHours(23, 59, 59, 999);
  return endOfDueDay.getTime() < now.getTime();
}

/** `YYYY-MM-DD` from the date input to the API's DateTime (noon UTC keeps the calendar day). */
export function toDeadline(day: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T12:00:00.000Z` : null;
}

/** The date input's value for a DateTime. */
export function toDayInput(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '';
}
