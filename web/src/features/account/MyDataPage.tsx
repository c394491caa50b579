import { useState } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../generated';
import { AppViewerDocument } from '../../app/session';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { formatDateTime } from '../../i18n/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { accountTexts } from './account.texts';
import { SignInMethods } from './SignInMethods';

const MyDataDocument = graphql(`
  query MyData {
    personalData {
      person {
        id
        name
        email
        systemRole
      }
      signIn {
        ...SignInMethods_methods
      }
      groups {
        group
        actionFieldKey
      }
      bodies
      sessions {
        id
        createdAt
        userAgent
        current
      }
      commentCount
      tasks {
        id
      }
      activity {
        id
      }
      notificationCount
      exportPath
      canDelete
    }
  }
`);

const EndDeviceSessionDocument = graphql(`
  mutation EndDeviceSession($input: EndDeviceSessionInput!) {
    endDeviceSession(input: $input)
  }
`);

const DeleteOwnAccountDocument = graphql(`
  mutation DeleteOwnAccount($input: DeleteAccountInput!) {
    deleteAccount(input: $input) {
      deletedPersonId
      signedOut
    }
  }
`);

/** A short name for a browser's user-agent string ("Firefox on Linux"), else the raw start. */
export function toDeviceName(userAgent: string | null, unknown: string): string {
  if (!userAgent) return unknown;
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  if (browser && system) return `${browser} (${system})`;
  return browser ?? userAgent.slice(0, 40);
}

/**
 * "Meine Daten": what the workspace holds about the signed-in person, the ZIP download, the
 * signed-in devices (each can be signed out) and deleting the account, explained before it is
 * confirmed by typing the e-mail address.
 */
export function MyDataPage() {
  const { t } = useFeatureTranslation(accountTexts);
  const { t: tc, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [confirmEmail, setConfirmEmail] = useState('');
  const { data, loading, error, refetch } = useQuery(MyDataDocument);
  const [endDevice, ended] = useMutation(EndDeviceSessionDocument);
  const [deleteAccount, deleted] = useMutation(DeleteOwnAccountDocument);
  if (loading && !data) return <Loading />;
  if (error || !data) return <ErrorNotice error={error} />;
  const mine = data.personalData;
  const lng = i18n.language;

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

      <section aria-labelledby="my-data-profile">
        <h2 id="my-data-profile">{t('myData.profile')}</h2>
        <dl className="facts">
          <dt>{t('myData.name')}</dt>
          <dd>{mine.person.name}</dd>
          <dt>{t('myData.email')}</dt>
          <dd>{mine.person.email}</dd>
          <dt>{t('myData.role')}</dt>
          <dd>{mine.person.systemRole ? tc(`systemRole.${mine.person.systemRole}`) : '–'}</dd>
          <dt>{t('myData.memberships')}</dt>
          <dd>
            {mine.groups.length + mine.bodies.length === 0
              ? t('myData.none')
              : [...mine.groups.map((g) => g.group), ...mine.bodies].join(', ')}
          </dd>
        </dl>
        <p>
          <SignInMethods methods={mine.signIn} />
        </p>
      </section>

      <section aria-labelledby="my-data-devices">
        <h2 id="my-data-devices">{t('myData.devices')}</h2>
        {ended.error ? <ErrorNotice error={ended.error} /> : null}
        <ul className="plain-list device-list">
          {mine.sessions.map((session) => {
            const device = toDeviceName(session.userAgent ?? null, t('myData.unknownDevice'));
            return (
              <li key={session.id}>
                <span>
                  <strong>{device}</strong>
                  {session.current ? ` (${t('myData.thisDevice')})` : null}
                  <br />
                  <span className="muted">
                    {t('myData.since', { date: formatDateTime(session.createdAt, lng) })}
                  </span>
                </span>
                {session.current ? null : (
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('myData.endDeviceLabel', { device })}
                    disabled={ended.loading}
                    onClick={() =>
                      void endDevice({ variables: { input: { sessionId: session.id } } })
                        .then(() => refetch())
                        .catch(() => undefined)
                    }
                  >
                    {t('myData.endDevice')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="my-data-contributions">
        <h2 id="my-data-contributions">{t('myData.contributions')}</h2>
        <ul className="plain-list">
          <li>{t('myData.comments', { count: mine.commentCount })}</li>
          <li>{t('myData.tasks', { count: mine.tasks.length })}</li>
          <li>{t('myData.activity', { count: mine.activity.length })}</li>
          <li>{t('myData.notifications', { count: mine.notificationCount })}</li>
        </ul>
      </section>

      <section aria-labelledby="my-data-delete" className="danger-zone">
        <h2 id="my-data-delete">{t('myData.deleteTitle')}</h2>
        <p>{t('myData.deleteExplain')}</p>
        {!mine.canDelete ? (
          <p className="notice notice--info">{t('myData.lastAdmin')}</p>
        ) : (
          <form
            className="form"
            onSubmit={(event) => {
              event.preventDefault();
              deleteAccount({ variables: { input: { confirmEmail: confirmEmail.trim() } } })
                .then(async () => {
                  await client.clearStore();
                  client.writeQuery({ query: AppViewerDocument, data: { viewer: null } });
                  await navigate('/sign-in', { replace: true });
                })
                .catch(() => undefined);
            }}
          >
            {deleted.error ? <ErrorNotice error={deleted.error} /> : null}
            <div className="field">
              <label htmlFor="confirm-email">
                {t('myData.confirmEmail', { email: mine.person.email })}
              </label>
              <input
                id="confirm-email"
                type="email"
                autoComplete="off"
                required
                value={confirmEmail}
                onChange={(event) => setConfirmEmail(event.target.value)}
              />
            </div>
            <button
              type="submit"
              className="button button--danger"
              disabled={deleted.loading || confirmEmail.trim() === ''}
            >
              {t('myData.deleteButton')}
            </button>
          </form>
        )}
      </section>
    </div>
  );
}
