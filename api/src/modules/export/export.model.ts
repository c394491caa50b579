import { Schema, type Connection, type Types } from 'mongoose';

export const EXPORT_FORMATS = ['docx', 'odt', 'pdf', 'markdown'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_TARGET_KINDS = [
  'paper',
  'edition',
  'document',
  'measure',
  'catalogue',
] as const;
export type ExportTargetKind = (typeof EXPORT_TARGET_KINDS)[number];

export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** What is exported: the live paper, an edition, a document (live or a version), a measure, the catalogue. */
export interface ExportTargetDoc {
  kind: ExportTargetKind;
  processId: Types.ObjectId | null;
  editionId: Types.ObjectId | null;
  documentId: Types.ObjectId | null;
  versionId: string | null;
  measureId: Types.ObjectId | null;
  actionFieldKey: string | null;
}

/** Why a job failed, in both languages. */
export interface ExportErrorDoc {
  code:
    | 'converter-missing'
    | 'conversion-failed'
    | 'timeout'
    | 'forbidden'
    | 'not-found'
    | 'too-large'
    | 'interrupted'
    | 'failed';
  de: string;
  en: string;
}

/**
 * An export job (collection `export_jobs`): made from the stored state on the server, the
 * file kept in `export_job_chunks` so any API process can serve it. `status` becomes `done`
 * only after every chunk is written; a failed job has its chunks removed. `heartbeatAt` is
 * renewed while running, so a job whose process died is found and failed. Jobs and files are
 * removed after `expiresAt`.
 */
export interface ExportJobDoc {
  _id: Types.ObjectId;
  processId: Types.ObjectId;
  requestedById: Types.ObjectId;
  locale: 'de' | 'en';
  target: ExportTargetDoc;
  format: ExportFormat;
  title: string;
  status: ExportStatus;
  /** 0-100. */
  progress: number;
  stage: string;
  fileName: string | null;
  contentType: string | null;
  bytes: number | null;
  chunkCount: number | null;
  error: ExportErrorDoc | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  heartbeatAt: Date;
  expiresAt: Date;
}

/** One piece of an export's file; `_id` = `<jobId>:<n>` so a retried write is a duplicate. */
export interface ExportChunkDoc {
  _id: string;
  jobId: Types.ObjectId;
  n: number;
  data: Buffer;
}

const jobSchema = new Schema<ExportJobDoc>(
  {
    processId: { type: Schema.Types.ObjectId, required: true },
    requestedById: { type: Schema.Types.ObjectId, required: true },
    locale: { type: String, enum: ['de', 'en'], default: 'de' },
    target: {
      kind: { type: String, enum: EXPORT_TARGET_KINDS, required: true },
      processId: { type: Schema.Types.ObjectId, default: null },
      editionId: { type: Schema.Types.ObjectId, default: null },
      documentId: { type: Schema.Types.ObjectId, default: null },
      versionId: { type: String, default: null },
      measureId: { type: Schema.Types.ObjectId, default: null },
      actionFieldKey: { type: String, default: null },
    },
    format: { type: String, enum: EXPORT_FORMATS, required: true },
    title: { type: String, default: '' },
    status: { type: String, enum: EXPORT_STATUSES, default: 'queued' },
    progress: { type: Number, default: 0 },
    stage: { type: String, default: 'queued' },
    fileName: { type: String, default: null },
    contentType: { type: String, default: null },
    bytes: { type: Number, default: null },
    chunkCount: { type: Number, default: null },
    error: {
      type: new Schema(
        { code: { type: String }, de: { type: String }, en: { type: String } },
        { _id: false },
      ),
      default: null,
    },
    createdAt: { type: Date, default: () => new Date() },
    startedAt: { type: Date, default: null },
    finishedAt: { type: Date, default: null },
    heartbeatAt: { type: Date, default: () => new Date() },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'export_jobs', versionKey: false, minimize: false },
);
jobSchema.index({ requestedById: 1, createdAt: -1 });

const chunkSchema = new Schema<ExportChunkDoc>(
  {
    _id: { type: String, required: true },
    jobId: { type: Schema.Types.ObjectId, required: true },
    n: { type: Number, required: true },
    data: { type: Buffer, required: true },
  },
  { collection: 'export_job_chunks', versionKey: false },
);
chunkSchema.index({ jobId: 1, n: 1 });

/** Registers the export job models on a connection. */
export function registerExportModels(connection: Connection) {
  return {
    ExportJob: connection.model<ExportJobDoc>('ExportJob', jobSchema),
    ExportChunk: connection.model<ExportChunkDoc>('ExportChunk', chunkSchema),
  };
}
