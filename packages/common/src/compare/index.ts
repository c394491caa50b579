/**
 * Version comparison shared by web and API (`@lip/common/compare`), kept out of the main entry
 * so pages that never compare do not load jsdiff.
 */
export {
  compareDocuments,
  compareLists,
  compareTexts,
  summarise,
  toTextBlocks,
  type BlockContext,
  type CompareBlock,
  type CompareMarks,
  type CompareResult,
  type CompareRun,
  type CompareSummary,
} from './compare';

/**
 * A ProseMirror document made of plain text (paragraphs at blank lines), for versions whose
 * structure is not known.
 */
export function plainTextDoc(text: string): unknown {
  return {
    type: 'doc',
    content: text
      .split(/\n{2,}/)
      .filter((chunk) => chunk.trim().length > 0)
      .map((chunk) => ({ type: 'paragraph', content: [{ type: 'text', text: chunk }] })),
  };
}
