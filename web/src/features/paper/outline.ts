/** An outline entry as the editor holds it. */
export interface OutlineItem {
  id: string | null;
  key: string;
  kind: 'PART' | 'DOCUMENT' | 'MEASURE' | 'MEASURES';
  title: string | null;
  documentId: string | null;
  measureId: string | null;
  actionFieldKey: string | null;
  label: string;
  missing: boolean;
}

/** Moves the item at `from` to `to` (both clamped); returns a new list. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= items.length) return [...items];
  const target = Math.max(0, Math.min(items.length - 1, to));
  if (target === from) return [...items];
  const next = [...items];
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved as T);
  return next;
}

/** The outline as the API's input (labels and missing flags are not sent). */
export function toOutlineInput(items: readonly OutlineItem[]) {
  return items.map((item) => ({
    id: item.id,
    kind: item.kind,
    title: item.title,
    documentId: item.documentId,
    measureId: item.measureId,
    actionFieldKey: item.actionFieldKey,
  }));
}
