import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, Navigate, useParams } from 'react-router';
import { graphql } from '../../generated';
import { useViewer } from '../../app/session';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { toErrorCode } from '../../ui/error-codes';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { NotFoundPage } from '../errors/NotFoundPage';
import { ContributionsSection, ProfileSection } from '../account/PersonalDataSections';
import { DeviceList } from '../account/DeviceList';
import { DeleteAccountSection } from '../account/DeleteAccountSection';
import { AdminOnly } from './AdminOnly';
import { SecondFactorReset } from './SecondFactorReset';
import { peopleAdminTexts } from './people-admin.texts';

const PersonDataDocument = graphql(`
  query PersonData($personId: ID!) {
    personalData(personId: $personId) {
      person {
        id
        name
        email
      }
      signIn {
        secondFactor
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
 * An admin's view of what the workspace holds about someone else, with the same sections as
 * "Meine Daten": the ZIP download (audited), the person's signed-in devices (each session can be
 * ended), resetting their second factor and deleting their account. Everyone else gets a "no
 * access" page; one's own id leads to "Meine Daten".
 */
export function PersonDataPage() {
  return (
    <AdminOnly>
      <PersonData />
    </AdminOnly>
  );
}

function PersonData() {
  const { id = '' } = useParams();
  const viewer = useViewer();
  const { t } = useFeatureTranslation(peopleAdminTexts);
  const [announcement, setAnnouncement] = useState('');
  const [deletedName, setDeletedName] = useState<string | null>(null);
  const { data, loading, error, refetch } = useQuery(PersonDataDocument, {
    variables: { personId: id },
    skip: id === viewer.person.id || deletedName !== null,
    fetchPolicy: 'cache-and-network',
  });
  if (id === viewer.person.id) return <Navigate to="/my-data" replace />;
  if (deletedName !== null) {
    return (
      <div className="narrow">
        <PageTitle>{t('personData.title', { name: deletedName })}</PageTitle>
        <p className="notice notice--success" role="status">
          {t('personData.deleted', { name: deletedName })}
        </p>
        <p className="button-row">
          <Link to="/people">{t('personData.back')}</Link>
          <Link to={`/audit?person=${encodeURIComponent(id)}`}>
            {t('personData.audit', { name: deletedName })}
          </Link>
        </p>
      </div>
    );
  }
  if (loading && !data) return <Loading />;
  if (error && !data) {
    const code = toErrorCode(error);
    if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') return <NotFoundPage />;
    return <ErrorNotice error={error} />;
  }
  if (!data) return <Loading />;
  const person = data.personalData;
  const name = person.person.name;

  return (
    <div className="my-data">
      <nav aria-label={t('personData.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/people">{t('people.title')}</Link>
          </li>
          <li>
            <span aria-current="page">{name}</span>
          </li>
        </ol>
      </nav>
      <PageTitle>{t('personData.title', { name })}</PageTitle>
      <p
        className={announcement ? 'notice notice--success' : 'visually-hidden'}
        role="status"
        aria-live="polite"
      >
        {announcement}
      </p>
      <p>{t('personData.intro', { name })}</p>
      <p className="button-row">
        <a className="button button--primary" href={person.exportPath} download>
          {t('personData.download', { name })}
        </a>
        <Link className="button" to={`/audit?person=${encodeURIComponent(id)}`}>
          {t('personData.audit', { name })}
        </Link>
      </p>
      <ProfileSection data={person} />
      <DeviceList sessions={person.sessions} owner={name} onEnded={() => refetch()} />
      <SecondFactorReset
        person={{ id, name }}
        enabled={person.signIn.secondFactor}
        onReset={async (message) => {
          setAnnouncement(message);
          await refetch();
        }}
      />
      <ContributionsSection data={person} />
      <DeleteAccountSection
        person={{ id, name, email: person.person.email }}
        canDelete={person.canDelete}
        onDeleted={() => setDeletedName(name)}
      />
    </div>
  );
}
