import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import { graphql } from '../../generated';
import { AppViewerDocument } from '../../app/session';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { formatDate } from '../../i18n/format';

const InvitationPreviewDocument = graphql(`
  query InvitationPreview($token: String!) {
    invitation(token: $token) {
      email
      name
      expiresAt
    }
  }
`);

const AcceptInvitationDocument = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      viewer {
        id
      }
    }
  }
`);

/** Minimum password length, as the API enforces it. */
export const MIN_PASSWORD_LENGTH = 10;

/** Invitation acceptance: greets the invited person and lets them set a password. */
export function AcceptInvitationPage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const { data, loading, error } = useQuery(InvitationPreviewDocument, { variables: { token } });
  const [accept, acceptState] = useMutation(AcceptInvitationDocument, {
    refetchQueries: [{ query: AppViewerDocument }],
    awaitRefetchQueries: true,
  });

  if (loading) return <Loading />;
  if (error) return <ErrorNotice error={error} />;
  const invitation = data?.invitation;
  if (!invitation) {
    return (
      <div className="narrow">
        <PageTitle>{t('invitation.title')}</PageTitle>
        <p role="alert">{t('invitation.invalid')}</p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <PageTitle>{t('invitation.title')}</PageTitle>
      <p>
        {t('invitation.greeting', {
          name: invitation.name,
          email: invitation.email,
          date: formatDate(invitation.expiresAt, i18n.language),
        })}
      </p>
      {acceptState.error ? <ErrorNotice error={acceptState.error} /> : null}
      <Form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          accept({ variables: { input: { token, password } } })
            .then(() => navigate('/', { replace: true }))
            .catch(() => undefined);
        }}
      >
        <TextField
          className="field"
          type="password"
          autoComplete="new-password"
          isRequired
          minLength={MIN_PASSWORD_LENGTH}
          value={password}
          onChange={setPassword}
          validate={(value) =>
            value.length < MIN_PASSWORD_LENGTH
              ? t('invitation.tooShort', { count: MIN_PASSWORD_LENGTH })
              : null
          }
        >
          <Label>{t('invitation.password')}</Label>
          <Input />
          <FieldError className="field__error" />
        </TextField>
        <TextField
          className="field"
          type="password"
          autoComplete="new-password"
          isRequired
          value={repeat}
          onChange={setRepeat}
          validate={(value) => (value !== password ? t('invitation.mismatch') : null)}
        >
          <Label>{t('invitation.repeat')}</Label>
          <Input />
          <FieldError className="field__error" />
        </TextField>
        <Button type="submit" className="button button--primary" isDisabled={acceptState.loading}>
          {t('invitation.submit')}
        </Button>
      </Form>
    </div>
  );
}
