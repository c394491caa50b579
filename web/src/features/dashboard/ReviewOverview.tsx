import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { graphql, getFragmentData, type FragmentType } from '../../generated';

export const ReviewOverview_review = graphql(`
  fragment ReviewOverview_review on ReviewDashboard {
    roundsInProgress {
      id
      number
      title
      answeredCount
      openRemarkCount
      bodies {
        id
      }
    }
    remarksWaiting {
      round {
        id
        number
        title
      }
      group {
        id
      }
      withoutResponse
      awaitingApproval
    }
    steeringInbox {
      round {
        id
        number
        title
      }
      pendingItems {
        index
      }
    }
  }
`);

/** The review work of the viewer: rounds in progress, remarks waiting for their group, the steering inbox. */
export function ReviewOverview(props: { review: FragmentType<typeof ReviewOverview_review> }) {
  const { t } = useTranslation();
  const review = getFragmentData(ReviewOverview_review, props.review);
  const roundLink = (round: { id: string; number: number; title: string }) => (
    <Link to={`/review/rounds/${round.id}`}>
      {t('dashboard.roundLink', { number: round.number })}: {round.title}
    </Link>
  );
  if (
    review.steeringInbox.length === 0 &&
    review.roundsInProgress.length === 0 &&
    review.remarksWaiting.length === 0
  ) {
    return null;
  }
  return (
    <div className="two-columns">
      {review.steeringInbox.length > 0 ? (
        <section aria-labelledby="steering-inbox-heading">
          <h2 id="steering-inbox-heading">{t('dashboard.steeringInbox')}</h2>
          <ul className="stack">
            {review.steeringInbox.map((entry) => (
              <li key={entry.round.id}>
                <Link to="/review/inbox">
                  {t('dashboard.steeringInboxLine', {
                    title: entry.round.title,
                    count: entry.pendingItems.length,
                  })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {review.roundsInProgress.length > 0 ? (
        <section aria-labelledby="rounds-progress-heading">
          <h2 id="rounds-progress-heading">{t('dashboard.roundsInProgress')}</h2>
          <ul className="stack">
            {review.roundsInProgress.map((round) => (
              <li key={round.id}>
                {roundLink(round)}
                <br />
                <span className="muted">
                  {t('dashboard.roundProgress', {
                    answered: round.answeredCount,
                    total: round.bodies.length,
                    open: round.openRemarkCount,
                  })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {review.remarksWaiting.length > 0 ? (
        <section aria-labelledby="remarks-waiting-heading">
          <h2 id="remarks-waiting-heading">{t('dashboard.remarksWaiting')}</h2>
          <ul className="stack">
            {review.remarksWaiting.map((waiting) => (
              <li key={`${waiting.round.id}:${waiting.group.id}`}>
                <Link to={`/review/rounds/${waiting.round.id}/responses`}>
                  {t('dashboard.remarksWaitingLine', {
                    title: waiting.round.title,
                    without: waiting.withoutResponse,
                    approval: waiting.awaitingApproval,
                  })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
