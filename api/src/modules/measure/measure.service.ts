import { Types } from 'mongoose';
import {
  ADOPTED_MEASURE_STATUSES,
  CITYWIDE_DISTRICT,
  MEASURE_PRIORITIES,
  MEASURE_STATUSES,
  MEASURE_TRANSITIONS,
  measureCodePrefix,
  toMeasureCode,
  writeCollabRevocations,
  type DocumentStatus,
  type MeasureField,
  type MeasureStatus,
} from '@lip/common';
import { canAct, canSee, type Action, type MeasureFacts } from '../../auth/policy';
import { op } from '../../db/connection';
import { DomainError, fieldError, forbidden, notFound } from '../../errors';
import { requireViewer, type RequestScope } from '../../scope';
import { objectIdSchema, parseInput } from '../../validation';
import { recordActivity } from '../activity/activity.service';
import { notify } from '../notification';
import type { ProcessDoc } from '../process/process.model';
import { findProcess, loadProcess } from '../process/process.service';
import {
  changeStatusSchema,
  createMeasureSchema,
  listMeasuresSchema,
  MEASURE_LIMITS,
  parseMeasureInput,
  progressSchema,
  updateMeasureSchema,
} from './measure.input';
import {
  ORPHAN_NUMBER_MS,
  type MeasureChangeDoc,
  type MeasureDoc,
  type ProgressNoteDoc,
} from './measure.model';
import {
  MEASURE_STATUS_LABELS,
  snapshotFieldValue,
  toMeasureSnapshot,
  type MeasureSnapshot,
} from './measure.snapshot';

const DUPLICATE_KEY = 11000;

function isDuplicateKey(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === DUPLICATE_KEY
  );
}

/** The facts about a measure the policy needs. */
export function toMeasureFacts(measure: MeasureDoc): MeasureFacts {
  return {
    actionFieldKey: measure.actionFieldKey,
    status: measure.status,
    leadOrganisationId: measure.leadOrganisationId,
  };
}

/** Whether the viewer may take `action` on the measure. */
export function viewerMay(
  scope: RequestScope,
  process: ProcessDoc,
  measure: MeasureDoc,
  action: Action,
): boolean {
  return (
    !!scope.viewer &&
    canAct(scope.viewer.actor, action, process, {
      type: 'measure',
      measure: toMeasureFacts(measure),
    })
  );
}

/** A measure with its process when the viewer may see it; else `not-found`. */
export async function loadVisibleMeasure(
  scope: RequestScope,
  id: unknown,
): Promise<{ measure: MeasureDoc; process: ProcessDoc }> {
  const viewer = requireViewer(scope);
  const measureId = parseInput(objectIdSchema, id);
  const measure = await scope.models.Measure.findOne({ _id: measureId }).lean<MeasureDoc>();
  if (!measure) throw notFound('measure');
  const process = await loadProcess(scope, String(measure.processId));
  const facts = toMeasureFacts(measure);
  if (!canSee(viewer.actor, process, { type: 'measure', measure: facts })) {
    throw notFound('measure');
  }
  return { measure, process };
}

/**
 * What the decision module needs to attach a steering decision to a measure (subject
 * `{kind: 'measure', measureId}`): the record, its process and the policy facts. `not-found`
 * when the viewer may not see it.
 */
export async function loadMeasureFacts(scope: RequestScope, measureId: string) {
  const { measure, process } = await loadVisibleMeasure(scope, measureId);
  return {
    measure,
    process,
    facts: toMeasureFacts(measure),
    title: `${measure.code} ${measure.title}`,
    actionFieldKey: measure.actionFieldKey,
    groupId: measure.groupId,
    descriptionDocumentId: measure.descriptionDocumentId,
  };
}

/** A measure the viewer may see, or null (for the nullable `measure` query). */
export async function findMeasure(scope: RequestScope, id: unknown): Promise<MeasureDoc | null> {
  requireViewer(scope);
  if (!objectIdSchema.safeParse(id).success) return null;
  try {
    return (await loadVisibleMeasure(scope, id)).measure;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not-found') return null;
    throw error;
  }
}

/** The catalogue: matching measures, how many, and the counts per status. */
export interface MeasureList {
  items: MeasureDoc[];
  total: number;
  /** Per status, the visible measures that match every filter except the status filter. */
  statusCounts: { status: MeasureStatus; count: number }[];
}

const PRIORITY_ORDER = new Map(MEASURE_PRIORITIES.map((p, i) => [p, i]));
const STATUS_ORDER = new Map(MEASURE_STATUSES.map((s, i) => [s, i]));

/** Compares measure codes by field prefix, then number ("BIL-2" before "BIL-10"). */
export function compareCodes(a: string, b: string): number {
  const [pa = '', na = '0'] = a.split('-');
  const [pb = '', nb = '0'] = b.split('-');
  return pa.localeCompare(pb) || Number(na) - Number(nb);
}

/**
 * The catalogue of measures the viewer may see, filtered by field, status, lead, partner,
 * district, target group and a search in code and title, sorted. Filters run in the database;
 * visibility runs through the policy (a process has at most a few hundred measures).
 */
