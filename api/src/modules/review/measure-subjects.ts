import type { Types } from 'mongoose';
import type { RequestScope } from '../../scope';

/**
 * What the review workflow needs to know about a measure to review it and decide on it: its
 * number and title, the collaborative description document whose text is frozen, and where it
 * belongs. The measures module (`modules/measure`) plugs in here; `snapshot` is copied into the
 * round item so the round shows the measure's fields as they were reviewed.
 */
export interface MeasureSubject {
  measureId: Types.ObjectId;
  processId: Types.ObjectId;
  code: string;
  title: string;
  descriptionDocumentId: Types.ObjectId;
  actionFieldKey: string;
  groupId: Types.ObjectId;
  snapshot: unknown;
}

/**
 * Looks measures up by id, in the order asked (null where there is none). Until the measures
 * catalogue exists there are no measures, so a round or decision about one is refused as
 * `not-found` naming the field.
 */
export async function lookupMeasureSubjects(
  _scope: RequestScope,
  measureIds: string[],
): Promise<(MeasureSubject | null)[]> {
  return measureIds.map(() => null);
}

/**
 * Applies a steering decision to a measure's own status (the measures module decides how an
 * outcome maps onto it). Without the measures catalogue there is nothing to update.
 */
export async function applyMeasureDecision(
  _scope: RequestScope,
  _measureId: string,
  _outcome: string,
): Promise<void> {
  // Intentionally empty until measures exist; decisions on measures are refused before this.
}
