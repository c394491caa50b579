import type { Locale } from '@lip/common';
import { DomainError, notFound } from '../../errors';
import type { RequestScope } from '../../scope';
import { loadVisibleDocument } from '../document/document.service';
import {
  MEASURE_STATUS_LABELS,
  listMeasures,
  loadVisibleMeasure,
  snapshotMeasures,
  type MeasureDoc,
} from '../measure';
import { collabContentSource, mapLimit, readPaper, type DocumentContent } from '../paper';
import { listVersions } from '../versions/versions.service';
import {
  EXPORT_LABELS,
  EXPORT_MODEL_VERSION,
  numberHeadings,
  paragraph,
  type ExportBlock,
  type ExportDocument,
} from './export-document';
import { measureSheetBlock } from './build-measure';
import { fromProseMirror } from './from-prosemirror';
import type { ExportTargetDoc } from './export.model';

/** An export built from the stored state, for one viewer. */
export interface BuiltExport {
  document: ExportDocument;
  /** Whether the viewer may read every part of it (else it must not be exported). */
  complete: boolean;
  /** A short name for the file ("Grundlagenpapier Beschlussfassung"). */
  fileBase: string;
}

function formatDay(date: Date, locale: Locale): string {
  return locale === 'de'
    ? new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(
        date,
      )
    : date.toISOString().slice(0, 10);
}

function contentBlocks(content: DocumentContent | null, headingOffset: number): ExportBlock[] {
  if (!content) return [];
  const blocks = fromProseMirror(content.doc, { headingOffset });
  return blocks.map((b) => (b.kind === 'heading' ? { ...b, inToc: false } : b));
}

function shell(
  locale: Locale,
  title: string,
  stage: string,
  date: Date,
  blocks: ExportBlock[],
  options: { titlePage: boolean; toc: boolean; subject: string },
): ExportDocument {
  const asOf = locale === 'de' ? 'Stand' : 'As of';
  return {
    version: EXPORT_MODEL_VERSION,
    language: locale,
    title,
    titlePage: options.titlePage
      ? {
          title,
          lines: [options.subject, stage, `${asOf}: ${formatDay(date, locale)}`].filter(Boolean),
        }
      : null,
    tableOfContents: options.toc,
    runningHeader: `${title} · ${stage} · ${formatDay(date, locale)}`,
    labels: EXPORT_LABELS[locale],
    metadata: { author: 'LIP-Werkstatt', subject: options.subject, createdAt: date },
    blocks: numberHeadings(blocks),
  };
}

async function measureBlocks(
  scope: RequestScope,
  measures: MeasureDoc[],
  level: 1 | 2,
  onProgress: (fraction: number) => void,
): Promise<ExportBlock[]> {
  const locale = scope.locale;
  const snapshots = await snapshotMeasures(scope, measures);
  const source = collabContentSource(scope);
  let done = 0;
  const descriptions = await mapLimit(measures, 8, async (measure) => {
    const content = await source.live(String(measure.descriptionDocumentId));
    done += 1;
    onProgress(done / Math.max(1, measures.length));
    return content;
  });
  return measures.flatMap((measure, index) => {
    const snapshot = snapshots[index];
    if (!snapshot) return [];
    const status = MEASURE_STATUS_LABELS[measure.status][locale];
    return [
      { kind: 'heading' as const, level, text: `${measure.code} ${measure.title}` },
      paragraph(`Status: ${status}`, 'note'),
      measureSheetBlock(snapshot, contentBlocks(descriptions[index] ?? null, level), locale),
    ];
  });
}

/**
 * Builds the export of a target for the scope's viewer from the stored state: the paper (live
 * or an edition) exactly as the reading view shows it, a document (live or a named version), a
 * measure sheet, or the catalogue of the measures the viewer may see. `onProgress` gets the
 * share of the work done (0-1) while contents are fetched.
 */
