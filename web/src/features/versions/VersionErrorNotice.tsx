import { ErrorNotice } from '../../ui/ErrorNotice';
import type { ErrorCode } from '../../ui/error-codes';

/** The longest version name the API accepts (the collab server trims and checks 1-200). */
export const MAX_VERSION_LABEL_LENGTH = 200;

/**
 * The translation key for a failed version request. Versions live in the collab server, so the
 * API reports it being unreachable as CONFLICT, which the generic text would misdescribe as
 * someone else's change; an invalid name gets the length rule. Every other code keeps the
 * shared wording of `errors.<code>`.
 */
export function toVersionErrorKey(code: ErrorCode): string {
  switch (code) {
    case 'CONFLICT':
      return 'versions:unavailable';
    case 'BAD_USER_INPUT':
      return 'versions:labelInvalid';
    default:
      return `errors.${code}`;
  }
}

/** A failed version request as an alert, worded by {@link toVersionErrorKey}. */
export function VersionErrorNotice({ error }: { error: unknown }) {
  return (
    <ErrorNotice
      error={error}
      messageKey={toVersionErrorKey}
      values={{ max: MAX_VERSION_LABEL_LENGTH }}
    />
  );
}
