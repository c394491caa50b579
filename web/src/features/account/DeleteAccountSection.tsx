import { useId, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../generated';
import type { DeleteAccountMutation } from '../../generated/graphql';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { ApiErrorNotice } from '../../ui/ErrorNotice';
import { accountTexts } from './account.texts';

const DeleteAccountDocument = graphql(`
  mutation DeleteAccount($input: DeleteAccountInput!) {
    deleteAccount(input: $input) {
      deletedPersonId
      signedOut
    }
  }
`);

/**
 * Deleting an account, explained before it is confirmed by typing the account's e-mail address:
 * one's own (`person` without `id`) or, for admins, someone else's. When the API says the account
 * cannot be deleted (`canDelete` false: the last admin), the reason replaces the form. A refusal
 * is shown in the API's words above the button.
 */
export function DeleteAccountSection(props: {
  person: { id?: string; name: string; email: string | null };
  canDelete: boolean;
  onDeleted: (result: DeleteAccountMutation['deleteAccount']) => unknown;
}) {
  const { t } = useFeatureTranslation(accountTexts);
  const id = useId();
  const [confirmEmail, setConfirmEmail] = useState('');
  const [deleteAccount, deleted] = useMutation(DeleteAccountDocument);
  const own = props.person.id === undefined;
  const names = { name: props.person.name, email: props.person.email ?? '' };
  return (
    <section aria-labelledby={`${id}-heading`} className="danger-zone">
      <h2 id={`${id}-heading`}>{t('myData.deleteTitle')}</h2>
      <p>{own ? t('myData.deleteExplain') : t('deleteOther.explain', names)}</p>
      {!props.canDelete ? (
        <p className="notice notice--info">
          {own ? t('myData.lastAdmin') : t('deleteOther.lastAdmin', names)}
        </p>
      ) : (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            deleteAccount({
              variables: {
                input: {
                  ...(own ? {} : { personId: props.person.id }),
                  confirmEmail: confirmEmail.trim(),
                },
              },
            })
              .then((result) => {
                if (result.data) return props.onDeleted(result.data.deleteAccount);
                return undefined;
              })
              .catch(() => undefined);
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-email`}>
              {own ? t('myData.confirmEmail', names) : t('deleteOther.confirmEmail', names)}
            </label>
            <input
              id={`${id}-email`}
              type="email"
              autoComplete="off"
              required
              value={confirmEmail}
              onChange={(event) => setConfirmEmail(event.target.value)}
            />
          </div>
          {deleted.error ? <ApiErrorNotice error={deleted.error} /> : null}
          <button
            type="submit"
            className="button button--danger"
            disabled={deleted.loading || confirmEmail.trim() === ''}
          >
            {own ? t('myData.deleteButton') : t('deleteOther.button', names)}
          </button>
        </form>
      )}
    </section>
  );
}
