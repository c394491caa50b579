import { useTranslation } from 'react-i18next';
import { toErrorCode, toErrorMessage, type ErrorCode } from './error-codes';

/**
 * Shows an API error as a sentence a person understands (mapped from the stable error code),
 * announced immediately via `role="alert"`. A feature whose errors read differently passes
 * `messageKey` (code → translation key) and the values its messages need.
 */
export function ErrorNotice({
  error,
  code,
  messageKey = (resolved) => `errors.${resolved}`,
  values,
}: {
  error?: unknown;
  code?: ErrorCode;
  messageKey?: (code: ErrorCode) => string;
  values?: Record<string, unknown>;
}) {
  const { t } = useTranslation();
  const resolved = code ?? toErrorCode(error);
  return (
    <div className="notice notice--error" role="alert">
      {t(messageKey(resolved), values)}
    </div>
  );
}

/**
 * Shows the API's own sentence for an error when it has one (it names the field or the reason,
 * e.g. "Indikator 2: Bitte einen Namen angeben."), else the sentence of its error code.
 */
export function ApiErrorNotice({ error }: { error: unknown }) {
  const message = toErrorMessage(error);
  if (!message) return <ErrorNotice error={error} />;
  return (
    <div className="notice notice--error" role="alert">
      {message}
    </div>
  );
}
