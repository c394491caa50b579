import { useTranslation } from 'react-i18next';
import type { TranslationShape } from './de';

/**
 * The texts of one feature in both languages, kept in the feature's folder and registered as its
 * own i18next namespace when the feature's code loads, so a lazily loaded page carries its own
 * words and the dashboard's initial bundle does not.
 */
export interface FeatureTexts<T> {
  /** The i18next namespace; unique across features (checked by `i18n.test.ts`). */
  namespace: string;
  de: T;
  en: TranslationShape<T>;
}

/** Every feature namespace defined so far, for the key-parity test. */
export const featureTextsRegistry: FeatureTexts<unknown>[] = [];

/**
 * Declares a feature's texts. German is the reference shape; the English type makes a missing or
 * extra key a compile error.
 */
export function defineFeatureTexts<const T extends object>(
  namespace: string,
  de: T,
  en: TranslationShape<T>,
): FeatureTexts<T> {
  const texts = { namespace, de, en };
  featureTextsRegistry.push(texts as FeatureTexts<unknown>);
  return texts;
}

/**
 * `useTranslation` for a feature namespace: adds the feature's texts to the app's i18next
 * instance on first use (idempotent) and returns `t` bound to that namespace, falling back to
 * the shared texts for keys such as `common.save`.
 */
export function useFeatureTranslation<T>(texts: FeatureTexts<T>) {
  const { i18n } = useTranslation();
  if (!i18n.hasResourceBundle('de', texts.namespace)) {
    i18n.addResourceBundle('de', texts.namespace, texts.de);
    i18n.addResourceBundle('en', texts.namespace, texts.en);
  }
  return useTranslation(texts.namespace);
}
