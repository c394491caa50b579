/**
 * The measures catalogue. Other modules use only what is exported here:
 * - the decision module (review work): `loadMeasureFacts` and `applyMeasureDecision` for
 *   decisions on subject `{kind: 'measure', measureId}`, `snapshotMeasures` for round items;
 * - search and notifications: `listMeasures` (policy-checked, for a viewer) and
 *   `listProcessMeasuresRaw` (everything, for an index whose readers are checked later with
 *   `toMeasureFacts` and the policy);
 * - the paper and exports: snapshots and sheet fields.
 */
export {
  addMeasureProgress,
  applyMeasureDecision,
  changeMeasureStatus,
  compareCodes,
  createMeasure,
  findMeasure,
  listMeasures,
  listProcessMeasuresRaw,
  loadMeasureFacts,
  loadVisibleMeasure,
  snapshotMeasures,
  toMeasureFacts,
  updateMeasure,
  type MeasureList,
} from './measure.service';
export {
  MEASURE_FIELD_LABELS,
  MEASURE_STATUS_LABELS,
  measureFieldItems,
  measureSheetFields,
  toMeasureSnapshot,
  type MeasureSnapshot,
} from './measure.snapshot';
export type { MeasureDoc } from './measure.model';
