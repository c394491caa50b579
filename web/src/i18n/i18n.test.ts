import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { de } from './de';
import { en } from './en';
import { createI18n, initialLocale, isLocale } from './i18n';
import { featureTextsRegistry } from './feature-texts';
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

/** Loads every `features/<feature>/<name>.texts.ts`, so each registers its namespace. */
function loadFeatureTexts(): void {
  const features = join(__dirname, '..', 'features');
  for (const feature of readdirSync(features)) {
    for (const file of readdirSync(join(features, feature))) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a test that must see every feature's texts without listing them
      if (file.endsWith('.texts.ts')) require(join(features, feature, file));
    }
  }
}

describe('feature translations', () => {
  loadFeatureTexts();

  it('finds the feature namespaces and gives each a unique name', () => {
    const names = featureTextsRegistry.map((texts) => texts.namespace);
    expect(names).toContain('versions');
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(featureTextsRegistry.map((texts) => [texts.namespace, texts] as const))(
    'has the same non-empty keys in German and English in namespace %s',
    (_name, texts) => {
      const german = flattenKeys(texts.de).sort();
      expect(flattenKeys(texts.en).sort()).toEqual(german);
      const lookup = (tree: unknown, key: string) =>
        key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree);
      for (const key of german) {
        expect(String(lookup(texts.de, key)).trim()).not.toBe('');
        expect(String(lookup(texts.en, key)).trim()).not.toBe('');
      }
      expect(JSON.stringify(texts.de)).not.toMatch(
        /\bExperten\b|\bKoordinatoren\b|\bTeilnehmer\b|\bBenutzer\b/,
      );
    },
  );

  it('falls back from a feature namespace to the shared texts', () => {
    const i18n = createI18n('en');
    i18n.addResourceBundle('en', 'demo', { title: 'Demo' });
    expect(i18n.t('title', { ns: 'demo' })).toBe('Demo');
    expect(i18n.t('common.save', { ns: 'demo' })).toBe('Save');
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
