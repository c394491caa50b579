/** Search: the per-process index (minisearch, German-aware) and its pluggable sources. */
export { createSearchIndex, type SearchIndex, type SearchHit } from './search.index';
export type { SearchSource, SearchEntry, SearchHitType } from './search.sources';
