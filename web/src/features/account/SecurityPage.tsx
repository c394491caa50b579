import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../../generated';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { toErrorCode } from '../../ui/error-codes';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { accountTexts } from './account.texts';

const SecurityPageDocument = graphql(`
  query SecurityPage {
    viewer {
      id
      signInMethod
      canAdministerPeopleData
      secondFactor {
        enabled
        requiredForRole
        setupRequired
        recoveryCodesLeft
      }
    }
  }
`);

const SignInSettingsDocument = graphql(`
  query SignInSettings {
    signInSettings {
      passwordForCityAccounts
      cityAccountConfigured
    }
  }
`);

const StartSetupDocument = graphql(`
  mutation StartSecondFactorSetup {
    startSecondFactorSetup {
      secret
      qrCode
    }
  }
`);

const ConfirmSetupDocument = graphql(`
  mutation ConfirmSecondFactorSetup($input: SecondFactorCodeInput!) {
    confirmSecondFactorSetup(input: $input) {
      recoveryCodes
      viewer {
        id
      }
    }
  }
`);

const RegenerateDocument = graphql(`
  mutation RegenerateRecoveryCodes($input: SecondFactorCodeInput!) {
    regenerateRecoveryCodes(input: $input)
  }
`);

const DisableDocument = graphql(`
  mutation DisableSecondFactor($input: SecondFactorCodeInput!) {
    disableSecondFactor(input: $input) {
      id
    }
  }
`);

const SetPasswordForCityDocument = graphql(`
  mutation SetPasswordSignInForCityAccounts($enabled: Boolean!) {
    setPasswordSignInForCityAccounts(enabled: $enabled) {
      passwordForCityAccounts
      cityAccountConfigured
    }
  }
`);

/**
 * "Anmeldung und Sicherheit": the second factor (set up with a QR code, confirm, recovery codes
 * shown once; new codes or switching off with a current code), and for admins whether people
 * linked to a city account may still use a password.
 */
export function SecurityPage() {
  const { t } = useFeatureTranslation(accountTexts);
  const { data, loading, error, refetch } = useQuery(SecurityPageDocument);
  if (loading && !data) return <Loading />;
  if (error || !data?.viewer) return <ErrorNotice error={error} />;
  const viewer = data.viewer;
  return (
    <div className="narrow">
      <PageTitle>{t('security.title')}</PageTitle>
      {viewer.signInMethod === 'CITY_ACCOUNT' ? (
        <p className="notice notice--info">{t('security.cityAccountSession')}</p>
      ) : (
        <SecondFactorSection status={viewer.secondFactor} onChanged={() => void refetch()} />
      )}
      {viewer.canAdministerPeopleData ? <PasswordForCitySection /> : null}
      {viewer.canAdministerPeopleData ? (
        <section aria-labelledby="audit-trail-heading">
          <h2 id="audit-trail-heading">{t('security.auditTitle')}</h2>
          <p>{t('security.auditIntro')}</p>
          <p>
            <Link to="/audit">{t('security.auditLink')}</Link>
          </p>
        </section>
      ) : null}
    </div>
  );
}

