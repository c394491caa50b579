import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The page's one `h1`. It sets the document title and takes focus after client-side navigation,
 * so screen-reader users hear where they arrived (focus is not moved on the first load).
 */
export function PageTitle({ children }: { children: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} – ${t('app.name')}`;
  }, [children, t]);
  useEffect(() => {
    const active = document.activeElement;
    if (active && active !== document.body && !active.closest('header')) return;
    if (window.history.state && (window.history.state as { idx?: number }).idx) {
      ref.current?.focus();
    }
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
