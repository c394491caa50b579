import { Schema, type Connection } from 'mongoose';

/**
 * A sign-in through the identity provider in progress (collection `oidc_transactions`): the
 * state, nonce and PKCE verifier, bound to the browser by a random cookie whose HMAC is the `_id`.
 * Deleted when the callback arrives (so a replayed callback finds nothing) or after 10 minutes.
 */
export interface OidcTransactionDoc {
  _id: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Where to go after signing in (a same-site path). */
  next: string;
  createdAt: Date;
}

const transactionSchema = new Schema<OidcTransactionDoc>(
  {
    _id: { type: String, required: true },
    state: { type: String, required: true },
    nonce: { type: String, required: true },
    codeVerifier: { type: String, required: true },
    next: { type: String, default: '/' },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'oidc_transactions', versionKey: false },
);
transactionSchema.index({ createdAt: 1 });

/** Registers the OidcTransaction model on a connection. */
export function registerOidcTransactionModel(connection: Connection) {
  return connection.model<OidcTransactionDoc>('OidcTransaction', transactionSchema);
}
