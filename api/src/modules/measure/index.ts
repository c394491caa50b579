/**
 * The measures catalogue. Other modules use only what is exported here:
 * - the review and decision modules: `lookupMeasureSubjects` for round items (with a snapshot)
 *   and `applyDecisionToMeasure`, the only way a measure is accepted or returned;
 * - search and notifications: `listMeasures` (policy-checked, for a viewer) and
 *   `listProcessMeasuresRaw` (everything, for an index whose readers are checked later with
 *   `toMeasureFacts` and the policy);
 * - the paper and exports: snapshots and sheet fields.
 */
export {
  addMeasureProgress,
  applyDecisionToMeasure,
  changeMeasureStatus,
  compareCodes,
  createMeasure,
  findMeasure,
  listMeasures,
  listProcessMeasuresRaw,
  loadMeasureFacts,
  loadVisibleMeasure,
  lookupMeasureSubjects,
  snapshotMeasures,
  toMeasureFacts,
  updateMeasure,
  type MeasureList,
  type MeasureSubjectFacts,
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