export async function listMeasures(scope: RequestScope, input: unknown): Promise<MeasureList> {
  const viewer = requireViewer(scope);
  const args = parseInput(listMeasuresSchema, input);
  const process = await findProcess(scope, args.processId);
  if (!process) return { items: [], total: 0, statusCounts: [] };
  const filter: Record<string, unknown> = { processId: process._id };
  if (args.actionFieldKey) filter.actionFieldKey = args.actionFieldKey;
  if (args.leadOrganisationId)
    filter.leadOrganisationId = new Types.ObjectId(args.leadOrganisationId);
  if (args.partnerOrganisationId) {
    filter.partnerOrganisationIds = new Types.ObjectId(args.partnerOrganisationId);
  }
  if (args.district) filter.districts = args.district;
  if (args.targetGroup) filter.targetGroups = args.targetGroup;
  const rows = await scope.models.Measure.find(filter).lean<MeasureDoc[]>();
  const search = args.search?.toLocaleLowerCase('de');
  const visible = rows.filter(
    (m) =>
      canSee(viewer.actor, process, { type: 'measure', measure: toMeasureFacts(m) }) &&
      (!search ||
        m.code.toLocaleLowerCase('de').includes(search) ||
        m.title.toLocaleLowerCase('de').includes(search)),
  );
  const counts = new Map<MeasureStatus, number>();
  for (const m of visible) counts.set(m.status, (counts.get(m.status) ?? 0) + 1);
  const statuses = args.statuses?.length ? new Set(args.statuses) : null;
  const items = visible.filter((m) => !statuses || statuses.has(m.status));
  const fieldOrder = new Map(process.actionFields.map((f) => [f.key, f.order]));
  const byCode = (a: MeasureDoc, b: MeasureDoc) =>
    (fieldOrder.get(a.actionFieldKey) ?? 99) - (fieldOrder.get(b.actionFieldKey) ?? 99) ||
    compareCodes(a.code, b.code);
  const sorters: Record<string, (a: MeasureDoc, b: MeasureDoc) => number> = {
    code: byCode,
    title: (a, b) => a.title.localeCompare(b.title, 'de') || byCode(a, b),
    status: (a, b) =>
      (STATUS_ORDER.get(a.status) ?? 0) - (STATUS_ORDER.get(b.status) ?? 0) || byCode(a, b),
    priority: (a, b) =>
      (a.priority ? (PRIORITY_ORDER.get(a.priority) ?? 9) : 9) -
        (b.priority ? (PRIORITY_ORDER.get(b.priority) ?? 9) : 9) || byCode(a, b),
    updated: (a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || byCode(a, b),
  };
  items.sort(sorters[args.sort ?? 'code'] ?? byCode);
  return {
    items,
    total: items.length,
    statusCounts: MEASURE_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 })),
  };
}

/**
 * Every measure of a process without a viewer or policy, for indexing and background jobs
 * (search index, exports that already checked access). Sorted by field and code.
 */
export async function listProcessMeasuresRaw(
  scope: Pick<RequestScope, 'models'>,
  processId: Types.ObjectId | string,
): Promise<MeasureDoc[]> {
  const rows = await scope.models.Measure.find({
    processId: new Types.ObjectId(String(processId)),
  }).lean<MeasureDoc[]>();
  return rows.sort((a, b) => compareCodes(a.code, b.code));
}

/** Names of organisations by id, for snapshots. */
export async function organisationNames(
  scope: Pick<RequestScope, 'models'>,
  ids: Iterable<Types.ObjectId | string | null>,
): Promise<Map<string, string>> {
  const wanted = [
    ...new Set([...ids].filter((id): id is Types.ObjectId | string => !!id).map(String)),
  ];
  if (wanted.length === 0) return new Map();
  const rows = await scope.models.Organisation.find(
    { _id: op({ $in: wanted.map((id) => new Types.ObjectId(id)) }) },
    { name: 1 },
  ).lean<{ _id: Types.ObjectId; name: string }[]>();
  return new Map(rows.map((row) => [String(row._id), row.name]));
}

/** Frozen measures (organisation names resolved) in one directory lookup. */
export async function snapshotMeasures(
  scope: Pick<RequestScope, 'models'>,
  measures: readonly MeasureDoc[],
): Promise<MeasureSnapshot[]> {
  const names = await organisationNames(
    scope,
    measures.flatMap((m) => [m.leadOrganisationId, ...m.partnerOrganisationIds]),
  );
  return measures.map((m) => toMeasureSnapshot(m, (id) => names.get(id)));
}

/** The description document's status that follows a measure's status. */
export function descriptionStatusFor(status: MeasureStatus): DocumentStatus {
  if (status === 'draft') return 'draft';
  if (status === 'proposed') return 'in-review';
  if (status === 'returned') return 'returned';
  return 'accepted';
}

