import { parse } from 'graphql';
import { createDocumentStore } from './document-store';

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

  it('does not store a document larger than the whole store', async () => {
    const store = createDocumentStore(100);
    await store.set('big', documentOf(1));
    expect(await store.get('big')).toBeUndefined();
    expect(store.bytes).toBe(0);
  });
});
