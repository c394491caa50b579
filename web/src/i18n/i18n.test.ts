import { de } from './de';
import { en } from './en';
import { createI18n, initialLocale, isLocale } from './i18n';
import { formatDate, formatEuro, isOverdue } from './format';

function flattenKeys(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    flattenKeys(child, prefix ? `${prefix}.${key}` : key),
  );
}

describe('translations', () => {
  it('has every German key in English and every English key in German', () => {
    const german = flattenKeys(de).sort();
    const english = flattenKeys(en).sort();
    expect(german.filter((key) => !english.includes(key))).toEqual([]);
    expect(english.filter((key) => !german.includes(key))).toEqual([]);
  });

  it('has no empty texts in either language', () => {
    const empty = (texts: unknown) =>
      flattenKeys(texts).filter((key) => {
        const text = key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], texts);
        return typeof text !== 'string' || text.trim() === '';
      });
    expect(empty(de)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });

  it('writes German person nouns gender-inclusively (gender star, no generic masculine)', () => {
    const german = JSON.stringify(de);
    expect(german).toContain('Expert*innengruppe');
    expect(german).not.toMatch(/\bExperten\b|\bKoordinatoren\b|\bTeilnehmer\b|\bBenutzer\b/);
  });

  it('starts in German and switches to English', () => {
    const i18n = createI18n('de');
    expect(i18n.t('nav.tasks')).toBe('Aufgaben');
    void i18n.changeLanguage('en');
    expect(i18n.t('nav.tasks')).toBe('Tasks');
  });

  it('uses plural forms with counts', () => {
    const i18n = createI18n('de');
    expect(i18n.t('comments.showResolved', { count: 1 })).toBe('1 erledigten Kommentar anzeigen');
    expect(i18n.t('comments.showResolved', { count: 3 })).toBe('3 erledigte Kommentare anzeigen');
  });

  it('remembers only supported locales', () => {
    expect(initialLocale({ getItem: () => 'en' })).toBe('en');
    expect(initialLocale({ getItem: () => 'fr' })).toBe('de');
    expect(initialLocale(undefined)).toBe('de');
    expect(isLocale('de')).toBe(true);
  });
});

describe('locale formatting', () => {
  it('formats dates and amounts per locale', () => {
    expect(formatDate('2020-01-17T12:00:00.000Z', 'de')).toBe('17.01.2020');
    expect(formatDate('2020-01-17T12:00:00.000Z', 'en')).toBe('17 Jan 2020');
    expect(formatEuro(170000, 'de')).toBe('170.000\u00a0€');
    expect(formatEuro(170000, 'en')).toBe('€170,000');
  });

  it('treats a task as overdue only after its deadline day and when not done', () => {
    const now = new Date('2020-03-10T09:00:00');
    expect(isOverdue('2020-03-09T12:00:00', false, now)).toBe(true);
    expect(isOverdue('2020-03-10T08:00:00', false, now)).toBe(false);
    expect(isOverdue('2020-03-09T12:00:00', true, now)).toBe(false);
    expect(isOverdue(null, false, now)).toBe(false);
  });
});
