import { useId, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../generated';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { ModalDialog } from '../../ui/Dialog';
import { FormActions, FormField } from '../../ui/FormField';
import { Loading } from '../../ui/Loading';
import { reviewTexts } from './review.texts';
import { ReviewErrorNotice } from './ReviewErrorNotice';

const CreateRoundOptionsDocument = graphql(`
  query CreateRoundOptions {
    documents {
      id
      title
      kind
      status
      actionFieldKey
    }
    bodies {
      id
      name
      kind
    }
    measures(filter: { statuses: [PROPOSED] }) {
      items {
        id
        code
        title
      }
    }
  }
`);

const CreateReviewRoundDocument = graphql(`
  mutation CreateReviewRound($input: CreateReviewRoundInput!) {
    createReviewRound(input: $input) {
      round {
        id
        number
      }
    }
  }
`);

/** The end of the chosen day in the browser's time zone, as the API's DateTime. */
export function toEndOfDay(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const date = new Date(`${day}T23:59:59`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * Creates a review round as a draft: title, the documents (drafts or returned documents of the
 * groups), the bodies (one click for all district councils) and the deadline.
 */
export function CreateRoundDialog(props: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  preselectedDocumentId?: string | null;
  onCreated: (round: { id: string; number: number }) => void;
}) {
  const { t } = useFeatureTranslation(reviewTexts);
  const id = useId();
  const [title, setTitle] = useState('');
  const [documentIds, setDocumentIds] = useState<string[]>(
    props.preselectedDocumentId ? [props.preselectedDocumentId] : [],
  );
  const [measureIds, setMeasureIds] = useState<string[]>([]);
  const [bodyIds, setBodyIds] = useState<string[]>([]);
  const [deadline, setDeadline] = useState('');
  const options = useQuery(CreateRoundOptionsDocument, { skip: !props.isOpen });
  const [create, { loading, error }] = useMutation(CreateReviewRoundDocument);
  const documents = (options.data?.documents ?? []).filter(
    (d) =>
      (d.status === 'DRAFT' || d.status === 'RETURNED') &&
      d.kind !== 'MINUTES' &&
      d.kind !== 'MEASURE_DESCRIPTION',
  );
  // A measure is reviewed with its sheet and description: chosen as a measure, not a document.
  const measures = options.data?.measures.items ?? [];
  const bodies = (options.data?.bodies ?? []).filter((b) => b.kind !== 'STEERING_GROUP');
  const councils = bodies.filter((b) => b.kind === 'DISTRICT_COUNCIL');
  const toggle = (list: string[], value: string, on: boolean) =>
    on ? [...list, value] : list.filter((item) => item !== value);

  return (
    <ModalDialog
      title={t('create.title')}
      isOpen={props.isOpen}
      onOpenChange={props.onOpenChange}
      size="wide"
    >
      {error ? <ReviewErrorNotice error={error} /> : null}
      {options.loading && !options.data ? <Loading /> : null}
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          create({
            variables: {
              input: {
                title,
                documentIds,
                measureIds,
                bodyIds,
                deadline: toEndOfDay(deadline) ?? '',
              },
            },
          })
            .then((result) => {
              const round = result.data?.createReviewRound.round;
              if (round) props.onCreated(round);
            })
            .catch(() => undefined);
        }}
      >
        <FormField label={t('create.name')} hint={t('create.nameHint')}>
          {(control) => (
            <input
              {...control}
              value={title}
              required
              minLength={3}
              maxLength={200}
              onChange={(e) => setTitle(e.target.value)}
            />
          )}
        </FormField>
        <fieldset className="checkbox-list">
          <legend>{t('create.documents')}</legend>
          {documents.length === 0 && options.data ? (
            <p className="muted">{t('create.noDocuments')}</p>
          ) : null}
          {documents.map((document) => (
            <label key={document.id}>
              <input
                type="checkbox"
                checked={documentIds.includes(document.id)}
                onChange={(e) =>
                  setDocumentIds((list) => toggle(list, document.id, e.target.checked))
                }
              />{' '}
              {document.title}
            </label>
          ))}
        </fieldset>
        <fieldset className="checkbox-list">
          <legend>{t('create.measures')}</legend>
          {measures.length === 0 && options.data ? (
            <p className="muted">{t('create.noMeasures')}</p>
          ) : null}
          {measures.map((measure) => (
            <label key={measure.id}>
              <input
                type="checkbox"
                checked={measureIds.includes(measure.id)}
                onChange={(e) =>
                  setMeasureIds((list) => toggle(list, measure.id, e.target.checked))
                }
              />{' '}
              {measure.code} {measure.title}
            </label>
          ))}
        </fieldset>
        <fieldset className="checkbox-list">
          <legend>{t('create.bodies')}</legend>
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              setBodyIds((list) => [...new Set([...list, ...councils.map((c) => c.id)])])
            }
          >
            {t('create.allCouncils', { count: councils.length })}
          </button>
          <div className="review-body-choices">
            {bodies.map((body) => (
              <label key={body.id}>
                <input
                  type="checkbox"
                  checked={bodyIds.includes(body.id)}
                  onChange={(e) => setBodyIds((list) => toggle(list, body.id, e.target.checked))}
                />{' '}
                {body.name}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-deadline`}>{t('create.deadline')}</label>
          <input
            id={`${id}-deadline`}
            type="date"
            required
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
          />
        </div>
        <FormActions
          submitLabel={t('create.submit')}
          busyLabel={t('create.busy')}
          busy={loading}
          disabled={!title.trim() || !deadline}
          onCancel={() => props.onOpenChange(false)}
        />
      </form>
    </ModalDialog>
  );
}
