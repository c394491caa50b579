import { z } from 'zod';
import { requireViewer, type RequestScope } from '../../scope';
import { parseInput } from '../../validation';
import type { ProcessDoc } from '../process/process.model';
import type { SearchHit } from './search.index';

const searchSchema = z.object({
  query: z
    .string()
    .trim()
    .min(2, 'must have at least 2 characters')
    .max(200, 'must have at most 200 characters'),
  first: z.number().int().min(1, 'must be at least 1').max(50, 'must be at most 50').default(20),
});

/** A hit with the path of the exact place in the web app. */
export interface SearchResultItem extends SearchHit {
  link: string;
}

/** The path of a hit: a comment opens its thread, a document passage is scrolled to. */
export function linkOf(hit: SearchHit): string {
  const e = hit.entry;
  switch (e.type) {
    case 'document':
      return hit.passage
        ? `/documents/${e.refId}?passage=${encodeURIComponent(hit.passage)}`
        : `/documents/${e.refId}`;
    case 'comment':
      return `/documents/${e.documentId ?? ''}?thread=${e.threadId ?? ''}`;
    case 'task':
      return `/tasks?task=${e.refId}`;
    case 'person':
      return `/people?person=${e.refId}`;
    case 'measure':
      return `/measures/${e.refId}`;
  }
}

/**
 * Searches everything the viewer may see: the index ranks, the one access policy filters at
 * query time, on the facts (document status and sharing, task assignees) as this process's index
 * holds them, at most one catch-up (about 2 s) behind the database.
 */
export async function search(
  scope: RequestScope,
  input: unknown,
): Promise<{ query: string; total: number; hits: SearchResultItem[] }> {
  const viewer = requireViewer(scope);
  const args = parseInput(searchSchema, input);
  await scope.search.ready();
  const process = await scope.loaders.currentProcess();
  const processes = new Map<string, ProcessDoc>();
  if (process) processes.set(String(process._id), process);
  const result = await scope.search.search(viewer.actor, processes, args.query, args.first);
  return {
    query: args.query,
    total: result.total,
    hits: result.hits.map((hit) => ({ ...hit, link: linkOf(hit) })),
  };
}
