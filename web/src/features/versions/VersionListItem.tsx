import { useFeatureTranslation } from '../../i18n/feature-texts';
import { versionsTexts } from './versions.texts';
import { graphql, getFragmentData, type FragmentType } from '../../generated';
import { formatDateTime } from '../../i18n/format';

/** What a version row shows: its name, who saved it and when. */
export const VersionListItem_version = graphql(`
  fragment VersionListItem_version on DocumentVersion {
    id
    label
    createdByName
    createdAt
  }
`);

/** A version as the dialogs around the list need it (unmasked). */
export interface VersionSummary {
  id: string;
  label: string;
  createdByName: string;
  createdAt: string;
}

/**
 * One saved version in the list: name, author and date (in the interface language), a "View"
 * button for everyone and "Restore" for people who may edit. Button names include the version
 * name, so a screen reader's list of buttons stays unambiguous.
 */
export function VersionListItem(props: {
  version: FragmentType<typeof VersionListItem_version>;
  canRestore: boolean;
  onView: (version: VersionSummary) => void;
  onRestore: (version: VersionSummary) => void;
}) {
  const { t, i18n } = useFeatureTranslation(versionsTexts);
  const version = getFragmentData(VersionListItem_version, props.version);
  return (
    <li className="versions__item">
      <div className="versions__summary">
        <span className="versions__label">{version.label}</span>
        <span className="versions__meta">
          {t('createdBy', {
            name: version.createdByName,
            date: formatDateTime(version.createdAt, i18n.language),
          })}
        </span>
      </div>
      <div className="versions__actions">
        <button
          type="button"
          className="button button--small"
          aria-label={t('viewLabel', { label: version.label })}
          onClick={() => props.onView(version)}
        >
          {t('view')}
        </button>
        {props.canRestore ? (
          <button
            type="button"
            className="button button--small"
            aria-label={t('restoreLabel', { label: version.label })}
            onClick={() => props.onRestore(version)}
          >
            {t('restore')}
          </button>
        ) : null}
      </div>
    </li>
  );
}
