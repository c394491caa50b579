import { useState } from 'react';
import { CombinedGraphQLErrors } from '@apollo/client';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import { graphql } from '../../generated';
import { AppViewerDocument, useOptionalViewer } from '../../app/session';
import { PageTitle } from '../../ui/PageTitle';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { toErrorCode } from '../../ui/error-codes';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { accountTexts } from '../account/account.texts';

const SignInDocument = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      viewer {
        id
      }
      secondFactorChallenge
    }
  }
`);

const CompleteSignInDocument = graphql(`
  mutation CompleteSignIn($input: CompleteSignInInput!) {
    completeSignIn(input: $input) {
      viewer {
        id
      }
    }
  }
`);

const SignInOptionsDocument = graphql(`
  query SignInOptions {
    signInOptions {
      cityAccountLabel
      cityAccountPath
    }
  }
`);

/** The API's own sentence for an error (already in the person's language), if it sent one. */
function serverMessage(error: unknown): string | null {
  return CombinedGraphQLErrors.is(error) ? (error.errors[0]?.message ?? null) : null;
}

/** Only same-site paths are followed after signing in (no open redirects). */
export function toSafeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/**
 * Sign-in: the city's identity provider (when configured) or e-mail and password, then the second
 * factor where the person has one; afterwards goes where the person wanted to go.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const { t: ta } = useFeatureTranslation(accountTexts);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const viewer = useOptionalViewer();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [challenge, setChallenge] = useState<string | null>(null);
  const options = useQuery(SignInOptionsDocument).data?.signInOptions;
  const client = useApolloClient();
  // The viewer is fetched again only once a session exists (not after the password step of a
  // person with a second factor).
  const [signIn, { loading, error }] = useMutation(SignInDocument);
  const next = toSafeNext(params.get('next'));
  if (viewer) return <Navigate to={next} replace />;
  if (challenge) {
    return (
      <SecondFactorStep
        challenge={challenge}
        onDone={() => void navigate(next, { replace: true })}
        onRestart={() => {
          setPassword('');
          setChallenge(null);
        }}
      />
    );
  }
  const errorCode = error ? toErrorCode(error) : null;

  return (
    <div className="narrow">
      <PageTitle>{t('auth.signInTitle')}</PageTitle>
      <p>{t('auth.signInIntro')}</p>
      {options?.cityAccountLabel && options.cityAccountPath ? (
        <div className="city-account">
          {/* A full page load: the API redirects to the identity provider. */}
          <a
            className="button button--primary city-account__button"
            href={`${options.cityAccountPath}?next=${encodeURIComponent(next)}`}
          >
            {options.cityAccountLabel}
          </a>
          <p className="city-account__hint">{ta('cityAccountHint')}</p>
          <p className="city-account__or" aria-hidden="true">
            {ta('or')}
          </p>
        </div>
      ) : null}
      {error && errorCode ? (
        ['UNAUTHENTICATED', 'BAD_USER_INPUT', 'NOT_FOUND'].includes(errorCode) ? (
          <div className="notice notice--error" role="alert">
            {t('auth.failed')}
          </div>
        ) : errorCode === 'FORBIDDEN' && serverMessage(error) ? (
          <div className="notice notice--error" role="alert">
            {serverMessage(error)}
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
            .then(async (result) => {
              const pending = result.data?.signIn.secondFactorChallenge;
              if (pending) return setChallenge(pending);
              await client.query({ query: AppViewerDocument, fetchPolicy: 'network-only' });
              return navigate(next, { replace: true });
            })
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

/** The second step for people with a second factor: a TOTP code or a recovery code. */
function SecondFactorStep({
  challenge,
  onDone,
  onRestart,
}: {
  challenge: string;
  onDone: () => void;
  onRestart: () => void;
}) {
  const { t } = useFeatureTranslation(accountTexts);
  const [code, setCode] = useState('');
  const [complete, { loading, error }] = useMutation(CompleteSignInDocument, {
    refetchQueries: [{ query: AppViewerDocument }],
    awaitRefetchQueries: true,
  });
  const errorCode = error ? toErrorCode(error) : null;
  return (
    <div className="narrow">
      <PageTitle>{t('secondFactorTitle')}</PageTitle>
      <p>{t('secondFactorIntro')}</p>
      {error ? (
        errorCode === 'BAD_USER_INPUT' ? (
          <div className="notice notice--error" role="alert">
            {t('wrongCode')}
          </div>
        ) : errorCode === 'UNAUTHENTICATED' ? (
          <div className="notice notice--error" role="alert">
            {t('challengeExpired')}
          </div>
        ) : (
          <ErrorNotice error={error} />
        )
      ) : null}
      <Form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          complete({
            variables: { input: { secondFactorChallenge: challenge, code: code.trim() } },
          })
            .then(() => onDone())
            .catch(() => setCode(''));
        }}
      >
        <TextField
          className="field"
          name="one-time-code"
          autoComplete="one-time-code"
          isRequired
          autoFocus
          value={code}
          onChange={setCode}
        >
          <Label>{t('code')}</Label>
          <Input inputMode="text" />
          <FieldError className="field__error" />
        </TextField>
        <Button type="submit" className="button button--primary" isDisabled={loading}>
          {loading ? t('checking') : t('confirm')}
        </Button>
      </Form>
      <p>
        <button type="button" className="button button--quiet" onClick={onRestart}>
          {t('back')}
        </button>
      </p>
    </div>
  );
}
