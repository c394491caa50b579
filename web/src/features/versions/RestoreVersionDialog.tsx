import { useEffect, useRef } from 'react';
import { useMutation } from '@apollo/client/react';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { versionsTexts } from './versions.texts';
import { graphql } from '../../generated';
import { ModalDialog } from '../../ui/Dialog';
import { VersionErrorNotice } from './VersionErrorNotice';
import type { VersionSummary } from './VersionListItem';

const RestoreDocumentVersionDocument = graphql(`
  mutation RestoreDocumentVersion($input: RestoreDocumentVersionInput!) {
    restoreDocumentVersion(input: $input) {
      version {
        id
        label
      }
    }
  }
`);

/**
 * Asks before restoring a version and says what restoring means: the version's text is applied
 * as a new change on top of the live document, so people writing now keep their input and the
 * history stays. Focus starts on "Cancel", the safe choice.
 */
export function RestoreVersionDialog(props: {
  documentId: string;
  version: VersionSummary | null;
  onClose: () => void;
  onRestored: (label: string) => void;
}) {
  const { t } = useFeatureTranslation(versionsTexts);
  const { version } = props;
  const [restoreVersion, { loading, error, reset }] = useMutation(RestoreDocumentVersionDocument);
  const cancelRef = useRef<HTMLButtonElement>(null);
  // After React Aria has focused the dialog itself (its effect runs first, being a child).
  useEffect(() => {
    if (version) cancelRef.current?.focus();
  }, [version]);
  const close = () => {
    reset();
    props.onClose();
  };
  return (
    <ModalDialog
      title={t('restoreTitle', { label: version?.label ?? '' })}
      isOpen={version !== null}
      onOpenChange={(open) => {
        if (!open) close();
      }}
    >
      <p>{t('restoreText')}</p>
      <p>{t('restoreTip')}</p>
      {error ? <VersionErrorNotice error={error} /> : null}
      <div className="form__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={loading}
          onClick={() => {
            if (!version) return;
            restoreVersion({
              variables: { input: { documentId: props.documentId, versionId: version.id } },
            })
              .then((result) => {
                reset();
                props.onRestored(
                  result.data?.restoreDocumentVersion.version.label ?? version.label,
                );
              })
              .catch(() => undefined);
          }}
        >
          {loading ? t('restoring') : t('restoreConfirm')}
        </button>
        <button ref={cancelRef} type="button" className="button" onClick={close}>
          {t('common.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}
