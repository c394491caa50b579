import MiniSearch from 'minisearch';
import type { Actor, DocumentFacts } from '../../auth/policy';
import type { Models } from '../../db/models';
import type { ProcessDoc } from '../process/process.model';
import {
  createCommentSource,
  documentSource,
  personSource,
  taskSource,
  type FactsLookup,
  type SearchEntry,
  type SearchSource,
  type SourceRow,
  type TaskFacts,
} from './search.sources';
import { createTermProcessor, makeSnippet, tokenize, type SnippetPart } from './search.text';

/** One result as the service returns it. */
export interface SearchHit {
  entry: SearchEntry;
  score: number;
  snippet: SnippetPart[];
  /** The first matching word as written in the text (to scroll to the passage). */
  passage: string | null;
}

/** This process's search index. */
export interface SearchIndex {
  /** Loads everything from the database (at start). */
  build(): Promise<void>;
  /** Reads what changed since the last catch-up (by `updatedAt`) and updates the index. */
  catchUp(): Promise<number>;
  /** A local write happened: catch up soon (debounced), without waiting for the next period. */
  refreshSoon(): void;
  /**
   * Ranked hits the actor may see. `processes` are the processes entries may belong to; every
   * hit is filtered by the access policy at query time, with the facts (document status and
   * sharing, task assignees) as this process knows them now.
   */
  search(
    actor: Actor,
    processes: Map<string, ProcessDoc>,
    query: string,
    first: number,
  ): Promise<{ hits: SearchHit[]; total: number }>;
  /** Number of entries and rough memory facts, for the benchmark. */
  stats(): { entries: number; rows: number };
  start(): void;
  stop(): Promise<void>;
  /** Resolves once the initial build has finished. */
  ready(): Promise<void>;
}

/** Tolerance for clocks of other processes and for writes in flight during a catch-up. */
const CATCH_UP_OVERLAP_MS = 5_000;

/**
 * Builds the in-memory search index of one API process (minisearch with the German text
 * processing of `search.text.ts`). It is built from the database at start and kept current by
 * catching up on rows whose `updatedAt` moved (every `catchUpMs`, and soon after local writes),
 * so writes of other API processes and the collab server's projections arrive within
 * `catchUpMs` plus one catch-up. Sources are pluggable ({@link SearchSource}).
 */
