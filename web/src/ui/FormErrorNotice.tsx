import { useTranslation } from 'react-i18next';
import { ErrorNotice } from './ErrorNotice';
import type { FormErrors } from './useFormErrors';

/**
 * The alert above a form: the invalid fields, each with its rule, when there are any (the fields
 * show theirs too), else the request's error as a sentence. Nothing when all is well.
 */
export function FormErrorNotice({ form, error }: { form: FormErrors; error?: unknown }) {
  const { t } = useTranslation();
  if (form.summary.length > 0) {
    return (
      <div className="notice notice--error" role="alert">
        <p className="notice__title">{t('fieldRules.summary')}</p>
        <ul className="notice__list">
          {form.summary.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      </div>
    );
  }
  return error ? <ErrorNotice error={error} /> : null;
}
