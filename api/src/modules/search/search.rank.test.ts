import MiniSearch from 'minisearch';
import { rankTop } from './search.rank';

interface Doc {
  id: string;
  title: string;
  text: string;
}

/** Words with many equal scores (repeated texts) and varied ones, in a fixed order. */
function corpus(): Doc[] {
  const words = ['Schule', 'Kita', 'Sprache', 'Arbeit', 'Beratung', 'Quartier', 'Eltern'];
  const docs: Doc[] = [];
  for (let i = 0; i < 600; i++) {
    const text = Array.from({ length: 3 + (i % 7) }, (_, k) => words[(i * 3 + k * 5) % 7]).join(
      ' ',
    );
    docs.push({ id: `d${i}`, title: i % 50 === 0 ? 'Schule Eltern' : `Titel ${i % 9}`, text });
  }
  return docs;
}

async function index(): Promise<MiniSearch<Doc>> {
  const miniSearch = new MiniSearch<Doc>({
    fields: ['title', 'text'],
    searchOptions: { boost: { title: 3 }, combineWith: 'AND' },
  });
  miniSearch.addAll(corpus());
  // Discarded and re-added entries, as the index does on every change.
  for (let i = 0; i < 600; i += 7) {
    miniSearch.discard(`d${i}`);
    miniSearch.add({ id: `d${i}`, title: 'Neu', text: 'Schule Quartier Schule' });
  }
  // The first queries after a discard drop its stale postings, which moves the scores a little;
  // compare on a settled index.
  await miniSearch.vacuum();
  return miniSearch;
}

describe('ranking without result objects', () => {
  let miniSearch: MiniSearch<Doc>;
  beforeAll(async () => {
    miniSearch = await index();
  });
  const queries = ['Schule', 'Kita Sprache', 'Eltern Schule', 'Quartier', 'nichts'];
  const keepers: [string, (id: string) => boolean][] = [
    ['everything', () => true],
    ['every third entry', (id) => Number(id.slice(1)) % 3 === 0],
    ['nothing', () => false],
  ];

  it.each(queries)(
    'orders the page and counts the matches exactly as MiniSearch search() (%s)',
    (query) => {
      for (const [, keep] of keepers) {
        const expected = miniSearch.search(query, { filter: (r) => keep(String(r.id)) });
        for (const first of [1, 20, 1000]) {
          const ranked = rankTop(miniSearch, query, {}, keep, first);
          expect(ranked.total).toBe(expected.length);
          expect(ranked.top).toEqual(
            expected.slice(0, first).map((r) => ({ id: r.id as string, score: r.score })),
          );
        }
      }
    },
  );

  it('passes search options such as prefix matching on to MiniSearch', () => {
    const prefix = { prefix: true };
    const expected = miniSearch.search('Qua', prefix);
    expect(expected.length).toBeGreaterThan(0);
    const ranked = rankTop(miniSearch, 'Qua', prefix, () => true, 20);
    expect(ranked.top.map((r) => r.id)).toEqual(expected.slice(0, 20).map((r) => r.id));
    expect(ranked.total).toBe(expected.length);
  });
});
