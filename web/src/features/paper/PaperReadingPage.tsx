import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { graphql } from '../../generated';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { formatDateTime } from '../../i18n/format';
import { PageTitle } from '../../ui/PageTitle';
import { Loading } from '../../ui/Loading';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { toErrorCode } from '../../ui/error-codes';
import { NotFoundPage } from '../errors/NotFoundPage';
import { ExportButtons } from '../exports/ExportButtons';
import { paperTexts } from './paper.texts';
import './paper.css';

const PaperReadingDocument = graphql(`
  query PaperReading($editionId: ID) {
    paperReading(editionId: $editionId) {
      editionId
      editionName
      title
      subtitle
      date
      html
      complete
      hiddenParts
      missingParts
      toc {
        anchor
        level
        number
        text
      }
    }
  }
`);

/**
 * The whole paper as one continuous document: title, table of contents with numbered
 * headings, every part with its status and last change, measures as uniform sheets. The body
 * is the same document the exports are made from (rendered and escaped by the API). Live at
 * `/paper/read`, an edition at `/paper/editions/:id`.
 */
export function PaperReadingPage() {
  const { id } = useParams();
  const { t, i18n } = useFeatureTranslation(paperTexts);
  const lng = i18n.language;
  const { data, loading, error } = useQuery(PaperReadingDocument, {
    variables: { editionId: id ?? null },
  });
  if (loading && !data) return <Loading />;
  if (error && !data) {
    if (toErrorCode(error) === 'NOT_FOUND') return <NotFoundPage />;
    return <ErrorNotice error={error} />;
  }
  const reading = data?.paperReading;
  if (!reading) return <NotFoundPage />;
  const stage = reading.editionName
    ? t('readingEdition', { name: reading.editionName })
    : t('readingLive', { date: formatDateTime(reading.date, lng) });
  return (
    <div className="paper-reading">
      <nav aria-label={t('breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/paper">{t('backToPaper')}</Link>
          </li>
        </ol>
      </nav>
      <PageTitle>{reading.title}</PageTitle>
      {reading.subtitle ? <p className="lead">{reading.subtitle}</p> : null}
      <p className="paper-reading__stage">{stage}</p>
      {reading.hiddenParts > 0 ? (
        <p className="notice">{t('incomplete', { count: reading.hiddenParts })}</p>
      ) : null}
      {reading.missingParts > 0 ? (
        <p className="notice notice--error">{t('missingParts', { count: reading.missingParts })}</p>
      ) : null}
      <div className="paper-reading__layout">
        <nav aria-labelledby="toc-heading" className="paper-toc">
          <h2 id="toc-heading">{t('contents')}</h2>
          <ol>
            {reading.toc.map((entry) => (
              <li key={entry.anchor} className={`paper-toc__level-${entry.level}`}>
                <a href={`#${entry.anchor}`}>
                  {entry.number ? <span className="heading-number">{entry.number}</span> : null}{' '}
                  {entry.text}
                </a>
              </li>
            ))}
          </ol>
        </nav>
        <div>
          <article
            className="paper-body prose"
            lang={lng.startsWith('en') ? 'en' : 'de'}
            // The API builds this HTML from the export model and escapes every text in it.
            dangerouslySetInnerHTML={{ __html: reading.html }}
          />
          {reading.complete ? (
            <ExportButtons
              target={
                reading.editionId
                  ? { kind: 'EDITION', editionId: reading.editionId }
                  : { kind: 'PAPER' }
              }
            />
          ) : null}
        </div>
      </div>
    </div>
  );
}
