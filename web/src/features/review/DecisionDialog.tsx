import { useId, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../generated';
import type { DecisionOutcome } from '../../generated/graphql';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { formatDate } from '../../i18n/format';
import { ModalDialog } from '../../ui/Dialog';
import { FormActions, FormField } from '../../ui/FormField';
import { ReviewErrorNotice } from './ReviewErrorNotice';
import { reviewTexts } from './review.texts';

const RecordDecisionDocument = graphql(`
  mutation RecordDecision($input: RecordDecisionInput!) {
    recordDecision(input: $input) {
      decision {
        id
        outcome
      }
    }
  }
`);

const CorrectDecisionDocument = graphql(`
  mutation CorrectDecision($input: CorrectDecisionInput!) {
    correctDecision(input: $input) {
      decision {
        id
        outcome
      }
    }
  }
`);

const OUTCOMES: DecisionOutcome[] = ['ACCEPTED', 'ACCEPTED_WITH_CONDITIONS', 'RETURNED'];

/** What the dialog decides on: a round item, and the decision it corrects (if any). */
export interface DecisionTarget {
  roundId: string;
  itemIndex: number;
  title: string;
  correctsDecisionId?: string | null;
}

/**
 * Records (or corrects) the steering group's decision in two steps: the decision with its
 * meeting date, reason and conditions, then an explicit confirmation that names what happens.
 */
export function DecisionDialog(props: {
  target: DecisionTarget | null;
  onClose: () => void;
  onRecorded: (outcome: DecisionOutcome) => void;
}) {
  const { t, i18n } = useFeatureTranslation(reviewTexts);
  const id = useId();
  const [outcome, setOutcome] = useState<DecisionOutcome>('ACCEPTED');
  const [reason, setReason] = useState('');
  const [conditions, setConditions] = useState('');
  const [meetingDate, setMeetingDate] = useState(new Date().toISOString().slice(0, 10));
  const [confirming, setConfirming] = useState(false);
  const [record, recordState] = useMutation(RecordDecisionDocument);
  const [correct, correctState] = useMutation(CorrectDecisionDocument);
  const target = props.target;
  const error = recordState.error ?? correctState.error;
  const busy = recordState.loading || correctState.loading;
  const title = target
    ? t(target.correctsDecisionId ? 'decision.correctTitle' : 'decision.title', {
        title: target.title,
      })
    : '';

  const close = () => {
    setConfirming(false);
    props.onClose();
  };
  const fields = {
    outcome,
    reason,
    conditions,
    meetingDate: `${meetingDate}T12:00:00.000Z`,
    confirm: true,
  };
  const missingReason = outcome === 'RETURNED' && !reason.trim();
  const missingConditions = outcome === 'ACCEPTED_WITH_CONDITIONS' && !conditions.trim();

  return (
    <ModalDialog
      title={title}
      isOpen={target !== null}
      onOpenChange={(open) => (open ? undefined : close())}
    >
      {error ? <ReviewErrorNotice error={error} /> : null}
      {!confirming ? (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            setConfirming(true);
          }}
        >
          <fieldset className="segmented review-outcomes">
            <legend>{t('decision.outcome')}</legend>
            {OUTCOMES.map((option) => (
              <label key={option}>
                <input
                  type="radio"
                  name={`${id}-outcome`}
                  value={option}
                  checked={outcome === option}
                  onChange={() => setOutcome(option)}
                />
                {t(`outcome.${option}`)}
              </label>
            ))}
          </fieldset>
          <FormField label={t('decision.meetingDate')}>
            {(control) => (
              <input
                {...control}
                type="date"
                required
                value={meetingDate}
                onChange={(e) => setMeetingDate(e.target.value)}
              />
            )}
          </FormField>
          {outcome === 'ACCEPTED_WITH_CONDITIONS' ? (
            <FormField label={t('decision.conditions')}>
              {(control) => (
                <textarea
                  {...control}
                  rows={3}
                  required
                  value={conditions}
                  onChange={(e) => setConditions(e.target.value)}
                />
              )}
            </FormField>
          ) : null}
          <FormField label={t('decision.reason')} hint={t('decision.reasonHint')}>
            {(control) => (
              <textarea
                {...control}
                rows={4}
                required={outcome === 'RETURNED'}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </FormField>
          <FormActions
            submitLabel={t('decision.next')}
            disabled={missingReason || missingConditions || !meetingDate}
            onCancel={close}
          />
        </form>
      ) : (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!target) return;
            const done = (recorded: DecisionOutcome | undefined) => {
              if (recorded) props.onRecorded(recorded);
              close();
            };
            if (target.correctsDecisionId) {
              void correct({
                variables: { input: { decisionId: target.correctsDecisionId, decision: fields } },
              })
                .then((r) => done(r.data?.correctDecision.decision.outcome))
                .catch(() => undefined);
            } else {
              void record({
                variables: {
                  input: { roundId: target.roundId, itemIndex: target.itemIndex, decision: fields },
                },
              })
                .then((r) => done(r.data?.recordDecision.decision.outcome))
                .catch(() => undefined);
            }
          }}
        >
          <h3>{t('decision.confirmTitle')}</h3>
          <p>
            {t('decision.confirmText', {
              outcome: t(`outcome.${outcome}`),
              title: target?.title ?? '',
              date: formatDate(`${meetingDate}T12:00:00.000Z`, i18n.language),
            })}
          </p>
          {reason ? <p className="review-reason">{reason}</p> : null}
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('decision.confirm')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('decision.back')}
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
