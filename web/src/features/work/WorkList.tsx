import { Link } from 'react-router';
import { graphql, getFragmentData, type FragmentType } from '../../generated';
import type { WorkKind } from '../../generated/graphql';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { formatDate } from '../../i18n/format';
import { toLocalized } from '../../i18n/localized';
import { workTexts } from './work.texts';

/** A work item as the list shows it. */
export const WorkList_item = graphql(`
  fragment WorkList_item on WorkItem {
    id
    kind
    role
    title
    context
    dueAt
    overdue
    count
    link
    actionField {
      key
      name {
        de
        en
      }
    }
  }
`);

/** Kinds that stand for a number of things: the number is the link, the field the subject. */
const COUNTED: readonly WorkKind[] = ['TASKS_OVERDUE', 'TASKS_BLOCKED'];

/**
 * One role's work items as a list: each names the subject (a link to where the work is done)
 * and says what is due when; overdue items carry a visible label, not only a colour.
 */
export function WorkList(props: { items: readonly FragmentType<typeof WorkList_item>[] }) {
  const { t, i18n } = useFeatureTranslation(workTexts);
  const lng = i18n.language;
  const items = props.items.map((item) => getFragmentData(WorkList_item, item));
  const describe = (item: (typeof items)[number]) => {
    const date = formatDate(item.dueAt, lng);
    const count = item.count ?? 0;
    switch (item.kind) {
      case 'STATEMENT_DUE':
        return t('kinds.STATEMENT_DUE', { date });
      case 'DECISION_PENDING':
        return date ? t('kinds.DECISION_PENDING', { date }) : t('kinds.DECISION_PENDING_NODATE');
      case 'TASK_ASSIGNED':
        return date ? t('kinds.TASK_ASSIGNED', { date }) : t('kinds.TASK_ASSIGNED_NODATE');
      case 'MILESTONE_DUE':
        return t(item.overdue ? 'kinds.MILESTONE_DUE_LATE' : 'kinds.MILESTONE_DUE', { date });
      case 'REVIEW_OVERDUE':
        return t('kinds.REVIEW_OVERDUE', { date });
      case 'NEW_COMMENTS':
      case 'REMARKS_OPEN':
      case 'TASKS_OVERDUE':
      case 'TASKS_BLOCKED':
      case 'DRAFT_STALLED':
        return t(`kinds.${item.kind}`, { count });
    }
  };
  return (
    <ul className="work-list">
      {items.map((item) => {
        const counted = COUNTED.includes(item.kind);
        const field = item.actionField ? toLocalized(item.actionField.name, lng) : null;
        return (
          <li key={item.id} className={`work-item${item.overdue ? ' work-item--overdue' : ''}`}>
            {counted ? (
              <p className="work-item__title">
                <Link to={item.link}>{describe(item)}</Link>
              </p>
            ) : (
              <p className="work-item__title">
                <Link to={item.link}>{item.title}</Link>
              </p>
            )}
            <p className="work-item__meta">
              {counted ? null : <span>{describe(item)}</span>}
              {item.overdue ? <span className="badge badge--overdue">{t('overdue')}</span> : null}
              {counted ? <span>{field ?? item.title}</span> : null}
              {!counted && field ? <span className="muted">{field}</span> : null}
              {item.kind === 'STATEMENT_DUE' && item.context ? (
                <span className="muted">{t('statementOf', { body: item.context })}</span>
              ) : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
