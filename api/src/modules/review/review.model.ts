import { Schema, type Connection, type Types } from 'mongoose';
import {
  RESPONSE_STATUSES,
  RESPONSE_VOTES,
  REVIEW_ROUND_STATUSES,
  STATEMENT_ASSESSMENTS,
  STATEMENT_STATUSES,
  SUBJECT_KINDS,
  type ResponseStatus,
  type ResponseVote,
  type ReviewRoundStatus,
  type StatementAssessment,
  type StatementStatus,
  type SubjectKind,
} from '@lip/common';

/** A round item's subject as stored (the union of docs/review-and-measures.md, flattened). */
export interface SubjectDoc {
  kind: SubjectKind;
  documentId: Types.ObjectId | null;
  measureId: Types.ObjectId | null;
}

/**
 * One document reviewed in a round. `documentId` is the text that is reviewed (for a measure,
 * its description document); `versionId` the named version frozen when the round opened (null
 * while the round is a draft, or for a seeded round until the version is first needed).
 */
export interface ReviewItemDoc {
  index: number;
  subject: SubjectDoc;
  documentId: Types.ObjectId;
  versionId: string | null;
  title: string;
  actionFieldKey: string;
  groupId: Types.ObjectId;
  /** The document's status before the round opened, restored when the round is cancelled. */
  statusBefore: string;
  measureSnapshot: unknown;
}

/** A review round (Beratungsrunde), numbered per process. */
export interface ReviewRoundDoc {
  _id: Types.ObjectId;
  processId: Types.ObjectId;
  number: number;
  title: string;
  status: ReviewRoundStatus;
  items: ReviewItemDoc[];
  bodyIds: Types.ObjectId[];
  deadline: Date;
  createdById: Types.ObjectId | null;
  createdAt: Date;
  openedAt: Date | null;
  openedById: Types.ObjectId | null;
  closedAt: Date | null;
  evaluatedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  updatedAt: Date;
}

const subjectSchema = {
  kind: { type: String, enum: SUBJECT_KINDS, required: true },
  documentId: { type: Schema.Types.ObjectId, default: null },
  measureId: { type: Schema.Types.ObjectId, default: null },
};

const roundSchema = new Schema<ReviewRoundDoc>(
  {
    processId: { type: Schema.Types.ObjectId, required: true },
    number: { type: Number, required: true },
    title: { type: String, required: true },
    status: { type: String, enum: REVIEW_ROUND_STATUSES, required: true },
    items: [
      {
        _id: false,
        index: { type: Number, required: true },
        subject: subjectSchema,
        documentId: { type: Schema.Types.ObjectId, required: true },
        versionId: { type: String, default: null },
        title: { type: String, required: true },
        actionFieldKey: { type: String, required: true },
        groupId: { type: Schema.Types.ObjectId, required: true },
        statusBefore: { type: String, default: 'draft' },
        measureSnapshot: { type: Schema.Types.Mixed, default: null },
      },
    ],
    bodyIds: { type: [Schema.Types.ObjectId], default: [] },
    deadline: { type: Date, required: true },
    createdById: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, default: () => new Date() },
    openedAt: { type: Date, default: null },
    openedById: { type: Schema.Types.ObjectId, default: null },
    closedAt: { type: Date, default: null },
    evaluatedAt: { type: Date, default: null },
    cancelledAt: { type: Date, default: null },
    cancelReason: { type: String, default: null },
    updatedAt: { type: Date, default: () => new Date() },
  },
  { collection: 'review_rounds', versionKey: false, minimize: false },
);
roundSchema.index({ processId: 1, number: -1 });

/**
 * One record per round number of a process, `_id` = `<processId>:<n>`. Inserting it claims the
 * number atomically on every engine (a unique `_id` insert is atomic even on FerretDB 1.24).
 */
export interface RoundNumberDoc {
  _id: string;
  roundId: Types.ObjectId;
  createdAt: Date;
}

const roundNumberSchema = new Schema<RoundNumberDoc>(
  {
    _id: { type: String, required: true },
    roundId: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'review_round_numbers', versionKey: false },
);

/**
 * A body's statement in a round, `_id` = `<roundId>:<bodyId>`: at most one per body and round by
 * construction. The text lives in a collaborative `Document` of kind `statement`.
 */
export interface StatementDoc {
  _id: string;
  roundId: Types.ObjectId;
  processId: Types.ObjectId;
  bodyId: Types.ObjectId;
  textDocumentId: Types.ObjectId;
  assessment: StatementAssessment | null;
  meetingDate: Date | null;
  resolutionRef: string;
  status: StatementStatus;
  submittedById: Types.ObjectId | null;
  submittedAt: Date | null;
  late: boolean;
  withdrawnAt: Date | null;
  withdrawnById: Types.ObjectId | null;
  createdById: Types.ObjectId | null;
  createdAt: Date;
  updatedAt: Date;
}

