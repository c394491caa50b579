import { useId, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../generated';
import type { MeasureSort, MeasureStatus } from '../../generated/graphql';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { toLocalized } from '../../i18n/localized';
import { formatDate } from '../../i18n/format';
import { PageTitle } from '../../ui/PageTitle';
import { Loading } from '../../ui/Loading';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { EmptyState } from '../../ui/EmptyState';
import { ExportButtons } from '../exports/ExportButtons';
import { CreateMeasureDialog } from './CreateMeasureDialog';
import { measuresTexts } from './measures.texts';
import './measures.css';

export const MEASURE_STATUSES: MeasureStatus[] = [
  'DRAFT',
  'PROPOSED',
  'ACCEPTED',
  'RETURNED',
  'PLANNED',
  'IN_PROGRESS',
  'DONE',
  'REGULAR',
  'DISCONTINUED',
];
const SORTS: MeasureSort[] = ['CODE', 'TITLE', 'STATUS', 'PRIORITY', 'UPDATED'];

const MeasuresPageDocument = graphql(`
  query MeasuresPage($filter: MeasureFilter, $sort: MeasureSort) {
    measures(filter: $filter, sort: $sort) {
      total
      statusCounts {
        status
        count
      }
      items {
        id
        code
        title
        status
        actionFieldKey
        priority
        districts
        updatedAt
        leadUnit
        leadOrganisation {
          id
          name
        }
      }
    }
    measureOptions {
      districts
      targetGroups
      viewerCanCreateIn
    }
    process {
      id
      actionFields {
        key
        name {
          de
          en
        }
        group {
          id
        }
      }
    }
    organisations {
      id
      name
    }
  }
`);

/**
 * The catalogue of measures across fields or for one field (`?field=`): filters by field,
 * status, lead, partner, district and target group, a search, a sort, the counts per status,
 * and an export of the catalogue. Filters live in the address, so a view can be shared.
 */
export function MeasuresPage() {
  const { t, i18n } = useFeatureTranslation(measuresTexts);
  const lng = i18n.language;
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const filterId = useId();
  const field = params.get('field') ?? '';
  const status = params.get('status') ?? '';
  const sort = (params.get('sort') as MeasureSort | null) ?? 'CODE';
  const filter = {
    actionFieldKey: field || null,
    statuses: status ? [status as MeasureStatus] : null,
    leadOrganisationId: params.get('lead') || null,
    partnerOrganisationId: params.get('partner') || null,
    district: params.get('district') || null,
    targetGroup: params.get('target') || null,
    search: params.get('q') || null,
  };
  const { data, loading, error } = useQuery(MeasuresPageDocument, {
    variables: { filter, sort },
    fetchPolicy: 'cache-and-network',
  });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const fields = data?.process?.actionFields ?? [];
  const fieldName = (key: string) => toLocalized(fields.find((f) => f.key === key)?.name, lng);
  const title = field ? t('titleField', { field: fieldName(field) }) : t('title');
  const counts = new Map(data?.measures.statusCounts.map((c) => [c.status, c.count]) ?? []);
  const creatable = fields.filter(
    (f) => data?.measureOptions.viewerCanCreateIn.includes(f.key) && f.group,
  );

  return (
    <div className="measures-page">
      <PageTitle>{title}</PageTitle>
      <p className="lead">{t('intro')}</p>
      {creatable.length > 0 ? (
        <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
          {t('create')}
        </button>
      ) : null}
      {creating ? (
        <CreateMeasureDialog
          fields={creatable.map((f) => ({
            key: f.key,
            name: toLocalized(f.name, lng),
            groupId: f.group?.id ?? '',
          }))}
          defaultField={field}
          onClose={() => setCreating(false)}
        />
      ) : null}

      <form
        className="filters measures-filters"
        aria-labelledby={`${filterId}-h`}
        onSubmit={(e) => e.preventDefault()}
      >
        <h2 id={`${filterId}-h`} className="visually-hidden">
          {t('filters')}
        </h2>
        <div className="field">
          <label htmlFor={`${filterId}-field`}>{t('filterField')}</label>
          <select
            id={`${filterId}-field`}
            value={field}
            onChange={(e) => set('field', e.target.value)}
          >
            <option value="">{t('allFields')}</option>
            {fields.map((f) => (
              <option key={f.key} value={f.key}>
                {toLocalized(f.name, lng)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${filterId}-lead`}>{t('filterLead')}</label>
          <select
            id={`${filterId}-lead`}
            value={params.get('lead') ?? ''}
            onChange={(e) => set('lead', e.target.value)}
          >
            <option value="">{t('any')}</option>
            {data?.organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${filterId}-partner`}>{t('filterPartner')}</label>
          <select
            id={`${filterId}-partner`}
            value={params.get('partner') ?? ''}
            onChange={(e) => set('partner', e.target.value)}
          >
            <option value="">{t('any')}</option>
            {data?.organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${filterId}-district`}>{t('filterDistrict')}</label>
          <select
            id={`${filterId}-district`}
            value={params.get('district') ?? ''}
            onChange={(e) => set('district', e.target.value)}
          >
            <option value="">{t('any')}</option>
            {data?.measureOptions.districts.map((d) => (
              <option key={d} value={d}>
                {d === 'citywide' ? t('citywide') : d}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${filterId}-target`}>{t('filterTargetGroup')}</label>
          <select
            id={`${filterId}-target`}
            value={params.get('target') ?? ''}
            onChange={(e) => set('target', e.target.value)}
          >
            <option value="">{t('any')}</option>
            {data?.measureOptions.targetGroups.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${filterId}-q`}>{t('search')}</label>
          <input
            id={`${filterId}-q`}
            type="search"
            value={params.get('q') ?? ''}
            onChange={(e) => set('q', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${filterId}-sort`}>{t('sort')}</label>
          <select
            id={`${filterId}-sort`}
            value={sort}
            onChange={(e) => set('sort', e.target.value === 'CODE' ? '' : e.target.value)}
          >
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sortBy.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button button--small"
          onClick={() => setParams(new URLSearchParams(field ? { field } : {}), { replace: true })}
        >
          {t('reset')}
        </button>
      </form>

      <nav aria-label={t('counts')} className="status-tabs">
        <ul>
          <li>
            <button
              type="button"
              className="status-tab"
              aria-pressed={status === ''}
              onClick={() => set('status', '')}
            >
              {t('any')}{' '}
              <span className="status-tab__count">
                {[...counts.values()].reduce((a, b) => a + b, 0)}
              </span>
            </button>
          </li>
          {MEASURE_STATUSES.map((s) => (
            <li key={s}>
              <button
                type="button"
                className="status-tab"
                aria-pressed={status === s}
                onClick={() => set('status', s)}
              >
                {t(`status.${s}`)} <span className="status-tab__count">{counts.get(s) ?? 0}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>

      {loading && !data ? <Loading /> : null}
      {error && !data ? <ErrorNotice error={error} /> : null}
      {data ? (
        <>
          <p className="muted" role="status">
            {t('resultCount', { count: data.measures.total })}
          </p>
          {data.measures.items.length === 0 ? (
            <EmptyState>{t('empty')}</EmptyState>
          ) : (
            <ul className="measure-list">
              {data.measures.items.map((m) => (
                <li key={m.id} className="measure-card">
                  <h2 className="measure-card__title">
                    <Link to={`/measures/${m.id}`}>
                      <span className="measure-code">{m.code}</span> {m.title}
                    </Link>
                  </h2>
                  <p className="measure-card__meta">
                    <span className={`badge badge--measure-${m.status.toLowerCase()}`}>
                      {t(`status.${m.status}`)}
                    </span>
                    <span>{fieldName(m.actionFieldKey)}</span>
                    {m.leadOrganisation || m.leadUnit ? (
                      <span>
                        {t('filterLead')}:{' '}
                        {[m.leadOrganisation?.name, m.leadUnit].filter(Boolean).join(', ')}
                      </span>
                    ) : null}
                    {m.priority ? (
                      <span>
                        {t('field.priority')}: {t(`priority.${m.priority}`)}
                      </span>
                    ) : null}
                    <span>
                      {m.districts.map((d) => (d === 'citywide' ? t('citywide') : d)).join(', ')}
                    </span>
                    <span className="muted">{formatDate(m.updatedAt, lng)}</span>
                  </p>
                </li>
              ))}
            </ul>
          )}
          <ExportButtons target={{ kind: 'CATALOGUE', actionFieldKey: field || null }} />
        </>
      ) : null}
    </div>
  );
}
