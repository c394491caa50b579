import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../generated';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { PageTitle } from '../../ui/PageTitle';
import { accountTexts, toCityAccountFailure } from './account.texts';

const CityAccountOptionsDocument = graphql(`
  query CityAccountOptions {
    signInOptions {
      cityAccountLabel
      cityAccountPath
      cityAccountContact
    }
  }
`);

/**
 * Where every unsuccessful sign-in through the city's identity provider ends
 * (`/sign-in/city-account?error=<reason>`): says what happened, that nothing was changed, and what
 * to do next; for "no access yet" also whom to ask.
 */
export function CityAccountPage() {
  const { t } = useFeatureTranslation(accountTexts);
  const [params] = useSearchParams();
  const failure = toCityAccountFailure(params.get('error'));
  const options = useQuery(CityAccountOptionsDocument).data?.signInOptions;
  const canRetry = failure !== 'no-access' && failure !== 'not-configured';
  return (
    <div className="narrow">
      <PageTitle>{t(`cityAccount.errors.${failure}.heading`)}</PageTitle>
      <div className="notice notice--info" role="status">
        <p>{t(`cityAccount.errors.${failure}.body`)}</p>
        {failure === 'no-access' || failure === 'account-conflict' ? (
          <p>
            {options?.cityAccountContact
              ? t('cityAccount.contact', { contact: options.cityAccountContact })
              : t('cityAccount.contactDefault')}
          </p>
        ) : null}
      </div>
      <ul className="city-account__next">
        {canRetry && options?.cityAccountPath ? (
          <li>
            <a href={options.cityAccountPath}>{t('cityAccount.tryAgain')}</a>
          </li>
        ) : null}
        <li>
          <Link to="/sign-in">{t('cityAccount.withPassword')}</Link>
        </li>
      </ul>
    </div>
  );
}
