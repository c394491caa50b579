import { useId, useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { compareDocuments, compareLists, plainTextDoc, type CompareRun } from '@lip/common/compare';
import { graphql } from '../../generated';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { formatDateTime } from '../../i18n/format';
import { PageTitle } from '../../ui/PageTitle';
import { Loading } from '../../ui/Loading';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { CompareBlocks, RunView } from './CompareBlocks';
import { compareTexts } from './compare.texts';
import './compare.css';

const CompareDocumentsDocument = graphql(`
  query CompareDocuments {
    documents {
      id
      title
    }
  }
`);

const CompareVersionsDocument = graphql(`
  query CompareVersions($documentId: ID!) {
    documentVersions(documentId: $documentId) {
      id
      label
      createdAt
    }
  }
`);

const CompareContentDocument = graphql(`
  query CompareContent($documentId: ID!, $from: ID, $to: ID) {
    from: documentContent(documentId: $documentId, versionId: $from) {
      doc
      text
    }
    to: documentContent(documentId: $documentId, versionId: $to) {
      doc
      text
    }
  }
`);

const CompareMeasureDocument = graphql(`
  query CompareMeasure($id: ID!) {
    measure(id: $id) {
      id
      code
      title
      sheet {
        field
        label
        items
      }
    }
    paper {
      id
      editions {
        id
        name
        createdAt
      }
    }
  }
`);

const CompareMeasureEditionDocument = graphql(`
  query CompareMeasureEdition($editionId: ID!, $measureId: ID!) {
    paperEdition(id: $editionId) {
      id
      measureSheet(measureId: $measureId) {
        field
        label
        items
      }
    }
  }
`);

const LIVE = 'live';

function toDoc(content: { doc?: string | null; text: string } | null | undefined): unknown {
  if (!content) return null;
  if (content.doc) {
    try {
      return JSON.parse(content.doc);
    } catch {
      return plainTextDoc(content.text);
    }
  }
  return plainTextDoc(content.text);
}

function DocumentCompare() {
  const { t, i18n } = useFeatureTranslation(compareTexts);
  const id = useId();
  const [params, setParams] = useSearchParams();
  const documentId = params.get('document') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? LIVE;
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const documents = useQuery(CompareDocumentsDocument);
  const versions = useQuery(CompareVersionsDocument, {
    variables: { documentId },
    skip: !documentId,
  });
  const content = useQuery(CompareContentDocument, {
    variables: {
      documentId,
      from: from === LIVE ? null : from,
      to: to === LIVE ? null : to,
    },
    skip: !documentId || !from,
    fetchPolicy: 'network-only',
  });
  const result = useMemo(() => {
    if (!content.data?.from || !content.data.to) return null;
    return compareDocuments(toDoc(content.data.from), toDoc(content.data.to));
  }, [content.data]);
  const options = [
    ...(versions.data?.documentVersions ?? []).map((v) => ({
      value: v.id,
      label: `${v.label} (${formatDateTime(v.createdAt, i18n.language)})`,
    })),
    { value: LIVE, label: t('live') },
  ];
  const textOnly = !!content.data && (!content.data.from?.doc || !content.data.to?.doc);

  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <p className="lead">{t('intro')}</p>
      <form className="compare-pickers" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-doc`}>{t('document')}</label>
          <select
            id={`${id}-doc`}
            value={documentId}
            onChange={(e) => set({ document: e.target.value, from: '', to: LIVE })}
          >
            <option value="">{t('chooseDocument')}</option>
            {documents.data?.documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('from')}</label>
          <select
            id={`${id}-from`}
            value={from}
            disabled={!documentId}
            onChange={(e) => set({ from: e.target.value })}
          >
            <option value="">–</option>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('to')}</label>
          <select
            id={`${id}-to`}
            value={to}
            disabled={!documentId}
            onChange={(e) => set({ to: e.target.value })}
          >
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      </form>
      {content.loading ? <Loading /> : null}
      {content.error ? <ErrorNotice error={content.error} /> : null}
      {textOnly ? <p className="hint">{t('textOnly')}</p> : null}
      {result ? <CompareBlocks blocks={result.blocks} summary={result.summary} /> : null}
    </>
  );
}

function Runs({ runs }: { runs: CompareRun[] }) {
  return (
    <>
      {runs.map((run, index) => (
        <RunView key={index} run={run} />
      ))}
    </>
  );
}

function MeasureCompare({ measureId }: { measureId: string }) {
  const { t, i18n } = useFeatureTranslation(compareTexts);
  const id = useId();
  const [params, setParams] = useSearchParams();
  const editionId = params.get('edition') ?? '';
  const { data, loading, error } = useQuery(CompareMeasureDocument, {
    variables: { id: measureId },
  });
  const edition = useQuery(CompareMeasureEditionDocument, {
    variables: { editionId, measureId },
    skip: !editionId,
  });
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} />;
  const measure = data?.measure;
  if (!measure) return <ErrorNotice code="NOT_FOUND" />;
  const before = edition.data?.paperEdition?.measureSheet ?? null;
  const rows = before
    ? measure.sheet.map((field) => {
        const old = before.find((f) => f.field === field.field)?.items ?? [];
        return { field, diff: compareLists(old, field.items) };
      })
    : [];
  return (
    <>
      <PageTitle>{t('measureTitle', { code: measure.code })}</PageTitle>
      <p className="lead">{t('measureIntro')}</p>
      {(data.paper.editions.length ?? 0) === 0 ? (
        <p className="muted">{t('noEditions')}</p>
      ) : (
        <div className="field compare-pickers">
          <label htmlFor={`${id}-edition`}>{t('edition')}</label>
          <select
            id={`${id}-edition`}
            value={editionId}
            onChange={(e) => {
              const next = new URLSearchParams(params);
              next.set('edition', e.target.value);
              setParams(next, { replace: true });
            }}
          >
            <option value="">{t('chooseEdition')}</option>
            {data.paper.editions.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name} ({formatDateTime(e.createdAt, i18n.language)})
              </option>
            ))}
          </select>
        </div>
      )}
      {edition.loading ? <Loading /> : null}
      {editionId && edition.data && !before ? <p className="notice">{t('notInEdition')}</p> : null}
      {before ? (
        <div className="table-scroll">
          <table className="compare-fields">
            <caption className="visually-hidden">{t('result')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('field')}</th>
                <th scope="col">{measure.code}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ field, diff }) => {
                const changed = diff.some((runs) => runs.some((run) => run.change !== 'equal'));
                return (
                  <tr key={field.field}>
                    <th scope="row">{field.label}</th>
                    <td>
                      {diff.length === 0 ? '–' : null}
                      {diff.length === 1 ? <Runs runs={diff[0] ?? []} /> : null}
                      {diff.length > 1 ? (
                        <ul>
                          {diff.map((runs, index) => (
                            <li key={index}>
                              <Runs runs={runs} />
                            </li>
                          ))}
                        </ul>
                      ) : null}
                      {!changed && diff.length > 0 ? (
                        <span className="muted"> ({t('unchanged')})</span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

/**
 * Compares two states of a document (`?document=&from=&to=`, a version id or `live`), or a
 * measure's fields today with an edition (`?measure=&edition=`), computed in the browser with
 * the shared comparison of `@lip/common/compare`.
 */
export function ComparePage() {
  const [params] = useSearchParams();
  const measureId = params.get('measure');
  return (
    <div className="compare-page">
      {measureId ? <MeasureCompare measureId={measureId} /> : <DocumentCompare />}
    </div>
  );
}
