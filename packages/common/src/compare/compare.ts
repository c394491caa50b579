import { diffArrays } from 'diff';

/**
 * Comparison of two versions of a document (named versions, an edition's, the live text), used
 * by the web's compare view and by the API (the response table's "text change" column). Both
 * sides are ProseMirror JSON of the editor schema. The documents are first cut into text
 * blocks (paragraphs, headings, list items, table cells, code) and aligned block by block;
 * changed blocks are then compared word by word with jsdiff, keeping each word's marks.
 */

/** Marks of a run, as the editor schema names them. */
export interface CompareMarks {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: string;
}

/** A piece of text that is the same, inserted or deleted. */
export interface CompareRun {
  change: 'equal' | 'inserted' | 'deleted';
  text: string;
  marks?: CompareMarks;
}

/**
 * One text block of the comparison. `type` is the block's node type (`paragraph`, `heading`,
 * `codeBlock`), `level` a heading's level, `context` where it sits (`bulletList`,
 * `orderedList`, `blockquote`, `table` and the list depth).
 */
export interface CompareBlock {
  change: 'equal' | 'inserted' | 'deleted' | 'changed';
  type: string;
  level?: number;
  context: BlockContext;
  runs: CompareRun[];
}

/** Where a text block sits in the document. */
export interface BlockContext {
  list?: 'bulletList' | 'orderedList';
  depth: number;
  quote?: boolean;
  table?: boolean;
}

/** How much changed. `changes` counts the places a reader steps through with "next change". */
export interface CompareSummary {
  changes: number;
  insertedWords: number;
  deletedWords: number;
  insertedBlocks: number;
  deletedBlocks: number;
  changedBlocks: number;
}

/** The result of {@link compareDocuments}. */
export interface CompareResult {
  blocks: CompareBlock[];
  summary: CompareSummary;
}

interface Segment {
  text: string;
  marks?: CompareMarks;
}

interface TextBlock {
  type: string;
  level?: number;
  context: BlockContext;
  segments: Segment[];
  text: string;
  key: string;
}

interface PmNode {
  type?: unknown;
  attrs?: Record<string, unknown> | null;
  content?: unknown;
  marks?: unknown;
  text?: unknown;
}

const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

function kids(node: PmNode): PmNode[] {
  return Array.isArray(node.content)
    ? node.content.filter((c): c is PmNode => typeof c === 'object' && c !== null)
    : [];
}

