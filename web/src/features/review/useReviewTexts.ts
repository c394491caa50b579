import type { useFeatureTranslation } from '../../i18n/feature-texts';

/**
 * The review namespace's `t`, handed from a page to its many rows as a prop: 300 rows of the
 * response table each binding i18next (twice, with the shared texts) cost more than rendering
 * the row itself.
 */
export type ReviewT = ReturnType<typeof useFeatureTranslation>['t'];
