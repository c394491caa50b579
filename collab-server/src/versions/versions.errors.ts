/** Why a versions operation failed. */
export type VersionErrorCode = 'VERSION_NOT_FOUND' | 'INVALID_INPUT' | 'VERSION_DAMAGED';

/** Domain errors of versions; the internal routes map each code to an HTTP status once. */
export class VersionError extends Error {
  constructor(
    readonly code: VersionErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The message of a version that cannot be found (or belongs to another document). */
export function versionNotFound(): VersionError {
  return new VersionError('VERSION_NOT_FOUND', 'Version not found / Version nicht gefunden');
}
