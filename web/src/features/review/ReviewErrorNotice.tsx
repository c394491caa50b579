import { useFeatureTranslation } from '../../i18n/feature-texts';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { reviewTexts } from './review.texts';

/** The API's domain reason of an Apollo error (`extensions.reason`), when it has one. */
export function reasonOf(error: unknown): string | undefined {
  const errors = (
    error as { errors?: readonly { extensions?: { reason?: unknown } | null }[] } | null
  )?.errors;
  const reason = errors?.[0]?.extensions?.reason;
  return typeof reason === 'string' ? reason : undefined;
}

/** Reasons whose field messages name the particular case (which other round holds a document). */
const NAMED_REASONS = new Set(['in-other-round']);

/** The field messages of an Apollo error, worded by the API in the viewer's language. */
function fieldMessagesOf(error: unknown): string[] {
  const errors = (
    error as {
      errors?: readonly { extensions?: { fields?: readonly { message?: unknown }[] } | null }[];
    } | null
  )?.errors;
  return (errors?.[0]?.extensions?.fields ?? []).flatMap((field) =>
    typeof field.message === 'string' ? [field.message] : [],
  );
}

/**
 * An error of the review workflow as a sentence: the workflow's own reasons (a deadline in the
 * past, a missing reason, the four-eyes rule …) get their own words, anything else the app's.
 */
export function ReviewErrorNotice({ error }: { error: unknown }) {
  const { t, i18n } = useFeatureTranslation(reviewTexts);
  const reason = reasonOf(error);
  const key = reason ? `errors.${reason}` : undefined;
  if (key && i18n.exists(key, { ns: reviewTexts.namespace })) {
    const details = reason && NAMED_REASONS.has(reason) ? fieldMessagesOf(error) : [];
    return (
      <div className="notice notice--error" role="alert">
        {t(key)}
        {details.map((detail) => (
          <p key={detail}>{detail}</p>
        ))}
      </div>
    );
  }
  return <ErrorNotice error={error} />;
}
