import type MiniSearch from 'minisearch';
import type { SearchOptions } from 'minisearch';

/** A ranked match: the entry's id and MiniSearch's score. */
export interface Ranked {
  id: string;
  score: number;
}

/**
 * The parts of MiniSearch 7 (pinned) that rank without building result objects: `search()`
 * makes an object per match and sorts them all, which for a word in half of all entries is most
 * of a query's time, while a page needs only the best few and the count. `search.rank.test.ts`
 * checks that the ranking equals `search()`'s, so an upgrade that changes these fails there.
 */
interface MiniSearchInternals {
  executeQuery(
    query: string,
    options: SearchOptions,
  ): Map<number, { score: number; terms: readonly string[] }>;
  _documentIds: Map<number, string>;
}

/**
 * The `first` best matches that `keep` accepts, in MiniSearch's order (score, each match's score
 * times the number of query terms it matched, as `search()` computes it; equal scores in index
 * order), and how many matches `keep` accepts in all.
 */
export function rankTop(
  miniSearch: MiniSearch<never> | MiniSearch<object>,
  query: string,
  options: SearchOptions,
  keep: (id: string) => boolean,
  first: number,
): { top: Ranked[]; total: number } {
  const internals = miniSearch as unknown as MiniSearchInternals;
  const raw = internals.executeQuery(query, options);
  const top: Ranked[] = [];
  let total = 0;
  for (const [shortId, match] of raw) {
    const id = internals._documentIds.get(shortId);
    if (id === undefined || !keep(id)) continue;
    total += 1;
    const score = match.score * (match.terms.length || 1);
    if (top.length === first && score <= (top[first - 1]?.score ?? 0)) continue;
    // After every equal score: `search()` sorts stably, so earlier matches stay first.
    let at = top.length;
    while (at > 0 && (top[at - 1]?.score ?? 0) < score) at -= 1;
    top.splice(at, 0, { id, score });
    if (top.length > first) top.pop();
  }
  return { top, total };
}
