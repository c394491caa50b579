import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../generated';
import type { SearchHitType } from '../../generated/graphql';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { searchTexts } from './search.texts';

const SearchPageDocument = graphql(`
  query SearchPage($query: String!) {
    search(query: $query, first: 40) {
      total
      hits {
        id
        type
        title
        context
        link
        snippet {
          text
          highlight
        }
      }
    }
  }
`);

const ORDER: SearchHitType[] = ['DOCUMENT', 'MEASURE', 'COMMENT', 'TASK', 'PERSON'];

/**
 * Search results: grouped by kind, each group a heading and a list, best first. Snippets come as
 * text parts and are rendered as text, with the matching words in `<mark>`.
 */
export function SearchPage() {
  const { t } = useFeatureTranslation(searchTexts);
  const [params] = useSearchParams();
  const query = (params.get('q') ?? '').trim();
  const valid = query.length >= 2;
  const { data, loading, error } = useQuery(SearchPageDocument, {
    variables: { query },
    skip: !valid,
    fetchPolicy: 'network-only',
  });
  const hits = data?.search.hits ?? [];
  return (
    <div className="page page--narrow search-page">
      <PageTitle>{valid ? `${t('title')}: ${query}` : t('title')}</PageTitle>
      <p className="hint">{t('hint')}</p>
      {!valid ? <p>{t('tooShort')}</p> : null}
      {loading && !data ? <Loading /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      <div role="status" aria-live="polite">
        {data ? (
          <p>
            {hits.length === 0
              ? t('none', { query })
              : t('resultsFor', { count: data.search.total, query })}
          </p>
        ) : null}
      </div>
      {ORDER.map((type) => {
        const group = hits.filter((h) => h.type === type);
        if (group.length === 0) return null;
        return (
          <section key={type} aria-labelledby={`results-${type}`} className="search-group">
            <h2 id={`results-${type}`}>{t(`types.${type}`)}</h2>
            <ol className="search-results">
              {group.map((hit) => (
                <li key={hit.id} className="search-result">
                  <h3 className="search-result__title">
                    <Link to={hit.link}>{hit.title}</Link>
                  </h3>
                  {hit.context ? (
                    <p className="muted search-result__context">
                      {type === 'COMMENT' ? t('commentBy', { name: hit.context }) : hit.context}
                    </p>
                  ) : null}
                  {hit.snippet.length > 0 && type !== 'PERSON' ? (
                    <p className="search-result__snippet">
                      {hit.snippet.map((part, index) =>
                        part.highlight ? <mark key={index}>{part.text}</mark> : part.text,
                      )}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