function marksOf(node: PmNode): CompareMarks | undefined {
  if (!Array.isArray(node.marks) || node.marks.length === 0) return undefined;
  const out: CompareMarks = {};
  for (const mark of node.marks as PmNode[]) {
    switch (mark?.type) {
      case 'bold':
      case 'italic':
      case 'underline':
      case 'strike':
      case 'code':
        out[mark.type] = true;
        break;
      case 'link':
        if (typeof mark.attrs?.href === 'string') out.link = mark.attrs.href;
        break;
      default:
        break;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function segmentsOf(node: PmNode, into: Segment[]): void {
  for (const child of kids(node)) {
    if (child.type === 'text' && typeof child.text === 'string') {
      const marks = marksOf(child);
      into.push(marks ? { text: child.text, marks } : { text: child.text });
    } else if (child.type === 'hardBreak') {
      into.push({ text: '\n' });
    } else {
      segmentsOf(child, into);
    }
  }
}

/**
 * Cuts a ProseMirror document into its text blocks in reading order, each with its context.
 * Anything that is not an object gives no blocks.
 */
export function toTextBlocks(doc: unknown): TextBlock[] {
  const out: TextBlock[] = [];
  if (typeof doc !== 'object' || doc === null) return out;
  const visit = (node: PmNode, context: BlockContext) => {
    const type = typeof node.type === 'string' ? node.type : 'unknown';
    if (TEXT_BLOCKS.has(type)) {
      const segments: Segment[] = [];
      segmentsOf(node, segments);
      const level =
        type === 'heading' && typeof node.attrs?.level === 'number' ? node.attrs.level : undefined;
      const text = segments.map((s) => s.text).join('');
      const shape = `${type}:${level ?? ''}:${context.list ?? ''}:${context.depth}:${context.quote ? 'q' : ''}:${context.table ? 't' : ''}`;
      out.push({
        type,
        ...(level !== undefined ? { level } : {}),
        context,
        segments,
        text,
        key: `${shape}|${text}`,
      });
      return;
    }
    let next = context;
    if (type === 'bulletList' || type === 'orderedList') {
      next = { ...context, list: type, depth: context.depth + 1 };
    } else if (type === 'blockquote') next = { ...context, quote: true };
    else if (type === 'table') next = { ...context, table: true };
    else if (type === 'horizontalRule') {
      out.push({ type, context, segments: [], text: '', key: `${type}|` });
      return;
    }
    for (const child of kids(node)) visit(child, next);
  };
  visit(doc as PmNode, { depth: 0 });
  return out;
}

const WORD = /[\p{L}\p{N}]/u;

function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (const char of text) {
    const letter = WORD.test(char);
    if (letter && !inWord) words += 1;
    inWord = letter;
  }
  return words;
}

/** Cuts `[from, to)` of a block's text out of its segments, keeping each piece's marks. */
function sliceSegments(
  segments: Segment[],
  from: number,
  to: number,
  change: CompareRun['change'],
): CompareRun[] {
  const runs: CompareRun[] = [];
  let at = 0;
  for (const segment of segments) {
    const end = at + segment.text.length;
    if (end > from && at < to) {
      const text = segment.text.slice(
        Math.max(0, from - at),
        Math.min(segment.text.length, to - at),
      );
      if (text)
        runs.push(segment.marks ? { change, text, marks: segment.marks } : { change, text });
    }
    at = end;
    if (at >= to) break;
  }
  return runs;
}

function wholeBlock(block: TextBlock, change: 'equal' | 'inserted' | 'deleted'): CompareBlock {
  const runChange = change === 'equal' ? 'equal' : change;
  return {
    change,
    type: block.type,
    ...(block.level !== undefined ? { level: block.level } : {}),
    context: block.context,
    runs: block.segments.map((s) =>
      s.marks
        ? { change: runChange, text: s.text, marks: s.marks }
        : { change: runChange, text: s.text },
    ),
  };
}

const TOKEN = /[\p{L}\p{N}_]+|\s+|[^\p{L}\p{N}_\s]/gu;

/** Words, runs of white space and single other characters; joined they give the text back. */
function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * A word diff: common leading and trailing tokens are cut off first (most changed blocks differ
 * in a few words), the rest goes through jsdiff's array diff on tokens.
 */
export function diffWords(
  before: string,
  after: string,
): { value: string; added?: boolean; removed?: boolean }[] {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const out: { value: string; added?: boolean; removed?: boolean }[] = [];
  if (start > 0) out.push({ value: a.slice(0, start).join('') });
  for (const change of diffArrays(a.slice(start, endA), b.slice(start, endB))) {
    const value = change.value.join('');
    if (!value) continue;
    out.push(
      change.added ? { value, added: true } : change.removed ? { value, removed: true } : { value },
    );
  }
  if (endA < a.length) out.push({ value: a.slice(endA).join('') });
  return out;
}

/** Word runs of a changed block: deletions cut from the old text, the rest from the new. */
function changedBlock(before: TextBlock, after: TextBlock): CompareBlock {
  const parts = diffWords(before.text, after.text);
  const runs: CompareRun[] = [];
  let oldAt = 0;
  let newAt = 0;
  for (const part of parts) {
    const length = part.value.length;
    if (part.removed) {
      runs.push(...sliceSegments(before.segments, oldAt, oldAt + length, 'deleted'));
      oldAt += length;
    } else if (part.added) {
      runs.push(...sliceSegments(after.segments, newAt, newAt + length, 'inserted'));
      newAt += length;
    } else {
      runs.push(...sliceSegments(after.segments, newAt, newAt + length, 'equal'));
      oldAt += length;
      newAt += length;
    }
  }
  return {
    change: 'changed',
    type: after.type,
    ...(after.level !== undefined ? { level: after.level } : {}),
    context: after.context,
    runs,
  };
}

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );
}

/** Dice similarity of the words of two blocks (0 = nothing shared, 1 = the same words). */
function similarity(a: TextBlock, b: TextBlock): number {
  if (a.text === b.text) return 1;
  const wa = words(a.text);
  const wb = words(b.text);
  if (wa.size === 0 && wb.size === 0) return a.type === b.type ? 1 : 0;
  let shared = 0;
  for (const word of wa) if (wb.has(word)) shared += 1;
  return (2 * shared) / (wa.size + wb.size);
}

/** Blocks that share at least this much of their words are shown as one changed block. */
const PAIR_SIMILARITY = 0.3;

/**
 * Pairs removed and added blocks of one gap between equal blocks in order: a removed block is
 * matched with the next added block that is similar enough; unmatched ones stay deleted or
 * inserted. Linear in the gap's size, so a rewritten chapter stays fast.
 */
