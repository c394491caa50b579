import { useTranslation } from 'react-i18next';
import { toErrorCode, type ErrorCode } from './error-codes';

/**
 * Shows an API error as a sentence a person understands (mapped from the stable error code),
 * announced immediately via `role="alert"`.
 */
export function ErrorNotice({ error, code }: { error?: unknown; code?: ErrorCode }) {
  const { t } = useTranslation();
  const resolved = code ?? toErrorCode(error);
  return (
    <div className="notice notice--error" role="alert">
      {t(`errors.${resolved}`)}
    </div>
  );
}
