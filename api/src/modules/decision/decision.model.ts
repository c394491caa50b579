import { Schema, type Connection, type Types } from 'mongoose';
import { DECISION_OUTCOMES, SUBJECT_KINDS, type DecisionOutcome } from '@lip/common';
import type { SubjectDoc } from '../review/review.model';

/**
 * A steering decision on a round item (a document, or a measure), `_id` =
 * `<roundId>:<subjectKey>:<n>`. The first decision is `n = 1`; a correction inserts `n + 1`
 * and marks its predecessor superseded, so the chain is unique and append-only: nothing is
 * edited in place, and the history shows every decision and who recorded it.
 */
export interface DecisionDoc {
  _id: string;
  processId: Types.ObjectId;
  roundId: Types.ObjectId;
  itemIndex: number;
  subject: SubjectDoc;
  documentId: Types.ObjectId;
  actionFieldKey: string;
  groupId: Types.ObjectId;
  sequence: number;
  outcome: DecisionOutcome;
  reason: string;
  conditions: string;
  meetingDate: Date;
  recordedById: Types.ObjectId;
  recordedByName: string;
  recordedAt: Date;
  supersedesId: string | null;
  supersededAt: Date | null;
  supersededById: string | null;
  taskIds: Types.ObjectId[];
}

const decisionSchema = new Schema<DecisionDoc>(
  {
    _id: { type: String, required: true },
    processId: { type: Schema.Types.ObjectId, required: true },
    roundId: { type: Schema.Types.ObjectId, required: true, index: true },
    itemIndex: { type: Number, required: true },
    subject: {
      kind: { type: String, enum: SUBJECT_KINDS, required: true },
      documentId: { type: Schema.Types.ObjectId, default: null },
      measureId: { type: Schema.Types.ObjectId, default: null },
    },
    documentId: { type: Schema.Types.ObjectId, required: true },
    actionFieldKey: { type: String, required: true },
    groupId: { type: Schema.Types.ObjectId, required: true },
    sequence: { type: Number, required: true },
    outcome: { type: String, enum: DECISION_OUTCOMES, required: true },
    reason: { type: String, default: '' },
    conditions: { type: String, default: '' },
    meetingDate: { type: Date, required: true },
    recordedById: { type: Schema.Types.ObjectId, required: true },
    recordedByName: { type: String, required: true },
    recordedAt: { type: Date, required: true },
    supersedesId: { type: String, default: null },
    supersededAt: { type: Date, default: null },
    supersededById: { type: String, default: null },
    taskIds: { type: [Schema.Types.ObjectId], default: [] },
  },
  { collection: 'decisions', versionKey: false },
);
// A measure's page lists every decision on it.
decisionSchema.index({ 'subject.measureId': 1 });

/** Registers the Decision model on a connection. */
export function registerDecisionModel(connection: Connection) {
  return connection.model<DecisionDoc>('Decision', decisionSchema);
}
