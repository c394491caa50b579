import { Schema, type Connection, type Types } from 'mongoose';
import { PARTNER_TYPES, type PartnerType } from '@lip/common';

/** A partner organisation. */
export interface OrganisationDoc {
  _id: Types.ObjectId;
  name: string;
  partnerType: PartnerType;
}

const organisationSchema = new Schema<OrganisationDoc>(
  {
    name: { type: String, required: true },
    partnerType: { type: String, enum: PARTNER_TYPES, required: true },
  },
  { collection: 'organisations', versionKey: false },
);

/** Registers the Organisation model on a connection. */
export function registerOrganisationModel(connection: Connection) {
  return connection.model<OrganisationDoc>('Organisation', organisationSchema);
}
export type OrganisationModel = ReturnType<typeof registerOrganisationModel>;
