import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../ui/PageTitle';

/** Shown when the person is signed in but may not see this (e.g. another group's draft). */
export function NoAccessPage() {
  const { t } = useTranslation();
  return (
    <div className="narrow" data-testid="no-access">
      <PageTitle>{t('noAccess.title')}</PageTitle>
      <p>{t('noAccess.text')}</p>
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </div>
  );
}
