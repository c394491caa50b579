import { Schema, type Connection, type Types } from 'mongoose';
import { LOCALES, SYSTEM_ROLES, type Locale, type SystemRole } from '@lip/common';

/** Account states: invited (no password yet), active, or deactivated (cannot sign in). */
export const PERSON_STATUSES = ['invited', 'active', 'deactivated'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

/** A person's account. `passwordHash` is argon2id; null while only invited. */
export interface PersonDoc {
  _id: Types.ObjectId;
  name: string;
  /** Lower-cased. */
  email: string;
  passwordHash: string | null;
  locale: Locale;
  organisationId: Types.ObjectId | null;
  systemRole: SystemRole;
  coordinatorScope: { all: boolean; actionFieldKeys: string[] };
  status: PersonStatus;
  createdAt: Date;
}

const personSchema = new Schema<PersonDoc>(
  {
    name: { type: String, required: true },
    email: { type: String, required: true, unique: true },
    passwordHash: { type: String, default: null },
    locale: { type: String, enum: LOCALES, default: 'de' },
    organisationId: { type: Schema.Types.ObjectId, default: null },
    systemRole: { type: String, enum: SYSTEM_ROLES, default: 'member' },
    coordinatorScope: {
      all: { type: Boolean, default: false },
      actionFieldKeys: { type: [String], default: [] },
    },
    status: { type: String, enum: PERSON_STATUSES, default: 'active' },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'people', versionKey: false },
);

/** Registers the Person model on a connection. */
export function registerPersonModel(connection: Connection) {
  return connection.model<PersonDoc>('Person', personSchema);
}
export type PersonModel = ReturnType<typeof registerPersonModel>;
