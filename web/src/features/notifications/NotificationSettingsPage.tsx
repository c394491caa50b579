import { useEffect, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../generated';
import type { EmailMode, NotificationKind } from '../../generated/graphql';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { notificationsTexts } from './notifications.texts';

const NotificationSettingsDocument = graphql(`
  query NotificationSettings {
    notificationSettings {
      email {
        kind
        mode
      }
    }
  }
`);

const UpdateNotificationSettingsDocument = graphql(`
  mutation UpdateNotificationSettings($input: UpdateNotificationSettingsInput!) {
    updateNotificationSettings(input: $input) {
      settings {
        email {
          kind
          mode
        }
      }
    }
  }
`);

const MODES: EmailMode[] = ['IMMEDIATE', 'DIGEST', 'OFF'];

/**
 * The viewer's e-mail settings: for each kind of notification a group of three radio buttons
 * (right away, daily digest, none). Invitations are not listed: they go to people without an
 * account yet.
 */
export function NotificationSettingsPage() {
  const { t } = useFeatureTranslation(notificationsTexts);
  const { data, loading, error } = useQuery(NotificationSettingsDocument);
  const [save, saveState] = useMutation(UpdateNotificationSettingsDocument);
  const [modes, setModes] = useState<Partial<Record<NotificationKind, EmailMode>>>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (data) {
      setModes(Object.fromEntries(data.notificationSettings.email.map((e) => [e.kind, e.mode])));
    }
  }, [data]);
  const kinds = (data?.notificationSettings.email ?? [])
    .map((e) => e.kind)
    .filter((kind) => kind !== 'INVITATION');

  return (
    <div className="page page--narrow">
      <PageTitle>{t('settingsTitle')}</PageTitle>
      <p>{t('settingsIntro')}</p>
      {loading && !data ? <Loading /> : null}
      {error && !data ? <ErrorNotice error={error} /> : null}
      {data ? (
        <form
          className="form settings-form"
          onSubmit={(event) => {
            event.preventDefault();
            setSaved(false);
            const email = kinds.flatMap((kind) => {
              const mode = modes[kind];
              return mode ? [{ kind, mode }] : [];
            });
            void save({ variables: { input: { email } } })
              .then(() => setSaved(true))
              .catch(() => undefined);
          }}
        >
          {kinds.map((kind) => (
            <fieldset key={kind} className="settings-form__kind">
              <legend>{t(`kind.${kind}`)}</legend>
              <div className="segmented">
                {MODES.map((mode) => (
                  <label key={mode}>
                    <input
                      type="radio"
                      name={`mode-${kind}`}
                      value={mode}
                      checked={modes[kind] === mode}
                      onChange={() => {
                        setSaved(false);
                        setModes((current) => ({ ...current, [kind]: mode }));
                      }}
                    />
                    {t(`mode.${mode}`)}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          {saveState.error ? <ErrorNotice error={saveState.error} /> : null}
          <div role="status" aria-live="polite">
            {saved ? <p className="notice notice--success">{t('settingsSaved')}</p> : null}
          </div>
          <button type="submit" className="button button--primary" disabled={saveState.loading}>
            {saveState.loading ? t('settingsSaving') : t('settingsSave')}
          </button>
        </form>
      ) : null}
    </div>
  );
}
