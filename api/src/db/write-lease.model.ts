import { Schema, type Connection } from 'mongoose';

/**
 * One lease of the cross-process write lock (see `keyed-lock.ts`): `_id` is `<key>:<n>` with `n`
 * counting up per key, so the engine's unique `_id` decides which of two writers got a lease,
 * atomically on MongoDB and on FerretDB alike.
 */
export interface WriteLeaseDoc {
  _id: string;
  key: string;
  n: number;
  /** Which lock instance holds it (for diagnosis). */
  owner: string;
  expiresAt: Date;
  releasedAt: Date | null;
  createdAt: Date;
}

const writeLeaseSchema = new Schema<WriteLeaseDoc>(
  {
    _id: { type: String, required: true },
    key: { type: String, required: true },
    n: { type: Number, required: true },
    owner: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    releasedAt: { type: Date, default: null },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'write_leases', versionKey: false },
);
writeLeaseSchema.index({ key: 1, n: -1 });

/** Registers the WriteLease model on a connection. */
export function registerWriteLeaseModel(connection: Connection) {
  return connection.model<WriteLeaseDoc>('WriteLease', writeLeaseSchema);
}
export type WriteLeaseModel = ReturnType<typeof registerWriteLeaseModel>;
