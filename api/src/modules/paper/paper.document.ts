import type { Locale } from '@lip/common';
import {
  EXPORT_LABELS,
  EXPORT_MODEL_VERSION,
  fromProseMirror,
  measureSheetBlock,
  numberHeadings,
  paragraph,
  type ExportBlock,
  type ExportDocument,
} from '../export';
import { MEASURE_STATUS_LABELS, type MeasureSnapshot } from '../measure';
import type { DocumentContent } from './collab-content';

/**
 * One part of a paper as read (live, or frozen in an edition), in reading order. A `measures`
 * outline entry is resolved into a `measures` heading followed by one `measure` part each.
 */
export interface ResolvedPart {
  entryId: string;
  kind: 'part' | 'document' | 'measures' | 'measure';
  title: string;
  /** False when the reader may not see this part; it is then shown without content. */
  visible: boolean;
  /** True when the outline refers to a record that no longer exists. */
  missing: boolean;
  /** Document status (`draft`, …) or measure status. */
  status: string | null;
  lastChangedAt: Date | null;
  documentId: string | null;
  versionId: string | null;
  measureId: string | null;
  actionFieldKey: string | null;
  content: DocumentContent | null;
  snapshot: MeasureSnapshot | null;
}

const DOCUMENT_STATUS_LABELS: Record<string, { de: string; en: string }> = {
  draft: { de: 'Entwurf', en: 'Draft' },
  'in-review': { de: 'In Prüfung', en: 'In review' },
  returned: { de: 'Zurückgegeben', en: 'Returned' },
  accepted: { de: 'Angenommen', en: 'Accepted' },
};

/** "12.03.2027" / "2027-03-12". */
export function formatDate(date: Date, locale: Locale): string {
  return locale === 'de'
    ? new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(
        date,
      )
    : date.toISOString().slice(0, 10);
}

function statusLabel(part: ResolvedPart, locale: Locale): string | null {
  if (!part.status) return null;
  if (part.kind === 'measure') {
    return (
      MEASURE_STATUS_LABELS[part.status as keyof typeof MEASURE_STATUS_LABELS]?.[locale] ??
      part.status
    );
  }
  return DOCUMENT_STATUS_LABELS[part.status]?.[locale] ?? part.status;
}

/** The note under a part's heading: its status and its last change. */
export function partNote(part: ResolvedPart, locale: Locale): string {
  const words =
    locale === 'de'
      ? { status: 'Status', changed: 'zuletzt geändert am' }
      : { status: 'Status', changed: 'last changed on' };
  const bits: string[] = [];
  const status = statusLabel(part, locale);
  if (status) bits.push(`${words.status}: ${status}`);
  if (part.lastChangedAt) bits.push(`${words.changed} ${formatDate(part.lastChangedAt, locale)}`);
  return bits.join(' · ');
}

/** A part's text; its own headings sit below the part's heading, unnumbered and out of the TOC. */
function contentBlocks(content: DocumentContent | null, headingOffset: number): ExportBlock[] {
  if (!content) return [];
  const blocks = fromProseMirror(content.doc, { headingOffset });
  return blocks.map((block) => (block.kind === 'heading' ? { ...block, inToc: false } : block));
}

/** The HTML anchor of a part's heading in the reading view. */
export function partAnchor(entryId: string): string {
  return `part-${entryId.replace(/[^0-9a-zA-Z-]/g, '-')}`;
}

/** What a paper document needs besides its parts. */
export interface PaperDocumentInput {
  title: string;
  subtitle: string;
  processTitle: string;
  /** The edition's name; null for the live working state. */
  editionName: string | null;
  /** The edition's date, or now for the live state. */
  date: Date;
  locale: Locale;
  parts: ResolvedPart[];
}

/**
 * Builds the paper as one {@link ExportDocument}: a title page, the table of contents, parts as
 * numbered level-1 headings, chapters and measure groups below them (front matter before the
 * first part sits at level 1), each with its status and last change, measures as uniform
 * sheets. The reading view renders it as HTML, the exports as DOCX, ODT, PDF and Markdown, so
 * what people read is what they export.
 */
export function buildPaperDocument(input: PaperDocumentInput): ExportDocument {
  const { locale } = input;
  const words =
    locale === 'de'
      ? {
          live: 'Arbeitsstand',
          edition: (name: string) => `Fassung „${name}“`,
          asOf: 'Stand',
          hidden: 'Dieser Teil ist für Sie nicht sichtbar.',
          missing: 'Dieser Teil fehlt: Das Dokument oder die Maßnahme gibt es nicht mehr.',
          empty: 'Noch kein Text.',
        }
      : {
          live: 'Working state',
          edition: (name: string) => `Edition “${name}”`,
          asOf: 'As of',
          hidden: 'You may not see this part.',
          missing: 'This part is missing: the document or measure no longer exists.',
          empty: 'No text yet.',
        };
  const stage = input.editionName ? words.edition(input.editionName) : words.live;
  const date = formatDate(input.date, locale);
  const blocks: ExportBlock[] = [];
  let partLevel = 0;
  let groupLevel = 0;
  for (const part of input.parts) {
    if (part.kind === 'part') {
      partLevel = 1;
      groupLevel = 0;
      blocks.push({
        kind: 'heading',
        level: 1,
        text: part.title,
        anchor: partAnchor(part.entryId),
      });
      continue;
    }
    if (part.kind === 'measures') {
      groupLevel = partLevel + 1;
      blocks.push({
        kind: 'heading',
        level: groupLevel as 1 | 2,
        text: part.title,
        anchor: partAnchor(part.entryId),
      });
      continue;
    }
    const level = (part.kind === 'measure' && groupLevel > 0 ? groupLevel + 1 : partLevel + 1) as
      1 | 2 | 3;
    if (part.kind === 'document') groupLevel = 0;
    blocks.push({ kind: 'heading', level, text: part.title, anchor: partAnchor(part.entryId) });
    const note = partNote(part, locale);
    if (note) blocks.push(paragraph(note, 'note'));
    if (part.missing) {
      blocks.push(paragraph(words.missing));
      continue;
    }
    if (!part.visible) {
      blocks.push(paragraph(words.hidden));
      continue;
    }
    if (part.kind === 'document') {
      const body = contentBlocks(part.content, level);
      blocks.push(...(body.length > 0 ? body : [paragraph(words.empty)]));
    } else if (part.snapshot) {
      blocks.push(measureSheetBlock(part.snapshot, contentBlocks(part.content, level), locale));
    }
  }
  return {
    version: EXPORT_MODEL_VERSION,
    language: locale,
    title: input.title,
    titlePage: {
      title: input.title,
      ...(input.subtitle ? { subtitle: input.subtitle } : {}),
      lines: [
        ...(input.processTitle !== input.subtitle ? [input.processTitle] : []),
        stage,
        `${words.asOf}: ${date}`,
      ],
    },
    tableOfContents: true,
    runningHeader: `${input.title} · ${stage} · ${date}`,
    labels: EXPORT_LABELS[locale],
    metadata: {
      author: 'LIP-Werkstatt',
      subject: input.processTitle,
      createdAt: input.date,
    },
    blocks: numberHeadings(blocks),
  };
}
