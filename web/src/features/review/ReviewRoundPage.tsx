import { useId, useState } from 'react';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { graphql } from '../../generated';
import type { ReviewRoundStatus } from '../../generated/graphql';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { formatDate, toDayInput } from '../../i18n/format';
import { toLocalized } from '../../i18n/localized';
import { ModalDialog } from '../../ui/Dialog';
import { FormActions, FormField } from '../../ui/FormField';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { NoAccessPage } from '../errors/NoAccessPage';
import { toEndOfDay } from './CreateRoundDialog';
import { ReviewChangedDocument } from './ReviewRoundsPage';
import { ReviewErrorNotice } from './ReviewErrorNotice';
import { reviewTexts } from './review.texts';
import './review.css';

const ReviewRoundPageDocument = graphql(`
  query ReviewRoundPage($id: ID!) {
    reviewRound(id: $id) {
      id
      number
      title
      status
      deadline
      openedAt
      evaluatedAt
      cancelReason
      viewerCanManage
      responsesPublished
      answeredCount
      remarkCount
      openRemarkCount
      myBodyIds
      items {
        index
        title
        documentId
        versionId
        document {
          id
        }
        group {
          id
          name {
            de
            en
          }
        }
        decision {
          id
          outcome
          conditions
          meetingDate
        }
      }
      progress {
        body {
          id
          name
        }
        status
        submittedAt
        late
        remarkCount
        statementId
      }
      statements {
        id
      }
    }
  }
`);

const OpenRoundDocument = graphql(`
  mutation OpenReviewRound($id: ID!) {
    openReviewRound(roundId: $id) {
      round {
        id
        status
        items {
          index
          versionId
        }
      }
    }
  }
`);
const CloseRoundDocument = graphql(`
  mutation CloseReviewRound($id: ID!) {
    closeReviewRound(roundId: $id) {
      round {
        id
        status
      }
    }
  }
`);
const EvaluateRoundDocument = graphql(`
  mutation EvaluateReviewRound($id: ID!) {
    evaluateReviewRound(roundId: $id) {
      round {
        id
        status
      }
    }
  }
`);
const CancelRoundDocument = graphql(`
  mutation CancelReviewRound($input: CancelReviewRoundInput!) {
    cancelReviewRound(input: $input) {
      round {
        id
        status
      }
    }
  }
`);
const UpdateRoundDocument = graphql(`
  mutation UpdateReviewRound($input: UpdateReviewRoundInput!) {
    updateReviewRound(input: $input) {
      round {
        id
        status
        deadline
      }
    }
  }
`);

/**
 * One review round: its documents (frozen versions, decisions), how far each body's statement
 * is, the way into the statement editor for council members and into the response table, and
 * the coordinator's controls (open, close, evaluate, cancel, move the deadline).
 */
