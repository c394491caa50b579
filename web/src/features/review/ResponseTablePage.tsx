import { useCallback, useId, useRef, useState } from 'react';
import { useQuery, useSubscription } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { graphql } from '../../generated';
import type { ResponseStatus, ResponseTableFilter, ResponseVote } from '../../generated/graphql';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { NoAccessPage } from '../errors/NoAccessPage';
import { ReviewChangedDocument } from './ReviewRoundsPage';
import { ResponseRow } from './ResponseRow';
import { reviewTexts } from './review.texts';
import './review.css';

const ResponseTablePageDocument = graphql(`
  query ResponseTablePage($roundId: ID!, $filter: ResponseTableFilter) {
    reviewRound(id: $roundId) {
      id
      number
      title
      items {
        index
        title
      }
      bodies {
        id
        name
      }
    }
    responseTable(roundId: $roundId, filter: $filter) {
      counts {
        total
        open
        draft
        approved
        warnings
      }
      rows {
        ...ResponseRow_row
        remark {
          id
        }
      }
    }
  }
`);

const VOTES: ResponseVote[] = ['ACCEPTED', 'PARTLY_ACCEPTED', 'NOT_ACCEPTED', 'NOTED'];
const STATUSES: ResponseStatus[] = ['OPEN', 'DRAFT', 'APPROVED'];

/**
 * The response table (Abwägungstabelle) of a round: every remark with its passage, the change of
 * that passage since the frozen version, warnings, and the response drafted and approved inline.
 * Filters by body, document, vote, status and warnings; exports to ODT, DOCX and CSV.
 */
export function ResponseTablePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useFeatureTranslation(reviewTexts);
  const formId = useId();
  const [filter, setFilter] = useState<ResponseTableFilter>({});
  const [announcement, setAnnouncement] = useState('');
  const { data, loading, error, refetch } = useQuery(ResponseTablePageDocument, {
    variables: { roundId: id, filter },
    fetchPolicy: 'cache-and-network',
  });
  useSubscription(ReviewChangedDocument, {
    variables: { roundId: id },
    onData: () => void refetch(),
  });
  // One callback for every row, so the memoised rows re-render only when their data changes.
  const refetchRef = useRef(refetch);
  refetchRef.current = refetch;
  const onRowChanged = useCallback((message: string) => {
    setAnnouncement(message);
    void refetchRef.current();
  }, []);

  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} />;
  const round = data?.reviewRound;
  const table = data?.responseTable;
  if (!round || !table) return <NoAccessPage />;
  const set = (patch: Partial<ResponseTableFilter>) =>
    setFilter((current) => ({ ...current, ...patch }));

  return (
    <div className="review review-table">
      <nav aria-label={t('title')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/review">{t('title')}</Link>
          </li>
          <li>
            <Link to={`/review/rounds/${round.id}`}>
              {t('roundTitle', { number: round.number, title: round.title })}
            </Link>
          </li>
        </ol>
      </nav>
      <PageTitle>{t('table.title', { number: round.number })}</PageTitle>
      <p className="lead">{t('table.intro')}</p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <div className="toolbar-row review-export">
        <span>{t('table.export')}:</span>
        {(['odt', 'docx', 'csv'] as const).map((format) => (
          <a
            key={format}
            className="button button--small"
            href={`/exports/review-rounds/${round.id}/response-table.${format}`}
            download
            aria-label={t('table.exportAs', { format: format.toUpperCase() })}
          >
            {format.toUpperCase()}
          </a>
        ))}
      </div>
      <form
        className="filters review-filters"
        aria-label={t('table.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor={`${formId}-body`}>{t('table.body')}</label>
          <select
            id={`${formId}-body`}
            value={filter.bodyId ?? ''}
            onChange={(e) => set({ bodyId: e.target.value || null })}
          >
            <option value="">{t('table.all')}</option>
            {round.bodies.map((body) => (
              <option key={body.id} value={body.id}>
                {body.name}
              </option>
            ))}
          </select>
        </div>
        {round.items.length > 1 ? (
          <div className="field">
            <label htmlFor={`${formId}-item`}>{t('table.document')}</label>
            <select
              id={`${formId}-item`}
              value={filter.itemIndex ?? ''}
              onChange={(e) =>
                set({ itemIndex: e.target.value === '' ? null : Number(e.target.value) })
              }
            >
              <option value="">{t('table.all')}</option>
              {round.items.map((item) => (
                <option key={item.index} value={item.index}>
                  {item.title}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${formId}-vote`}>{t('table.vote')}</label>
          <select
            id={`${formId}-vote`}
            value={filter.vote ?? ''}
            onChange={(e) => set({ vote: (e.target.value || null) as ResponseVote | null })}
          >
            <option value="">{t('table.all')}</option>
            {VOTES.map((vote) => (
              <option key={vote} value={vote}>
                {t(`vote.${vote}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${formId}-status`}>{t('table.status')}</label>
          <select
            id={`${formId}-status`}
            value={filter.status ?? ''}
            onChange={(e) => set({ status: (e.target.value || null) as ResponseStatus | null })}
          >
            <option value="">{t('table.all')}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`responseStatus.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="review-filters__check">
          <input
            type="checkbox"
            checked={!!filter.withWarnings}
            onChange={(e) => set({ withWarnings: e.target.checked || null })}
          />{' '}
          {t('table.warningsOnly')}
        </label>
      </form>
      <p>{t('table.counts', table.counts)}</p>
      {table.rows.length === 0 ? <p className="muted">{t('table.noRows')}</p> : null}
      <ol className="review-rows">
        {table.rows.map((row) => (
          <li key={row.remark.id}>
            <ResponseRow row={row} t={t} lng={i18n.language} onChanged={onRowChanged} />
          </li>
        ))}
      </ol>
    </div>
  );
}

export default ResponseTablePage;
