import { useQuery } from '@apollo/client/react';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { versionsTexts } from './versions.texts';
import { graphql } from '../../generated';
import { ModalDialog } from '../../ui/Dialog';
import { Loading } from '../../ui/Loading';
import { formatDateTime } from '../../i18n/format';
import { VersionContent } from './VersionContent';
import { VersionErrorNotice } from './VersionErrorNotice';
import type { VersionSummary } from './VersionListItem';

const DocumentVersionViewDocument = graphql(`
  query DocumentVersionView($documentId: ID!, $versionId: ID!) {
    documentVersion(documentId: $documentId, versionId: $versionId) {
      version {
        id
        label
      }
      html
    }
  }
`);

/** One version opened read-only over the versions list; closing returns to the list. */
export function VersionViewDialog(props: {
  documentId: string;
  version: VersionSummary | null;
  onClose: () => void;
}) {
  const { t, i18n } = useFeatureTranslation(versionsTexts);
  const { version } = props;
  const { data, loading, error } = useQuery(DocumentVersionViewDocument, {
    variables: { documentId: props.documentId, versionId: version?.id ?? '' },
    skip: !version,
  });
  const label = version?.label ?? '';
  const content = data?.documentVersion;
  return (
    <ModalDialog
      title={t('viewTitle', { label })}
      isOpen={version !== null}
      onOpenChange={(open) => {
        if (!open) props.onClose();
      }}
      size="wide"
    >
      {version ? (
        <p className="muted">
          {t('createdBy', {
            name: version.createdByName,
            date: formatDateTime(version.createdAt, i18n.language),
          })}
        </p>
      ) : null}
      <p className="hint">{t('viewHint')}</p>
      {loading && !data ? <Loading /> : null}
      {error ? <VersionErrorNotice error={error} /> : null}
      {data && !content ? (
        <div className="notice notice--error" role="alert">
          {t('notFound')}
        </div>
      ) : null}
      {content ? <VersionContent html={content.html} label={t('viewContent', { label })} /> : null}
      <div className="form__actions">
        <button type="button" className="button" onClick={props.onClose}>
          {t('common.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
