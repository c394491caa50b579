import { Schema, type Connection, type Types } from 'mongoose';

/**
 * An append-only activity entry. `actionFieldKey` null means process-wide (visible to everyone
 * signed in); otherwise it is visible to whoever may see that field's internals.
 */
export interface ActivityDoc {
  _id: Types.ObjectId;
  processId: Types.ObjectId;
  actionFieldKey: string | null;
  groupId: Types.ObjectId | null;
  documentId: Types.ObjectId | null;
  actorId: Types.ObjectId | null;
  actorName: string;
  verb: string;
  subjectTitle: string;
  detail: string | null;
  createdAt: Date;
}

const activitySchema = new Schema<ActivityDoc>(
  {
    processId: { type: Schema.Types.ObjectId, required: true },
    actionFieldKey: { type: String, default: null },
    groupId: { type: Schema.Types.ObjectId, default: null },
    documentId: { type: Schema.Types.ObjectId, default: null },
    actorId: { type: Schema.Types.ObjectId, default: null },
    actorName: { type: String, required: true },
    verb: { type: String, required: true },
    subjectTitle: { type: String, required: true },
    detail: { type: String, default: null },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'activities', versionKey: false },
);
activitySchema.index({ processId: 1, _id: -1 });

/** Registers the Activity model on a connection. */
export function registerActivityModel(connection: Connection) {
  return connection.model<ActivityDoc>('Activity', activitySchema);
}
export type ActivityModel = ReturnType<typeof registerActivityModel>;
