import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { graphql, getFragmentData, type FragmentType } from '../../generated';
import { toLocalized } from '../../i18n/localized';
import { formatDate, formatNumber } from '../../i18n/format';

/** What an action-field card shows: group, members, documents by status, tasks, next milestone. */
export const ActionFieldCard_summary = graphql(`
  fragment ActionFieldCard_summary on ActionFieldSummary {
    actionField {
      key
      name {
        de
        en
      }
      group {
        id
        memberCount
      }
    }
    documentCounts {
      status
      count
    }
    openTaskCount
    overdueTaskCount
    nextMilestone {
      id
      title
      date
    }
  }
`);

/** One of the six action fields on the dashboard, linking to its page. */
export function ActionFieldCard(props: { summary: FragmentType<typeof ActionFieldCard_summary> }) {
  const { t, i18n } = useTranslation();
  const summary = getFragmentData(ActionFieldCard_summary, props.summary);
  const field = summary.actionField;
  const lng = i18n.language;
  const headingId = `field-${field.key}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId} className="card__title">
        <Link to={`/action-fields/${field.key}`}>{toLocalized(field.name, lng)}</Link>
      </h3>
      <dl className="stats">
        <div>
          <dt>{t('dashboard.members')}</dt>
          <dd>{formatNumber(field.group?.memberCount ?? 0, lng)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.openTasks')}</dt>
          <dd>{formatNumber(summary.openTaskCount, lng)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.overdueTasks')}</dt>
          <dd className={summary.overdueTaskCount > 0 ? 'is-overdue' : undefined}>
            {formatNumber(summary.overdueTaskCount, lng)}
          </dd>
        </div>
      </dl>
      <p className="card__label">{t('dashboard.documentsByStatus')}</p>
      <ul className="status-counts">
        {summary.documentCounts.map((entry) => (
          <li key={entry.status}>
            <span className={`badge badge--${entry.status.toLowerCase()}`}>
              {t(`documentStatus.${entry.status}`)}
            </span>{' '}
            {formatNumber(entry.count, lng)}
          </li>
        ))}
      </ul>
      {summary.nextMilestone ? (
        <p className="card__footer">
          {t('dashboard.nextMilestone', {
            title: summary.nextMilestone.title,
            date: formatDate(summary.nextMilestone.date, lng),
          })}
        </p>
      ) : null}
    </article>
  );
}
