import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { graphql, getFragmentData, type FragmentType } from '../../generated';
import { formatDate, formatNumber } from '../../i18n/format';

/** A document row in a group's document list. */
export const DocumentList_document = graphql(`
  fragment DocumentList_document on Document {
    id
    title
    kind
    status
    reviewDeadline
    commentCount
    contentUpdatedAt
  }
`);

/** The group's documents with kind, status, review deadline and comment count. */
export function DocumentList(props: {
  documents: readonly FragmentType<typeof DocumentList_document>[];
}) {
  const { t, i18n } = useTranslation();
  const documents = props.documents.map((item) => getFragmentData(DocumentList_document, item));
  if (documents.length === 0) return <p className="muted">{t('documents.empty')}</p>;
  return (
    <ul className="document-list">
      {documents.map((document) => (
        <li key={document.id} className="document-list__item">
          <Link to={`/documents/${document.id}`} className="document-list__title">
            {document.title}
          </Link>
          <span className="muted">{t(`documentKind.${document.kind}`)}</span>
          <span className={`badge badge--${document.status.toLowerCase()}`}>
            {t(`documentStatus.${document.status}`)}
          </span>
          {document.reviewDeadline ? (
            <span className="muted">
              {t('documents.reviewDeadline')}: {formatDate(document.reviewDeadline, i18n.language)}
            </span>
          ) : null}
          <span className="muted">
            {t('documents.commentCount', {
              count: document.commentCount,
              formatted: formatNumber(document.commentCount, i18n.language),
            })}
          </span>
        </li>
      ))}
    </ul>
  );
}
