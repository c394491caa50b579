import { z } from 'zod';
import { COLLAB_MODES } from './collab';

/**
 * The payload of a collab ticket: issued by the API's `collabTicket` mutation, verified by the
 * collab server with the shared secret, without calling the API. Encoded as
 * `base64url(JSON payload) + "." + base64url(HMAC-SHA256(secret, first part))`.
 */
export const collabTicketPayloadSchema = z.object({
  /** Format version. */
  v: z.literal(1),
  /** Document id (not the room name). */
  doc: z.string().regex(/^[0-9a-f]{24}$/),
  /** Person id. */
  sub: z.string().min(1).max(64),
  /** Session id, so signing out revokes live connections. */
  sid: z.string().min(1).max(128),
  mode: z.enum(COLLAB_MODES),
  /** Display name and caret colour for awareness. */
  name: z.string().max(200),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** Issued at and expiry, in seconds since the epoch. */
  iat: z.number().int(),
  exp: z.number().int(),
  /**
   * Issued at in milliseconds, taken before the policy decided the mode: a revocation written at
   * or after it refuses the ticket at connect. Without it, `iat` (whole seconds) is used.
   */
  iatMs: z.number().int().optional(),
});
export type CollabTicketPayload = z.infer<typeof collabTicketPayloadSchema>;

/** Lifetime of a ticket in seconds; it is checked only when a connection opens. */
export const COLLAB_TICKET_TTL_SECONDS = 120;
