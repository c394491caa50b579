import { useApolloClient, useQuery } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import { graphql } from '../../generated';
import { AppViewerDocument } from '../../app/session';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { accountTexts } from './account.texts';
import { ContributionsSection, ProfileSection } from './PersonalDataSections';
import { DeviceList } from './DeviceList';
import { DeleteAccountSection } from './DeleteAccountSection';

const MyDataDocument = graphql(`
  query MyData {
    personalData {
      person {
        id
        name
        email
      }
      ...ProfileSection_data
      ...ContributionsSection_data
      sessions {
        id
        ...DeviceList_session
      }
      exportPath
      canDelete
    }
  }
`);

/**
 * "Meine Daten": what the workspace holds about the signed-in person, the ZIP download, the
 * signed-in devices (each can be signed out) and deleting the account, explained before it is
 * confirmed by typing the e-mail address. The sections are shared with an admin's view of someone
 * else's data (`features/people/PersonDataPage.tsx`).
 */
export function MyDataPage() {
  const { t } = useFeatureTranslation(accountTexts);
  const navigate = useNavigate();
  const client = useApolloClient();
  const { data, loading, error, refetch } = useQuery(MyDataDocument);
  if (loading && !data) return <Loading />;
  if (error || !data) return <ErrorNotice error={error} />;
  const mine = data.personalData;

  return (
    <div className="my-data">
      <PageTitle>{t('myData.title')}</PageTitle>
      <p>{t('myData.intro')}</p>
      <p className="button-row">
        <a className="button button--primary" href={mine.exportPath} download>
          {t('myData.download')}
        </a>
        <Link className="button" to="/settings/security">
          {t('myData.security')}
        </Link>
      </p>
      <ProfileSection data={mine} />
      <DeviceList sessions={mine.sessions} onEnded={() => refetch()} />
      <ContributionsSection data={mine} />
      <DeleteAccountSection
        person={{ name: mine.person.name, email: mine.person.email }}
        canDelete={mine.canDelete}
        onDeleted={async () => {
          await client.clearStore();
          client.writeQuery({ query: AppViewerDocument, data: { viewer: null } });
          await navigate('/sign-in', { replace: true });
        }}
      />
    </div>
  );
}
