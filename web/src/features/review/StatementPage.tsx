import { Suspense, lazy, useCallback, useId, useRef, useState } from 'react';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { graphql, getFragmentData } from '../../generated';
import type { StatementAssessment } from '../../generated/graphql';
import type { EditorHandle } from '../../editor/CollaborativeEditor';
import { useCollabTicket } from '../../editor/useCollabTicket';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { formatDate, toDayInput } from '../../i18n/format';
import { ModalDialog } from '../../ui/Dialog';
import { FormActions, FormField } from '../../ui/FormField';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { NoAccessPage } from '../errors/NoAccessPage';
import { ReviewChangedDocument } from './ReviewRoundsPage';
import { ReviewErrorNotice } from './ReviewErrorNotice';
import { RemarkItem, RemarkItem_remark } from './RemarkItem';
import { reviewTexts } from './review.texts';
import './review.css';

const CollaborativeEditor = lazy(() => import('../../editor/CollaborativeEditor'));
const FrozenVersionView = lazy(() => import('../../editor/FrozenVersionView'));

const StatementPageDocument = graphql(`
  query StatementPage($roundId: ID!, $statementId: ID!) {
    reviewRound(id: $roundId) {
      id
      number
      title
      status
      deadline
      myBodyIds
      responsesPublished
      items {
        index
        title
        versionId
      }
      bodies {
        id
        name
      }
    }
    statement(id: $statementId) {
      id
      textDocumentId
      assessment
      meetingDate
      resolutionRef
      status
      late
      submittedAt
      submittedBy {
        id
        name
      }
      viewerCanWrite
      viewerCanSubmit
      viewerCanWithdraw
      remarks {
        id
        ...RemarkItem_remark
      }
      commentCandidates {
        id
        quote
        comments {
          id
          body
          author {
            id
            name
          }
        }
      }
    }
  }
`);

const ItemVersionDocument = graphql(`
  query ReviewItemVersion($roundId: ID!, $itemIndex: Int!) {
    reviewItemVersion(roundId: $roundId, itemIndex: $itemIndex) {
      versionId
      label
      state
    }
  }
`);

const StartStatementDocument = graphql(`
  mutation StartStatement($input: StartStatementInput!) {
    startStatement(input: $input) {
      statement {
        id
      }
    }
  }
`);
const UpdateStatementDocument = graphql(`
  mutation UpdateStatement($input: UpdateStatementInput!) {
    updateStatement(input: $input) {
      statement {
        id
        assessment
        meetingDate
        resolutionRef
      }
    }
  }
`);
const SubmitStatementDocument = graphql(`
  mutation SubmitStatement($input: StatementActionInput!) {
    submitStatement(input: $input) {
      statement {
        id
        status
      }
    }
  }
`);
const WithdrawStatementDocument = graphql(`
  mutation WithdrawStatement($input: StatementActionInput!) {
    withdrawStatement(input: $input) {
      statement {
        id
        status
      }
    }
  }
`);
const AddRemarkDocument = graphql(`
  mutation AddRemark($input: AddRemarkInput!) {
    addRemark(input: $input) {
      remark {
        id
        label
      }
    }
  }
`);
const DeleteRemarkDocument = graphql(`
  mutation DeleteRemark($remarkId: ID!) {
    deleteRemark(remarkId: $remarkId) {
      deletedRemarkId
    }
  }
`);
const AddRemarkFromCommentDocument = graphql(`
  mutation AddRemarkFromComment($input: AddRemarkFromCommentInput!) {
    addRemarkFromComment(input: $input) {
      remark {
        id
        label
      }
    }
  }
`);

const ASSESSMENTS: StatementAssessment[] = [
  'AGREE',
  'AGREE_WITH_REMARKS',
  'REJECT',
  'NO_OBJECTIONS',
];

/**
 * A body's statement in a round: the text its members write together, the overall assessment,
 * the meeting and resolution, and remarks anchored to passages of the frozen version (selected
 * in a read-only view of it). The chair submits it with a confirmation; it is read-only then.
 */
