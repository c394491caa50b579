import { Schema, type Connection, type Types } from 'mongoose';
import { LOCALES, SYSTEM_ROLES, type Locale, type SystemRole } from '@lip/common';

/**
 * Account states: invited (not yet signed in), active, deactivated (cannot sign in), or deleted
 * (a nameless placeholder).
 */
export const PERSON_STATUSES = ['invited', 'active', 'deactivated', 'deleted'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

/** The link of an account to the city's identity provider (set at the first sign-in there). */
export interface PersonOidcLink {
  issuer: string;
  subject: string;
  linkedAt: Date;
}

/**
 * A person's account. `passwordHash` is argon2id; null while only invited or for accounts that
 * sign in only through the city's identity provider. A deleted account keeps only its `_id`
 * (so contributions stay credited to "former member") and `deletedAt`.
 */
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
  /** Whether a second factor (TOTP) is set up; the secret itself lives in `second_factors`. */
  secondFactorEnabled?: boolean;
  oidc?: PersonOidcLink | null;
  deletedAt?: Date | null;
  createdAt: Date;
  /** Set by changes the search index must see (e.g. a deletion); older records have none. */
  updatedAt?: Date;
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
    secondFactorEnabled: { type: Boolean, default: false },
    oidc: {
      type: new Schema<PersonOidcLink>(
        {
          issuer: { type: String, required: true },
          subject: { type: String, required: true },
          linkedAt: { type: Date, default: () => new Date() },
        },
        { _id: false },
      ),
      default: null,
    },
    deletedAt: { type: Date, default: null },
    createdAt: { type: Date, default: () => new Date() },
    updatedAt: { type: Date },
  },
  { collection: 'people', versionKey: false },
);
personSchema.index({ 'oidc.subject': 1 });

/** Registers the Person model on a connection. */
export function registerPersonModel(connection: Connection) {
  return connection.model<PersonDoc>('Person', personSchema);
}
export type PersonModel = ReturnType<typeof registerPersonModel>;
