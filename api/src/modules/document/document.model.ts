import { Schema, type Connection, type Types } from 'mongoose';
import {
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  type DocumentKind,
  type DocumentStatus,
} from '@lip/common';

/**
 * A working document (collection `documents`, owned by the API). The collab server reads
 * `seedContent` and writes `contentText`, `contentHtml` and `contentUpdatedAt` (ARCHITECTURE.md).
 */
export interface DocumentDoc {
  _id: Types.ObjectId;
  processId: Types.ObjectId;
  actionFieldKey: string;
  groupId: Types.ObjectId;
  kind: DocumentKind;
  title: string;
  status: DocumentStatus;
  order: number;
  sharedWithBodyIds: Types.ObjectId[];
  reviewDeadline: Date | null;
  seedContent?: unknown;
  contentText?: string | null;
  contentHtml?: string | null;
  contentUpdatedAt?: Date | null;
  createdById: Types.ObjectId | null;
  createdAt: Date;
  updatedAt: Date;
}

const documentSchema = new Schema<DocumentDoc>(
  {
    processId: { type: Schema.Types.ObjectId, required: true },
    actionFieldKey: { type: String, required: true },
    groupId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: DOCUMENT_KINDS, required: true },
    title: { type: String, required: true },
    status: { type: String, enum: DOCUMENT_STATUSES, default: 'draft' },
    order: { type: Number, default: 0 },
    sharedWithBodyIds: { type: [Schema.Types.ObjectId], default: [] },
    reviewDeadline: { type: Date, default: null },
    seedContent: { type: Schema.Types.Mixed },
    contentText: { type: String, default: null },
    contentHtml: { type: String, default: null },
    contentUpdatedAt: { type: Date, default: null },
    createdById: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, default: () => new Date() },
    updatedAt: { type: Date, default: () => new Date() },
  },
  { collection: 'documents', versionKey: false, minimize: false },
);
documentSchema.index({ processId: 1, actionFieldKey: 1, order: 1 });

/** Fields of a document without its (possibly large) content, for lists and the dashboard. */
export const DOCUMENT_LIST_PROJECTION = {
  seedContent: 0,
  contentHtml: 0,
  contentText: 0,
} as const;

/** Registers the Document model on a connection. */
export function registerDocumentModel(connection: Connection) {
  return connection.model<DocumentDoc>('Document', documentSchema);
}
export type DocumentModel = ReturnType<typeof registerDocumentModel>;
