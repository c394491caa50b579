import { Schema, type Connection, type Types } from 'mongoose';
import { COMMENT_VISIBILITIES, type CommentVisibility } from '@lip/common';

/** One comment of a thread (the first one opens it). */
export interface CommentEntryDoc {
  _id: Types.ObjectId;
  body: string;
  authorId: Types.ObjectId;
  organisationId: Types.ObjectId | null;
  /** People mentioned with `@Name` in the body (chosen in the picker; ids, not text). */
  mentionIds?: Types.ObjectId[];
  /** The body the author commented for (a council member on a draft shared with the council). */
  bodyId?: Types.ObjectId | null;
  createdAt: Date;
}

/** A comment thread on a document with its comments embedded (threads stay small). */
export interface CommentThreadDoc {
  _id: Types.ObjectId;
  documentId: Types.ObjectId;
  processId: Types.ObjectId;
  actionFieldKey: string;
  anchor: string | null;
  quote: string | null;
  visibility: CommentVisibility;
  resolved: boolean;
  resolvedAt: Date | null;
  resolvedById: Types.ObjectId | null;
  comments: CommentEntryDoc[];
  createdAt: Date;
  updatedAt: Date;
}

const threadSchema = new Schema<CommentThreadDoc>(
  {
    documentId: { type: Schema.Types.ObjectId, required: true, index: true },
    processId: { type: Schema.Types.ObjectId, required: true },
    actionFieldKey: { type: String, required: true },
    anchor: { type: String, default: null },
    quote: { type: String, default: null },
    visibility: { type: String, enum: COMMENT_VISIBILITIES, required: true },
    resolved: { type: Boolean, default: false },
    resolvedAt: { type: Date, default: null },
    resolvedById: { type: Schema.Types.ObjectId, default: null },
    comments: [
      {
        body: { type: String, required: true },
        authorId: { type: Schema.Types.ObjectId, required: true },
        organisationId: { type: Schema.Types.ObjectId, default: null },
        mentionIds: { type: [Schema.Types.ObjectId], default: [] },
        bodyId: { type: Schema.Types.ObjectId, default: null },
        createdAt: { type: Date, default: () => new Date() },
      },
    ],
    createdAt: { type: Date, default: () => new Date() },
    updatedAt: { type: Date, default: () => new Date() },
  },
  { collection: 'comment_threads', versionKey: false },
);

/** Registers the CommentThread model on a connection. */
export function registerCommentThreadModel(connection: Connection) {
  return connection.model<CommentThreadDoc>('CommentThread', threadSchema);
}
export type CommentThreadModel = ReturnType<typeof registerCommentThreadModel>;
