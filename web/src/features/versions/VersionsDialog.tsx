import { useId, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { versionsTexts } from './versions.texts';
import { graphql } from '../../generated';
import { ModalDialog } from '../../ui/Dialog';
import { Loading } from '../../ui/Loading';
import { RestoreVersionDialog } from './RestoreVersionDialog';
import { SaveVersionForm } from './SaveVersionForm';
import { VersionErrorNotice } from './VersionErrorNotice';
import { VersionListItem, type VersionSummary } from './VersionListItem';
import { VersionViewDialog } from './VersionViewDialog';
import './versions.css';

/** The document's named versions, newest first (the API sorts them). */
export const DocumentVersionsDocument = graphql(`
  query DocumentVersions($documentId: ID!) {
    documentVersions(documentId: $documentId) {
      id
      ...VersionListItem_version
    }
  }
`);

/** Props of {@link VersionsDialog}. */
export interface VersionsDialogProps {
  documentId: string;
  /**
   * Whether the viewer may save and restore versions: the same collab mode (`EDIT`) that makes
   * the editor writable, which is also what the API checks for these two mutations.
   */
  canEdit: boolean;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * The versions of a document in a dialog: save the current text under a name, list versions
 * (name, author, date), open one read-only and restore one after a confirmation. Read-only
 * viewers (e.g. council members) list and view only. Saves and restores are announced in a
 * polite status region that is also visible.
 */
export function VersionsDialog(props: VersionsDialogProps) {
  const { t } = useFeatureTranslation(versionsTexts);
  const { documentId, canEdit } = props;
  const headingId = useId();
  const [announcement, setAnnouncement] = useState('');
  const [viewing, setViewing] = useState<VersionSummary | null>(null);
  const [restoring, setRestoring] = useState<VersionSummary | null>(null);
  const { data, loading, error, refetch } = useQuery(DocumentVersionsDocument, {
    variables: { documentId },
    skip: !props.isOpen,
    fetchPolicy: 'cache-and-network',
  });
  const versions = data?.documentVersions ?? [];

  return (
    <ModalDialog
      title={t('title')}
      isOpen={props.isOpen}
      onOpenChange={(open) => {
        if (!open) setAnnouncement('');
        props.onOpenChange(open);
      }}
    >
      <p className={announcement ? 'versions__status' : 'visually-hidden'} role="status">
        {announcement}
      </p>
      <p className="muted">{t('intro')}</p>
      {canEdit ? (
        <SaveVersionForm
          documentId={documentId}
          onSaved={(label) => {
            setAnnouncement(t('saved', { label }));
            void refetch().catch(() => undefined);
          }}
        />
      ) : (
        <p className="hint">{t('readOnly')}</p>
      )}
      <section className="versions__list" aria-labelledby={headingId}>
        <h3 id={headingId}>{t('list')}</h3>
        {loading && !data ? <Loading /> : null}
        {error && !data ? <VersionErrorNotice error={error} /> : null}
        {data && versions.length === 0 ? <p className="muted">{t('empty')}</p> : null}
        {versions.length > 0 ? (
          <ul className="versions__items">
            {versions.map((version) => (
              <VersionListItem
                key={version.id}
                version={version}
                canRestore={canEdit}
                onView={setViewing}
                onRestore={(chosen) => {
                  setAnnouncement('');
                  setRestoring(chosen);
                }}
              />
            ))}
          </ul>
        ) : null}
      </section>
      <div className="form__actions">
        <button type="button" className="button" onClick={() => props.onOpenChange(false)}>
          {t('common.close')}
        </button>
      </div>
      <VersionViewDialog
        documentId={documentId}
        version={viewing}
        onClose={() => setViewing(null)}
      />
      {canEdit ? (
        <RestoreVersionDialog
          documentId={documentId}
          version={restoring}
          onClose={() => setRestoring(null)}
          onRestored={(label) => {
            setRestoring(null);
            setAnnouncement(t('restored', { label }));
          }}
        />
      ) : null}
    </ModalDialog>
  );
}

/** Default export for `React.lazy`: the versions code loads only when the dialog is opened. */
export default VersionsDialog;