function SecondFactorSection({
  status,
  onChanged,
}: {
  status: { enabled: boolean; requiredForRole: boolean; recoveryCodesLeft: number };
  onChanged: () => void;
}) {
  const { t } = useFeatureTranslation(accountTexts);
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [start, started] = useMutation(StartSetupDocument);
  const [confirm, confirmed] = useMutation(ConfirmSetupDocument);
  const [regenerate, regenerated] = useMutation(RegenerateDocument);
  const [disable, disabled] = useMutation(DisableDocument);
  const error = confirmed.error ?? regenerated.error ?? disabled.error ?? started.error;
  const setup = started.data?.startSecondFactorSetup;
  const input = { input: { code: code.trim() } };
  const busy = started.loading || confirmed.loading || regenerated.loading || disabled.loading;

  const onConfirm = (event: FormEvent) => {
    event.preventDefault();
    confirm({ variables: input })
      .then((result) => {
        setRecoveryCodes(result.data?.confirmSecondFactorSetup.recoveryCodes ?? null);
        setCode('');
        onChanged();
      })
      .catch(() => setCode(''));
  };

  return (
    <section aria-labelledby="second-factor-heading">
      <h2 id="second-factor-heading">{t('security.secondFactor')}</h2>
      <p>
        {status.enabled
          ? t('security.enabled', { count: status.recoveryCodesLeft })
          : t('security.notEnabled')}
      </p>
      {status.requiredForRole && !status.enabled ? (
        <p className="notice notice--info">{t('security.required')}</p>
      ) : null}
      {error ? (
        toErrorCode(error) === 'BAD_USER_INPUT' ? (
          <div className="notice notice--error" role="alert">
            {t('wrongCode')}
          </div>
        ) : (
          <ErrorNotice error={error} />
        )
      ) : null}
      {recoveryCodes ? (
        <div className="notice notice--success" role="status">
          <h3>{t('security.recoveryTitle')}</h3>
          <p>{t('security.recoveryIntro')}</p>
          <ul className="recovery-codes">
            {recoveryCodes.map((item) => (
              <li key={item}>
                <code>{item}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {!status.enabled && !setup ? (
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => void start().catch(() => undefined)}
        >
          {t('security.start')}
        </button>
      ) : null}
      {!status.enabled && setup ? (
        <form className="form" onSubmit={onConfirm}>
          <p>{t('security.scan')}</p>
          <img className="qr-code" src={setup.qrCode} alt={t('security.qrAlt')} />
          <p>
            {t('security.secret')}: <code className="secret">{setup.secret}</code>
          </p>
          <CodeField value={code} onChange={setCode} label={t('code')} />
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('security.confirmSetup')}
          </button>
        </form>
      ) : null}
      {status.enabled ? (
        <form className="form" onSubmit={(event) => event.preventDefault()}>
          <CodeField value={code} onChange={setCode} label={t('security.codeForAction')} />
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={busy || !code.trim()}
              onClick={() =>
                void regenerate({ variables: input })
                  .then((result) => {
                    setRecoveryCodes(result.data?.regenerateRecoveryCodes ?? null);
                    setCode('');
                    onChanged();
                  })
                  .catch(() => setCode(''))
              }
            >
              {t('security.regenerate')}
            </button>
            {status.requiredForRole ? null : (
              <button
                type="button"
                className="button"
                disabled={busy || !code.trim()}
                onClick={() =>
                  void disable({ variables: input })
                    .then(() => {
                      setCode('');
                      setRecoveryCodes(null);
                      onChanged();
                    })
                    .catch(() => setCode(''))
                }
              >
                {t('security.disable')}
              </button>
            )}
          </div>
        </form>
      ) : null}
    </section>
  );
}

function CodeField({
  value,
  onChange,
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  label: string;
}) {
  return (
    <div className="field">
      <label htmlFor="second-factor-code">{label}</label>
      <input
        id="second-factor-code"
        name="one-time-code"
        autoComplete="one-time-code"
        required
        maxLength={20}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

function PasswordForCitySection() {
  const { t } = useFeatureTranslation(accountTexts);
  const { data } = useQuery(SignInSettingsDocument);
  const [setPasswordForCity, { loading, error }] = useMutation(SetPasswordForCityDocument, {
    refetchQueries: [{ query: SignInSettingsDocument }],
  });
  const settings = data?.signInSettings;
  if (!settings?.cityAccountConfigured) return null;
  const on = settings.passwordForCityAccounts;
  return (
    <section aria-labelledby="password-for-city-heading">
      <h2 id="password-for-city-heading">{t('security.passwordForCity')}</h2>
      <p>{t('security.passwordForCityIntro')}</p>
      <p>
        <strong>{on ? t('security.passwordForCityOn') : t('security.passwordForCityOff')}</strong>
      </p>
      {error ? <ErrorNotice error={error} /> : null}
      <button
        type="button"
        className="button"
        disabled={loading}
        onClick={() =>
          void setPasswordForCity({ variables: { enabled: !on } }).catch(() => undefined)
        }
      >
        {on ? t('security.switchOff') : t('security.switchOn')}
      </button>
    </section>
  );
}
