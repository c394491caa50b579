import { Schema, type Connection, type Types } from 'mongoose';
// The snapshot type only (the measure index would pull services into the model registry).
import type { MeasureSnapshot } from '../measure/measure.snapshot';

/** Kinds of outline entries. */
export const OUTLINE_ENTRY_KINDS = ['part', 'document', 'measure', 'measures'] as const;
export type OutlineEntryKind = (typeof OUTLINE_ENTRY_KINDS)[number];

/**
 * One entry of a paper's outline, in reading order:
 * - `part`: a numbered part heading ("Handlungsfeld Bildung", "Anhang"); what follows belongs to it;
 * - `document`: a chapter (a document of the process; its title is the chapter heading);
 * - `measure`: one measure as a sheet with its description;
 * - `measures`: every measure of an action field (in code order) at the time it is read.
 * Entries before the first part are the front matter (preface, introduction).
 */
export interface OutlineEntryDoc {
  /** Stable id of the entry (24 hex), so reordering and editions can refer to it. */
  id: string;
  kind: OutlineEntryKind;
  title: string | null;
  documentId: Types.ObjectId | null;
  measureId: Types.ObjectId | null;
  actionFieldKey: string | null;
}

/**
 * The paper of a process (collection `papers`): its title and ordered outline. One per
 * process, `_id` = `paper-<processId>`, so creating it twice is a harmless duplicate insert.
 * `revision` guards outline edits against stale forms.
 */
export interface PaperDoc {
  _id: string;
  processId: Types.ObjectId;
  title: string;
  subtitle: string;
  outline: OutlineEntryDoc[];
  revision: number;
  updatedById: Types.ObjectId | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * One frozen part of an edition: for a document the named version taken for it (with the
 * title and status it had), for a measure its snapshot and the version of its description.
 */
export interface EditionPartDoc {
  entryId: string;
  kind: OutlineEntryKind;
  title: string;
  documentId: Types.ObjectId | null;
  versionId: string | null;
  documentStatus: string | null;
  lastChangedAt: Date | null;
  measureId: Types.ObjectId | null;
  measureSnapshot: MeasureSnapshot | null;
  actionFieldKey: string | null;
}

/**
 * A frozen edition (Fassung) of a paper (collection `paper_editions`): named versions of all
 * its documents and snapshots of its measures, taken in one step. Inserted only after every
 * version exists, so an edition record always means a complete edition.
 */
export interface EditionDoc {
  _id: Types.ObjectId;
  paperId: string;
  processId: Types.ObjectId;
  name: string;
  paperTitle: string;
  paperSubtitle: string;
  parts: EditionPartDoc[];
  createdById: Types.ObjectId;
  createdByName: string;
  createdAt: Date;
}

const outlineEntry = {
  _id: false,
  id: { type: String, required: true },
  kind: { type: String, enum: OUTLINE_ENTRY_KINDS, required: true },
  title: { type: String, default: null },
  documentId: { type: Schema.Types.ObjectId, default: null },
  measureId: { type: Schema.Types.ObjectId, default: null },
  actionFieldKey: { type: String, default: null },
};

const paperSchema = new Schema<PaperDoc>(
  {
    _id: { type: String, required: true },
    processId: { type: Schema.Types.ObjectId, required: true },
    title: { type: String, required: true },
    subtitle: { type: String, default: '' },
    outline: [outlineEntry],
    revision: { type: Number, default: 0 },
    updatedById: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, default: () => new Date() },
    updatedAt: { type: Date, default: () => new Date() },
  },
  { collection: 'papers', versionKey: false, minimize: false },
);

const editionSchema = new Schema<EditionDoc>(
  {
    paperId: { type: String, required: true },
    processId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    paperTitle: { type: String, required: true },
    paperSubtitle: { type: String, default: '' },
    parts: [
      {
        _id: false,
        entryId: { type: String, required: true },
        kind: { type: String, enum: OUTLINE_ENTRY_KINDS, required: true },
        title: { type: String, default: '' },
        documentId: { type: Schema.Types.ObjectId, default: null },
        versionId: { type: String, default: null },
        documentStatus: { type: String, default: null },
        lastChangedAt: { type: Date, default: null },
        measureId: { type: Schema.Types.ObjectId, default: null },
        measureSnapshot: { type: Schema.Types.Mixed, default: null },
        actionFieldKey: { type: String, default: null },
      },
    ],
    createdById: { type: Schema.Types.ObjectId, required: true },
    createdByName: { type: String, required: true },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'paper_editions', versionKey: false, minimize: false },
);
editionSchema.index({ paperId: 1, createdAt: -1 });

/** The paper id of a process. */
export function paperIdOf(processId: Types.ObjectId | string): string {
  return `paper-${String(processId)}`;
}

/** Registers the paper models on a connection. */
export function registerPaperModels(connection: Connection) {
  return {
    Paper: connection.model<PaperDoc>('Paper', paperSchema),
    PaperEdition: connection.model<EditionDoc>('PaperEdition', editionSchema),
  };
}
