import MiniSearch from 'minisearch';
import type { Types } from 'mongoose';
import { op } from '../../db/connection';
import type { SearchChangeDoc, SearchChangeSource } from './search.changes';
import { seeingFor, type Actor, type DocumentFacts, type Resource } from '../../auth/policy';
import type { Models } from '../../db/models';
import type { ProcessDoc } from '../process/process.model';
import {
  createCommentSource,
  documentSource,
  measureSource,
  personSource,
  taskSource,
  type FactsLookup,
  type SearchEntry,
  type SearchSource,
  type SourceRow,
  type TaskFacts,
} from './search.sources';
import { rankTop } from './search.rank';
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
   * Records a write to a searchable row in the change log, for every API process's index, and
   * catches up soon. `watchMs`: the document's text may change through the collab server for
   * that long (an edit ticket was issued). Never throws.
   */
  noteChange(source: SearchChangeSource, refId: string, watchMs?: number): Promise<void>;
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
  /** Resolves once the initial build has finished; builds and starts the index if nobody did. */
  ready(): Promise<void>;
}

/** Tolerance for clocks of other processes and for writes in flight during a catch-up. */
const CATCH_UP_OVERLAP_MS = 5_000;
/** Change-log entries older than this are pruned (every full catch-up re-reads by `updatedAt`). */
const CHANGE_LOG_KEEP_MS = 60 * 60_000;

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
  /** How often everything is re-read by `updatedAt`, the safety net (default 5 min). */
  fullCatchUpMs?: number;
  log?: (line: string) => void;
  extraSources?: SearchSource[];
}): SearchIndex {
  const { models } = deps;
  const log = deps.log ?? (() => undefined);
  const catchUpMs = deps.catchUpMs ?? 2_000;
  const fullCatchUpMs = deps.fullCatchUpMs ?? 5 * 60_000;
  const names = new Map<string, string>();
  const titles = new Map<string, string>();
  // People first: comment entries name their authors.
  const sources: SearchSource[] = [
    personSource,
    documentSource,
    createCommentSource(
      (id) => names.get(id),
      (id) => titles.get(id),
    ),
    taskSource,
    measureSource,
    ...(deps.extraSources ?? []),
  ];
  const byType = new Map(sources.map((s) => [s.type, s]));
  const termOf = createTermProcessor();
  /** Every term ever indexed: a query word that is one is a whole word, not a prefix. */
  const vocabulary = new Set<string>();
  const indexTerm = (word: string): string | null => {
    const term = termOf(word);
    if (term) vocabulary.add(term);
    return term;
  };
  const miniSearch = new MiniSearch<SearchEntry>({
    fields: ['title', 'text'],
    idField: 'id',
    tokenize,
    processTerm: indexTerm,
    searchOptions: {
      boost: { title: 3 },
      combineWith: 'AND',
      processTerm: termOf,
    },
  });
  const entries = new Map<string, SearchEntry>();
  const removeEntry = (entryId: string): void => {
    if (entries.delete(entryId)) miniSearch.discard(entryId);
  };
  const rows = new Map<string, { version: string; ids: string[] }>();
  const documentFacts = new Map<string, DocumentFacts>();
  const taskFacts = new Map<string, TaskFacts>();
  const watermarks = new Map<SearchSource, Date | null>(sources.map((s) => [s, null]));
  /** Documents whose text may change through the collab server, until when (ms). */
  const watched = new Map<string, number>();
  let lastChangeId: Types.ObjectId | null = null;
  let fullAt = 0;
  let stopped = false;
  let built: Promise<void> | null = null;
  let catching: Promise<number> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let soon: NodeJS.Timeout | null = null;

  const apply = (row: SourceRow): boolean => {
    if (row.documentFacts) documentFacts.set(...row.documentFacts);
    if (row.taskFacts) taskFacts.set(...row.taskFacts);
    const known = rows.get(row.key);
    if (known && known.version === row.version) return false;
    for (const id of known?.ids ?? []) removeEntry(id);
    for (const entry of row.entries) {
      if (entry.type === 'person') names.set(entry.refId, entry.title);
      if (entry.type === 'document') titles.set(entry.refId, entry.title);
      removeEntry(entry.id);
      entries.set(entry.id, entry);
      miniSearch.add(entry);
    }
    rows.set(row.key, { version: row.version, ids: row.entries.map((e) => e.id) });
    return true;
  };

  const loadSource = async (source: SearchSource): Promise<number> => {
    const previous = watermarks.get(source) ?? null;
    const startedAt = new Date();
    const since = previous ? new Date(previous.getTime() - CATCH_UP_OVERLAP_MS) : null;
    const loaded = await source.load(models, { since });
    let changed = 0;
    for (const row of loaded) if (apply(row)) changed += 1;
    watermarks.set(source, startedAt);
    return changed;
  };

  const dropRow = (key: string) => {
    for (const id of rows.get(key)?.ids ?? []) removeEntry(id);
    rows.delete(key);
    if (key.startsWith('task:')) taskFacts.delete(key.slice(5));
  };

  /** Tasks can be deleted, which no `updatedAt` shows: drop entries of tasks that are gone. */
  const reconcileTasks = async () => {
    const ids = new Set(
      (await models.Task.find({}, { _id: 1 }).lean<{ _id: unknown }[]>()).map((t) => String(t._id)),
    );
    for (const key of [...rows.keys()]) {
      if (key.startsWith('task:') && !ids.has(key.slice(5))) dropRow(key);
    }
  };

  /** Everything changed since the last full catch-up, by `updatedAt` (reads the collections). */
  const fullCatchUp = async (): Promise<number> => {
    const newest = await models.SearchChange.findOne({}, { _id: 1 })
      .sort({ _id: -1 })
      .lean<{ _id: Types.ObjectId }>();
    let changed = 0;
    for (const source of sources) changed += await loadSource(source);
    if (fullAt > 0) await reconcileTasks();
    await models.SearchChange.deleteMany({
      createdAt: op({ $lt: new Date(Date.now() - CHANGE_LOG_KEEP_MS) }),
    });
    if (!lastChangeId && newest) lastChangeId = newest._id;
    fullAt = Date.now();
    return changed;
  };

  /** The rows named in the change log since the last look, and the watched documents. */
  const changeCatchUp = async (): Promise<number> => {
    const filter: Record<string, unknown> = lastChangeId ? { _id: op({ $gt: lastChangeId }) } : {};
    const changes = await models.SearchChange.find(filter)
      .sort({ _id: 1 })
      .limit(5_000)
      .lean<SearchChangeDoc[]>();
    const last = changes[changes.length - 1];
    if (last) lastChangeId = last._id;
    const wanted = new Map<SearchChangeSource, Set<string>>();
    const want = (source: SearchChangeSource, id: string) => {
      const set = wanted.get(source) ?? new Set<string>();
      set.add(id);
      wanted.set(source, set);
    };
    for (const change of changes) {
      want(change.source, change.refId);
      if (change.watchUntil) {
        watched.set(
          change.refId,
          Math.max(watched.get(change.refId) ?? 0, change.watchUntil.getTime()),
        );
      }
    }
    const now = Date.now();
    for (const [documentId, until] of watched) {
      if (until < now) watched.delete(documentId);
      else want('document', documentId);
    }
    let changed = 0;
    for (const source of sources) {
      const ids = [...(wanted.get(source.changeKey) ?? [])];
      if (ids.length === 0) continue;
      const loaded = await source.load(models, { ids });
      for (const row of loaded) if (apply(row)) changed += 1;
      // Asked for but gone (a deleted task): its entries go too.
      const found = new Set(loaded.map((row) => row.key));
      for (const id of ids) {
        const key = `${source.changeKey}:${id}`;
        if (!found.has(key) && rows.has(key)) {
          dropRow(key);
          changed += 1;
        }
      }
    }
    return changed;
  };

  const catchUp = async (): Promise<number> => {
    if (catching) return catching;
    catching = (Date.now() - fullAt > fullCatchUpMs ? fullCatchUp() : changeCatchUp()).finally(
      () => {
        catching = null;
      },
    );
    return catching;
  };

  const build = (): Promise<void> => {
    built ??= catchUp().then((count) =>
      log(`search index built: ${count} rows, ${entries.size} entries`),
    );
    return built;
  };

  const startTimer = (): void => {
    if (timer || stopped) return;
    timer = setInterval(() => {
      catchUp().catch((error: unknown) => log(`search catch-up failed: ${String(error)}`));
    }, catchUpMs);
    timer.unref();
  };

  /** Catches up 100 ms from now (once), or right after the catch-up that is running. */
  const refreshSoon = (): void => {
    if (soon || !timer) return;
    soon = setTimeout(() => {
      void (catching ?? Promise.resolve(0))
        .catch(() => 0)
        .then(() => {
          soon = null;
          return catchUp();
        })
        .catch((error: unknown) => log(`search catch-up failed: ${String(error)}`));
    }, 100);
    soon.unref();
  };

  const memoryFacts: FactsLookup = {
    document: (id) => documentFacts.get(id),
    task: (id) => taskFacts.get(id),
  };

  /**
   * Whether the actor may see an entry, by the one access policy (its `seeingFor`, so the
   * actor's memberships are worked out once per process and query).
   */
  const visibleWith = (actor: Actor, processes: Map<string, ProcessDoc>, facts: FactsLookup) => {
    const fallback = processes.values().next().value;
    const seers = new Map<ProcessDoc, (resource: Resource) => boolean>();
    const seerOf = (process: ProcessDoc) => {
      let sees = seers.get(process);
      if (!sees) seers.set(process, (sees = seeingFor(actor, process)));
      return sees;
    };
    // Comments of one document with one visibility share the answer (the policy's thread rule
    // looks at the document and the visibility, not the author).
    const threadAnswers = new Map<string, boolean>();
    return (entry: SearchEntry): boolean => {
      const process = entry.processId ? processes.get(entry.processId) : fallback;
      const source = byType.get(entry.type);
      if (!process || !source) return false;
      if (entry.type !== 'comment') return source.visible(seerOf(process), entry, facts);
      const key = `${entry.documentId ?? ''}|${entry.visibility ?? ''}`;
      let visible = threadAnswers.get(key);
      if (visible === undefined) {
        visible = source.visible(seerOf(process), entry, facts);
        threadAnswers.set(key, visible);
      }
      return visible;
    };
  };

  return {
    build,
    ready: () => {
      startTimer();
      return build();
    },
    catchUp,
    refreshSoon,
    async search(actor, processes, query, first) {
      const words = tokenize(query);
      const terms = words.map(termOf).filter((t): t is string => !!t);
      if (terms.length === 0) return { hits: [], total: 0 };
      // The policy decides at query time, on the facts as they are now in this process, for
      // every match (the count is of what the viewer may see); only the page gets snippets.
      const visible = visibleWith(actor, processes, memoryFacts);
      const keep = (id: string) => {
        const entry = entries.get(id);
        return !!entry && visible(entry);
      };
      // Whole words (stems cover inflections); only a last word that is no indexed term is taken
      // as the start of a longer one ("Integr" → "Integration"), which costs more.
      let ranked = rankTop(miniSearch, query, {}, keep, first);
      const last = terms[terms.length - 1] ?? '';
      if (ranked.total === 0 && !vocabulary.has(last)) {
        const prefix = (term: string, index: number, all: string[]) =>
          index === all.length - 1 && term.length >= 3;
        ranked = rankTop(miniSearch, query, { prefix }, keep, first);
      }
      const prefixTerms = terms.slice(-1).filter((t) => t.length >= 3);
      const hits: SearchHit[] = [];
      for (const result of ranked.top) {
        const entry = entries.get(result.id);
        if (!entry) continue;
        const snippet = makeSnippet(entry.text || entry.title, terms, prefixTerms, 180, termOf);
        hits.push({
          entry,
          score: result.score,
          snippet: snippet.parts,
          passage: snippet.firstMatch,
        });
      }
      return { hits, total: ranked.total };
    },
    async noteChange(source, refId, watchMs) {
      try {
        await models.SearchChange.create({
          source,
          refId,
          watchUntil: watchMs ? new Date(Date.now() + watchMs) : null,
        });
      } catch (error) {
        log(`search change log write failed: ${String(error)}`);
      }
      refreshSoon();
    },
    stats: () => ({ entries: entries.size, rows: rows.size }),
    start: startTimer,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      if (soon) clearTimeout(soon);
      timer = null;
      soon = null;
      await catching?.catch(() => undefined);
    },
  };
}
