import { moveItem, toOutlineInput, type OutlineItem } from './outline';

describe('moving outline entries', () => {
  it('moves an entry up, down and to the ends, and leaves the list alone for impossible moves', () => {
    const list = ['a', 'b', 'c', 'd'];
    expect(moveItem(list, 2, 1)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveItem(list, 0, 3)).toEqual(['b', 'c', 'd', 'a']);
    expect(moveItem(list, 3, -5)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveItem(list, 0, 0)).toEqual(list);
    expect(moveItem(list, 9, 0)).toEqual(list);
    expect(list).toEqual(['a', 'b', 'c', 'd']);
  });

  it('sends only what the API stores', () => {
    const item: OutlineItem = {
      id: 'x',
      key: 'k',
      kind: 'PART',
      title: 'Anhang',
      documentId: null,
      measureId: null,
      actionFieldKey: null,
      label: 'Anhang',
      missing: false,
    };
    expect(toOutlineInput([item])).toEqual([
      {
        id: 'x',
        kind: 'PART',
        title: 'Anhang',
        documentId: null,
        measureId: null,
        actionFieldKey: null,
      },
    ]);
  });
});