export function ReviewRoundPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useFeatureTranslation(reviewTexts);
  const lng = i18n.language;
  const formId = useId();
  const [announcement, setAnnouncement] = useState('');
  const [cancelling, setCancelling] = useState(false);
  const [cancelReason, setCancelReason] = useState('');
  const [deadline, setDeadline] = useState('');
  const { data, loading, error, refetch } = useQuery(ReviewRoundPageDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  useSubscription(ReviewChangedDocument, {
    variables: { roundId: id },
    onData: () => void refetch(),
  });
  const [openRound, openState] = useMutation(OpenRoundDocument);
  const [closeRound, closeState] = useMutation(CloseRoundDocument);
  const [evaluateRound, evaluateState] = useMutation(EvaluateRoundDocument);
  const [cancelRound, cancelState] = useMutation(CancelRoundDocument);
  const [updateRound, updateState] = useMutation(UpdateRoundDocument);
  const busy =
    openState.loading ||
    closeState.loading ||
    evaluateState.loading ||
    cancelState.loading ||
    updateState.loading;
  const actionError =
    openState.error ?? closeState.error ?? evaluateState.error ?? updateState.error ?? null;

  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} />;
  const round = data?.reviewRound;
  if (!round) return <NoAccessPage />;

  const done = (status: ReviewRoundStatus | undefined) => {
    if (status) setAnnouncement(t('round.changed', { status: t(`status.${status}`) }));
    return refetch();
  };
  const visibleStatements = new Set(round.statements.map((s) => s.id));
  const running = round.status === 'OPEN' || round.status === 'CLOSED';

  return (
    <div className="review review-round">
      <nav aria-label={t('title')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/review">{t('title')}</Link>
          </li>
        </ol>
      </nav>
      <PageTitle>{t('roundTitle', { number: round.number, title: round.title })}</PageTitle>
      <p className="review-card__meta">
        <span className={`badge badge--round-${round.status.toLowerCase()}`}>
          {t(`status.${round.status}`)}
        </span>
        <span>{t('deadlineOn', { date: formatDate(round.deadline, lng) })}</span>
        {round.status === 'CANCELLED' && round.cancelReason ? (
          <span>{t('round.cancelledReason', { reason: round.cancelReason })}</span>
        ) : null}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      {running && round.myBodyIds.length > 0 ? (
        <section className="review-callout" aria-labelledby="my-statement-heading">
          <h2 id="my-statement-heading">
            {t('round.myStatement', {
              body: round.progress
                .filter((p) => round.myBodyIds.includes(p.body.id))
                .map((p) => p.body.name)
                .join(', '),
            })}
          </h2>
          <ul className="plain-list">
            {round.progress
              .filter((p) => round.myBodyIds.includes(p.body.id))
              .map((p) => (
                <li key={p.body.id}>
                  <Link
                    className="button button--primary"
                    to={`/review/rounds/${round.id}/statements/${p.body.id}`}
                  >
                    {p.status === 'SUBMITTED'
                      ? t('round.openStatement')
                      : t('round.writeStatement')}
                  </Link>{' '}
                  <span>{t(`statementStatus.${p.status}`)}</span>
                </li>
              ))}
          </ul>
        </section>
      ) : null}

      {round.viewerCanManage && round.status !== 'EVALUATED' && round.status !== 'CANCELLED' ? (
        <section aria-labelledby="actions-heading" className="review-actions">
          <h2 id="actions-heading">{t('round.actions')}</h2>
          {actionError ? <ReviewErrorNotice error={actionError} /> : null}
          {round.status === 'DRAFT' ? <p className="hint">{t('round.openHint')}</p> : null}
          <div className="toolbar-row">
            {round.status === 'DRAFT' ? (
              <button
                type="button"
                className="button button--primary"
                disabled={busy}
                onClick={() =>
                  void openRound({ variables: { id: round.id } })
                    .then((r) => done(r.data?.openReviewRound.round.status))
                    .catch(() => undefined)
                }
              >
                {t('round.open')}
              </button>
            ) : null}
            {round.status === 'OPEN' ? (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() =>
                  void closeRound({ variables: { id: round.id } })
                    .then((r) => done(r.data?.closeReviewRound.round.status))
                    .catch(() => undefined)
                }
              >
                {t('round.close')}
              </button>
            ) : null}
            {round.status === 'CLOSED' ? (
              <button
                type="button"
                className="button button--primary"
                disabled={busy}
                onClick={() =>
                  void evaluateRound({ variables: { id: round.id } })
                    .then((r) => done(r.data?.evaluateReviewRound.round.status))
                    .catch(() => undefined)
                }
              >
                {t('round.evaluate')}
              </button>
            ) : null}
            <button
              type="button"
              className="button"
              aria-haspopup="dialog"
              disabled={busy}
              onClick={() => setCancelling(true)}
            >
              {t('round.cancel')}
            </button>
          </div>
          <form
            className="form review-deadline"
            onSubmit={(event) => {
              event.preventDefault();
              void updateRound({
                variables: { input: { roundId: round.id, deadline: toEndOfDay(deadline) } },
              })
                .then((r) => done(r.data?.updateReviewRound.round.status))
                .catch(() => undefined);
            }}
          >
            <div className="field">
              <label htmlFor={`${formId}-deadline`}>{t('round.changeDeadline')}</label>
              <input
                id={`${formId}-deadline`}
                type="date"
                value={deadline || toDayInput(round.deadline)}
                onChange={(e) => setDeadline(e.target.value)}
              />
            </div>
            <button type="submit" className="button button--small" disabled={busy || !deadline}>
              {t('round.saveDeadline')}
            </button>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="items-heading">
        <h2 id="items-heading">{t('round.items')}</h2>
        <ul className="stack">
          {round.items.map((item) => (
            <li key={item.index} className="card">
              <h3 className="card__title">
                {item.document ? (
                  <Link to={`/documents/${item.documentId}`}>{item.title}</Link>
                ) : (
                  item.title
                )}
              </h3>
              <p className="muted">
                {item.group ? toLocalized(item.group.name, lng) : null}
                {' · '}
                {item.versionId ? t('round.frozen') : t('round.notFrozen')}
              </p>
              {round.status === 'EVALUATED' ? (
                <p>
                  <strong>{t('round.decisions')}: </strong>
                  {item.decision
                    ? `${t(`outcome.${item.decision.outcome}`)} (${formatDate(item.decision.meetingDate, lng)})${
                        item.decision.conditions ? `: ${item.decision.conditions}` : ''
                      }`
                    : t('round.noDecision')}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
        {round.status !== 'DRAFT' ? (
          <p>
            <Link className="button" to={`/review/rounds/${round.id}/responses`}>
              {t('round.responses')}
            </Link>{' '}
            <span className="muted">
              {round.openRemarkCount > 0
                ? t('openRemarks', { count: round.openRemarkCount })
                : round.remarkCount > 0
                  ? t('allAnswered')
                  : ''}
            </span>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading">{t('round.progress')}</h2>
        <p>{t('answered', { answered: round.answeredCount, total: round.progress.length })}</p>
        <ul className="review-progress">
          {round.progress.map((p) => (
            <li
              key={p.body.id}
              className={`review-progress__item review-progress__item--${p.status.toLowerCase()}`}
            >
              <span className="review-progress__body">
                {p.statementId && visibleStatements.has(p.statementId) ? (
                  <Link to={`/review/rounds/${round.id}/statements/${p.body.id}`}>
                    {p.body.name}
                  </Link>
                ) : (
                  p.body.name
                )}
              </span>
              <span>
                {t(`statementStatus.${p.status}`)}
                {p.submittedAt
                  ? ` · ${t('round.submittedOn', { date: formatDate(p.submittedAt, lng) })}`
                  : ''}
                {p.late ? ` · ${t('round.late')}` : ''}
              </span>
              {p.status === 'SUBMITTED' ? (
                <span className="muted">
                  {t('round.remarksColumn')}: {p.remarkCount}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <ModalDialog title={t('round.cancelTitle')} isOpen={cancelling} onOpenChange={setCancelling}>
        {cancelState.error ? <ReviewErrorNotice error={cancelState.error} /> : null}
        <p>{t('round.cancelText')}</p>
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            void cancelRound({ variables: { input: { roundId: round.id, reason: cancelReason } } })
              .then((r) => {
                setCancelling(false);
                return done(r.data?.cancelReviewRound.round.status);
              })
              .catch(() => undefined);
          }}
        >
          <FormField label={t('round.cancelReason')}>
            {(control) => (
              <textarea
                {...control}
                rows={3}
                maxLength={2000}
                value={cancelReason}
                onChange={(e) => setCancelReason(e.target.value)}
              />
            )}
          </FormField>
          <FormActions
            submitLabel={t('round.cancelConfirm')}
            busy={cancelState.loading}
            onCancel={() => setCancelling(false)}
          />
        </form>
      </ModalDialog>
    </div>
  );
}

export default ReviewRoundPage;