export async function buildExport(
  scope: RequestScope,
  target: ExportTargetDoc,
  onProgress: (fraction: number) => void = () => undefined,
): Promise<BuiltExport> {
  const locale = scope.locale;
  const words =
    locale === 'de'
      ? { live: 'Arbeitsstand', catalogue: 'Maßnahmenkatalog', measures: 'Maßnahmen' }
      : { live: 'Working state', catalogue: 'Catalogue of measures', measures: 'Measures' };
  switch (target.kind) {
    case 'paper':
    case 'edition': {
      const read = await readPaper(scope, {
        processId: target.processId ? String(target.processId) : null,
        editionId: target.kind === 'edition' && target.editionId ? String(target.editionId) : null,
        onProgress,
      });
      const content = read.parts.filter((p) => p.kind === 'document' || p.kind === 'measure');
      return {
        document: read.document,
        complete: content.every((p) => p.visible && !p.missing),
        fileBase: read.edition
          ? `${read.paper.title} ${read.edition.name}`
          : `${read.paper.title} ${words.live}`,
      };
    }
    case 'document': {
      if (!target.documentId) throw notFound('document');
      const { document } = await loadVisibleDocument(scope, String(target.documentId));
      const source = collabContentSource(scope);
      let stage = words.live;
      let content: DocumentContent | null;
      if (target.versionId) {
        content = await source.version(String(document._id), target.versionId);
        if (!content) throw notFound('version');
        const version = (await listVersions(scope, String(document._id))).find(
          (v) => v.id === target.versionId,
        );
        stage = version ? version.label : stage;
      } else {
        content = await source.live(String(document._id));
      }
      onProgress(1);
      const blocks: ExportBlock[] = [
        { kind: 'heading', level: 1, text: document.title, inToc: false },
        ...contentBlocks(content, 1),
      ];
      return {
        document: shell(locale, document.title, stage, new Date(), blocks, {
          titlePage: false,
          toc: false,
          subject: '',
        }),
        complete: true,
        fileBase: `${document.title} ${stage}`,
      };
    }
    case 'measure': {
      if (!target.measureId) throw notFound('measure');
      const { measure } = await loadVisibleMeasure(scope, String(target.measureId));
      const blocks = await measureBlocks(scope, [measure], 1, onProgress);
      const title = `${measure.code} ${measure.title}`;
      return {
        document: shell(locale, title, words.live, new Date(), blocks, {
          titlePage: false,
          toc: false,
          subject: '',
        }),
        complete: true,
        fileBase: `${measure.code} ${measure.title}`,
      };
    }
    case 'catalogue': {
      const list = await listMeasures(scope, {
        processId: target.processId ? String(target.processId) : null,
        actionFieldKey: target.actionFieldKey,
      });
      const process = await scope.loaders.process.load(
        String(list.items[0]?.processId ?? target.processId ?? ''),
      );
      const fields = [...(process?.actionFields ?? [])].sort((a, b) => a.order - b.order);
      const blocks: ExportBlock[] = [];
      let done = 0;
      for (const field of fields) {
        const measures = list.items.filter((m) => m.actionFieldKey === field.key);
        if (measures.length === 0) continue;
        blocks.push({ kind: 'heading', level: 1, text: field.name[locale] });
        blocks.push(
          ...(await measureBlocks(scope, measures, 2, (f) =>
            onProgress((done + f * measures.length) / Math.max(1, list.items.length)),
          )),
        );
        done += measures.length;
      }
      if (blocks.length === 0) {
        throw new DomainError('not-found', 'no measures', [
          {
            path: 'target',
            rule: 'invalid',
            message: 'no measures',
            text: {
              de: 'Für diese Auswahl gibt es keine Maßnahmen, die Sie sehen dürfen.',
              en: 'There are no measures you may see for this selection.',
            },
          },
        ]);
      }
      const field = fields.find((f) => f.key === target.actionFieldKey);
      const title = field ? `${words.catalogue}: ${field.name[locale]}` : words.catalogue;
      return {
        document: shell(locale, title, words.live, new Date(), blocks, {
          titlePage: true,
          toc: true,
          subject: process?.title ?? '',
        }),
        complete: true,
        fileBase: title,
      };
    }
  }
}
