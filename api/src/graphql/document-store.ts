import type { DocumentNode } from 'graphql';

/**
 * How much parsed and validated GraphQL the API keeps, in bytes of the documents' JSON: 512 KiB,
 * about 2 MiB of heap (a parsed document holds about four times its JSON size, since its
 * locations keep every token). The web app's 117 operations with their fragments take 368 KiB
 * (December 2026; a test fails when they outgrow the store), so they all stay cached. Apollo's
 * default (30 MiB of JSON, about 120 MiB of heap) lets any stranger fill the heap with unique
 * queries that are never sent again; the fuzz harness found the 1 MiB of before to be the
 * largest thing such queries leave behind (about 3.8 MiB of heap).
 */
export const DOCUMENT_STORE_BYTES = 512 * 1024;

/** The part of Apollo's `KeyValueCache` that its `documentStore` option uses. */
export interface DocumentStore {
  get(key: string): Promise<DocumentNode | undefined>;
  set(key: string, value: DocumentNode): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}

/**
 * A least-recently-used store of validated documents, bounded by their total JSON size: what
 * Apollo skips parsing and validating for when the same query comes again.
 */
export function createDocumentStore(maxBytes = DOCUMENT_STORE_BYTES): DocumentStore & {
  /** Total JSON size of the stored documents (for tests). */
  readonly bytes: number;
} {
  const entries = new Map<string, { document: DocumentNode; bytes: number }>();
  let bytes = 0;
  const remove = (key: string): boolean => {
    const entry = entries.get(key);
    if (!entry) return false;
    entries.delete(key);
    bytes -= entry.bytes;
    return true;
  };
  return {
    get bytes() {
      return bytes;
    },
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      // Map order is insertion order: moving the entry to the end marks it recently used.
      entries.delete(key);
      entries.set(key, entry);
      return entry.document;
    },
    async set(key, document) {
      remove(key);
      const size = JSON.stringify(document).length;
      if (size > maxBytes) return;
      entries.set(key, { document, bytes: size });
      bytes += size;
      for (const oldest of entries.keys()) {
        if (bytes <= maxBytes) break;
        remove(oldest);
      }
    },
    async delete(key) {
      return remove(key);
    },
  };
}
