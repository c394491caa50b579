import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@lip/common';
import { graphql } from '../generated';
import { persistLocale } from '../i18n/i18n';

const SetLocaleDocument = graphql(`
  mutation SetLocale($locale: Locale!) {
    setLocale(locale: $locale) {
      id
      locale
    }
  }
`);

const OPTIONS: { locale: Locale; label: string; short: string }[] = [
  { locale: 'de', label: 'Deutsch', short: 'DE' },
  { locale: 'en', label: 'English', short: 'EN' },
];

/**
 * Switches the interface language (German / English). Each option is labelled in its own
 * language with `lang`, and the choice is remembered in the browser and, when signed in, on the
 * account.
 */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const { t, i18n } = useTranslation();
  const [setLocale] = useMutation(SetLocaleDocument);
  const current = i18n.language;
  return (
    <div className="language-switch" role="group" aria-label={t('app.language')}>
      {OPTIONS.map((option) => (
        <button
          key={option.locale}
          type="button"
          lang={option.locale}
          className="language-switch__option"
          aria-pressed={current === option.locale}
          onClick={() => {
            void i18n.changeLanguage(option.locale);
            persistLocale(option.locale, window.localStorage);
            if (signedIn) {
              setLocale({
                variables: { locale: option.locale === 'de' ? 'DE' : 'EN' },
              }).catch(() => undefined);
            }
          }}
        >
          {/* On a phone the short form shows, so the header keeps to one row above the search. */}
          <span className="language-switch__long">{option.label}</span>
          <span className="language-switch__short" aria-hidden="true">
            {option.short}
          </span>
        </button>
      ))}
    </div>
  );
}
