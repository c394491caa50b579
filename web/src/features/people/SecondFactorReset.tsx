import { useId, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../generated';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { ModalDialog } from '../../ui/Dialog';
import { ApiErrorNotice } from '../../ui/ErrorNotice';
import { peopleAdminTexts } from './people-admin.texts';

const ResetSecondFactorDocument = graphql(`
  mutation ResetSecondFactor($input: ResetSecondFactorInput!) {
    resetSecondFactor(input: $input) {
      id
    }
  }
`);

/**
 * An admin resets someone's second factor after a lost phone: what it does (codes gone, every
 * session ends, a new one at the next sign-in where the role needs it) is explained in a dialog
 * before it happens. Refusals appear in the API's words inside the dialog.
 */
export function SecondFactorReset(props: {
  person: { id: string; name: string };
  enabled: boolean;
  onReset: (message: string) => unknown;
}) {
  const { t } = useFeatureTranslation(peopleAdminTexts);
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const [reset, state] = useMutation(ResetSecondFactorDocument);
  const names = { name: props.person.name };
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('secondFactorReset.title')}</h2>
      {props.enabled ? (
        <>
          <p>{t('secondFactorReset.enabled', names)}</p>
          <p>{t('secondFactorReset.explain', names)}</p>
          <button
            type="button"
            className="button button--danger"
            aria-label={t('secondFactorReset.buttonLabel', names)}
            onClick={() => {
              state.reset();
              setOpen(true);
            }}
          >
            {t('secondFactorReset.button')}
          </button>
        </>
      ) : (
        <p>{t('secondFactorReset.notEnabled', names)}</p>
      )}
      {open ? (
        <ModalDialog
          title={t('secondFactorReset.dialogTitle', names)}
          isOpen
          onOpenChange={setOpen}
        >
          <p>{t('secondFactorReset.dialogText', names)}</p>
          {state.error ? <ApiErrorNotice error={state.error} /> : null}
          <div className="form__actions">
            <button
              type="button"
              className="button button--danger-solid"
              disabled={state.loading}
              onClick={() => {
                reset({ variables: { input: { personId: props.person.id } } })
                  .then(() => {
                    setOpen(false);
                    return props.onReset(t('secondFactorReset.done', names));
                  })
                  .catch(() => undefined);
              }}
            >
              {t('secondFactorReset.confirm')}
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </ModalDialog>
      ) : null}
    </section>
  );
}
