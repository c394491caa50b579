import { useState } from 'react';
import { useQuery, useSubscription } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../../generated';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { formatDate } from '../../i18n/format';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { EmptyState } from '../../ui/EmptyState';
import { DecisionDialog, type DecisionTarget } from './DecisionDialog';
import { ReviewChangedDocument } from './ReviewRoundsPage';
import { reviewTexts } from './review.texts';
import './review.css';

const SteeringInboxPageDocument = graphql(`
  query SteeringInboxPage {
    steeringInbox {
      round {
        id
        number
        title
        evaluatedAt
        answeredCount
        remarkCount
        bodies {
          id
        }
      }
      pendingItems {
        index
        title
        documentId
      }
    }
    reviewRounds(status: EVALUATED) {
      id
      number
      title
      items {
        index
        title
        decision {
          id
          outcome
          reason
          conditions
          meetingDate
          recordedByName
          viewerCanCorrect
        }
        decisionHistory {
          id
          outcome
          recordedByName
          recordedAt
          supersededAt
        }
      }
    }
  }
`);

/**
 * The steering group's inbox: evaluated rounds whose documents wait for a decision, with the
 * statements and the response table one click away, and the decisions already recorded (with
 * their history and, for the recorder, a correction).
 */
export function SteeringInboxPage() {
  const { t, i18n } = useFeatureTranslation(reviewTexts);
  const lng = i18n.language;
  const [target, setTarget] = useState<DecisionTarget | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const { data, loading, error, refetch } = useQuery(SteeringInboxPageDocument, {
    fetchPolicy: 'cache-and-network',
  });
  useSubscription(ReviewChangedDocument, { variables: {}, onData: () => void refetch() });
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} />;
  const inbox = data?.steeringInbox ?? [];
  const decided = (data?.reviewRounds ?? []).flatMap((round) =>
    round.items.filter((item) => item.decision).map((item) => ({ round, item })),
  );

  return (
    <div className="review review-inbox">
      <nav aria-label={t('title')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/review">{t('title')}</Link>
          </li>
        </ol>
      </nav>
      <PageTitle>{t('inboxPage.title')}</PageTitle>
      <p className="lead">{t('inboxPage.intro')}</p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {inbox.length === 0 ? <EmptyState>{t('inboxPage.empty')}</EmptyState> : null}
      <ul className="stack">
        {inbox.map((entry) => (
          <li key={entry.round.id} className="card">
            <h2 className="card__title">
              <Link to={`/review/rounds/${entry.round.id}`}>
                {t('roundTitle', { number: entry.round.number, title: entry.round.title })}
              </Link>
            </h2>
            <p className="muted">
              {t('answered', {
                answered: entry.round.answeredCount,
                total: entry.round.bodies.length,
              })}{' '}
              ·{' '}
              <Link to={`/review/rounds/${entry.round.id}/responses`}>{t('round.responses')}</Link>
            </p>
            <p>{t('inboxPage.pending', { count: entry.pendingItems.length })}</p>
            <ul className="plain-list">
              {entry.pendingItems.map((item) => (
                <li key={item.index}>
                  <button
                    type="button"
                    className="button button--primary"
                    aria-haspopup="dialog"
                    onClick={() =>
                      setTarget({
                        roundId: entry.round.id,
                        itemIndex: item.index,
                        title: item.title,
                      })
                    }
                  >
                    {t('inboxPage.decide', { title: item.title })}
                  </button>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {decided.length > 0 ? (
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">{t('inboxPage.recent')}</h2>
          <ul className="stack">
            {decided.map(({ round, item }) => (
              <li key={`${round.id}:${item.index}`} className="card">
                <h3 className="card__title">{item.title}</h3>
                <p>
                  <strong>{t(`outcome.${item.decision!.outcome}`)}</strong> ·{' '}
                  {t('decision.recordedBy', {
                    name: item.decision!.recordedByName,
                    date: formatDate(item.decision!.meetingDate, lng),
                  })}{' '}
                  · {t('roundShort', { number: round.number })}
                </p>
                {item.decision!.conditions ? <p>{item.decision!.conditions}</p> : null}
                {item.decision!.reason ? (
                  <p className="review-reason">{item.decision!.reason}</p>
                ) : null}
                {item.decisionHistory.length > 1 ? (
                  <details>
                    <summary>{t('decision.history')}</summary>
                    <ul className="plain-list">
                      {item.decisionHistory.map((entry) => (
                        <li key={entry.id}>
                          {t(`outcome.${entry.outcome}`)} –{' '}
                          {t('decision.recordedBy', {
                            name: entry.recordedByName,
                            date: formatDate(entry.recordedAt, lng),
                          })}
                          {entry.supersededAt
                            ? ` (${t('decision.superseded', { date: formatDate(entry.supersededAt, lng) })})`
                            : ''}
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
                {item.decision!.viewerCanCorrect ? (
                  <button
                    type="button"
                    className="button button--small"
                    aria-haspopup="dialog"
                    onClick={() =>
                      setTarget({
                        roundId: round.id,
                        itemIndex: item.index,
                        title: item.title,
                        correctsDecisionId: item.decision!.id,
                      })
                    }
                  >
                    {t('decision.correct')}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <DecisionDialog
        key={
          target
            ? `${target.roundId}:${target.itemIndex}:${target.correctsDecisionId ?? ''}`
            : 'none'
        }
        target={target}
        onClose={() => setTarget(null)}
        onRecorded={(outcome) => {
          setAnnouncement(t('decision.recorded', { outcome: t(`outcome.${outcome}`) }));
          void refetch();
        }}
      />
    </div>
  );
}

export default SteeringInboxPage;
