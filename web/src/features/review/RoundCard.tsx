import { Link } from 'react-router';
import { graphql, getFragmentData, type FragmentType } from '../../generated';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { formatDate } from '../../i18n/format';
import { reviewTexts } from './review.texts';

export const RoundCard_round = graphql(`
  fragment RoundCard_round on ReviewRound {
    id
    number
    title
    status
    deadline
    answeredCount
    openRemarkCount
    remarkCount
    bodies {
      id
    }
    items {
      index
      title
    }
  }
`);

/** One review round in a list: status, deadline, how many bodies answered, open remarks. */
export function RoundCard(props: { round: FragmentType<typeof RoundCard_round> }) {
  const { t, i18n } = useFeatureTranslation(reviewTexts);
  const round = getFragmentData(RoundCard_round, props.round);
  const running = round.status === 'OPEN' || round.status === 'CLOSED';
  return (
    <article className="card review-card" aria-labelledby={`round-${round.id}`}>
      <h3 className="card__title" id={`round-${round.id}`}>
        <Link to={`/review/rounds/${round.id}`}>
          {t('roundTitle', { number: round.number, title: round.title })}
        </Link>
      </h3>
      <p className="review-card__meta">
        <span className={`badge badge--round-${round.status.toLowerCase()}`}>
          {t(`status.${round.status}`)}
        </span>
        <span>{t('deadlineOn', { date: formatDate(round.deadline, i18n.language) })}</span>
      </p>
      <p className="muted">{round.items.map((item) => item.title).join(' · ')}</p>
      {running || round.status === 'EVALUATED' ? (
        <ul className="plain-list">
          <li>{t('answered', { answered: round.answeredCount, total: round.bodies.length })}</li>
          <li>
            {round.openRemarkCount > 0
              ? t('openRemarks', { count: round.openRemarkCount })
              : round.remarkCount > 0
                ? t('allAnswered')
                : null}
          </li>
        </ul>
      ) : null}
    </article>
  );
}
