import { Link } from 'react-router';
import { activityVerbKey, isActivityVerb } from '@lip/common';
import { useTranslation } from 'react-i18next';
import { graphql, getFragmentData, type FragmentType } from '../../generated';
import { formatDateTime } from '../../i18n/format';

/** One activity entry. */
export const ActivityList_activity = graphql(`
  fragment ActivityList_activity on Activity {
    id
    verb
    actorName
    subjectTitle
    detail
    documentId
    createdAt
  }
`);

/** Recent activity: who did what, when; entries about documents link to them. */
export function ActivityList(props: {
  activities: readonly FragmentType<typeof ActivityList_activity>[];
}) {
  const { t, i18n } = useTranslation();
  // Details are often a status key (e.g. "in-review", "done"): show the translated label then.
  const toDetailLabel = (detail: string) => {
    const key = detail.toUpperCase().replace(/-/g, '_');
    for (const scope of ['documentStatus', 'taskStatus', 'groupRole', 'decisionOutcome']) {
      if (i18n.exists(`${scope}.${key}`)) return t(`${scope}.${key}`);
    }
    return detail;
  };
  const activities = props.activities.map((item) => getFragmentData(ActivityList_activity, item));
  if (activities.length === 0) return <p className="muted">{t('activity.empty')}</p>;
  return (
    <ul className="activity">
      {activities.map((entry) => {
        // Entries written by an older version may hold a verb no longer in the contract.
        const verb = isActivityVerb(entry.verb)
          ? t(`activity.verbs.${activityVerbKey(entry.verb)}`)
          : t('activity.verbs.other');
        return (
          <li key={entry.id}>
            <strong>{entry.actorName}</strong> {verb}{' '}
            {entry.documentId ? (
              <Link to={`/documents/${entry.documentId}`}>{entry.subjectTitle}</Link>
            ) : (
              <span>{entry.subjectTitle}</span>
            )}
            {entry.detail ? <span className="muted"> ({toDetailLabel(entry.detail)})</span> : null}{' '}
            <time className="muted" dateTime={entry.createdAt}>
              {formatDateTime(entry.createdAt, i18n.language)}
            </time>
          </li>
        );
      })}
    </ul>
  );
}