/** The status changes the viewer may make on the measure now, each with the action it needs. */
export function allowedMeasureTransitions(
  scope: RequestScope,
  process: ProcessDoc,
  measure: MeasureDoc,
): MeasureStatus[] {
  return MEASURE_TRANSITIONS[measure.status].filter(
    (to) =>
      !isSteeringVote(measure.status, to) &&
      viewerMay(scope, process, measure, transitionAction(measure.status)),
  );
}

/**
 * Accepting or returning a proposed measure is the steering group's vote, which is recorded only
 * as a `Decision` on an evaluated review round (see `applyDecisionToMeasure`), never as a plain
 * status change: so every vote has a date, a reason, a correction history and the bodies'
 * statements before it.
 */
function isSteeringVote(from: MeasureStatus, to: MeasureStatus): boolean {
  return from === 'proposed' && (to === 'accepted' || to === 'returned');
}

function transitionAction(from: MeasureStatus): Action {
  if (ADOPTED_MEASURE_STATUSES.includes(from)) return 'reportProgress';
  return 'proposeMeasure';
}

async function validateReferences(
  scope: RequestScope,
  process: ProcessDoc,
  args: {
    leadOrganisationId?: string | null;
    partnerOrganisationIds?: string[] | null;
    districts?: string[] | null;
  },
): Promise<void> {
  const ids = [
    ...(args.leadOrganisationId ? [args.leadOrganisationId] : []),
    ...(args.partnerOrganisationIds ?? []),
  ];
  if (ids.length > 0) {
    const known = await organisationNames(scope, ids);
    if (args.leadOrganisationId && !known.has(args.leadOrganisationId)) {
      throw fieldError('invalid-input', 'leadOrganisationId', {
        de: 'Federführende Organisation: Diese Organisation gibt es im Verzeichnis nicht.',
        en: 'Lead organisation: this organisation is not in the directory.',
      });
    }
    (args.partnerOrganisationIds ?? []).forEach((id, index) => {
      if (!known.has(id)) {
        throw fieldError('invalid-input', `partnerOrganisationIds.${index}`, {
          de: `Partnerorganisationen (Eintrag ${index + 1}): Diese Organisation gibt es im Verzeichnis nicht.`,
          en: `Partner organisations (entry ${index + 1}): this organisation is not in the directory.`,
        });
      }
    });
  }
  const districts = knownDistricts(process);
  (args.districts ?? []).forEach((district, index) => {
    if (!districts.includes(district)) {
      throw fieldError('invalid-input', `districts.${index}`, {
        de: `Stadtbezirke (Eintrag ${index + 1}): „${district}“ ist kein Stadtbezirk dieses Prozesses.`,
        en: `Districts (entry ${index + 1}): “${district}” is not a district of this process.`,
      });
    }
  });
}

/** The districts a measure may name: those of the process's councils, and "citywide". */
export function knownDistricts(process: ProcessDoc): string[] {
  const names = process.bodies
    .map((b) => b.district)
    .filter((d): d is string => typeof d === 'string' && d.length > 0);
  return [CITYWIDE_DISTRICT, ...[...new Set(names)].sort((a, b) => a.localeCompare(b, 'de'))];
}

/**
 * Claims a code for a measure by inserting `<processId>:<code>` into `measure_numbers` (atomic
 * on both engines). A code held by an entry whose measure never appeared (a failed create) for
 * longer than {@link ORPHAN_NUMBER_MS} is reclaimed once. Throws `already-exists` naming `code`.
 */
async function claimCode(
  scope: RequestScope,
  processId: Types.ObjectId,
  code: string,
  measureId: Types.ObjectId,
): Promise<void> {
  const _id = `${String(processId)}:${code}`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await scope.models.MeasureNumber.create({ _id, processId, measureId, createdAt: new Date() });
      return;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const holder = await scope.models.MeasureNumber.findOne({ _id }).lean<{
        measureId: Types.ObjectId;
        createdAt: Date;
      }>();
      if (holder && String(holder.measureId) === String(measureId)) return;
      const orphan =
        holder &&
        holder.createdAt.getTime() < Date.now() - ORPHAN_NUMBER_MS &&
        !(await scope.models.Measure.exists({ _id: holder.measureId }));
      if (attempt === 0 && orphan) {
        await scope.models.MeasureNumber.deleteOne({ _id, measureId: holder.measureId });
        continue;
      }
      throw fieldError('already-exists', 'code', {
        de: `Nummer: „${code}“ ist schon vergeben. Bitte eine andere Nummer wählen.`,
        en: `Number: “${code}” is already taken. Please choose another number.`,
      });
    }
  }
}

