import { COLLAB_MODES, type CollabMode } from '@lip/common';

/** What the web app reads from a collab ticket (it never verifies it; the collab server does). */
export interface TicketClaims {
  mode: CollabMode;
  name: string;
  color: string;
}

function decodeBase64Url(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  // UTF-8 decode via percent-encoding: works in every browser and in jsdom (no TextDecoder there).
  return decodeURIComponent(
    Array.from(binary, (char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
  );
}

/**
 * Reads mode, display name and caret colour from a ticket (`base64url(JSON).signature`), so the
 * editor knows whether to be editable and how to present the local caret. Undefined when the
 * ticket is not in the expected format.
 */
export function readTicketClaims(ticket: string): TicketClaims | undefined {
  const [payload] = ticket.split('.');
  if (!payload) return undefined;
  try {
    const parsed = JSON.parse(decodeBase64Url(payload)) as Record<string, unknown>;
    const mode = parsed.mode;
    if (typeof mode !== 'string' || !(COLLAB_MODES as readonly string[]).includes(mode)) {
      return undefined;
    }
    return {
      mode: mode as CollabMode,
      name: typeof parsed.name === 'string' ? parsed.name : '',
      color: typeof parsed.color === 'string' ? parsed.color : '#1f5f99',
    };
  } catch {
    return undefined;
  }
}
