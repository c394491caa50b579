import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, auditActionKey, type AuditAction } from '@lip/common';
import { getFragmentData, graphql, type FragmentType } from '../../generated';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { formatDateTime } from '../../i18n/format';
import { auditTexts } from './audit.texts';

/** One entry of the audit trail as the list shows it. */
export const AuditEntryList_entry = graphql(`
  fragment AuditEntryList_entry on AuditEntry {
    id
    action
    actorId
    actorName
    subjectId
    subjectName
    detail
    createdAt
  }
`);

/** The name the API writes as actor for changes made by the identity provider's claims. */
const PROVIDER_ACTOR_NAME = 'Identity provider';

const SYSTEM_ROLES = new Set(['admin', 'coordinator', 'member', 'observer']);

function isAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

/**
 * The audit trail as a table (a block per entry on a phone): time, the action in words, who did
 * it, whom it concerns (a link that filters the trail by that person) and the detail in words
 * where it is a known value (a role, on/off). `fieldNames` words action-field keys.
 */
export function AuditEntryList(props: {
  entries: FragmentType<typeof AuditEntryList_entry>[];
  fieldNames?: ReadonlyMap<string, string>;
}) {
  const { t, i18n } = useFeatureTranslation(auditTexts);
  const { t: tc } = useTranslation();
  const entries = props.entries.map((entry) => getFragmentData(AuditEntryList_entry, entry));

  const toDetail = (detail: string | null | undefined): string => {
    if (!detail) return '–';
    if (SYSTEM_ROLES.has(detail)) return tc(`systemRole.${detail.toUpperCase()}`);
    if (detail === 'coordinator: all') return t('details.coordinatorAll');
    if (detail.startsWith('coordinator: ')) {
      const fields = detail
        .slice('coordinator: '.length)
        .split(', ')
        .map((key) => props.fieldNames?.get(key) ?? key)
        .join(', ');
      return t('details.coordinatorSome', { fields });
    }
    if (['self', 'on', 'off', 'active', 'invited'].includes(detail)) return t(`details.${detail}`);
    return detail;
  };

  return (
    <table className="table table--stack audit-table">
      <caption className="visually-hidden">{t('caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('action')}</th>
          <th scope="col">{t('time')}</th>
          <th scope="col">{t('actor')}</th>
          <th scope="col">{t('subject')}</th>
          <th scope="col">{t('detail')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const action = isAuditAction(entry.action)
            ? t(`actions.${auditActionKey(entry.action)}`)
            : entry.action;
          const actor =
            entry.actorId === null || entry.actorName === PROVIDER_ACTOR_NAME
              ? t('provider')
              : entry.actorName;
          const subject = entry.subjectName ?? t('unknownPerson');
          return (
            <tr key={entry.id}>
              <th scope="row">{action}</th>
              <td data-label={t('time')}>
                <time dateTime={entry.createdAt}>
                  {formatDateTime(entry.createdAt, i18n.language)}
                </time>
              </td>
              <td data-label={t('actor')}>{actor}</td>
              <td data-label={t('subject')}>
                {entry.subjectId ? (
                  <Link
                    to={`/audit?person=${encodeURIComponent(entry.subjectId)}`}
                    aria-label={t('filterBySubject', { name: subject })}
                  >
                    {subject}
                  </Link>
                ) : (
                  t('noSubject')
                )}
              </td>
              <td
                data-label={t('detail')}
                className={entry.detail ? undefined : 'audit-table__empty'}
              >
                {toDetail(entry.detail)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
