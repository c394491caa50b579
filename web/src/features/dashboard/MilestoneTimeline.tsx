import { useTranslation } from 'react-i18next';
import { graphql, getFragmentData, type FragmentType } from '../../generated';
import { formatDate } from '../../i18n/format';

/** A milestone as the timeline shows it. */
export const MilestoneTimeline_milestone = graphql(`
  fragment MilestoneTimeline_milestone on Milestone {
    id
    title
    date
    done
    actionFieldKey
  }
`);

/** The milestones in date order as an ordered list (a timeline), done ones marked. */
export function MilestoneTimeline(props: {
  milestones: readonly FragmentType<typeof MilestoneTimeline_milestone>[];
}) {
  const { t, i18n } = useTranslation();
  const milestones = props.milestones.map((item) =>
    getFragmentData(MilestoneTimeline_milestone, item),
  );
  if (milestones.length === 0) return <p className="muted">{t('milestones.empty')}</p>;
  return (
    <ol className="timeline">
      {milestones.map((milestone) => (
        <li
          key={milestone.id}
          className={milestone.done ? 'timeline__item is-done' : 'timeline__item'}
        >
          <time dateTime={milestone.date}>{formatDate(milestone.date, i18n.language)}</time>
          <span className="timeline__title">{milestone.title}</span>
          {milestone.done ? (
            <span className="badge badge--accepted">{t('milestones.done')}</span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
