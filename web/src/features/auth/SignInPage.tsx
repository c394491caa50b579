import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import { graphql } from '../../generated';
import { AppViewerDocument, useOptionalViewer } from '../../app/session';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { toErrorCode } from '../../ui/error-codes';

const SignInDocument = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      viewer {
        id
      }
    }
  }
`);

/** Only same-site paths are followed after signing in (no open redirects). */
export function toSafeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Sign-in with email and password; afterwards goes where the person wanted to go. */
export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const viewer = useOptionalViewer();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [signIn, { loading, error }] = useMutation(SignInDocument, {
    refetchQueries: [{ query: AppViewerDocument }],
    awaitRefetchQueries: true,
  });
  const next = toSafeNext(params.get('next'));
  if (viewer) return <Navigate to={next} replace />;

  return (
    <div className="narrow">
      <PageTitle>{t('auth.signInTitle')}</PageTitle>
      <p>{t('auth.signInIntro')}</p>
      {error ? (
        ['UNAUTHENTICATED', 'BAD_USER_INPUT', 'NOT_FOUND'].includes(toErrorCode(error)) ? (
          <div className="notice notice--error" role="alert">
            {t('auth.failed')}
          </div>
        ) : (
          <ErrorNotice error={error} />
        )
      ) : null}
      <Form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          signIn({ variables: { input: { email: email.trim(), password } } })
            .then(() => navigate(next, { replace: true }))
            .catch(() => undefined);
        }}
      >
        <TextField
          className="field"
          type="email"
          name="email"
          autoComplete="username"
          isRequired
          value={email}
          onChange={setEmail}
        >
          <Label>{t('auth.email')}</Label>
          <Input />
          <FieldError className="field__error" />
        </TextField>
        <TextField
          className="field"
          type="password"
          name="password"
          autoComplete="current-password"
          isRequired
          value={password}
          onChange={setPassword}
        >
          <Label>{t('auth.password')}</Label>
          <Input />
          <FieldError className="field__error" />
        </TextField>
        <Button type="submit" className="button button--primary" isDisabled={loading}>
          {loading ? t('auth.signingIn') : t('auth.signIn')}
        </Button>
      </Form>
    </div>
  );
}
