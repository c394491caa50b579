import { getFragmentData, graphql, type FragmentType } from '../../generated';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { accountTexts } from './account.texts';

/** How a person signs in, for people managers and for the person. */
export const SignInMethods_methods = graphql(`
  fragment SignInMethods_methods on PersonSignIn {
    password
    cityAccount
    secondFactor
  }
`);

/** "Anmeldung: Konto der Stadt, Passwort, zweiter Faktor" as one short line. */
export function SignInMethods(props: { methods: FragmentType<typeof SignInMethods_methods> }) {
  const { t } = useFeatureTranslation(accountTexts);
  const methods = getFragmentData(SignInMethods_methods, props.methods);
  const names = [
    methods.cityAccount ? t('signInMethods.cityAccount') : null,
    methods.password ? t('signInMethods.password') : null,
    methods.secondFactor ? t('signInMethods.secondFactor') : null,
  ].filter((name): name is string => name !== null);
  return (
    <span className="sign-in-methods">
      {t('signInMethods.label', { methods: names.length ? names.join(', ') : '–' })}
    </span>
  );
}
