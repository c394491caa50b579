import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@lip/common';
import { de } from './de';
import { en } from './en';

/** The translation resources; `de` is the reference shape that `en` must match key for key. */
export const resources = { de: { translation: de }, en: { translation: en } } as const;

const STORAGE_KEY = 'lip.locale';

/**
 * The interface locales (`LOCALES` of @lip/common, typed against it). Only the type is imported:
 * a value import of @lip/common would pull the editor schema into the initial bundle.
 */
export const SUPPORTED_LOCALES: readonly Locale[] = ['de', 'en'];

/** Whether a string is one of our interface locales. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** The locale to start with: the last choice in this browser, else German. */
export function initialLocale(storage: Pick<Storage, 'getItem'> | undefined): Locale {
  const stored = storage?.getItem(STORAGE_KEY);
  return isLocale(stored) ? stored : 'de';
}

/** Whether this browser has an explicit language choice (the switch was used here). */
export function hasStoredLocale(storage: Pick<Storage, 'getItem'> | undefined): boolean {
  return isLocale(storage?.getItem(STORAGE_KEY));
}

/** Remembers the chosen locale and mirrors it into `<html lang>` for assistive technology. */
export function persistLocale(locale: Locale, storage: Pick<Storage, 'setItem'> | undefined): void {
  storage?.setItem(STORAGE_KEY, locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/**
 * Builds an i18next instance (one per app or test; no global singleton) with German as the
 * fallback, so a missing English key shows German rather than a raw key.
 */
export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: 'de',
    // Feature namespaces (see feature-texts.ts) fall back to the shared texts, e.g. common.save.
    fallbackNS: 'translation',
    supportedLngs: [...SUPPORTED_LOCALES],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