/** Claims the next free number of the field's prefix (`BIL-04` after `BIL-03`). */
async function claimNextCode(
  scope: RequestScope,
  processId: Types.ObjectId,
  actionFieldKey: string,
  measureId: Types.ObjectId,
): Promise<string> {
  const prefix = measureCodePrefix(actionFieldKey);
  const taken = await scope.models.MeasureNumber.find({ processId }, { _id: 1 }).lean<
    { _id: string }[]
  >();
  let highest = 0;
  for (const { _id } of taken) {
    const code = _id.slice(_id.indexOf(':') + 1);
    if (code.startsWith(`${prefix}-`))
      highest = Math.max(highest, Number(code.slice(prefix.length + 1)) || 0);
  }
  // Concurrent creators race for the same number; the loser takes the next one.
  for (let n = highest + 1; n < highest + 50; n += 1) {
    const code = toMeasureCode(prefix, n);
    try {
      await scope.models.MeasureNumber.create({
        _id: `${String(processId)}:${code}`,
        processId,
        measureId,
        createdAt: new Date(),
      });
      return code;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  throw new DomainError('conflict', 'no free measure number');
}

async function releaseCode(
  scope: RequestScope,
  processId: Types.ObjectId,
  code: string,
  measureId: Types.ObjectId,
) {
  await scope.models.MeasureNumber.deleteOne({ _id: `${String(processId)}:${code}`, measureId });
}

type ParsedFields = ReturnType<typeof updateMeasureSchema.parse>;

/** Applies parsed input fields to a copy of the measure (only fields that were given). */
function applyFields(measure: MeasureDoc, args: Partial<ParsedFields>): MeasureDoc {
  const next: MeasureDoc = {
    ...measure,
    budget: { ...measure.budget },
    indicators: [...measure.indicators],
  };
  if (args.code != null) next.code = args.code;
  if (args.title != null) next.title = args.title;
  if (args.goal != null) next.goal = args.goal;
  if (args.startingSituation != null) next.startingSituation = args.startingSituation;
  if (args.targetGroups != null) next.targetGroups = args.targetGroups;
  if (args.districts != null) next.districts = args.districts;
  if (args.clearLeadOrganisation) next.leadOrganisationId = null;
  else if (args.leadOrganisationId != null) {
    next.leadOrganisationId = new Types.ObjectId(args.leadOrganisationId);
  }
  if (args.leadUnit != null) next.leadUnit = args.leadUnit;
  if (args.partnerOrganisationIds != null) {
    next.partnerOrganisationIds = args.partnerOrganisationIds.map((id) => new Types.ObjectId(id));
  }
  if (args.clearDates) {
    next.start = null;
    next.end = null;
  }
  if (args.start != null) next.start = args.start;
  if (args.end != null) next.end = args.end;
  if (args.horizon != null) next.horizon = args.horizon;
  if (args.priority != null) next.priority = args.priority;
  if (args.indicators != null) next.indicators = args.indicators;
  if (args.budget != null) {
    if (args.budget.amount !== undefined) next.budget.amountEur = args.budget.amount;
    if (args.budget.source != null) next.budget.source = args.budget.source;
    if (args.budget.budgetLine != null) next.budget.budgetLine = args.budget.budgetLine;
  }
  if (next.start && next.end && next.end.getTime() < next.start.getTime()) {
    throw fieldError('invalid-input', 'end', {
      de: 'Ende: darf nicht vor dem Beginn liegen.',
      en: 'End: must not be before the start.',
    });
  }
  return next;
}

const STORED_FIELDS: Record<string, (m: MeasureDoc) => unknown> = {
  code: (m) => m.code,
  title: (m) => m.title,
  goal: (m) => m.goal,
  startingSituation: (m) => m.startingSituation,
  targetGroups: (m) => m.targetGroups,
  districts: (m) => m.districts,
  leadOrganisationId: (m) => m.leadOrganisationId,
  leadUnit: (m) => m.leadUnit,
  partnerOrganisationIds: (m) => m.partnerOrganisationIds,
  start: (m) => m.start,
  end: (m) => m.end,
  horizon: (m) => m.horizon,
  priority: (m) => m.priority,
  indicators: (m) => m.indicators,
  budget: (m) => m.budget,
  status: (m) => m.status,
  statusChangedAt: (m) => m.statusChangedAt,
  progress: (m) => m.progress,
};

/**
 * Logs the changed fields of `before` → `after` as revision `after.revision`, then writes the
 * measure. Log entries first: a crash leaves entries above the stored revision, which readers
 * skip and the next write replaces. Serialised per measure by the write guard.
 */
async function writeMeasure(
  scope: RequestScope,
  before: MeasureDoc,
  after: MeasureDoc,
  changedFields: MeasureField[],
): Promise<MeasureDoc> {
  const viewer = requireViewer(scope);
  const [oldSnap, newSnap] = await snapshotMeasures(scope, [before, after]);
  if (!oldSnap || !newSnap) throw new Error('snapshot failed');
  const now = new Date();
  const revision = before.revision + 1;
  await scope.models.MeasureChange.deleteMany({
    measureId: before._id,
    revision: op({ $gt: before.revision }),
  });
  const entries: MeasureChangeDoc[] = changedFields.map((field) => ({
    _id: `${String(before._id)}:${revision}:${field}`,
    measureId: before._id,
    processId: before.processId,
    revision,
    field,
    before: snapshotFieldValue(oldSnap, field),
    after: snapshotFieldValue(newSnap, field),
    byId: viewer.person._id,
    byName: viewer.person.name,
    at: now,
  }));
  if (entries.length > 0) await scope.models.MeasureChange.insertMany(entries);
  const set: Record<string, unknown> = { revision, updatedAt: now };
  for (const [key, read] of Object.entries(STORED_FIELDS)) {
    const value = read(after);
    if (JSON.stringify(value) !== JSON.stringify(read(before))) set[key] = value;
  }
  const written = await scope.models.Measure.updateOne(
    { _id: before._id, revision: before.revision },
    { $set: set },
  );
  if (written.matchedCount !== 1) throw new DomainError('conflict', 'measure changed');
  const fresh = await scope.models.Measure.findOne({ _id: before._id }).lean<MeasureDoc>();
  if (!fresh) throw notFound('measure');
  await scope.search.noteChange('measure', String(before._id));
  return fresh;
}

function changedMeasureFields(before: MeasureDoc, after: MeasureDoc): MeasureField[] {
  const pairs: [MeasureField, (m: MeasureDoc) => unknown][] = [
    ['code', (m) => m.code],
    ['title', (m) => m.title],
    ['goal', (m) => m.goal],
    ['startingSituation', (m) => m.startingSituation],
    ['targetGroups', (m) => m.targetGroups],
    ['districts', (m) => m.districts],
    ['leadOrganisation', (m) => (m.leadOrganisationId ? String(m.leadOrganisationId) : null)],
    ['leadUnit', (m) => m.leadUnit],
    ['partnerOrganisations', (m) => m.partnerOrganisationIds.map(String)],
    ['start', (m) => m.start?.toISOString() ?? null],
    ['end', (m) => m.end?.toISOString() ?? null],
    ['horizon', (m) => m.horizon],
    ['priority', (m) => m.priority],
    ['indicators', (m) => m.indicators],
    ['budget', (m) => m.budget],
    ['status', (m) => m.status],
    ['progress', (m) => m.progress.length],
  ];
  return pairs
    .filter(([, read]) => JSON.stringify(read(before)) !== JSON.stringify(read(after)))
    .map(([field]) => field);
}

async function syncDescription(
  scope: RequestScope,
  before: MeasureDoc,
  after: MeasureDoc,
): Promise<void> {
  const set: Record<string, unknown> = {};
  if (before.code !== after.code || before.title !== after.title) {
    set.title = `${after.code} ${after.title}`;
  }
  const status = descriptionStatusFor(after.status);
  if (descriptionStatusFor(before.status) !== status) set.status = status;
  if (Object.keys(set).length === 0) return;
  set.updatedAt = new Date();
  await scope.models.Document.updateOne({ _id: after.descriptionDocumentId }, { $set: set });
  scope.loaders.document.clear(String(after.descriptionDocumentId));
  if (set.status === 'accepted') {
    // The adopted description is read-only now: live editors reconnect with a fresh ticket.
    await writeCollabRevocations(scope.revocationSink, [
      { documentId: String(after.descriptionDocumentId), reason: 'measure-adopted' },
    ]);
  }
}

/**
 * Creates a draft measure for a group (its members, the field's coordinators, admins): claims
 * its code (the next of the field, or the one given), creates its description document, then
 * the measure. A failure undoes the earlier steps, so nothing is left half-written.
 */
export async function createMeasure(scope: RequestScope, input: unknown): Promise<MeasureDoc> {
  const viewer = requireViewer(scope);
  const args = parseMeasureInput(createMeasureSchema, input);
  const process = await scope.models.Process.findOne({
    'groups._id': new Types.ObjectId(args.groupId),
  }).lean<ProcessDoc>();
  const group = process?.groups.find((g) => String(g._id) === args.groupId);
  if (!process || !group) throw notFound('group');
  if (
    !canAct(viewer.actor, 'createMeasure', process, {
      type: 'actionField',
      key: group.actionFieldKey,
    })
  ) {
    throw forbidden();
  }
  await validateReferences(scope, process, args);
  const measureId = new Types.ObjectId();
  const documentId = new Types.ObjectId();
  let code: string;
  if (args.code) {
    await claimCode(scope, process._id, args.code, measureId);
    code = args.code;
  } else {
    code = await claimNextCode(scope, process._id, group.actionFieldKey, measureId);
  }
  const now = new Date();
  const base: MeasureDoc = {
    _id: measureId,
    processId: process._id,
    actionFieldKey: group.actionFieldKey,
    groupId: group._id,
    code,
    title: args.title,
    goal: '',
    startingSituation: '',
    descriptionDocumentId: documentId,
    targetGroups: [],
    districts: [],
    leadOrganisationId: null,
    leadUnit: '',
    partnerOrganisationIds: [],
    start: null,
    end: null,
    horizon: null,
    priority: null,
    indicators: [],
    budget: { amountEur: null, source: null, budgetLine: '' },
    status: 'draft',
    statusChangedAt: now,
    progress: [],
    revision: 0,
    createdById: viewer.person._id,
    createdAt: now,
    updatedAt: now,
  };
  const measure = applyFields(base, { ...args, code: null });
  try {
    await scope.models.Document.create({
      _id: documentId,
      processId: process._id,
      actionFieldKey: group.actionFieldKey,
      groupId: group._id,
      kind: 'measure-description',
      title: `${code} ${measure.title}`,
      status: 'draft',
      order: 0,
      createdById: viewer.person._id,
      createdAt: now,
      updatedAt: now,
    });
    await scope.models.Measure.create(measure);
  } catch (error) {
    await scope.models.Document.deleteOne({ _id: documentId });
    await releaseCode(scope, process._id, code, measureId);
    throw error;
  }
  await scope.search.noteChange('measure', String(measure._id));
  await recordActivity(scope, {
    processId: process._id,
    actionFieldKey: group.actionFieldKey,
    groupId: group._id,
    documentId,
    verb: 'measure.created',
    subjectTitle: `${code} ${measure.title}`,
  });
  return measure;
}

/**
 * Changes fields of a measure. `revision` is the one the person edited: a stale form gets
 * `conflict` instead of overwriting someone else's change. A new code is claimed before the
 * write and the old one released after it.
 */
export async function updateMeasure(scope: RequestScope, input: unknown): Promise<MeasureDoc> {
  const args = parseMeasureInput(updateMeasureSchema, input);
  return scope.writeLock.run(`measure:${args.measureId}`, async () => {
    const { measure, process } = await loadVisibleMeasure(scope, args.measureId);
    if (!viewerMay(scope, process, measure, 'editMeasure')) throw forbidden();
    if (args.revision !== measure.revision) {
      throw fieldError('conflict', 'revision', {
        de: 'Jemand hat diese Maßnahme inzwischen geändert. Bitte neu laden und erneut speichern.',
        en: 'Someone changed this measure meanwhile. Please reload and save again.',
      });
    }
    await validateReferences(scope, process, args);
    const next = applyFields(measure, args);
    const changed = changedMeasureFields(measure, next);
    if (changed.length === 0) return measure;
    const newCode = next.code !== measure.code;
    if (newCode) await claimCode(scope, process._id, next.code, measure._id);
    let written: MeasureDoc;
    try {
      written = await writeMeasure(scope, measure, next, changed);
    } catch (error) {
      if (newCode) await releaseCode(scope, process._id, next.code, measure._id);
      throw error;
    }
    if (newCode) await releaseCode(scope, process._id, measure.code, measure._id);
    await syncDescription(scope, measure, written);
    await recordActivity(scope, {
      processId: process._id,
      actionFieldKey: measure.actionFieldKey,
      groupId: measure.groupId,
      documentId: measure.descriptionDocumentId,
      verb: 'measure.updated',
      subjectTitle: `${written.code} ${written.title}`,
    });
    return written;
  });
}

function addProgressNote(
  scope: RequestScope,
  measure: MeasureDoc,
  note: { date: Date; note: string; status: MeasureStatus | null },
): MeasureDoc {
  const viewer = requireViewer(scope);
  if (measure.progress.length >= MEASURE_LIMITS.progressNotes) {
    throw fieldError('invalid-input', 'note', {
      de: `Notiz: Eine Maßnahme hat höchstens ${MEASURE_LIMITS.progressNotes} Einträge zum Umsetzungsstand.`,
      en: `Note: a measure has at most ${MEASURE_LIMITS.progressNotes} progress entries.`,
    });
  }
  const entry: ProgressNoteDoc = {
    _id: new Types.ObjectId(),
    date: note.date,
    note: note.note,
    status: note.status,
    authorId: viewer.person._id,
    authorName: viewer.person.name,
    createdAt: new Date(),
  };
  return { ...measure, progress: [...measure.progress, entry] };
}

async function changeStatusLocked(
  scope: RequestScope,
  measureId: string,
  target: MeasureStatus,
  note: { text: string | null; date: Date | null },
): Promise<MeasureDoc> {
  const { measure, process } = await loadVisibleMeasure(scope, measureId);
  if (isSteeringVote(measure.status, target)) {
    throw new DomainError('invalid-transition', `${measure.status} -> ${target}`, [
      {
        path: 'status',
        rule: 'invalid',
        message: 'decided by the steering group in a review round',
        text: {
          de: 'Status: Über Annahme oder Rückgabe entscheidet die Lenkungsgruppe in einer Beratungsrunde.',
          en: 'Status: the steering group accepts or returns a measure by a decision in a review round.',
        },
      },
    ]);
  }
  if (!MEASURE_TRANSITIONS[measure.status].includes(target)) {
    throw new DomainError('invalid-transition', `${measure.status} -> ${target}`, [
      {
        path: 'status',
        rule: 'invalid',
        message: `${measure.status} -> ${target}`,
        text: {
          de: `Status: Von „${MEASURE_STATUS_LABELS[measure.status].de}“ nach „${MEASURE_STATUS_LABELS[target].de}“ geht es nicht.`,
          en: `Status: cannot go from “${MEASURE_STATUS_LABELS[measure.status].en}” to “${MEASURE_STATUS_LABELS[target].en}”.`,
        },
      },
    ]);
  }
  if (!viewerMay(scope, process, measure, transitionAction(measure.status))) throw forbidden();
  if (target === 'returned' && !note.text) {
    throw fieldError('invalid-input', 'note', {
      de: 'Notiz: Bitte begründen, warum die Maßnahme zurückgegeben wird.',
      en: 'Note: please give the reason for returning the measure.',
    });
  }
  let next: MeasureDoc = { ...measure, status: target, statusChangedAt: new Date() };
  if (note.text) {
    next = addProgressNote(scope, next, {
      date: note.date ?? new Date(),
      note: note.text,
      status: target,
    });
  }
  const written = await writeMeasure(scope, measure, next, changedMeasureFields(measure, next));
  await syncDescription(scope, measure, written);
  await recordActivity(scope, {
    processId: process._id,
    actionFieldKey: measure.actionFieldKey,
    groupId: measure.groupId,
    documentId: measure.descriptionDocumentId,
    verb: 'measure.status-changed',
    subjectTitle: `${written.code} ${written.title}`,
    detail: target,
  });
  await notifyMeasureStatus(scope, process, written);
  return written;
}

/**
 * Tells the measure's group of its new status, and the steering group when a measure is
 * proposed for its vote.
 */
async function notifyMeasureStatus(
  scope: RequestScope,
  process: ProcessDoc,
  measure: MeasureDoc,
): Promise<void> {
  const viewer = requireViewer(scope);
  const group = process.groups.find((g) => String(g._id) === String(measure.groupId));
  const recipients = new Set(group?.members.map((m) => String(m.personId)) ?? []);
  if (measure.status === 'proposed') {
    for (const body of process.bodies) {
      if (body.kind === 'steering-group')
        body.memberIds.forEach((id) => recipients.add(String(id)));
    }
  }
  await notify(
    scope,
    {
      recipientIds: [...recipients],
      actor: { id: String(viewer.person._id), name: viewer.person.name },
      processId: String(process._id),
    },
    {
      kind: 'measure-status',
      measure: { id: String(measure._id), title: `${measure.code} ${measure.title}` },
      status: measure.status,
    },
  );
}

/**
 * Moves a measure through its lifecycle: the group's speakers and leads (and coordinators)
 * propose and withdraw, the steering group accepts or returns (with a reason), and after
 * adoption the responsible unit reports planned / in progress / done / regular work /
 * discontinued. A note is kept as a dated progress entry.
 */
export async function changeMeasureStatus(
  scope: RequestScope,
  input: unknown,
): Promise<MeasureDoc> {
  const args = parseMeasureInput(changeStatusSchema, input);
  return scope.writeLock.run(`measure:${args.measureId}`, () =>
    changeStatusLocked(scope, args.measureId, args.status, { text: args.note ?? null, date: null }),
  );
}

/** What the review workflow needs to put a measure into a round and decide on it. */
export interface MeasureSubjectFacts {
  measureId: Types.ObjectId;
  processId: Types.ObjectId;
  code: string;
  title: string;
  status: MeasureStatus;
  descriptionDocumentId: Types.ObjectId;
  descriptionStatus: DocumentStatus;
  actionFieldKey: string;
  groupId: Types.ObjectId;
  snapshot: MeasureSnapshot;
}

/**
 * Measures by id in the order asked, each with a snapshot of its sheet (organisation names
 * resolved) for a round item; null where there is none or the viewer may not see it. Two reads
 * and one directory lookup however many measures are asked for.
 */
export async function lookupMeasureSubjects(
  scope: RequestScope,
  measureIds: readonly string[],
): Promise<(MeasureSubjectFacts | null)[]> {
  const viewer = requireViewer(scope);
  const valid = measureIds.filter((id) => Types.ObjectId.isValid(id));
  if (valid.length === 0) return measureIds.map(() => null);
  const measures = await scope.models.Measure.find({
    _id: op({ $in: valid.map((id) => new Types.ObjectId(id)) }),
  }).lean<MeasureDoc[]>();
  const processes = new Map<string, ProcessDoc | null>();
  for (const processId of new Set(measures.map((m) => String(m.processId)))) {
    processes.set(processId, await findProcess(scope, processId));
  }
  const visible = measures.filter((m) => {
    const process = processes.get(String(m.processId));
    return (
      !!process && canSee(viewer.actor, process, { type: 'measure', measure: toMeasureFacts(m) })
    );
  });
  const snapshots = await snapshotMeasures(scope, visible);
  const byId = new Map(
    visible.map((m, index) => [String(m._id), { m, snapshot: snapshots[index] }]),
  );
  return measureIds.map((id) => {
    const found = byId.get(id);
    if (!found?.snapshot) return null;
    const { m, snapshot } = found;
    return {
      measureId: m._id,
      processId: m.processId,
      code: m.code,
      title: m.title,
      status: m.status,
      descriptionDocumentId: m.descriptionDocumentId,
      descriptionStatus: descriptionStatusFor(m.status),
      actionFieldKey: m.actionFieldKey,
      groupId: m.groupId,
      snapshot,
    };
  });
}

/** The measure status a steering decision leads to, or null when the measure stays as it is. */
export function statusAfterDecision(
  current: MeasureStatus,
  outcome: 'accepted' | 'accepted-with-conditions' | 'returned',
): MeasureStatus | null {
  if (outcome === 'returned') return current === 'returned' ? null : 'returned';
  // An adopted measure that has moved on (planned, in progress, ...) stays where it is.
  return ADOPTED_MEASURE_STATUSES.includes(current) ? null : 'accepted';
}

/**
 * Applies a steering decision recorded by the decision module (subject
 * `{kind: 'measure', measureId}`), the only way a measure is accepted or returned: accepted
 * (with or without conditions) or returned, also when a correction reverses an earlier
 * decision. The decision module has checked `recordDecision`/`correctDecision`; the reason is
 * kept as a dated progress note, the change in the measure's change log and activity.
 */
export async function applyDecisionToMeasure(
  scope: RequestScope,
  input: {
    measureId: string;
    outcome: 'accepted' | 'accepted-with-conditions' | 'returned';
    reason?: string | null;
    conditions?: string | null;
    meetingDate?: Date | null;
  },
): Promise<MeasureDoc | null> {
  return scope.writeLock.run(`measure:${input.measureId}`, async () => {
    const measure = await scope.models.Measure.findOne({
      _id: input.measureId,
    }).lean<MeasureDoc>();
    if (!measure) return null;
    const target = statusAfterDecision(measure.status, input.outcome);
    if (!target) return measure;
    const process = await loadProcess(scope, String(measure.processId));
    let next: MeasureDoc = { ...measure, status: target, statusChangedAt: new Date() };
    const text = [input.reason?.trim(), input.conditions?.trim()].filter(Boolean).join('\n\n');
    if (text && measure.progress.length < MEASURE_LIMITS.progressNotes) {
      next = addProgressNote(scope, next, {
        date: input.meetingDate ?? new Date(),
        note: text.slice(0, MEASURE_LIMITS.progressNoteChars),
        status: target,
      });
    }
    const written = await writeMeasure(scope, measure, next, changedMeasureFields(measure, next));
    await syncDescription(scope, measure, written);
    await recordActivity(scope, {
      processId: process._id,
      actionFieldKey: measure.actionFieldKey,
      groupId: measure.groupId,
      documentId: measure.descriptionDocumentId,
      verb: 'measure.status-changed',
      subjectTitle: `${written.code} ${written.title}`,
      detail: target,
    });
    await notifyMeasureStatus(scope, process, written);
    return written;
  });
}

/**
 * Adds a dated progress note (the responsible unit after adoption), optionally reporting a new
 * implementation status in the same step.
 */
export async function addMeasureProgress(scope: RequestScope, input: unknown): Promise<MeasureDoc> {
  const args = parseMeasureInput(progressSchema, input);
  return scope.writeLock.run(`measure:${args.measureId}`, async () => {
    if (args.status) {
      const { measure } = await loadVisibleMeasure(scope, args.measureId);
      if (args.status !== measure.status) {
        return changeStatusLocked(scope, args.measureId, args.status, {
          text: args.note,
          date: args.date,
        });
      }
    }
    const { measure, process } = await loadVisibleMeasure(scope, args.measureId);
    if (!viewerMay(scope, process, measure, 'reportProgress')) throw forbidden();
    const next = addProgressNote(scope, measure, {
      date: args.date,
      note: args.note,
      status: args.status ?? null,
    });
    const written = await writeMeasure(scope, measure, next, ['progress']);
    await recordActivity(scope, {
      processId: process._id,
      actionFieldKey: measure.actionFieldKey,
      groupId: measure.groupId,
      documentId: measure.descriptionDocumentId,
      verb: 'measure.progress-reported',
      subjectTitle: `${written.code} ${written.title}`,
    });
    return written;
  });
}

/** The change log of a measure, newest first (entries of writes that never landed are skipped). */
export async function listMeasureChanges(
  scope: RequestScope,
  measure: MeasureDoc,
  first: number,
): Promise<MeasureChangeDoc[]> {
  return scope.models.MeasureChange.find({
    measureId: measure._id,
    revision: op({ $lte: measure.revision }),
  })
    .sort({ revision: -1, field: 1 })
    .limit(Math.min(Math.max(first, 1), 500))
    .lean<MeasureChangeDoc[]>();
}

/** Target groups used in the process's measures (for suggestions), most used first. */
export async function usedTargetGroups(
  scope: RequestScope,
  processId: Types.ObjectId,
): Promise<string[]> {
  const rows = await scope.models.Measure.find({ processId }, { targetGroups: 1 }).lean<
    { targetGroups: string[] }[]
  >();
  const counts = new Map<string, number>();
  for (const row of rows) for (const g of row.targetGroups) counts.set(g, (counts.get(g) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'de'))
    .map(([g]) => g);
}