export function StatementPage() {
  const { id: roundId = '', bodyId = '' } = useParams();
  const statementId = `${roundId}:${bodyId}`;
  const { t, i18n } = useFeatureTranslation(reviewTexts);
  const lng = i18n.language;
  const formId = useId();
  const frozenRef = useRef<EditorHandle | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [itemIndex, setItemIndex] = useState(0);
  const [selection, setSelection] = useState<{ anchor: string; quote: string } | null>(null);
  const [remarkText, setRemarkText] = useState('');
  const [proposed, setProposed] = useState('');
  const [details, setDetails] = useState<{
    assessment?: StatementAssessment | null;
    meetingDate?: string;
    resolutionRef?: string;
  }>({});
  const [confirming, setConfirming] = useState(false);

  const { data, loading, error, refetch } = useQuery(StatementPageDocument, {
    variables: { roundId, statementId },
    fetchPolicy: 'cache-and-network',
  });
  useSubscription(ReviewChangedDocument, { variables: { roundId }, onData: () => void refetch() });
  const statement = data?.statement ?? null;
  const round = data?.reviewRound ?? null;
  const version = useQuery(ItemVersionDocument, {
    variables: { roundId, itemIndex },
    skip: !statement || !round || round.status === 'DRAFT',
  });
  const { fetchTicket, fallbackUrl } = useCollabTicket(statement?.textDocumentId ?? '');
  const [start, startState] = useMutation(StartStatementDocument);
  const [update, updateState] = useMutation(UpdateStatementDocument);
  const [submit, submitState] = useMutation(SubmitStatementDocument);
  const [withdraw, withdrawState] = useMutation(WithdrawStatementDocument);
  const [addRemark, addState] = useMutation(AddRemarkDocument);
  const [deleteRemark, deleteState] = useMutation(DeleteRemarkDocument);
  const [takeOver, takeOverState] = useMutation(AddRemarkFromCommentDocument);
  const mutationError =
    startState.error ??
    updateState.error ??
    withdrawState.error ??
    addState.error ??
    deleteState.error ??
    takeOverState.error ??
    null;

  const onSelectionChange = useCallback((hasSelection: boolean) => {
    if (!hasSelection) return;
    const current = frozenRef.current?.selectionAnchor();
    if (current) setSelection(current);
  }, []);

  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} />;
  if (!round) return <NoAccessPage />;
  const body = round.bodies.find((b) => b.id === bodyId);
  const mine = round.myBodyIds.includes(bodyId);
  if (!body || (!statement && !mine)) return <NoAccessPage />;
  const running = round.status === 'OPEN' || round.status === 'CLOSED';
  const remarks = statement?.remarks ?? [];
  const highlights = remarks.flatMap((item) => {
    const remark = getFragmentData(RemarkItem_remark, item);
    return remark.anchor && remark.itemIndex === itemIndex
      ? [{ id: remark.id, anchor: remark.anchor, active: false }]
      : [];
  });
  const item = round.items.find((i) => i.index === itemIndex) ?? round.items[0];
  const canWrite = statement?.viewerCanWrite ?? false;
  const assessment =
    details.assessment !== undefined ? details.assessment : (statement?.assessment ?? null);
  const meetingDate = details.meetingDate ?? toDayInput(statement?.meetingDate);
  const resolutionRef = details.resolutionRef ?? statement?.resolutionRef ?? '';

  return (
    <div className="review review-statement">
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
      <PageTitle>{t('statement.title', { body: body.name })}</PageTitle>
      <p className="review-card__meta">
        <span
          className={`badge badge--statement-${(statement?.status ?? 'NOT_STARTED').toLowerCase()}`}
        >
          {t(`statementStatus.${statement?.status ?? 'NOT_STARTED'}`)}
        </span>
        <span>{t('deadlineOn', { date: formatDate(round.deadline, lng) })}</span>
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {mutationError ? <ReviewErrorNotice error={mutationError} /> : null}

      {!statement ? (
        running && mine ? (
          <button
            type="button"
            className="button button--primary"
            disabled={startState.loading}
            onClick={() =>
              void start({ variables: { input: { roundId, bodyId } } })
                .then(() => refetch())
                .catch(() => undefined)
            }
          >
            {t('statement.start')}
          </button>
        ) : (
          <p className="muted">{t('statement.readOnly')}</p>
        )
      ) : (
        <>
          {statement.status === 'SUBMITTED' && statement.submittedAt ? (
            <p className="notice">
              {t(statement.late ? 'statement.submittedLate' : 'statement.submitted', {
                date: formatDate(statement.submittedAt, lng),
                name: statement.submittedBy?.name ?? '',
              })}
            </p>
          ) : null}
          {statement.status === 'WITHDRAWN' ? (
            <p className="notice">{t('statement.withdrawn')}</p>
          ) : null}
          {round.responsesPublished ? (
            <p className="notice">{t('statement.responsesPublished')}</p>
          ) : null}

          <section aria-labelledby="statement-text-heading">
            <h2 id="statement-text-heading">{t('statement.text')}</h2>
            <p className="hint">{t('statement.textHint')}</p>
            <Suspense fallback={<Loading />}>
              <CollaborativeEditor
                key={statement.textDocumentId}
                documentId={statement.textDocumentId}
                label={t('statement.text')}
                fetchTicket={fetchTicket}
                fallbackUrl={fallbackUrl}
                threads={[]}
              />
            </Suspense>
          </section>

          <section aria-labelledby="statement-details-heading">
            <h2 id="statement-details-heading">{t('statement.details')}</h2>
            <form
              className="form"
              onSubmit={(event) => {
                event.preventDefault();
                void update({
                  variables: {
                    input: {
                      statementId: statement.id,
                      assessment,
                      meetingDate: meetingDate ? `${meetingDate}T12:00:00.000Z` : null,
                      resolutionRef,
                    },
                  },
                })
                  .then(() => {
                    setAnnouncement(t('statement.saved'));
                    setDetails({});
                  })
                  .catch(() => undefined);
              }}
            >
              <fieldset className="segmented review-assessment" disabled={!canWrite}>
                <legend>{t('statement.assessment')}</legend>
                {ASSESSMENTS.map((option) => (
                  <label key={option}>
                    <input
                      type="radio"
                      name={`${formId}-assessment`}
                      value={option}
                      checked={assessment === option}
                      onChange={() => setDetails((d) => ({ ...d, assessment: option }))}
                    />
                    {t(`assessment.${option}`)}
                  </label>
                ))}
              </fieldset>
              <FormField label={t('statement.meetingDate')}>
                {(control) => (
                  <input
                    {...control}
                    type="date"
                    disabled={!canWrite}
                    value={meetingDate}
                    onChange={(e) => setDetails((d) => ({ ...d, meetingDate: e.target.value }))}
                  />
                )}
              </FormField>
              <FormField label={t('statement.resolutionRef')}>
                {(control) => (
                  <input
                    {...control}
                    maxLength={200}
                    disabled={!canWrite}
                    value={resolutionRef}
                    onChange={(e) => setDetails((d) => ({ ...d, resolutionRef: e.target.value }))}
                  />
                )}
              </FormField>
              {canWrite ? (
                <div className="form__actions">
                  <button type="submit" className="button" disabled={updateState.loading}>
                    {t('statement.save')}
                  </button>
                </div>
              ) : null}
            </form>
          </section>

          <section aria-labelledby="remarks-heading">
            <h2 id="remarks-heading">{t('statement.remarks')}</h2>
            {canWrite ? <p className="hint">{t('statement.remarksHint')}</p> : null}
            {round.items.length > 1 ? (
              <FormField label={t('statement.chooseDocument')}>
                {(control) => (
                  <select
                    {...control}
                    value={itemIndex}
                    onChange={(e) => {
                      setItemIndex(Number(e.target.value));
                      setSelection(null);
                    }}
                  >
                    {round.items.map((i) => (
                      <option key={i.index} value={i.index}>
                        {i.title}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
            ) : null}
            <div className="review-statement__layout">
              <div className="review-statement__frozen">
                <h3>{t('statement.frozenOf', { title: item?.title ?? '' })}</h3>
                {version.loading && !version.data ? <Loading /> : null}
                {version.error ? <ReviewErrorNotice error={version.error} /> : null}
                {version.data?.reviewItemVersion ? (
                  <Suspense fallback={<Loading />}>
                    <FrozenVersionView
                      key={`${itemIndex}:${version.data.reviewItemVersion.versionId}`}
                      state={version.data.reviewItemVersion.state}
                      label={t('statement.frozenOf', { title: item?.title ?? '' })}
                      highlights={highlights}
                      onSelectionChange={canWrite ? onSelectionChange : undefined}
                      handleRef={frozenRef}
                    />
                  </Suspense>
                ) : null}
              </div>
              <div className="review-statement__remarks">
                {canWrite ? (
                  <form
                    className="form"
                    onSubmit={(event) => {
                      event.preventDefault();
                      void addRemark({
                        variables: {
                          input: {
                            statementId: statement.id,
                            itemIndex,
                            anchor: selection?.anchor ?? null,
                            quote: selection?.quote ?? null,
                            text: remarkText,
                            proposedWording: proposed,
                          },
                        },
                      })
                        .then((result) => {
                          setAnnouncement(
                            t('statement.remarkAdded', {
                              label: result.data?.addRemark.remark.label ?? '',
                            }),
                          );
                          setRemarkText('');
                          setProposed('');
                          setSelection(null);
                          return refetch();
                        })
                        .catch(() => undefined);
                    }}
                  >
                    {selection ? (
                      <div>
                        <p className="muted">{t('statement.onSelection')}</p>
                        <blockquote className="thread__quote">„{selection.quote}“</blockquote>
                      </div>
                    ) : (
                      <p className="hint">{t('statement.noSelection')}</p>
                    )}
                    <FormField label={t('statement.remarkText')}>
                      {(control) => (
                        <textarea
                          {...control}
                          rows={3}
                          maxLength={10000}
                          value={remarkText}
                          onChange={(e) => setRemarkText(e.target.value)}
                        />
                      )}
                    </FormField>
                    <FormField label={t('statement.proposedWording')}>
                      {(control) => (
                        <textarea
                          {...control}
                          rows={2}
                          maxLength={10000}
                          value={proposed}
                          onChange={(e) => setProposed(e.target.value)}
                        />
                      )}
                    </FormField>
                    <div className="form__actions">
                      <button
                        type="submit"
                        className="button button--primary"
                        disabled={addState.loading || !remarkText.trim()}
                      >
                        {t('statement.addRemark')}
                      </button>
                    </div>
                  </form>
                ) : null}
                {remarks.length === 0 ? <p className="muted">{t('statement.noRemarks')}</p> : null}
                <ul className="comments__list" aria-label={t('statement.remarks')}>
                  {remarks.map((remark) => (
                    <li key={remark.id}>
                      <RemarkItem
                        remark={remark}
                        busy={deleteState.loading}
                        onReveal={(anchor) => frozenRef.current?.revealAnchor(anchor)}
                        onDelete={(remarkId) =>
                          void deleteRemark({ variables: { remarkId } })
                            .then(() => {
                              setAnnouncement(t('statement.remarkDeleted'));
                              return refetch();
                            })
                            .catch(() => undefined)
                        }
                      />
                    </li>
                  ))}
                </ul>
              </div>
            </div>
            {canWrite && statement.commentCandidates.length > 0 ? (
              <section aria-labelledby="candidates-heading">
                <h3 id="candidates-heading">{t('statement.fromComments')}</h3>
                <p className="hint">{t('statement.fromCommentsHint')}</p>
                <ul className="stack">
                  {statement.commentCandidates.map((thread) => (
                    <li key={thread.id} className="thread">
                      {thread.quote ? (
                        <blockquote className="thread__quote">„{thread.quote}“</blockquote>
                      ) : null}
                      <p>
                        {thread.comments[0]?.body}{' '}
                        <span className="muted">({thread.comments[0]?.author.name})</span>
                      </p>
                      <button
                        type="button"
                        className="button button--small"
                        disabled={takeOverState.loading}
                        onClick={() =>
                          void takeOver({
                            variables: {
                              input: { statementId: statement.id, threadId: thread.id },
                            },
                          })
                            .then((result) => {
                              setAnnouncement(
                                t('statement.remarkAdded', {
                                  label: result.data?.addRemarkFromComment.remark.label ?? '',
                                }),
                              );
                              return refetch();
                            })
                            .catch(() => undefined)
                        }
                      >
                        {t('statement.takeOver')}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </section>

          <section className="review-actions" aria-label={t('statement.submit')}>
            {statement.viewerCanSubmit ? (
              <button
                type="button"
                className="button button--primary"
                aria-haspopup="dialog"
                onClick={() => setConfirming(true)}
              >
                {t('statement.submit')}
              </button>
            ) : canWrite ? (
              <p className="hint">{t('statement.notAuthorised')}</p>
            ) : null}
            {statement.viewerCanWithdraw ? (
              <button
                type="button"
                className="button"
                disabled={withdrawState.loading}
                onClick={() =>
                  void withdraw({ variables: { input: { statementId: statement.id } } })
                    .then(() => {
                      setAnnouncement(t('statement.withdrawn'));
                      return refetch();
                    })
                    .catch(() => undefined)
                }
              >
                {t('statement.withdraw')}
              </button>
            ) : null}
          </section>

          <ModalDialog
            title={t('statement.submitTitle')}
            isOpen={confirming}
            onOpenChange={setConfirming}
          >
            {submitState.error ? <ReviewErrorNotice error={submitState.error} /> : null}
            <p>{t('statement.submitText', { body: body.name })}</p>
            <form
              className="form"
              onSubmit={(event) => {
                event.preventDefault();
                void submit({ variables: { input: { statementId: statement.id } } })
                  .then(() => {
                    setConfirming(false);
                    setAnnouncement(t('statementStatus.SUBMITTED'));
                    return refetch();
                  })
                  .catch(() => undefined);
              }}
            >
              <FormActions
                submitLabel={t('statement.submitConfirm')}
                busy={submitState.loading}
                onCancel={() => setConfirming(false)}
              />
            </form>
          </ModalDialog>
        </>
      )}
    </div>
  );
}

export default StatementPage;
