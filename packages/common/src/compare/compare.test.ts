import { compareDocuments, compareLists, compareTexts, plainTextDoc } from './index';

const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const t = (text: string, marks?: string[]) =>
  marks ? { type: 'text', text, marks: marks.map((type) => ({ type })) } : { type: 'text', text };
const h = (level: number, text: string) => ({
  type: 'heading',
  attrs: { level },
  content: [t(text)],
});
const doc = (...content: unknown[]) => ({ type: 'doc', content });

describe('comparing two versions of a document', () => {
  it('finds nothing between equal documents', () => {
    const a = doc(h(2, 'Ziele'), p(t('Gleiche Bildungschancen.')));
    const result = compareDocuments(a, structuredClone(a));
    expect(result.blocks.map((b) => b.change)).toEqual(['equal', 'equal']);
    expect(result.summary).toEqual({
      changes: 0,
      insertedWords: 0,
      deletedWords: 0,
      insertedBlocks: 0,
      deletedBlocks: 0,
      changedBlocks: 0,
    });
  });

  it('marks inserted and deleted words inside a changed paragraph and keeps their marks', () => {
    const before = doc(p(t('Bildung ist ein '), t('wichtiger', ['bold']), t(' Schlüssel.')));
    const after = doc(
      p(t('Bildung ist der '), t('wichtigste', ['bold']), t(' Schlüssel für alle.')),
    );
    const [block] = compareDocuments(before, after).blocks;
    expect(block?.change).toBe('changed');
    const runs = block?.runs.map((r) => `${r.change[0]}:${r.text}${r.marks?.bold ? '*' : ''}`);
    expect(runs).toEqual([
      'e:Bildung ist ',
      'd:ein',
      'i:der',
      'e: ',
      'd:wichtiger*',
      'i:wichtigste*',
      'e: Schlüssel',
      'i: für alle',
      'e:.',
    ]);
  });

  it('aligns blocks so an inserted paragraph does not make the following ones look changed', () => {
    const before = doc(h(2, 'Ausgangslage'), p(t('Erster Absatz.')), p(t('Zweiter Absatz.')));
    const after = doc(
      h(2, 'Ausgangslage'),
      p(t('Ganz neuer Absatz über Kitas.')),
      p(t('Erster Absatz.')),
      p(t('Zweiter Absatz.')),
    );
    const result = compareDocuments(before, after);
    expect(result.blocks.map((b) => b.change)).toEqual(['equal', 'inserted', 'equal', 'equal']);
    expect(result.summary).toMatchObject({ changes: 1, insertedWords: 5, insertedBlocks: 1 });
  });

  it('shows a deleted heading and a rewritten list item, and counts each place once', () => {
    const list = (...items: string[]) => ({
      type: 'bulletList',
      content: items.map((item) => ({ type: 'listItem', content: [p(t(item))] })),
    });
    const before = doc(h(3, 'Alt'), list('Sprachförderung ausbauen', 'Eltern beteiligen'));
    const after = doc(list('Sprachförderung deutlich ausbauen', 'Eltern beteiligen'));
    const result = compareDocuments(before, after);
    expect(result.blocks.map((b) => `${b.change}:${b.type}:${b.context.list ?? ''}`)).toEqual([
      'deleted:heading:',
      'changed:paragraph:bulletList',
      'equal:paragraph:bulletList',
    ]);
    expect(result.summary).toMatchObject({
      changes: 2,
      deletedWords: 1,
      insertedWords: 1,
      deletedBlocks: 1,
      changedBlocks: 1,
    });
  });

  it('treats an unreadable side as empty', () => {
    const result = compareDocuments(null, doc(p(t('Neu'))));
    expect(result.blocks.map((b) => b.change)).toEqual(['inserted']);
    expect(compareDocuments(doc(p(t('Alt'))), 'kaputt').blocks.map((b) => b.change)).toEqual([
      'deleted',
    ]);
  });

  it('compares plain text versions paragraph by paragraph', () => {
    const result = compareDocuments(plainTextDoc('Eins\n\nZwei'), plainTextDoc('Eins\n\nDrei'));
    expect(result.blocks.map((b) => b.change)).toEqual(['equal', 'deleted', 'inserted']);
    expect(result.summary.changes).toBe(1);
  });
});

describe('comparing fields of a measure', () => {
  it('compares texts word by word', () => {
    expect(compareTexts('Eltern stärken', 'Eltern gezielt stärken')).toEqual([
      { change: 'equal', text: 'Eltern ' },
      { change: 'inserted', text: 'gezielt ' },
      { change: 'equal', text: 'stärken' },
    ]);
  });

  it('compares lists item by item, a reworded item word by word', () => {
    const result = compareLists(
      ['Eltern', 'Kinder und Jugendliche', 'Frauen'],
      ['Eltern', 'Kinder und junge Erwachsene', 'Geflüchtete'],
    );
    expect(result.map((runs) => runs.map((r) => `${r.change[0]}:${r.text}`).join('|'))).toEqual([
      'e:Eltern',
      'e:Kinder und |d:Jugendliche|i:junge Erwachsene',
      'd:Frauen',
      'i:Geflüchtete',
    ]);
  });
});
