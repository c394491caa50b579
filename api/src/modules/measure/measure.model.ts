import { Schema, type Connection, type Types } from 'mongoose';
import {
  BUDGET_SOURCES,
  MEASURE_HORIZONS,
  MEASURE_PRIORITIES,
  MEASURE_STATUSES,
  type BudgetSource,
  type MeasureHorizon,
  type MeasurePriority,
  type MeasureStatus,
} from '@lip/common';

/** One indicator of a measure: how its effect is measured. */
export interface IndicatorDoc {
  name: string;
  baseline: string;
  target: string;
  source: string;
  interval: string;
}

/** The money a measure needs and where it comes from; `amountEur` null = not yet known. */
export interface BudgetDoc {
  amountEur: number | null;
  source: BudgetSource | null;
  budgetLine: string;
}

/** A dated progress report of the responsible unit, optionally with the status it reported. */
export interface ProgressNoteDoc {
  _id: Types.ObjectId;
  date: Date;
  note: string;
  status: MeasureStatus | null;
  authorId: Types.ObjectId;
  authorName: string;
  createdAt: Date;
}

/**
 * A measure (Maßnahme) of an action field (collection `measures`). The structured fields live
 * here; the description is a collaborative document of kind `measure-description`
 * (`descriptionDocumentId`), so the editor, comments, tickets and versions work unchanged.
 * `revision` counts accepted changes; every change is logged in `measure_changes` first.
 */
export interface MeasureDoc {
  _id: Types.ObjectId;
  processId: Types.ObjectId;
  actionFieldKey: string;
  groupId: Types.ObjectId;
  /** "BIL-03"; unique per process through `measure_numbers`. */
  code: string;
  title: string;
  goal: string;
  startingSituation: string;
  descriptionDocumentId: Types.ObjectId;
  targetGroups: string[];
  districts: string[];
  leadOrganisationId: Types.ObjectId | null;
  leadUnit: string;
  partnerOrganisationIds: Types.ObjectId[];
  start: Date | null;
  end: Date | null;
  horizon: MeasureHorizon | null;
  priority: MeasurePriority | null;
  indicators: IndicatorDoc[];
  budget: BudgetDoc;
  status: MeasureStatus;
  statusChangedAt: Date;
  progress: ProgressNoteDoc[];
  revision: number;
  createdById: Types.ObjectId | null;
  createdAt: Date;
  updatedAt: Date;
}

const measureSchema = new Schema<MeasureDoc>(
  {
    processId: { type: Schema.Types.ObjectId, required: true },
    actionFieldKey: { type: String, required: true },
    groupId: { type: Schema.Types.ObjectId, required: true },
    code: { type: String, required: true },
    title: { type: String, required: true },
    goal: { type: String, default: '' },
    startingSituation: { type: String, default: '' },
    descriptionDocumentId: { type: Schema.Types.ObjectId, required: true },
    targetGroups: { type: [String], default: [] },
    districts: { type: [String], default: [] },
    leadOrganisationId: { type: Schema.Types.ObjectId, default: null },
    leadUnit: { type: String, default: '' },
    partnerOrganisationIds: { type: [Schema.Types.ObjectId], default: [] },
    start: { type: Date, default: null },
    end: { type: Date, default: null },
    horizon: { type: String, enum: MEASURE_HORIZONS, default: null },
    priority: { type: String, enum: MEASURE_PRIORITIES, default: null },
    indicators: [
      {
        _id: false,
        name: { type: String, required: true },
        baseline: { type: String, default: '' },
        target: { type: String, default: '' },
        source: { type: String, default: '' },
        interval: { type: String, default: '' },
      },
    ],
    budget: {
      amountEur: { type: Number, default: null },
      source: { type: String, enum: BUDGET_SOURCES, default: null },
      budgetLine: { type: String, default: '' },
    },
    status: { type: String, enum: MEASURE_STATUSES, default: 'draft' },
    statusChangedAt: { type: Date, default: () => new Date() },
    progress: [
      {
        date: { type: Date, required: true },
        note: { type: String, required: true },
        status: { type: String, enum: MEASURE_STATUSES, default: null },
        authorId: { type: Schema.Types.ObjectId, required: true },
        authorName: { type: String, required: true },
        createdAt: { type: Date, default: () => new Date() },
      },
    ],
    revision: { type: Number, default: 0 },
    createdById: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, default: () => new Date() },
    updatedAt: { type: Date, default: () => new Date() },
  },
  { collection: 'measures', versionKey: false, minimize: false },
);
measureSchema.index({ processId: 1, actionFieldKey: 1, code: 1 });

/**
 * One logged change of one field (collection `measure_changes`), written BEFORE the measure so
 * a change is never lost; `_id` = `<measureId>:<revision>:<field>` makes a retried write
 * harmless, and readers show only entries up to the measure's current `revision` (an entry
 * whose update never landed stays invisible). Values are kept as display text.
 */
export interface MeasureChangeDoc {
  _id: string;
  measureId: Types.ObjectId;
  processId: Types.ObjectId;
  revision: number;
  field: string;
  before: string;
  after: string;
  byId: Types.ObjectId | null;
  byName: string;
  at: Date;
}

const measureChangeSchema = new Schema<MeasureChangeDoc>(
  {
    _id: { type: String, required: true },
    measureId: { type: Schema.Types.ObjectId, required: true },
    processId: { type: Schema.Types.ObjectId, required: true },
    revision: { type: Number, required: true },
    field: { type: String, required: true },
    before: { type: String, default: '' },
    after: { type: String, default: '' },
    byId: { type: Schema.Types.ObjectId, default: null },
    byName: { type: String, required: true },
    at: { type: Date, default: () => new Date() },
  },
  { collection: 'measure_changes', versionKey: false },
);
measureChangeSchema.index({ measureId: 1, revision: -1 });

/**
 * A claimed measure code (collection `measure_numbers`): `_id` = `<processId>:<code>`. The
 * atomic unique `_id` insert is what makes codes unique on FerretDB, where a filtered update is
 * not atomic. Written before the measure; an entry whose measure never appeared is reclaimed
 * after {@link ORPHAN_NUMBER_MS}.
 */
export interface MeasureNumberDoc {
  _id: string;
  processId: Types.ObjectId;
  measureId: Types.ObjectId;
  createdAt: Date;
}

/** After this long, a claimed code without its measure is free again. */
export const ORPHAN_NUMBER_MS = 5 * 60_000;

const measureNumberSchema = new Schema<MeasureNumberDoc>(
  {
    _id: { type: String, required: true },
    processId: { type: Schema.Types.ObjectId, required: true },
    measureId: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'measure_numbers', versionKey: false },
);

/** Registers the measure models on a connection. */
export function registerMeasureModels(connection: Connection) {
  return {
    Measure: connection.model<MeasureDoc>('Measure', measureSchema),
    MeasureChange: connection.model<MeasureChangeDoc>('MeasureChange', measureChangeSchema),
    MeasureNumber: connection.model<MeasureNumberDoc>('MeasureNumber', measureNumberSchema),
  };
}
