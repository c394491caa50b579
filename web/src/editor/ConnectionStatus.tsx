import { useTranslation } from 'react-i18next';
import type { CollabState } from './collab-connection';

/** The indicator's wording, derived from the connection state. */
export type StatusKind =
  'connecting' | 'saving' | 'saved' | 'offline' | 'readOnly' | 'noAccess' | 'failed';

/** Maps a connection snapshot to what the indicator says. */
export function toStatusKind(state: CollabState | null): StatusKind {
  if (!state) return 'connecting';
  switch (state.phase) {
    case 'no-access':
      return 'noAccess';
    case 'offline':
      return 'offline';
    case 'failed':
      return 'failed';
    case 'connecting':
      return state.pending ? 'offline' : 'connecting';
    case 'connected':
      if (state.mode !== 'edit') return 'readOnly';
      return state.pending || !state.synced ? 'saving' : 'saved';
  }
}

/**
 * Connection and saving indicator (connected, saving, saved, offline, read-only, no access). It
 * is a polite live region, so changes are announced without moving focus.
 */
export function ConnectionStatus({ state }: { state: CollabState | null }) {
  const { t } = useTranslation();
  const kind = toStatusKind(state);
  return (
    <p className={`connection-status connection-status--${kind}`} role="status" data-status={kind}>
      <span className="connection-status__dot" aria-hidden="true" />
      {t(`editor.status.${kind}`)}
    </p>
  );
}
