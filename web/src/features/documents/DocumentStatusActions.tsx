import { useId, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../generated';
import type { DocumentStatus } from '../../generated/graphql';
import { ModalDialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { toDeadline } from '../../i18n/format';

const ReviewBodiesDocument = graphql(`
  query ReviewBodies {
    bodies {
      id
      name
      kind
    }
  }
`);

const ChangeDocumentStatusDocument = graphql(`
  mutation ChangeDocumentStatus($input: ChangeDocumentStatusInput!) {
    changeDocumentStatus(input: $input) {
      document {
        id
        status
        reviewDeadline
        viewerMode
        viewerCanEdit
        viewerCanComment
        viewerStatusTransitions
        sharedWith {
          id
          name
        }
      }
    }
  }
`);

/**
 * Moves a draft through its lifecycle with the transitions the API allows the viewer: sending
 * it to review (choose bodies and a deadline), withdrawing it, or the steering group's decision.
 */
export function DocumentStatusActions(props: {
  documentId: string;
  transitions: readonly DocumentStatus[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const [reviewOpen, setReviewOpen] = useState(false);
  const [bodyIds, setBodyIds] = useState<string[]>([]);
  const [deadline, setDeadline] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [changeStatus, { loading, error }] = useMutation(ChangeDocumentStatusDocument);
  const bodies = useQuery(ReviewBodiesDocument, { skip: !reviewOpen });
  if (props.transitions.length === 0) return null;

  const change = (
    status: DocumentStatus,
    extra: { bodyIds?: string[]; reviewDeadline?: string | null } = {},
  ) =>
    changeStatus({ variables: { input: { documentId: props.documentId, status, ...extra } } })
      .then(() => {
        setAnnouncement(t('documents.statusChanged', { status: t(`documentStatus.${status}`) }));
        setReviewOpen(false);
      })
      .catch(() => undefined);

  return (
    <div className="document-status-actions">
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {error && !reviewOpen ? <ErrorNotice error={error} /> : null}
      {props.transitions.map((status) => (
        <button
          key={status}
          type="button"
          className="button button--small"
          disabled={loading}
          onClick={() => (status === 'IN_REVIEW' ? setReviewOpen(true) : void change(status))}
        >
          {t(`documents.transition.${status}`)}
        </button>
      ))}
      <ModalDialog
        title={t('documents.reviewTitle')}
        isOpen={reviewOpen}
        onOpenChange={setReviewOpen}
      >
        {error ? <ErrorNotice error={error} /> : null}
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            void change('IN_REVIEW', { bodyIds, reviewDeadline: toDeadline(deadline) });
          }}
        >
          <fieldset className="checkbox-list">
            <legend>{t('documents.reviewBodies')}</legend>
            {(bodies.data?.bodies ?? [])
              .filter((body) => body.kind !== 'STEERING_GROUP')
              .map((body) => (
                <label key={body.id}>
                  <input
                    type="checkbox"
                    checked={bodyIds.includes(body.id)}
                    onChange={(event) =>
                      setBodyIds((current) =>
                        event.target.checked
                          ? [...current, body.id]
                          : current.filter((item) => item !== body.id),
                      )
                    }
                  />{' '}
                  {body.name}
                </label>
              ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-deadline`}>{t('documents.reviewDeadline')}</label>
            <input
              id={`${id}-deadline`}
              type="date"
              required
              value={deadline}
              onChange={(event) => setDeadline(event.target.value)}
            />
          </div>
          <div className="form__actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={loading || bodyIds.length === 0 || !deadline}
            >
              {t('documents.transition.IN_REVIEW')}
            </button>
            <button type="button" className="button" onClick={() => setReviewOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </ModalDialog>
    </div>
  );
}
