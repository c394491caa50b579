import { useId, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { getFragmentData, graphql, type FragmentType } from '../../generated';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { formatDateTime } from '../../i18n/format';
import { ApiErrorNotice } from '../../ui/ErrorNotice';
import { accountTexts } from './account.texts';

/** One signed-in device as the list shows it. */
export const DeviceList_session = graphql(`
  fragment DeviceList_session on DeviceSession {
    id
    createdAt
    userAgent
    current
  }
`);

const EndDeviceSessionDocument = graphql(`
  mutation EndDeviceSession($input: EndDeviceSessionInput!) {
    endDeviceSession(input: $input)
  }
`);

/** A short name for a browser's user-agent string ("Firefox on Linux"), else the raw start. */
export function toDeviceName(userAgent: string | null, unknown: string): string {
  if (!userAgent) return unknown;
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  if (browser && system) return `${browser} (${system})`;
  return browser ?? userAgent.slice(0, 40);
}

/**
 * The signed-in devices of a person, each with a button that ends its session (not the device in
 * use). `owner` is the person's name when an admin looks at someone else's devices. A refusal is
 * shown in the API's words beside the device it concerns.
 */
export function DeviceList(props: {
  sessions: FragmentType<typeof DeviceList_session>[];
  owner?: string;
  onEnded: () => unknown;
}) {
  const { t, i18n } = useFeatureTranslation(accountTexts);
  const headingId = useId();
  const [failed, setFailed] = useState<{ sessionId: string; error: unknown } | null>(null);
  const [endDevice, ended] = useMutation(EndDeviceSessionDocument);
  const sessions = props.sessions.map((s) => getFragmentData(DeviceList_session, s));
  const other = props.owner !== undefined;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('myData.devices')}</h2>
      {sessions.length === 0 ? (
        <p className="muted">{t('devices.none')}</p>
      ) : (
        <ul className="plain-list device-list">
          {sessions.map((session) => {
            const device = toDeviceName(session.userAgent ?? null, t('myData.unknownDevice'));
            return (
              <li key={session.id}>
                <span>
                  <strong>{device}</strong>
                  {session.current ? ` (${t('myData.thisDevice')})` : null}
                  <br />
                  <span className="muted">
                    {t('myData.since', { date: formatDateTime(session.createdAt, i18n.language) })}
                  </span>
                </span>
                {session.current ? null : (
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={
                      other
                        ? t('devices.endOtherLabel', { device, name: props.owner })
                        : t('myData.endDeviceLabel', { device })
                    }
                    disabled={ended.loading}
                    onClick={() => {
                      setFailed(null);
                      endDevice({ variables: { input: { sessionId: session.id } } })
                        .then(() => props.onEnded())
                        .catch((error: unknown) => setFailed({ sessionId: session.id, error }));
                    }}
                  >
                    {other ? t('devices.endOther') : t('myData.endDevice')}
                  </button>
                )}
                {failed?.sessionId === session.id ? (
                  <div className="device-list__error">
                    <ApiErrorNotice error={failed.error} />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
