import { stemmer } from '@orama/stemmers/german';

/**
 * German-aware text processing for the search index, used the same way for indexed text and
 * queries: lower-case, ß spelled "ss", the spellings "ae", "oe", "ue" read as umlauts (the
 * Snowball "german2" convention, so "Muenchen" meets "München"), other accents dropped; then the
 * Snowball German stemmer, which also folds umlauts ("Schulabschlüsse" meets "Schulabschluss",
 * "Schule" meets "Schulen", "Strasse" meets "Straße").
 */
export function normalizeGerman(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/(?<!q)ue/g, 'ü')
    .replace(/ae/g, 'ä')
    .replace(/oe/g, 'ö')
    .normalize('NFD')
    .replace(/([aou])\u0308/g, (_m, v: string) => ({ a: 'ä', o: 'ö', u: 'ü' })[v] ?? v)
    .replace(/\p{M}+/gu, '');
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Words of a text (letters and digits), in order. */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Frequent words that say nothing about a text; leaving them out keeps the index small. */
const STOP_WORDS = new Set(
  (
    'der die das den dem des ein eine einer eines einem einen und oder aber auch als am an auf aus bei bis ' +
    'durch fuer im in ist sind war wird werden wurde mit nach nicht noch nur ob sich so um unter ueber vom von ' +
    'vor wie zu zum zur es sie er wir ihr ich du man dass the of and or to a an is are'
  )
    .split(' ')
    .map(normalizeGerman),
);

/**
 * {@link toIndexTerm} with a memory: most words recur (a vocabulary is small next to a text), so
 * each index keeps one of these and stems a word once. Bounded: a full cache starts over.
 */
export function createTermProcessor(maxSize = 200_000): (word: string) => string | null {
  const cache = new Map<string, string | null>();
  return (word) => {
    const cached = cache.get(word);
    if (cached !== undefined) return cached;
    const term = toIndexTerm(word);
    if (cache.size >= maxSize) cache.clear();
    cache.set(word, term);
    return term;
  };
}

/** The index term of a word: normalised and stemmed; null for stop words. */
export function toIndexTerm(word: string): string | null {
  const normal = normalizeGerman(word);
  if (normal.length === 0 || STOP_WORDS.has(normal)) return null;
  // Digits are kept as they are (stemming "2025" helps nobody).
  if (/\d/.test(normal)) return normal;
  // Snowball strips a final "s" after b, d, f, g, h, k, l, m, n, r or t but keeps it in the
  // plural "-se" ("Kurs" → "kur", "Kurse" → "kurs"): strip it from every stem alike.
  return stemmer(normal).replace(/([bdfghklmnrt])s$/, '$1');
}

/** One piece of a snippet: plain text, highlighted or not (the client renders it; never HTML). */
export interface SnippetPart {
  text: string;
  highlight: boolean;
}

/**
 * A window of about `length` characters of `text` around the first word whose index term is one
 * of `terms` (or starts with a prefix term), with the matching words marked.
 */
export function makeSnippet(
  text: string,
  terms: readonly string[],
  prefixTerms: readonly string[] = [],
  length = 180,
  termOf: (word: string) => string | null = toIndexTerm,
): { parts: SnippetPart[]; firstMatch: string | null } {
  const flat = text.replace(/\s+/g, ' ').trim();
  const wanted = new Set(terms);
  const matches: { start: number; end: number }[] = [];
  for (const m of flat.matchAll(WORD)) {
    const term = termOf(m[0]);
    if (!term) continue;
    if (wanted.has(term) || prefixTerms.some((p) => term.startsWith(p))) {
      matches.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  const first = matches[0];
  let from = 0;
  if (first && first.start > length / 3) {
    from = first.start - Math.floor(length / 3);
    const space = flat.indexOf(' ', from);
    if (space >= 0 && space < first.start) from = space + 1;
  }
  let to = Math.min(flat.length, from + length);
  if (to < flat.length) {
    const space = flat.lastIndexOf(' ', to);
    if (space > from && (!first || space > first.end)) to = space;
  }
  const parts: SnippetPart[] = [];
  if (from > 0) parts.push({ text: '… ', highlight: false });
  let cursor = from;
  for (const m of matches) {
    if (m.start < from || m.end > to) continue;
    if (m.start > cursor) parts.push({ text: flat.slice(cursor, m.start), highlight: false });
    parts.push({ text: flat.slice(m.start, m.end), highlight: true });
    cursor = m.end;
  }
  if (cursor < to) parts.push({ text: flat.slice(cursor, to), highlight: false });
  if (to < flat.length) parts.push({ text: ' …', highlight: false });
  return { parts, firstMatch: first ? flat.slice(first.start, first.end) : null };
}
