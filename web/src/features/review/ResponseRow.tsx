import { useId, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql, getFragmentData, type FragmentType } from '../../generated';
import type { ResponseVote } from '../../generated/graphql';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { formatDate } from '../../i18n/format';
import { FormField } from '../../ui/FormField';
import { PassageDiff } from './PassageDiff';
import { ReviewErrorNotice } from './ReviewErrorNotice';
import { reviewTexts } from './review.texts';

export const ResponseRow_row = graphql(`
  fragment ResponseRow_row on ResponseTableRow {
    position
    label
    bodyName
    submittedAt
    documentTitle
    status
    vote
    reason
    draftedByName
    approvedByName
    warnings
    viewerCanDraft
    viewerCanApprove
    viewerCanSendBack
    viewerCanCreateTask
    remark {
      id
      quote
      text
      proposedWording
      task {
        id
        title
      }
    }
    passage {
      ...PassageDiff_passage
    }
  }
`);

const SaveResponseDocument = graphql(`
  mutation SaveResponse($input: SaveResponseInput!) {
    saveResponse(input: $input) {
      remark {
        id
      }
    }
  }
`);
const ApproveResponseDocument = graphql(`
  mutation ApproveResponse($input: ApproveResponseInput!) {
    approveResponse(input: $input) {
      remark {
        id
      }
    }
  }
`);
const SendBackResponseDocument = graphql(`
  mutation SendBackResponse($input: SendBackResponseInput!) {
    sendBackResponse(input: $input) {
      remark {
        id
      }
    }
  }
`);
const CreateTaskFromRemarkDocument = graphql(`
  mutation CreateTaskFromRemark($input: CreateTaskFromRemarkInput!) {
    createTaskFromRemark(input: $input) {
      task {
        id
      }
    }
  }
`);

const VOTES: ResponseVote[] = ['ACCEPTED', 'PARTLY_ACCEPTED', 'NOT_ACCEPTED', 'NOTED'];

/**
 * One remark of the response table with its passage, the change of that passage, warnings, and
 * the response: drafted inline by the group, approved or sent back by a speaker.
 */
