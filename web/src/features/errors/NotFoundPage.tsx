import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../ui/PageTitle';

/** The 404 page: says what happened and offers the way back. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <PageTitle>{t('notFound.title')}</PageTitle>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </div>
  );
}
