import { Schema, type Connection } from 'mongoose';

/**
 * A person's TOTP second factor (collection `second_factors`, `_id` = person id), kept apart from
 * the person record so no person query can ever carry it. Secrets are sealed (AES-256-GCM, see
 * `auth/secret-box.ts`); recovery codes are stored only as SHA-256 hashes (they are random, 50
 * bits each, so a slow hash adds nothing).
 */
export interface SecondFactorDoc {
  _id: string;
  /** The confirmed secret, sealed; null while only a setup is pending. */
  secret: string | null;
  enabledAt: Date | null;
  /** A secret shown in a setup that is not yet confirmed with a code, sealed. */
  pendingSecret: string | null;
  pendingSince: Date | null;
  recoveryCodeHashes: string[];
  /** The last accepted TOTP time step: a code is accepted once (no replay within its window). */
  lastUsedStep: number;
  updatedAt: Date;
}

const secondFactorSchema = new Schema<SecondFactorDoc>(
  {
    _id: { type: String, required: true },
    secret: { type: String, default: null },
    enabledAt: { type: Date, default: null },
    pendingSecret: { type: String, default: null },
    pendingSince: { type: Date, default: null },
    recoveryCodeHashes: { type: [String], default: [] },
    lastUsedStep: { type: Number, default: 0 },
    updatedAt: { type: Date, default: () => new Date() },
  },
  { collection: 'second_factors', versionKey: false },
);

/** Registers the SecondFactor model on a connection. */
export function registerSecondFactorModel(connection: Connection) {
  return connection.model<SecondFactorDoc>('SecondFactor', secondFactorSchema);
}
