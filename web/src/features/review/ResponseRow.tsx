import { memo, useId, useState, type ReactNode } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql, getFragmentData, type FragmentType } from '../../generated';
import type { ResponseRow_RowFragment, ResponseVote } from '../../generated/graphql';
import { formatDate } from '../../i18n/format';
import { FormField } from '../../ui/FormField';
import { PassageDiff } from './PassageDiff';
import { ReviewErrorNotice } from './ReviewErrorNotice';
import type { ReviewT } from './useReviewTexts';

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

type Row = ResponseRow_RowFragment;

/** Props of a row; `t` and `lng` come from the table, so 300 rows do not each bind i18next. */
interface ResponseRowProps {
  row: FragmentType<typeof ResponseRow_row>;
  t: ReviewT;
  lng: string;
  /** Stable across renders of the table (the rows are memoised). */
  onChanged: (message: string) => void;
}

/**
 * One remark of the response table with its passage, the change of that passage, warnings, and
 * the response: drafted inline by the group, approved or sent back by a speaker. Memoised, and the
 * form and the actions (each with its mutations) mount only where they are used, so a table of
 * 300 rows renders once and a change re-renders only the rows whose data changed.
 */
export const ResponseRow = memo(function ResponseRow({
  t,
  lng,
  onChanged,
  ...props
}: ResponseRowProps) {
  const row = getFragmentData(ResponseRow_row, props.row);
  const id = useId();
  // The form opens on request: a table of 300 remarks stays light to render and to read.
  const [editing, setEditing] = useState(false);
  const headingId = `${id}-heading`;
  const hasActions =
    row.viewerCanApprove || row.viewerCanSendBack || row.viewerCanCreateTask || !!row.remark.task;

  let response: ReactNode;
  if (row.viewerCanDraft && editing) {
    response = (
      <ResponseForm
        row={row}
        t={t}
        onSaved={(message) => {
          setEditing(false);
          onChanged(message);
        }}
      />
    );
  } else if (row.vote) {
    response = <p>{row.reason}</p>;
  } else {
    response = (
      <p className="muted">
        {row.status === 'OPEN' ? t('table.noResponseYet') : t('table.hiddenUntilPublished')}
      </p>
    );
  }

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
          {row.bodyName}, {formatDate(row.submittedAt, lng)} · {row.documentTitle}
        </span>
      </p>
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
          <PassageDiff passage={row.passage ?? null} t={t} />
          {row.warnings.map((warning) => (
            <p key={warning} className="notice review-warning">
              {t(`table.warning.${warning}`)}
            </p>
          ))}
        </div>
        <div>
          <h4>{t('statement.response')}</h4>
          {response}
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
          {hasActions ? <ResponseActions row={row} t={t} onChanged={onChanged} /> : null}
        </div>
      </div>
    </article>
  );
});

/** The response form of a row, mounted while the group member edits it. */
function ResponseForm(props: { row: Row; t: ReviewT; onSaved: (message: string) => void }) {
  const { row, t } = props;
  const [vote, setVote] = useState<ResponseVote | ''>(row.vote ?? '');
  const [reason, setReason] = useState(row.reason ?? '');
  const [save, saveState] = useMutation(SaveResponseDocument);
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!vote) return;
        void save({ variables: { input: { remarkId: row.remark.id, vote, reason } } })
          .then(() => props.onSaved(t('table.saved', { label: row.label })))
          .catch(() => undefined);
      }}
    >
      {saveState.error ? <ReviewErrorNotice error={saveState.error} /> : null}
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
        <button type="submit" className="button" disabled={saveState.loading || !vote}>
          {t('table.save')}
        </button>
      </div>
    </form>
  );
}

/** Approve, send back, make a task, and the task made from the remark; only where allowed. */
function ResponseActions(props: { row: Row; t: ReviewT; onChanged: (message: string) => void }) {
  const { row, t, onChanged } = props;
  const remarkId = row.remark.id;
  const [approve, approveState] = useMutation(ApproveResponseDocument);
  const [sendBack, sendBackState] = useMutation(SendBackResponseDocument);
  const [createTask, taskState] = useMutation(CreateTaskFromRemarkDocument);
  const error = approveState.error ?? sendBackState.error ?? taskState.error;
  const busy = approveState.loading || sendBackState.loading || taskState.loading;
  return (
    <>
      {error ? <ReviewErrorNotice error={error} /> : null}
      <div className="toolbar-row">
        {row.viewerCanApprove ? (
          <button
            type="button"
            className="button button--primary button--small"
            disabled={busy}
            onClick={() =>
              void approve({ variables: { input: { remarkId } } })
                .then(() => onChanged(t('table.approved', { label: row.label })))
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
                .then(() => onChanged(t('table.sentBack', { label: row.label })))
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
                .then(() => onChanged(t('table.taskCreated')))
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
    </>
  );
}
