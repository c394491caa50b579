import { Link } from 'react-router';
import { graphql, getFragmentData, type FragmentType } from '../../generated';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { formatDate } from '../../i18n/format';
import { measuresTexts } from './measures.texts';

export const MeasureDecisions_measure = graphql(`
  fragment MeasureDecisions_measure on Measure {
    id
    status
    decisions {
      id
      outcome
      reason
      conditions
      meetingDate
      supersededAt
      viewerSeesRound
      round {
        id
        title
      }
    }
  }
`);

/**
 * The steering group's decisions on a measure, newest first: outcome, meeting date, reason and
 * conditions, with a link to the review round in which each was taken. Corrected decisions stay
 * in the list, marked as such.
 */
export function MeasureDecisions(props: {
  measure: FragmentType<typeof MeasureDecisions_measure>;
}) {
  const { t, i18n } = useFeatureTranslation(measuresTexts);
  const measure = getFragmentData(MeasureDecisions_measure, props.measure);
  return (
    <section aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">{t('decisionsHeading')}</h2>
      {measure.status === 'PROPOSED' ? <p className="hint">{t('steeringVoteHint')}</p> : null}
      {measure.decisions.length === 0 ? (
        <p className="muted">{t('decisionsEmpty')}</p>
      ) : (
        <ol className="history-list">
          {measure.decisions.map((d) => (
            <li key={d.id}>
              <p>
                <strong>{t(`decisionOutcome.${d.outcome}`)}</strong>{' '}
                <time dateTime={d.meetingDate}>
                  {t('decisionMeeting', { date: formatDate(d.meetingDate, i18n.language) })}
                </time>
                {d.supersededAt ? (
                  <span className="muted"> ({t('decisionSuperseded')})</span>
                ) : null}
              </p>
              {d.reason ? <p>{d.reason}</p> : null}
              {d.conditions ? <p>{t('decisionConditions', { conditions: d.conditions })}</p> : null}
              <p className="muted">
                {d.viewerSeesRound ? (
                  <Link to={`/review/rounds/${d.round.id}`}>
                    {t('decisionRound', { title: d.round.title })}
                  </Link>
                ) : (
                  t('decisionRound', { title: d.round.title })
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
