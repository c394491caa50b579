import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  parse,
  print,
  visit,
  type ASTNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { createDocumentStore, DOCUMENT_STORE_BYTES } from './document-store';

/**
 * Every operation of the web app as the app sends it (the operation and the fragments it
 * spreads, transitively), from the generated document map of `web/src/generated/gql.ts`.
 */
function webAppOperations(): string[] {
  const generated = readFileSync(
    join(__dirname, '..', '..', '..', 'web', 'src', 'generated', 'gql.ts'),
    'utf8',
  );
  const start = generated.indexOf('type Documents = {');
  const block = generated.slice(start, generated.indexOf('\n};', start));
  const texts = [...block.matchAll(/^ {4}("(?:[^"\\]|\\.)*"): typeof/gm)].map(
    (match) => JSON.parse(match[1]!) as string,
  );
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const text of texts) {
    for (const definition of parse(text).definitions) {
      if (definition.kind === 'FragmentDefinition')
        fragments.set(definition.name.value, definition);
      else if (definition.kind === 'OperationDefinition') operations.push(definition);
    }
  }
  return operations.map((operation) => {
    const needed = new Set<string>();
    const pending: ASTNode[] = [operation];
    while (pending.length > 0) {
      visit(pending.pop()!, {
        FragmentSpread(spread) {
          const fragment = fragments.get(spread.name.value);
          if (!fragment || needed.has(spread.name.value)) return;
          needed.add(spread.name.value);
          pending.push(fragment);
        },
      });
    }
    return [operation, ...[...needed].map((name) => fragments.get(name)!)].map(print).join('\n\n');
  });
}

const documentOf = (i: number) =>
  parse(`query Q${i} { ${Array.from({ length: 20 }, (_, j) => `a${j}: ping`).join(' ')} }`);

describe('the document store', () => {
  it('keeps unique queries from strangers within its size, however many arrive', async () => {
    const store = createDocumentStore(64 * 1024);
    for (let i = 0; i < 2_000; i += 1) await store.set(`k${i}`, documentOf(i));
    expect(store.bytes).toBeLessThanOrEqual(64 * 1024);
    expect(await store.get('k1999')).toBeDefined();
    expect(await store.get('k0')).toBeUndefined();
  });

  it('keeps the queries that come again and drops the least recently used', async () => {
    const one = JSON.stringify(documentOf(0)).length;
    const store = createDocumentStore(one * 3 + 10);
    await store.set('app', documentOf(0));
    for (let i = 1; i < 50; i += 1) {
      await store.set(`k${i}`, documentOf(i));
      expect(await store.get('app')).toBeDefined();
    }
  });

  it('keeps every operation of the web app, with room to grow', async () => {
    const operations = webAppOperations();
    expect(operations.length).toBeGreaterThan(50);
    const store = createDocumentStore();
    for (const [i, text] of operations.entries()) await store.set(`op${i}`, parse(text));
    for (const i of operations.keys()) expect(await store.get(`op${i}`)).toBeDefined();
    // A tenth of the store stays free: the store is raised before the app outgrows it.
    expect(store.bytes).toBeLessThan(DOCUMENT_STORE_BYTES * 0.9);
  });

  it('does not store a document larger than the whole store', async () => {
    const store = createDocumentStore(100);
    await store.set('big', documentOf(1));
    expect(await store.get('big')).toBeUndefined();
    expect(store.bytes).toBe(0);
  });
});
