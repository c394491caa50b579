/**
 * The audit actions: what administrators (and the identity provider, on their behalf) do with
 * people and rights, written by the API (`recordAudit`) and worded by the web under
 * `audit.actions.<action with . and - as _>`. Defined once so a new action cannot be written
 * without a text.
 */
export const AUDIT_ACTIONS = [
  'person.invited',
  'person.role-changed',
  'person.deactivated',
  'person.reactivated',
  'person.deleted',
  'person.data-exported',
  'person.session-ended',
  'person.second-factor-reset',
  'person.linked-to-city-account',
  'person.created-by-city-account',
  'person.role-set-by-city-account',
  'sign-in.password-for-city-accounts-changed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The translation key of an action below `audit.actions` (`person.role-changed` → `person_role_changed`). */
export function auditActionKey(action: AuditAction): string {
  return action.replace(/[.-]/g, '_');
}