export function ResponseRow(props: {
  row: FragmentType<typeof ResponseRow_row>;
  onChanged: (message: string) => void;
}) {
  const { t, i18n } = useFeatureTranslation(reviewTexts);
  const row = getFragmentData(ResponseRow_row, props.row);
  const id = useId();
  const [vote, setVote] = useState<ResponseVote | ''>(row.vote ?? '');
  const [reason, setReason] = useState(row.reason ?? '');
  // The form opens on request: a table of 300 remarks stays light to render and to read.
  const [editing, setEditing] = useState(false);
  const [save, saveState] = useMutation(SaveResponseDocument);
  const [approve, approveState] = useMutation(ApproveResponseDocument);
  const [sendBack, sendBackState] = useMutation(SendBackResponseDocument);
  const [createTask, taskState] = useMutation(CreateTaskFromRemarkDocument);
  const error = saveState.error ?? approveState.error ?? sendBackState.error ?? taskState.error;
  const busy =
    saveState.loading || approveState.loading || sendBackState.loading || taskState.loading;
  const headingId = `${id}-heading`;
  const remarkId = row.remark.id;

  return (
    <article className="card review-row" aria-labelledby={headingId}>
      <h3 id={headingId} className="review-row__title">
        {row.position}. {t('table.remark', { label: row.label })}
      </h3>
      <p className="review-card__meta">
        <span className={`badge badge--response-${row.status.toLowerCase()}`}>
          {t(`responseStatus.${row.status}`)}
        </span>
        {row.vote ? <span className="badge">{t(`vote.${row.vote}`)}</span> : null}
        <span className="muted">
          {row.bodyName}, {formatDate(row.submittedAt, i18n.language)} · {row.documentTitle}
        </span>
      </p>
      {error ? <ReviewErrorNotice error={error} /> : null}
      <div className="review-row__grid">
        <div>
          <h4>{t('table.passage')}</h4>
          {row.remark.quote ? (
            <blockquote className="thread__quote">„{row.remark.quote}“</blockquote>
          ) : null}
          <p>{row.remark.text}</p>
          {row.remark.proposedWording ? (
            <p>
              <strong>{t('statement.proposed')}: </strong>
              {row.remark.proposedWording}
            </p>
          ) : null}
          <h4>{t('table.change')}</h4>
          <PassageDiff passage={row.passage ?? null} />
          {row.warnings.map((warning) => (
            <p key={warning} className="notice review-warning">
              {t(`table.warning.${warning}`)}
            </p>
          ))}
        </div>
        <div>
          <h4>{t('statement.response')}</h4>
          {row.viewerCanDraft && editing ? (
            <form
              className="form"
              onSubmit={(event) => {
                event.preventDefault();
                if (!vote) return;
                void save({ variables: { input: { remarkId, vote, reason } } })
                  .then(() => {
                    setEditing(false);
                    props.onChanged(t('table.saved', { label: row.label }));
                  })
                  .catch(() => undefined);
              }}
            >
              <FormField label={t('table.vote')}>
                {(control) => (
                  <select
                    {...control}
                    value={vote}
                    onChange={(e) => setVote(e.target.value as ResponseVote)}
                  >
                    <option value="">–</option>
                    {VOTES.map((option) => (
                      <option key={option} value={option}>
                        {t(`vote.${option}`)}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <FormField label={t('table.reason')} hint={t('table.reasonHint')}>
                {(control) => (
                  <textarea
                    {...control}
                    rows={3}
                    maxLength={10000}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                  />
                )}
              </FormField>
              <div className="form__actions">
                <button type="submit" className="button" disabled={busy || !vote}>
                  {t('table.save')}
                </button>
              </div>
            </form>
          ) : row.vote ? (
            <p>{row.reason}</p>
          ) : (
            <p className="muted">
              {row.status === 'OPEN' ? t('table.noResponseYet') : t('table.hiddenUntilPublished')}
            </p>
          )}
          {row.viewerCanDraft && !editing ? (
            <button type="button" className="button button--small" onClick={() => setEditing(true)}>
              {row.vote ? t('table.edit') : t('table.write')}
            </button>
          ) : null}
          <p className="muted">
            {row.draftedByName ? t('table.draftedBy', { name: row.draftedByName }) : null}
            {row.approvedByName
              ? ` · ${t('table.approvedBy', { name: row.approvedByName })}`
              : null}
          </p>
          <div className="toolbar-row">
            {row.viewerCanApprove ? (
              <button
                type="button"
                className="button button--primary button--small"
                disabled={busy}
                onClick={() =>
                  void approve({ variables: { input: { remarkId } } })
                    .then(() => props.onChanged(t('table.approved', { label: row.label })))
                    .catch(() => undefined)
                }
              >
                {t('table.approve')}
              </button>
            ) : null}
            {row.viewerCanSendBack ? (
              <button
                type="button"
                className="button button--small"
                disabled={busy}
                onClick={() =>
                  void sendBack({ variables: { input: { remarkId } } })
                    .then(() => props.onChanged(t('table.sentBack', { label: row.label })))
                    .catch(() => undefined)
                }
              >
                {t('table.sendBack')}
              </button>
            ) : null}
            {row.viewerCanCreateTask ? (
              <button
                type="button"
                className="button button--small"
                disabled={busy}
                onClick={() =>
                  void createTask({ variables: { input: { remarkId } } })
                    .then(() => props.onChanged(t('table.taskCreated')))
                    .catch(() => undefined)
                }
              >
                {t('table.createTask')}
              </button>
            ) : null}
            {row.remark.task ? (
              <Link to={`/tasks?task=${row.remark.task.id}`}>
                {t('table.task', { title: row.remark.task.title })}
              </Link>
            ) : null}
          </div>
        </div>
      </div>
    </article>
  );
}
