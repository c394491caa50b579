import { useId, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { graphql, getFragmentData } from '../../generated';
import type { MeasureStatus } from '../../generated/graphql';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { toLocalized } from '../../i18n/localized';
import { formatDate, formatDateTime, toDeadline } from '../../i18n/format';
import { PageTitle } from '../../ui/PageTitle';
import { Loading } from '../../ui/Loading';
import { ApiErrorNotice, ErrorNotice } from '../../ui/ErrorNotice';
import { FormField } from '../../ui/FormField';
import { toErrorCode } from '../../ui/error-codes';
import { NoAccessPage } from '../errors/NoAccessPage';
import { ExportButtons } from '../exports/ExportButtons';
import { DescriptionEditor } from './DescriptionEditor';
import { MeasureDecisions } from './MeasureDecisions';
import { MeasureSheetForm, MeasureSheetForm_measure } from './MeasureSheetForm';
import { measuresTexts } from './measures.texts';
import './measures.css';

const MeasurePageDocument = graphql(`
  query MeasurePage($id: ID!) {
    measure(id: $id) {
      id
      code
      title
      status
      statusChangedAt
      actionFieldKey
      updatedAt
      group {
        id
        name {
          de
          en
        }
      }
      descriptionDocument {
        id
      }
      viewerCanReportProgress
      viewerStatusTransitions
      sheet {
        field
        label
        items
      }
      progress {
        id
        date
        note
        status
        authorName
      }
      changes(first: 50) {
        id
        field
        before
        after
        byName
        at
      }
      ...MeasureSheetForm_measure
      ...MeasureDecisions_measure
    }
    measureOptions {
      districts
      targetGroups
    }
    organisations {
      id
      name
    }
  }
`);

const ChangeStatusDocument = graphql(`
  mutation ChangeMeasureStatus($input: ChangeMeasureStatusInput!) {
    changeMeasureStatus(input: $input) {
      measure {
        id
        status
        revision
        viewerStatusTransitions
        viewerCanEdit
        viewerCanReportProgress
        progress {
          id
          date
          note
          status
          authorName
        }
      }
    }
  }
`);

const AddProgressDocument = graphql(`
  mutation AddMeasureProgress($input: AddMeasureProgressInput!) {
    addMeasureProgress(input: $input) {
      measure {
        id
        status
        revision
        viewerStatusTransitions
        progress {
          id
          date
          note
          status
          authorName
        }
      }
    }
  }
`);

const ADOPTED: MeasureStatus[] = ['PLANNED', 'IN_PROGRESS', 'DONE', 'REGULAR', 'DISCONTINUED'];

function StatusActions(props: {
  measureId: string;
  transitions: readonly MeasureStatus[];
  onDone: (message: string) => void;
}) {
  const { t } = useFeatureTranslation(measuresTexts);
  const [note, setNote] = useState('');
  const [change, { loading, error }] = useMutation(ChangeStatusDocument);
  if (props.transitions.length === 0) return <p className="hint">{t('noTransitions')}</p>;
  return (
    <div className="status-actions">
      {error ? <ApiErrorNotice error={error} /> : null}
      <FormField label={t('statusNote')}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </FormField>
      <div className="form__actions">
        {props.transitions.map((status) => (
          <button
            key={status}
            type="button"
            className="button"
            disabled={loading}
            onClick={() => {
              change({
                variables: {
                  input: { measureId: props.measureId, status, note: note.trim() || null },
                },
              })
                .then(() => {
                  setNote('');
                  props.onDone(t('statusChanged', { status: t(`status.${status}`) }));
                })
                .catch(() => undefined);
            }}
          >
            {t('changeTo', { status: t(`status.${status}`) })}
          </button>
        ))}
      </div>
    </div>
  );
}

function ProgressForm(props: {
  measureId: string;
  transitions: readonly MeasureStatus[];
  onDone: (m: string) => void;
}) {
  const { t } = useFeatureTranslation(measuresTexts);
  const id = useId();
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [note, setNote] = useState('');
  const [status, setStatus] = useState('');
  const [add, { loading, error }] = useMutation(AddProgressDocument);
  const options = props.transitions.filter((s) => ADOPTED.includes(s));
  return (
    <form
      className="form"
      aria-labelledby={`${id}-h`}
      onSubmit={(event) => {
        event.preventDefault();
        add({
          variables: {
            input: {
              measureId: props.measureId,
              date: toDeadline(date) ?? new Date().toISOString(),
              note: note.trim(),
              status: (status || null) as MeasureStatus | null,
            },
          },
        })
          .then(() => {
            setNote('');
            setStatus('');
            props.onDone(t('progressSaved'));
          })
          .catch(() => undefined);
      }}
    >
      <h3 id={`${id}-h`}>{t('progressHeading')}</h3>
      {error ? <ApiErrorNotice error={error} /> : null}
      <FormField label={t('progressDate')}>
        {(control) => (
          <input
            {...control}
            type="date"
            required
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
        )}
      </FormField>
      <FormField label={t('progressNote')}>
        {(control) => (
          <textarea
            {...control}
            required
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </FormField>
      {options.length > 0 ? (
        <FormField label={t('progressStatus')}>
          {(control) => (
            <select {...control} value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">{t('none')}</option>
              {options.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={loading || !note.trim()}>
          {t('progressSubmit')}
        </button>
      </div>
    </form>
  );
}

/**
 * A measure sheet: the structured fields (a form for its writers, a read-only sheet for
 * everyone else), the collaborative description, status and progress, the change history, and
 * exports. People who may not see the measure get the "no access" page.
 */
export function MeasurePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useFeatureTranslation(measuresTexts);
  const lng = i18n.language;
  const [announcement, setAnnouncement] = useState('');
  const { data, loading, error } = useQuery(MeasurePageDocument, { variables: { id } });
  if (loading && !data) return <Loading />;
  if (error && !data) {
    const code = toErrorCode(error);
    if (code === 'FORBIDDEN' || code === 'NOT_FOUND') return <NoAccessPage />;
    return <ErrorNotice error={error} />;
  }
  const measure = data?.measure;
  if (!measure) return <NoAccessPage />;
  const form = getFragmentData(MeasureSheetForm_measure, measure);
  const sheet = measure.sheet.filter(
    (f) => !['code', 'title', 'status', 'progress'].includes(f.field),
  );

  return (
    <div className="measure-page">
      <nav aria-label={t('breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/measures">{t('title')}</Link>
          </li>
          <li>
            <Link to={`/measures?field=${measure.actionFieldKey}`}>
              {toLocalized(measure.group.name, lng)}
            </Link>
          </li>
        </ol>
      </nav>
      <PageTitle>{`${measure.code} ${measure.title}`}</PageTitle>
      <p className="document-page__meta">
        <span className={`badge badge--measure-${measure.status.toLowerCase()}`}>
          {t(`status.${measure.status}`)}
        </span>
        <span>{formatDate(measure.updatedAt, lng)}</span>
        <Link to={`/compare?measure=${measure.id}`}>{t('compareLink')}</Link>
      </p>
      <p className={announcement ? 'notice' : 'visually-hidden'} role="status">
        {announcement}
      </p>

      <div className="measure-page__layout">
        <div className="measure-page__main">
          {form.viewerCanEdit ? (
            <MeasureSheetForm
              key={form.id}
              measure={form}
              organisations={data.organisations}
              districts={data.measureOptions.districts}
              targetGroupSuggestions={data.measureOptions.targetGroups}
              onSaved={setAnnouncement}
            />
          ) : (
            <section aria-labelledby="sheet-heading">
              <h2 id="sheet-heading">{t('sheet')}</h2>
              <p className="hint">{t('readOnlySheet')}</p>
              <dl className="measure-sheet">
                {sheet.map((f) => (
                  <div key={f.field} className="measure-sheet__row">
                    <dt>{f.label}</dt>
                    <dd>
                      {f.items.length === 0 ? (
                        '–'
                      ) : f.items.length === 1 ? (
                        f.items[0]
                      ) : (
                        <ul>
                          {f.items.map((item) => (
                            <li key={item}>{item}</li>
                          ))}
                        </ul>
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          )}

          {measure.descriptionDocument ? (
            <section aria-labelledby="description-heading" className="measure-page__description">
              <h2 id="description-heading">{t('descriptionHeading')}</h2>
              <p className="hint">
                {t('descriptionHint')}{' '}
                <Link to={`/documents/${measure.descriptionDocument.id}`}>
                  {t('openDescription')}
                </Link>
              </p>
              <DescriptionEditor
                documentId={measure.descriptionDocument.id}
                label={t('editorLabel', { code: measure.code })}
              />
            </section>
          ) : null}
        </div>

        <aside className="measure-page__side" aria-label={t('statusHeading')}>
          <section aria-labelledby="status-heading">
            <h2 id="status-heading">{t('statusHeading')}</h2>
            <p>{t('statusNow', { status: t(`status.${measure.status}`) })}</p>
            <StatusActions
              measureId={measure.id}
              transitions={measure.viewerStatusTransitions}
              onDone={setAnnouncement}
            />
            {measure.viewerCanReportProgress ? (
              <ProgressForm
                measureId={measure.id}
                transitions={measure.viewerStatusTransitions}
                onDone={setAnnouncement}
              />
            ) : null}
            <h3>{t('progressList')}</h3>
            {measure.progress.length === 0 ? (
              <p className="muted">{t('progressEmpty')}</p>
            ) : (
              <ol className="progress-list">
                {measure.progress.map((p) => (
                  <li key={p.id}>
                    <time dateTime={p.date}>{formatDate(p.date, lng)}</time>
                    {p.status ? (
                      <span className="badge">{t(`status.${p.status}`)}</span>
                    ) : null}{' '}
                    {p.note} <span className="muted">({p.authorName})</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <MeasureDecisions measure={measure} />
          <section aria-labelledby="history-heading">
            <h2 id="history-heading">{t('historyHeading')}</h2>
            {measure.changes.length === 0 ? (
              <p className="muted">{t('historyEmpty')}</p>
            ) : (
              <ol className="history-list">
                {measure.changes.map((c) => (
                  <li key={c.id}>
                    <p>
                      {t('historyEntry', {
                        field: t(`field.${c.field}`, { defaultValue: c.field }),
                        before: c.before || t('emptyValue'),
                        after: c.after || t('emptyValue'),
                      })}
                    </p>
                    <p className="muted">
                      {t('historyMeta', { name: c.byName, date: formatDateTime(c.at, lng) })}
                    </p>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <ExportButtons target={{ kind: 'MEASURE', measureId: measure.id }} />
        </aside>
      </div>
    </div>
  );
}
