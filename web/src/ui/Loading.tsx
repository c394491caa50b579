import { useTranslation } from 'react-i18next';

/** A polite loading message; screen readers hear it once, sighted people see a spinner line. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}
