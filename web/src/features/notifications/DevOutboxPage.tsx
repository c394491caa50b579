import { useQuery } from '@apollo/client/react';
import { graphql } from '../../generated';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { formatDateTime } from '../../i18n/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { notificationsTexts } from './notifications.texts';

const DevOutboxDocument = graphql(`
  query DevOutbox {
    devOutbox(first: 50) {
      id
      to
      subject
      text
      html
      kind
      status
      unsubscribeUrl
      createdAt
    }
  }
`);

/**
 * The development outbox: the mail the product would have sent, newest first, with the text
 * part and the HTML part in a sandboxed frame (no scripts, no same-origin access). The API
 * answers only admins and never in production.
 */
export function DevOutboxPage() {
  const { t, i18n } = useFeatureTranslation(notificationsTexts);
  const { data, loading, error } = useQuery(DevOutboxDocument, { fetchPolicy: 'network-only' });
  return (
    <div className="page page--narrow">
      <PageTitle>{t('outboxTitle')}</PageTitle>
      <p>{t('outboxIntro')}</p>
      {loading && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {data && data.devOutbox.length === 0 ? <p className="muted">{t('outboxEmpty')}</p> : null}
      <ul className="outbox">
        {(data?.devOutbox ?? []).map((mail) => (
          <li key={mail.id} className="outbox__mail">
            <h2 className="outbox__subject">{mail.subject}</h2>
            <p className="muted">
              {t('outboxTo')}: {mail.to} · {t('outboxStatus')}:{' '}
              {t(`outboxStatuses.${mail.status}`, { defaultValue: mail.status })} ·{' '}
              <time dateTime={mail.createdAt}>{formatDateTime(mail.createdAt, i18n.language)}</time>
            </p>
            <details>
              <summary>{t('outboxText')}</summary>
              <pre className="outbox__text">{mail.text}</pre>
            </details>
            <details>
              <summary>{t('outboxHtml')}</summary>
              <iframe
                className="outbox__html"
                title={`${t('outboxHtml')}: ${mail.subject}`}
                sandbox=""
                srcDoc={mail.html}
              />
            </details>
            {mail.unsubscribeUrl ? (
              <p>
                {t('outboxUnsubscribe')}: <a href={mail.unsubscribeUrl}>{mail.unsubscribeUrl}</a>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
