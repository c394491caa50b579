import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useViewer } from '../../app/session';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { PageTitle } from '../../ui/PageTitle';
import { peopleAdminTexts } from './people-admin.texts';

/**
 * Renders its children for admins (people who administer personal data) and a clear "no access"
 * page for everyone else, saying why (`reason`, else that other people's data is for admins).
 * Only a hint for the interface: the API refuses the data anyway.
 */
export function AdminOnly({ children, reason }: { children: ReactNode; reason?: string }) {
  const viewer = useViewer();
  const { t } = useFeatureTranslation(peopleAdminTexts);
  if (viewer.canAdministerPeopleData) return <>{children}</>;
  return (
    <div className="narrow" data-testid="no-access">
      <PageTitle>{t('personData.noAccessTitle')}</PageTitle>
      <p>{reason ?? t('personData.noAccessText')}</p>
      <p className="button-row">
        <Link to="/my-data">{t('personData.myData')}</Link>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </div>
  );
}
