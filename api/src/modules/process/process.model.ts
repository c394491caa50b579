import { Schema, type Connection, type Types } from 'mongoose';
import {
  BODY_KINDS,
  GROUP_ROLES,
  SECTORS,
  type BodyKind,
  type GroupRole,
  type Sector,
} from '@lip/common';

/** A German and English text. */
export interface LocalizedTextDoc {
  de: string;
  en: string;
}

/** An action field stored inside its process (data, not code). */
export interface ActionFieldDoc {
  key: string;
  name: LocalizedTextDoc;
  description: LocalizedTextDoc;
  order: number;
}

/**
 * A membership inside an expert group. `name` and `organisationName` are copies of the person's
 * record (names are not editable through the API), so group lists need no person lookups.
 */
export interface GroupMemberDoc {
  personId: Types.ObjectId;
  name: string;
  organisationId?: Types.ObjectId | null;
  organisationName?: string | null;
  role: GroupRole;
  sector: Sector;
}

/** The expert group of an action field. */
export interface GroupDoc {
  _id: Types.ObjectId;
  actionFieldKey: string;
  name: LocalizedTextDoc;
  members: GroupMemberDoc[];
  /** Four-eyes rule for review responses: nobody approves a response they drafted. */
  reviewFourEyes?: boolean;
}

/** A reviewing or deciding body with its members. */
export interface BodyDoc {
  _id: Types.ObjectId;
  kind: BodyKind;
  name: string;
  district?: string | null;
  memberIds: Types.ObjectId[];
  /**
   * Members authorised to submit the body's statement on its behalf (chair and deputies). When
   * empty, every member may submit.
   */
  chairIds?: Types.ObjectId[];
}

/** A milestone of the process, process-wide when actionFieldKey is null. */
export interface MilestoneDoc {
  _id: Types.ObjectId;
  title: string;
  date: Date;
  done: boolean;
  actionFieldKey?: string | null;
}

/** Money available in a year from a source. */
export interface BudgetLineDoc {
  _id: Types.ObjectId;
  amountEur: number;
  year: number;
  source: string;
}

/**
 * The process with its structure (action fields, groups and members, bodies, milestones, budget)
 * in ONE document: the structure is small, read on nearly every request and by the policy, and
 * this keeps the dashboard to a fixed number of round trips. Writers replace the changed array
 * with an optimistic `revision` check (FerretDB has no transactions or arrayFilters).
 */
export interface ProcessDoc {
  _id: Types.ObjectId;
  title: string;
  description: string;
  periodStart: Date;
  periodEnd: Date;
  goals: string[];
  budgetLines: BudgetLineDoc[];
  actionFields: ActionFieldDoc[];
  groups: GroupDoc[];
  bodies: BodyDoc[];
  milestones: MilestoneDoc[];
  revision: number;
  createdAt: Date;
}

const localized = { de: { type: String, required: true }, en: { type: String, required: true } };

const processSchema = new Schema<ProcessDoc>(
  {
    title: { type: String, required: true },
    description: { type: String, default: '' },
    periodStart: { type: Date, required: true },
    periodEnd: { type: Date, required: true },
    goals: { type: [String], default: [] },
    budgetLines: [
      {
        amountEur: { type: Number, required: true },
        year: { type: Number, required: true },
        source: { type: String, required: true },
      },
    ],
    actionFields: [
      {
        _id: false,
        key: { type: String, required: true },
        name: localized,
        description: localized,
        order: { type: Number, required: true },
      },
    ],
    groups: [
      {
        actionFieldKey: { type: String, required: true },
        name: localized,
        members: [
          {
            _id: false,
            personId: { type: Schema.Types.ObjectId, required: true },
            name: { type: String, required: true },
            organisationId: { type: Schema.Types.ObjectId, default: null },
            organisationName: { type: String, default: null },
            role: { type: String, enum: GROUP_ROLES, required: true },
            sector: { type: String, enum: SECTORS, required: true },
          },
        ],
        reviewFourEyes: { type: Boolean, default: false },
      },
    ],
    bodies: [
      {
        kind: { type: String, enum: BODY_KINDS, required: true },
        name: { type: String, required: true },
        district: { type: String, default: null },
        memberIds: { type: [Schema.Types.ObjectId], default: [] },
        chairIds: { type: [Schema.Types.ObjectId], default: [] },
      },
    ],
    milestones: [
      {
        title: { type: String, required: true },
        date: { type: Date, required: true },
        done: { type: Boolean, default: false },
        actionFieldKey: { type: String, default: null },
      },
    ],
    revision: { type: Number, default: 0 },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'processes', versionKey: false },
);

/** Registers the Process model on a connection. */
export function registerProcessModel(connection: Connection) {
  return connection.model<ProcessDoc>('Process', processSchema);
}
export type ProcessModel = ReturnType<typeof registerProcessModel>;