function alignGap(removed: TextBlock[], added: TextBlock[], out: CompareBlock[]): void {
  let j = 0;
  for (const old of removed) {
    let match = -1;
    // Look a few blocks ahead for the partner of this one.
    for (let k = j; k < Math.min(added.length, j + 8); k += 1) {
      const candidate = added[k] as TextBlock;
      if (candidate.type === old.type && similarity(old, candidate) >= PAIR_SIMILARITY) {
        match = k;
        break;
      }
    }
    if (match < 0) {
      out.push(wholeBlock(old, 'deleted'));
      continue;
    }
    for (; j < match; j += 1) out.push(wholeBlock(added[j] as TextBlock, 'inserted'));
    out.push(changedBlock(old, added[match] as TextBlock));
    j = match + 1;
  }
  for (; j < added.length; j += 1) out.push(wholeBlock(added[j] as TextBlock, 'inserted'));
}

/** Counts words and the places a reader steps through ("next change"). */
export function summarise(blocks: readonly CompareBlock[]): CompareSummary {
  const summary: CompareSummary = {
    changes: 0,
    insertedWords: 0,
    deletedWords: 0,
    insertedBlocks: 0,
    deletedBlocks: 0,
    changedBlocks: 0,
  };
  let previousChanged = false;
  for (const block of blocks) {
    if (block.change === 'inserted' || block.change === 'deleted') {
      if (block.change === 'inserted') summary.insertedBlocks += 1;
      else summary.deletedBlocks += 1;
      // Consecutive inserted/deleted blocks are one place to look at.
      if (!previousChanged) summary.changes += 1;
      previousChanged = true;
    } else {
      previousChanged = false;
    }
    if (block.change === 'changed') {
      summary.changedBlocks += 1;
      let inChange = false;
      for (const run of block.runs) {
        if (run.change === 'equal') {
          if (run.text.trim()) inChange = false;
          continue;
        }
        if (!inChange) summary.changes += 1;
        inChange = true;
      }
    }
    for (const run of block.runs) {
      if (run.change === 'inserted') summary.insertedWords += countWords(run.text);
      if (run.change === 'deleted') summary.deletedWords += countWords(run.text);
    }
  }
  return summary;
}

/**
 * Compares two ProseMirror documents: `before` (older) and `after` (newer). Equal blocks are
 * found with jsdiff's array diff on each block's type, context and text; the removed and added
 * blocks between them are paired by word similarity and compared word by word.
 */
export function compareDocuments(before: unknown, after: unknown): CompareResult {
  const a = toTextBlocks(before);
  const b = toTextBlocks(after);
  const changes = diffArrays(
    a.map((block) => block.key),
    b.map((block) => block.key),
  );
  const out: CompareBlock[] = [];
  let ai = 0;
  let bi = 0;
  let removed: TextBlock[] = [];
  let added: TextBlock[] = [];
  const flush = () => {
    if (removed.length || added.length) alignGap(removed, added, out);
    removed = [];
    added = [];
  };
  for (const change of changes) {
    const count = change.value.length;
    if (change.removed) {
      removed.push(...a.slice(ai, ai + count));
      ai += count;
    } else if (change.added) {
      added.push(...b.slice(bi, bi + count));
      bi += count;
    } else {
      flush();
      for (let k = 0; k < count; k += 1) out.push(wholeBlock(b[bi + k] as TextBlock, 'equal'));
      ai += count;
      bi += count;
    }
  }
  flush();
  return { blocks: out, summary: summarise(out) };
}

/** Compares two texts word by word (a measure's goal, a title). */
export function compareTexts(before: string, after: string): CompareRun[] {
  return diffWords(before, after)
    .filter((part) => part.value.length > 0)
    .map((part) => ({
      change: part.added ? 'inserted' : part.removed ? 'deleted' : 'equal',
      text: part.value,
    }));
}

/**
 * Compares two lists item by item (target groups, indicators): equal items stay, a changed
 * item is compared word by word when it resembles its replacement, others are inserted or
 * deleted whole. Each result item is a list of runs.
 */
export function compareLists(before: readonly string[], after: readonly string[]): CompareRun[][] {
  const asBlock = (text: string): TextBlock => ({
    type: 'paragraph',
    context: { depth: 0 },
    segments: [{ text }],
    text,
    key: text,
  });
  const blocks: CompareBlock[] = [];
  const changes = diffArrays([...before], [...after]);
  let removed: TextBlock[] = [];
  for (const change of changes) {
    if (change.removed) {
      removed.push(...change.value.map(asBlock));
    } else if (change.added) {
      alignGap(removed, change.value.map(asBlock), blocks);
      removed = [];
    } else {
      alignGap(removed, [], blocks);
      removed = [];
      blocks.push(...change.value.map((text) => wholeBlock(asBlock(text), 'equal')));
    }
  }
  alignGap(removed, [], blocks);
  return blocks.map((block) =>
    block.runs.length > 0
      ? block.runs
      : [
          {
            change:
              block.change === 'deleted'
                ? 'deleted'
                : block.change === 'inserted'
                  ? 'inserted'
                  : 'equal',
            text: '',
          },
        ],
  );
}
