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
  /** For a statement's text (kind `statement`): whose it is and who may see or edit it. */
  statementOf?: StatementDocumentFacts | null;
}

/**
 * Written by the review workflow on a statement's text document, so the policy decides about it
 * from the document alone: `draft` = the body's members write; `submitted` = read-only and
 * visible to the round's groups; `closed` = read-only (round evaluated or cancelled unsubmitted).
 * `published` makes a submitted statement visible to every body of the round.
 */
export interface StatementDocumentFacts {
  roundId: Types.ObjectId;
  bodyId: Types.ObjectId;
  state: 'draft' | 'submitted' | 'closed';
  groupIds: Types.ObjectId[];
  roundBodyIds: Types.ObjectId[];
  published: boolean;
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
    statementOf: {
      type: new Schema(
        {
          roundId: { type: Schema.Types.ObjectId, required: true },
          bodyId: { type: Schema.Types.ObjectId, required: true },
          state: { type: String, enum: ['draft', 'submitted', 'closed'], required: true },
          groupIds: { type: [Schema.Types.ObjectId], default: [] },
          roundBodyIds: { type: [Schema.Types.ObjectId], default: [] },
          published: { type: Boolean, default: false },
        },
        { _id: false },
      ),
      default: null,
    },
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
