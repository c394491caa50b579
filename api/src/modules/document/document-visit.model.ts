import { Schema, type Connection, type Types } from 'mongoose';

/**
 * When a person last opened a document, for "new comments since you last looked". One record per
 * person and document under the id `<personId>:<documentId>`, so marking is an idempotent upsert.
 */
export interface DocumentVisitDoc {
  _id: string;
  personId: Types.ObjectId;
  documentId: Types.ObjectId;
  seenAt: Date;
}

const documentVisitSchema = new Schema<DocumentVisitDoc>(
  {
    _id: { type: String, required: true },
    personId: { type: Schema.Types.ObjectId, required: true, index: true },
    documentId: { type: Schema.Types.ObjectId, required: true },
    seenAt: { type: Date, required: true },
  },
  { collection: 'document_visits', versionKey: false },
);

/** The id of a person's visit record for a document. */
export function documentVisitId(personId: string, documentId: string): string {
  return `${personId}:${documentId}`;
}

/** Registers the DocumentVisit model on a connection. */
export function registerDocumentVisitModel(connection: Connection) {
  return connection.model<DocumentVisitDoc>('DocumentVisit', documentVisitSchema);
}
