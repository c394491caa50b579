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
    viewerSeesInside
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

/**
 * One of the action fields on the dashboard, linking to its page. It counts only what the viewer
 * may see: someone outside the field (a council member) gets the documents shared with them and
 * a sentence instead of task counts, never a 0 that only means "hidden from you". The overdue
 * count links to the overdue tasks of the field.
 */
export function ActionFieldCard(props: { summary: FragmentType<typeof ActionFieldCard_summary> }) {
  const { t, i18n } = useTranslation();
  const summary = getFragmentData(ActionFieldCard_summary, props.summary);
  const field = summary.actionField;
  const lng = i18n.language;
  const headingId = `field-${field.key}`;
  const overdue = summary.overdueTaskCount ?? 0;
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
        {summary.openTaskCount !== null ? (
          <div>
            <dt>{t('dashboard.openTasks')}</dt>
            <dd>
              <Link to={`/tasks?field=${encodeURIComponent(field.key)}`}>
                {formatNumber(summary.openTaskCount, lng)}
              </Link>
            </dd>
          </div>
        ) : null}
        {summary.overdueTaskCount !== null ? (
          <div>
            <dt>{t('dashboard.overdueTasks')}</dt>
            <dd className={overdue > 0 ? 'is-overdue' : undefined}>
              <Link to={`/tasks?field=${encodeURIComponent(field.key)}&deadline=overdue`}>
                {formatNumber(overdue, lng)}
              </Link>
            </dd>
          </div>
        ) : null}
      </dl>
      <p className="card__label">
        {summary.viewerSeesInside
          ? t('dashboard.documentsByStatus')
          : t('dashboard.sharedDocuments')}
      </p>
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
      {summary.viewerSeesInside ? null : <p className="hint">{t('dashboard.insideHidden')}</p>}
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