const statementSchema = new Schema<StatementDoc>(
  {
    _id: { type: String, required: true },
    roundId: { type: Schema.Types.ObjectId, required: true, index: true },
    processId: { type: Schema.Types.ObjectId, required: true },
    bodyId: { type: Schema.Types.ObjectId, required: true },
    textDocumentId: { type: Schema.Types.ObjectId, required: true },
    assessment: { type: String, enum: [...STATEMENT_ASSESSMENTS, null], default: null },
    meetingDate: { type: Date, default: null },
    resolutionRef: { type: String, default: '' },
    status: { type: String, enum: STATEMENT_STATUSES, required: true },
    submittedById: { type: Schema.Types.ObjectId, default: null },
    submittedAt: { type: Date, default: null },
    late: { type: Boolean, default: false },
    withdrawnAt: { type: Date, default: null },
    withdrawnById: { type: Schema.Types.ObjectId, default: null },
    createdById: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, default: () => new Date() },
    updatedAt: { type: Date, default: () => new Date() },
  },
  { collection: 'review_statements', versionKey: false },
);

/**
 * A remark of a statement on a passage of a reviewed document, `_id` =
 * `<statementId>:<number>` so two members adding remarks at once get distinct numbers. The
 * anchor (Yjs relative positions, as the editor stores comment anchors) and the quote are taken
 * against the frozen version.
 */
export interface RemarkDoc {
  _id: string;
  statementId: string;
  roundId: Types.ObjectId;
  processId: Types.ObjectId;
  bodyId: Types.ObjectId;
  itemIndex: number;
  documentId: Types.ObjectId;
  number: number;
  anchor: string | null;
  quote: string | null;
  text: string;
  proposedWording: string;
  sourceThreadId: Types.ObjectId | null;
  /** The group's task made from this remark (the task links back through its origin). */
  taskId: Types.ObjectId | null;
  createdById: Types.ObjectId | null;
  createdAt: Date;
  updatedAt: Date;
}

const remarkSchema = new Schema<RemarkDoc>(
  {
    _id: { type: String, required: true },
    statementId: { type: String, required: true, index: true },
    roundId: { type: Schema.Types.ObjectId, required: true, index: true },
    processId: { type: Schema.Types.ObjectId, required: true },
    bodyId: { type: Schema.Types.ObjectId, required: true },
    itemIndex: { type: Number, required: true },
    documentId: { type: Schema.Types.ObjectId, required: true },
    number: { type: Number, required: true },
    anchor: { type: String, default: null },
    quote: { type: String, default: null },
    text: { type: String, required: true },
    proposedWording: { type: String, default: '' },
    sourceThreadId: { type: Schema.Types.ObjectId, default: null },
    taskId: { type: Schema.Types.ObjectId, default: null },
    createdById: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, default: () => new Date() },
    updatedAt: { type: Date, default: () => new Date() },
  },
  { collection: 'review_remarks', versionKey: false },
);

/** One kept state of a response: every draft, approval and sending back. */
export interface ResponseRevisionDoc {
  action: 'drafted' | 'approved' | 'sent-back';
  vote: ResponseVote | null;
  reason: string;
  note: string;
  byId: Types.ObjectId;
  byName: string;
  at: Date;
}

/**
 * The response (Erwiderung) to a remark, `_id` = the remark's id: one per remark. Approved
 * responses are locked until a speaker sends them back; `revisions` keeps every state.
 */
export interface ResponseDoc {
  _id: string;
  roundId: Types.ObjectId;
  processId: Types.ObjectId;
  groupId: Types.ObjectId;
  actionFieldKey: string;
  vote: ResponseVote | null;
  reason: string;
  status: ResponseStatus;
  draftedById: Types.ObjectId;
  /** Names at the time, so the table needs neither people lookups nor the revisions. */
  draftedByName: string;
  draftedAt: Date;
  approvedById: Types.ObjectId | null;
  approvedByName: string | null;
  approvedAt: Date | null;
  revisions: ResponseRevisionDoc[];
  updatedAt: Date;
}

const responseSchema = new Schema<ResponseDoc>(
  {
    _id: { type: String, required: true },
    roundId: { type: Schema.Types.ObjectId, required: true, index: true },
    processId: { type: Schema.Types.ObjectId, required: true },
    groupId: { type: Schema.Types.ObjectId, required: true },
    actionFieldKey: { type: String, required: true },
    vote: { type: String, enum: [...RESPONSE_VOTES, null], default: null },
    reason: { type: String, default: '' },
    status: { type: String, enum: RESPONSE_STATUSES, required: true },
    draftedById: { type: Schema.Types.ObjectId, required: true },
    draftedByName: { type: String, default: '' },
    draftedAt: { type: Date, required: true },
    approvedById: { type: Schema.Types.ObjectId, default: null },
    approvedByName: { type: String, default: null },
    approvedAt: { type: Date, default: null },
    revisions: [
      {
        _id: false,
        action: { type: String, required: true },
        vote: { type: String, default: null },
        reason: { type: String, default: '' },
        note: { type: String, default: '' },
        byId: { type: Schema.Types.ObjectId, required: true },
        byName: { type: String, required: true },
        at: { type: Date, required: true },
      },
    ],
    updatedAt: { type: Date, default: () => new Date() },
  },
  { collection: 'review_responses', versionKey: false },
);

/** Registers the review models on a connection. */
export function registerReviewModels(connection: Connection) {
  return {
    ReviewRound: connection.model<ReviewRoundDoc>('ReviewRound', roundSchema),
    ReviewRoundNumber: connection.model<RoundNumberDoc>('ReviewRoundNumber', roundNumberSchema),
    Statement: connection.model<StatementDoc>('Statement', statementSchema),
    Remark: connection.model<RemarkDoc>('Remark', remarkSchema),
    ReviewResponse: connection.model<ResponseDoc>('ReviewResponse', responseSchema),
  };
}