export function createSearchIndex(deps: {
  models: Models;
  catchUpMs?: number;
  /** How often deleted tasks are looked for (default 60 s). */
  reconcileMs?: number;
  log?: (line: string) => void;
  extraSources?: SearchSource[];
}): SearchIndex {
  const { models } = deps;
  const log = deps.log ?? (() => undefined);
  const catchUpMs = deps.catchUpMs ?? 2_000;
  const reconcileMs = deps.reconcileMs ?? 60_000;
  const names = new Map<string, string>();
  // People first: comment entries name their authors.
  const sources: SearchSource[] = [
    personSource,
    documentSource,
    createCommentSource((id) => names.get(id)),
    taskSource,
    ...(deps.extraSources ?? []),
  ];
  const byType = new Map(sources.map((s) => [s.type, s]));
  const termOf = createTermProcessor();
  const miniSearch = new MiniSearch<SearchEntry>({
    fields: ['title', 'text'],
    idField: 'id',
    tokenize,
    processTerm: termOf,
    searchOptions: {
      boost: { title: 3 },
      combineWith: 'AND',
      // Prefixes for the word being typed, and for long stems (the stemmer cuts "Kurs" and
      // "Kurse" differently inside compounds); short stems of other words match exactly.
      prefix: (term, index, terms) =>
        term.length >= 3 && (index === terms.length - 1 || term.length >= 8),
      processTerm: termOf,
    },
  });
  const entries = new Map<string, SearchEntry>();
  const rows = new Map<string, { version: string; ids: string[] }>();
  const documentFacts = new Map<string, DocumentFacts>();
  const taskFacts = new Map<string, TaskFacts>();
  const watermarks = new Map<SearchSource, Date | null>(sources.map((s) => [s, null]));
  let built: Promise<void> | null = null;
  let catching: Promise<number> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let soon: NodeJS.Timeout | null = null;

  const apply = (row: SourceRow): boolean => {
    if (row.documentFacts) documentFacts.set(...row.documentFacts);
    if (row.taskFacts) taskFacts.set(...row.taskFacts);
    const known = rows.get(row.key);
    if (known && known.version === row.version) return false;
    for (const id of known?.ids ?? []) {
      if (entries.delete(id)) miniSearch.discard(id);
    }
    for (const entry of row.entries) {
      if (entry.type === 'person') names.set(entry.refId, entry.title);
      if (entries.has(entry.id)) miniSearch.discard(entry.id);
      entries.set(entry.id, entry);
      miniSearch.add(entry);
    }
    rows.set(row.key, { version: row.version, ids: row.entries.map((e) => e.id) });
    return true;
  };

  const remove = (entryId: string) => {
    if (entries.delete(entryId)) miniSearch.discard(entryId);
  };

  const loadSource = async (source: SearchSource): Promise<number> => {
    const previous = watermarks.get(source) ?? null;
    const startedAt = new Date();
    const since = previous ? new Date(previous.getTime() - CATCH_UP_OVERLAP_MS) : null;
    const loaded = await source.load(models, since);
    let changed = 0;
    for (const row of loaded) if (apply(row)) changed += 1;
    watermarks.set(source, startedAt);
    return changed;
  };

  let reconciledAt = Date.now();
  /** Tasks can be deleted, which no `updatedAt` shows: drop entries of tasks that are gone. */
  const reconcileTasks = async () => {
    const ids = new Set(
      (await models.Task.find({}, { _id: 1 }).lean<{ _id: unknown }[]>()).map((t) => String(t._id)),
    );
    for (const [key, row] of rows) {
      if (!key.startsWith('task:') || ids.has(key.slice(5))) continue;
      for (const id of row.ids) remove(id);
      rows.delete(key);
      taskFacts.delete(key.slice(5));
    }
  };

  const catchUp = async (): Promise<number> => {
    if (catching) return catching;
    catching = (async () => {
      let changed = 0;
      for (const source of sources) changed += await loadSource(source);
      if (Date.now() - reconciledAt > reconcileMs) {
        reconciledAt = Date.now();
        await reconcileTasks();
      }
      return changed;
    })().finally(() => {
      catching = null;
    });
    return catching;
  };

  const memoryFacts: FactsLookup = {
    document: (id) => documentFacts.get(id),
    task: (id) => taskFacts.get(id),
  };

  const visibleWith = (actor: Actor, processes: Map<string, ProcessDoc>, facts: FactsLookup) => {
    const fallback = processes.values().next().value;
    // Many hits share a document and visibility: ask the policy once per combination.
    const memo = new Map<string, boolean>();
    return (entry: SearchEntry): boolean => {
      const key =
        entry.type === 'comment'
          ? `c|${entry.documentId ?? ''}|${entry.visibility ?? ''}|${entry.authorId ?? ''}`
          : entry.id;
      const known = memo.get(key);
      if (known !== undefined) return known;
      const process = entry.processId ? processes.get(entry.processId) : fallback;
      const source = byType.get(entry.type);
      const visible = !!process && !!source && source.visible(actor, process, entry, facts);
      memo.set(key, visible);
      return visible;
    };
  };

  return {
    build: () => {
      built ??= catchUp().then((count) =>
        log(`search index built: ${count} rows, ${entries.size} entries`),
      );
      return built;
    },
    ready: () => built ?? Promise.resolve(),
    catchUp,
    refreshSoon() {
      if (soon || !timer) return;
      soon = setTimeout(() => {
        soon = null;
        catchUp().catch((error: unknown) => log(`search catch-up failed: ${String(error)}`));
      }, 100);
      soon.unref();
    },
    async search(actor, processes, query, first) {
      const words = tokenize(query);
      const terms = words.map(termOf).filter((t): t is string => !!t);
      if (terms.length === 0) return { hits: [], total: 0 };
      // The policy decides at query time, on the facts as they are now in this process.
      const visible = visibleWith(actor, processes, memoryFacts);
      const results = miniSearch.search(query, {
        filter: (result) => {
          const entry = entries.get(String(result.id));
          return !!entry && visible(entry);
        },
      });
      const prefixTerms = terms.filter((t) => t.length >= 3);
      const hits: SearchHit[] = [];
      for (const result of results.slice(0, first)) {
        const entry = entries.get(String(result.id));
        if (!entry) continue;
        const snippet = makeSnippet(entry.text || entry.title, terms, prefixTerms, 180, termOf);
        hits.push({
          entry,
          score: result.score,
          snippet: snippet.parts,
          passage: snippet.firstMatch,
        });
      }
      return { hits, total: results.length };
    },
    stats: () => ({ entries: entries.size, rows: rows.size }),
    start() {
      if (timer) return;
      timer = setInterval(() => {
        catchUp().catch((error: unknown) => log(`search catch-up failed: ${String(error)}`));
      }, catchUpMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      if (soon) clearTimeout(soon);
      timer = null;
      soon = null;
      await catching?.catch(() => undefined);
    },
  };
}
