/**
 * Personal data ("Meine Daten"): seeing, exporting (ZIP) and deleting one's own data, for admins
 * also other people's; ending sessions from a list.
 */
export { createPrivacyRouter, EXPORT_PATH } from './privacy.routes';
export { FORMER_MEMBER } from './privacy.service';
