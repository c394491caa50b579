import { applyDecisionToMeasure, lookupMeasureSubjects as lookupMeasures } from '../measure';
import type { MeasureSubjectFacts } from '../measure';
import type { RequestScope } from '../../scope';

/**
 * The seam between the review workflow and the measures catalogue: what a round needs to review
 * a measure (number, title, the description document whose text is frozen, field, group and a
 * snapshot of the sheet copied into the round item), and how a steering decision reaches the
 * measure's own status. The measures module owns both answers.
 */
export type MeasureSubject = MeasureSubjectFacts;

/** Measures by id, in the order asked (null where there is none or the viewer may not see it). */
export function lookupMeasureSubjects(
  scope: RequestScope,
  measureIds: string[],
): Promise<(MeasureSubject | null)[]> {
  return lookupMeasures(scope, measureIds);
}

/** Applies a recorded or corrected steering decision to the measure's status. */
export async function applyMeasureDecision(
  scope: RequestScope,
  measureId: string,
  decision: {
    outcome: 'accepted' | 'accepted-with-conditions' | 'returned';
    reason: string;
    conditions: string;
    meetingDate: Date;
  },
): Promise<void> {
  await applyDecisionToMeasure(scope, { measureId, ...decision });
}
