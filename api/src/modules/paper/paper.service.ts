import { Types } from 'mongoose';
import { z } from 'zod';
import { canAct, canSee } from '../../auth/policy';
import { op } from '../../db/connection';
import { DomainError, fieldError, forbidden, notFound, type FieldIssue } from '../../errors';
import { requireViewer, type RequestScope } from '../../scope';
import { objectIdSchema, parseInput } from '../../validation';
import { recordActivity } from '../activity/activity.service';
import { notify } from '../notification';
import type { DocumentDoc } from '../document/document.model';
import { loadVisibleDocument, toDocumentFacts } from '../document/document.service';
import {
  compareCodes,
  snapshotMeasures,
  toMeasureFacts,
  type MeasureDoc,
  type MeasureSnapshot,
} from '../measure';
import type { ProcessDoc } from '../process/process.model';
import { loadProcess } from '../process/process.service';
import { collabContentSource, type DocumentContent } from './collab-content';
import { buildPaperDocument, type ResolvedPart } from './paper.document';
import {
  OUTLINE_ENTRY_KINDS,
  paperIdOf,
  type EditionDoc,
  type EditionPartDoc,
  type OutlineEntryDoc,
  type PaperDoc,
} from './paper.model';

/** Limits of a paper, explicit so forms, tests and errors agree. */
export const PAPER_LIMITS = {
  outlineEntries: 500,
  titleChars: 200,
  editionNameChars: 120,
  /** Parallel calls to the collab server while reading or freezing a paper. */
  collabConcurrency: 8,
} as const;

const DUPLICATE_KEY = 11000;

/** Runs `fn` over `items` with at most `limit` at once, keeping the order of results. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function newEntryId(): string {
  return new Types.ObjectId().toHexString();
}

/**
 * The outline a new paper starts with: per action field (in the process's order) a part with
 * the field's foundation chapters and its measures, then an empty annex part. Coordinators put
 * the preface and introduction in front and reorder from there.
 */
export function defaultOutline(process: ProcessDoc, documents: DocumentDoc[]): OutlineEntryDoc[] {
  const entry = (
    fields: Partial<OutlineEntryDoc> & Pick<OutlineEntryDoc, 'kind'>,
  ): OutlineEntryDoc => ({
    id: newEntryId(),
    title: null,
    documentId: null,
    measureId: null,
    actionFieldKey: null,
    ...fields,
  });
  const outline: OutlineEntryDoc[] = [];
  for (const field of [...process.actionFields].sort((a, b) => a.order - b.order)) {
    outline.push(entry({ kind: 'part', title: `Handlungsfeld ${field.name.de}` }));
    for (const document of documents
      .filter((d) => d.actionFieldKey === field.key && d.kind === 'foundation-chapter')
      .sort((a, b) => a.order - b.order)) {
      outline.push(entry({ kind: 'document', documentId: document._id }));
    }
    outline.push(entry({ kind: 'measures', actionFieldKey: field.key }));
  }
  outline.push(entry({ kind: 'part', title: 'Anhang' }));
  return outline;
}

/**
 * The paper of a process, created with the default outline on first use. The deterministic
 * `_id` makes two concurrent first uses harmless: the second insert fails and reads the first.
 */
export async function loadPaper(
  scope: RequestScope,
  processId?: string | null,
): Promise<{ paper: PaperDoc; process: ProcessDoc }> {
  requireViewer(scope);
  const process = await loadProcess(scope, processId);
  const _id = paperIdOf(process._id);
  const found = await scope.models.Paper.findOne({ _id }).lean<PaperDoc>();
  if (found) return { paper: found, process };
  const documents = await scope.models.Document.find(
    { processId: process._id },
    { _id: 1, actionFieldKey: 1, kind: 1, order: 1 },
  ).lean<DocumentDoc[]>();
  const now = new Date();
  try {
    await scope.models.Paper.create({
      _id,
      processId: process._id,
      title: 'Grundlagenpapier',
      subtitle: process.title,
      outline: defaultOutline(process, documents),
      revision: 0,
      updatedById: null,
      createdAt: now,
      updatedAt: now,
    });
  } catch (error) {
    if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
  }
  const paper = await scope.models.Paper.findOne({ _id }).lean<PaperDoc>();
  if (!paper) throw notFound('paper');
  return { paper, process };
}

/** The paper by id (`paper-<processId>`). */
export async function loadPaperById(scope: RequestScope, paperId: unknown) {
  const id = parseInput(z.string().regex(/^paper-[0-9a-f]{24}$/, 'must be a paper id'), paperId);
  return loadPaper(scope, id.slice('paper-'.length));
}

const entryInputSchema = z.object({
  id: objectIdSchema.nullish(),
  kind: z.enum(OUTLINE_ENTRY_KINDS),
  title: z.string().trim().max(PAPER_LIMITS.titleChars).nullish(),
  documentId: objectIdSchema.nullish(),
  measureId: objectIdSchema.nullish(),
  actionFieldKey: z.string().max(60).nullish(),
});

const updatePaperSchema = z.object({
  paperId: z.string().regex(/^paper-[0-9a-f]{24}$/),
  revision: z.number().int().min(0),
  title: z.string().trim().min(1).max(PAPER_LIMITS.titleChars).nullish(),
  subtitle: z.string().trim().max(PAPER_LIMITS.titleChars).nullish(),
  outline: z.array(entryInputSchema).max(PAPER_LIMITS.outlineEntries).nullish(),
});

type EntryInput = z.infer<typeof entryInputSchema>;

function entryIssue(index: number, field: string, de: string, en: string): FieldIssue {
  return {
    path: `outline.${index}.${field}`,
    rule: 'invalid',
    message: en,
    text: {
      de: `Gliederung, Eintrag ${index + 1}: ${de}`,
      en: `Outline, entry ${index + 1}: ${en}`,
    },
  };
}

/**
 * Checks a new outline against the process: every document exists, belongs to this process
 * and is not a measure description, every measure and field exists, nothing appears twice,
 * parts have titles. All problems are reported at once, each naming its entry.
 */
async function validateOutline(
  scope: RequestScope,
  process: ProcessDoc,
  entries: EntryInput[],
): Promise<OutlineEntryDoc[]> {
  const issues: FieldIssue[] = [];
  const documentIds = entries.flatMap((e) =>
    e.kind === 'document' && e.documentId ? [e.documentId] : [],
  );
  const measureIds = entries.flatMap((e) =>
    e.kind === 'measure' && e.measureId ? [e.measureId] : [],
  );
  const [documents, measures] = await Promise.all([
    documentIds.length
      ? scope.models.Document.find(
          { _id: op({ $in: documentIds.map((id) => new Types.ObjectId(id)) }) },
          { _id: 1, processId: 1, kind: 1 },
        ).lean<DocumentDoc[]>()
      : [],
    measureIds.length
      ? scope.models.Measure.find(
          { _id: op({ $in: measureIds.map((id) => new Types.ObjectId(id)) }) },
          { _id: 1, processId: 1 },
        ).lean<MeasureDoc[]>()
      : [],
  ]);
  const docById = new Map(documents.map((d) => [String(d._id), d]));
  const measureById = new Map(measures.map((m) => [String(m._id), m]));
  const fieldKeys = new Set(process.actionFields.map((f) => f.key));
  const seen = new Set<string>();
  const out: OutlineEntryDoc[] = [];
  entries.forEach((entry, index) => {
    const id = entry.id && !seen.has(entry.id) ? entry.id : newEntryId();
    seen.add(id);
    const base: OutlineEntryDoc = {
      id,
      kind: entry.kind,
      title: null,
      documentId: null,
      measureId: null,
      actionFieldKey: null,
    };
    switch (entry.kind) {
      case 'part':
        if (!entry.title) {
          issues.push(
            entryIssue(index, 'title', 'Ein Teil braucht einen Titel.', 'A part needs a title.'),
          );
        }
        out.push({ ...base, title: entry.title ?? '' });
        return;
      case 'document': {
        const document = entry.documentId ? docById.get(entry.documentId) : undefined;
        if (
          !entry.documentId ||
          !document ||
          String(document.processId) !== String(process._id) ||
          document.kind === 'measure-description'
        ) {
          issues.push(
            entryIssue(
              index,
              'documentId',
              'Dieses Dokument gibt es nicht (mehr), oder es gehört nicht zu diesem Prozess.',
              'This document does not exist (any more) or belongs to another process.',
            ),
          );
        } else if (seen.has(`document:${entry.documentId}`)) {
          issues.push(
            entryIssue(
              index,
              'documentId',
              'Dieses Dokument steht schon in der Gliederung.',
              'This document is already in the outline.',
            ),
          );
        }
        seen.add(`document:${entry.documentId}`);
        out.push({ ...base, documentId: document?._id ?? null, title: entry.title || null });
        return;
      }
      case 'measure': {
        const measure = entry.measureId ? measureById.get(entry.measureId) : undefined;
        if (!entry.measureId || !measure || String(measure.processId) !== String(process._id)) {
          issues.push(
            entryIssue(
              index,
              'measureId',
              'Diese Maßnahme gibt es nicht (mehr), oder sie gehört nicht zu diesem Prozess.',
              'This measure does not exist (any more) or belongs to another process.',
            ),
          );
        } else if (seen.has(`measure:${entry.measureId}`)) {
          issues.push(
            entryIssue(
              index,
              'measureId',
              'Diese Maßnahme steht schon in der Gliederung.',
              'This measure is already in the outline.',
            ),
          );
        }
        seen.add(`measure:${entry.measureId}`);
        out.push({ ...base, measureId: measure?._id ?? null });
        return;
      }
      case 'measures':
        if (!entry.actionFieldKey || !fieldKeys.has(entry.actionFieldKey)) {
          issues.push(
            entryIssue(
              index,
              'actionFieldKey',
              'Dieses Handlungsfeld gibt es in diesem Prozess nicht.',
              'This action field does not exist in this process.',
            ),
          );
        }
        out.push({
          ...base,
          actionFieldKey: entry.actionFieldKey ?? null,
          title: entry.title || null,
        });
        return;
    }
  });
  if (issues.length > 0) {
    throw new DomainError(
      'invalid-input',
      issues.map((i) => `${i.path}: ${i.message}`).join('; '),
      issues,
    );
  }
  return out;
}

/**
 * Changes a paper's title or outline (coordinators of all fields, admins). `revision` is the
 * one the editor was built from: a stale outline gets `conflict` instead of undoing someone
 * else's reordering. The whole outline is replaced and validated first, so nothing is left
 * half-written.
 */
export async function updatePaper(scope: RequestScope, input: unknown): Promise<PaperDoc> {
  const viewer = requireViewer(scope);
  const args = parseInput(updatePaperSchema, input);
  return scope.writeLock.run(args.paperId, async () => {
    const { paper, process } = await loadPaperById(scope, args.paperId);
    if (!canAct(viewer.actor, 'managePaper', process, { type: 'paper' })) throw forbidden();
    if (args.revision !== paper.revision) {
      throw fieldError('conflict', 'revision', {
        de: 'Jemand hat die Gliederung inzwischen geändert. Bitte neu laden.',
        en: 'Someone changed the outline meanwhile. Please reload.',
      });
    }
    const set: Record<string, unknown> = {
      revision: paper.revision + 1,
      updatedAt: new Date(),
      updatedById: viewer.person._id,
    };
    if (args.title != null) set.title = args.title;
    if (args.subtitle != null) set.subtitle = args.subtitle;
    if (args.outline != null) set.outline = await validateOutline(scope, process, args.outline);
    const written = await scope.models.Paper.updateOne(
      { _id: paper._id, revision: paper.revision },
      { $set: set },
    );
    if (written.matchedCount !== 1) throw new DomainError('conflict', 'paper changed');
    const fresh = await scope.models.Paper.findOne({ _id: paper._id }).lean<PaperDoc>();
    if (!fresh) throw notFound('paper');
    return fresh;
  });
}

/** Whether the viewer may reorder the paper and take editions. */
export function viewerManagesPaper(scope: RequestScope, process: ProcessDoc): boolean {
  return !!scope.viewer && canAct(scope.viewer.actor, 'managePaper', process, { type: 'paper' });
}

interface ResolveOptions {
  /** Fetch the text of each visible part from the collab server. */
  withContent: boolean;
  /** Share of the contents fetched so far (0-1), for export progress. */
  onProgress?: (fraction: number) => void;
}

function fieldName(process: ProcessDoc, key: string | null, locale: 'de' | 'en'): string {
  const field = process.actionFields.find((f) => f.key === key);
  return field ? field.name[locale] : (key ?? '');
}

/**
 * Resolves the live outline for the viewer: documents and measures loaded in two queries,
 * `measures` entries expanded to the field's measures in code order, visibility from the
 * policy, and (optionally) each visible part's text from the collab server.
 */
export async function resolveLiveParts(
  scope: RequestScope,
  paper: PaperDoc,
  process: ProcessDoc,
  options: ResolveOptions,
): Promise<ResolvedPart[]> {
  const viewer = requireViewer(scope);
  const documentIds = paper.outline.flatMap((e) => (e.documentId ? [e.documentId] : []));
  const fieldKeys = paper.outline.flatMap((e) =>
    e.kind === 'measures' && e.actionFieldKey ? [e.actionFieldKey] : [],
  );
  const measureIds = paper.outline.flatMap((e) => (e.measureId ? [e.measureId] : []));
  const wantedMeasures = new Set(measureIds.map(String));
  const wantedFields = new Set(fieldKeys);
  const [documents, allMeasures] = await Promise.all([
    scope.models.Document.find(
      { _id: op({ $in: documentIds }) },
      { seedContent: 0, contentHtml: 0, contentText: 0 },
    ).lean<DocumentDoc[]>(),
    // A process has a few hundred measures at most: one query, filtered here.
    scope.models.Measure.find({ processId: process._id }).lean<MeasureDoc[]>(),
  ]);
  const measures = allMeasures.filter(
    (m) => wantedMeasures.has(String(m._id)) || wantedFields.has(m.actionFieldKey),
  );
  const docById = new Map(documents.map((d) => [String(d._id), d]));
  const snapshots = await snapshotMeasures(scope, measures);
  const snapshotById = new Map(snapshots.map((s) => [s.measureId, s]));
  const measureById = new Map(measures.map((m) => [String(m._id), m]));
  const descriptions = await scope.models.Document.find(
    { _id: op({ $in: measures.map((m) => m.descriptionDocumentId) }) },
    { _id: 1, contentUpdatedAt: 1, updatedAt: 1 },
  ).lean<DocumentDoc[]>();
  const descriptionChanged = new Map(
    descriptions.map((d) => [String(d._id), d.contentUpdatedAt ?? d.updatedAt]),
  );

  const measurePart = (entryId: string, measure: MeasureDoc): ResolvedPart => {
    const snapshot = snapshotById.get(String(measure._id)) ?? null;
    const descriptionAt = descriptionChanged.get(String(measure.descriptionDocumentId)) ?? null;
    return {
      entryId,
      kind: 'measure',
      title: `${measure.code} ${measure.title}`,
      visible: canSee(viewer.actor, process, { type: 'measure', measure: toMeasureFacts(measure) }),
      missing: false,
      status: measure.status,
      lastChangedAt:
        descriptionAt && descriptionAt > measure.updatedAt ? descriptionAt : measure.updatedAt,
      documentId: String(measure.descriptionDocumentId),
      versionId: null,
      measureId: String(measure._id),
      actionFieldKey: measure.actionFieldKey,
      content: null,
      snapshot,
    };
  };

  const parts: ResolvedPart[] = [];
  const blank = (entry: OutlineEntryDoc): ResolvedPart => ({
    entryId: entry.id,
    kind: 'part',
    title: entry.title ?? '',
    visible: true,
    missing: false,
    status: null,
    lastChangedAt: null,
    documentId: null,
    versionId: null,
    measureId: null,
    actionFieldKey: entry.actionFieldKey,
    content: null,
    snapshot: null,
  });
  for (const entry of paper.outline) {
    switch (entry.kind) {
      case 'part':
        parts.push(blank(entry));
        break;
      case 'document': {
        const document = entry.documentId ? docById.get(String(entry.documentId)) : undefined;
        parts.push({
          ...blank(entry),
          kind: 'document',
          title: entry.title || document?.title || '?',
          missing: !document,
          visible:
            !!document &&
            canSee(viewer.actor, process, {
              type: 'document',
              document: toDocumentFacts(document),
            }),
          status: document?.status ?? null,
          lastChangedAt: document ? (document.contentUpdatedAt ?? document.updatedAt) : null,
          documentId: entry.documentId ? String(entry.documentId) : null,
        });
        break;
      }
      case 'measure': {
        const measure = entry.measureId ? measureById.get(String(entry.measureId)) : undefined;
        if (measure) parts.push(measurePart(entry.id, measure));
        else
          parts.push({
            ...blank(entry),
            kind: 'measure',
            title: '?',
            missing: true,
            visible: false,
            measureId: entry.measureId ? String(entry.measureId) : null,
          });
        break;
      }
      case 'measures': {
        parts.push({
          ...blank(entry),
          kind: 'measures',
          title:
            entry.title ||
            `${scope.locale === 'de' ? 'Maßnahmen' : 'Measures'}: ${fieldName(process, entry.actionFieldKey, scope.locale)}`,
        });
        const listed = new Set(
          paper.outline.flatMap((e) => (e.measureId ? [String(e.measureId)] : [])),
        );
        const inField = measures
          .filter((m) => m.actionFieldKey === entry.actionFieldKey && !listed.has(String(m._id)))
          .sort((a, b) => compareCodes(a.code, b.code));
        for (const measure of inField)
          parts.push(measurePart(`${entry.id}:${String(measure._id)}`, measure));
        break;
      }
    }
  }
  if (options.withContent) await loadContents(scope, parts, options.onProgress);
  return parts.map((part) => (part.visible ? part : concealed(part, scope.locale)));
}

/** A part the reader may not see keeps its place but not its title, status or content. */
function concealed(part: ResolvedPart, locale: 'de' | 'en'): ResolvedPart {
  return {
    ...part,
    title: part.missing
      ? part.title
      : locale === 'de'
        ? 'Nicht freigegebener Teil'
        : 'Part not shared with you',
    status: null,
    lastChangedAt: null,
    snapshot: null,
    content: null,
  };
}

async function loadContents(
  scope: RequestScope,
  parts: ResolvedPart[],
  onProgress?: (fraction: number) => void,
): Promise<void> {
  const source = collabContentSource(scope);
  const wanted = parts.filter(
    (part) =>
      part.visible &&
      !part.missing &&
      part.documentId &&
      (part.kind === 'document' || part.kind === 'measure'),
  );
  let done = 0;
  await mapLimit(wanted, PAPER_LIMITS.collabConcurrency, async (part) => {
    const documentId = part.documentId as string;
    part.content = part.versionId
      ? await source.version(documentId, part.versionId)
      : await source.live(documentId);
    done += 1;
    onProgress?.(done / wanted.length);
  });
}

/** The parts of an edition as frozen, visible by the viewer's current rights to each record. */
export async function resolveEditionParts(
  scope: RequestScope,
  edition: EditionDoc,
  process: ProcessDoc,
  options: ResolveOptions,
): Promise<ResolvedPart[]> {
  const viewer = requireViewer(scope);
  const documentIds = edition.parts.flatMap((p) =>
    p.kind === 'document' && p.documentId ? [p.documentId] : [],
  );
  const measureIds = edition.parts.flatMap((p) => (p.measureId ? [p.measureId] : []));
  const [documents, measures] = await Promise.all([
    scope.models.Document.find(
      { _id: op({ $in: documentIds }) },
      { seedContent: 0, contentHtml: 0, contentText: 0 },
    ).lean<DocumentDoc[]>(),
    scope.models.Measure.find({ _id: op({ $in: measureIds }) }).lean<MeasureDoc[]>(),
  ]);
  const docById = new Map(documents.map((d) => [String(d._id), d]));
  const measureById = new Map(measures.map((m) => [String(m._id), m]));
  const parts = edition.parts.map((part): ResolvedPart => {
    let visible = true;
    if (part.kind === 'document') {
      const document = part.documentId ? docById.get(String(part.documentId)) : undefined;
      visible =
        !!document &&
        canSee(viewer.actor, process, { type: 'document', document: toDocumentFacts(document) });
    } else if (part.kind === 'measure') {
      const measure = part.measureId ? measureById.get(String(part.measureId)) : undefined;
      visible =
        !!measure &&
        canSee(viewer.actor, process, { type: 'measure', measure: toMeasureFacts(measure) });
    }
    return {
      entryId: part.entryId,
      kind: part.kind === 'measures' ? 'measures' : part.kind,
      title: part.title,
      visible,
      missing: false,
      status: part.documentStatus,
      lastChangedAt: part.lastChangedAt,
      documentId: part.documentId ? String(part.documentId) : null,
      versionId: part.versionId,
      measureId: part.measureId ? String(part.measureId) : null,
      actionFieldKey: part.actionFieldKey,
      content: null,
      snapshot: part.measureSnapshot,
    };
  });
  if (options.withContent) await loadContents(scope, parts, options.onProgress);
  return parts.map((part) => (part.visible ? part : concealed(part, scope.locale)));
}

/** An edition of a paper the viewer may see (everyone signed in may list editions). */
export async function loadEdition(
  scope: RequestScope,
  editionId: unknown,
): Promise<{ edition: EditionDoc; paper: PaperDoc; process: ProcessDoc }> {
  requireViewer(scope);
  const id = parseInput(objectIdSchema, editionId);
  const edition = await scope.models.PaperEdition.findOne({ _id: id }).lean<EditionDoc>();
  if (!edition) throw notFound('edition');
  const { paper, process } = await loadPaper(scope, String(edition.processId));
  return { edition, paper, process };
}

/** Editions of a paper, newest first. */
export function listEditions(scope: RequestScope, paperId: string): Promise<EditionDoc[]> {
  return scope.models.PaperEdition.find({ paperId }, { parts: 0 })
    .sort({ createdAt: -1 })
    .lean<EditionDoc[]>();
}

/** The paper (live or an edition) as read by the viewer, built once for reading and export. */
export async function readPaper(
  scope: RequestScope,
  input: {
    processId?: string | null;
    editionId?: string | null;
    onProgress?: (fraction: number) => void;
  },
) {
  let parts: ResolvedPart[];
  let paper: PaperDoc;
  let process: ProcessDoc;
  let edition: EditionDoc | null = null;
  if (input.editionId) {
    ({ edition, paper, process } = await loadEdition(scope, input.editionId));
    parts = await resolveEditionParts(scope, edition, process, {
      withContent: true,
      onProgress: input.onProgress,
    });
  } else {
    ({ paper, process } = await loadPaper(scope, input.processId));
    parts = await resolveLiveParts(scope, paper, process, {
      withContent: true,
      onProgress: input.onProgress,
    });
  }
  const document = buildPaperDocument({
    title: edition?.paperTitle ?? paper.title,
    subtitle: edition?.paperSubtitle ?? paper.subtitle,
    processTitle: process.title,
    editionName: edition?.name ?? null,
    date: edition?.createdAt ?? new Date(),
    locale: scope.locale,
    parts,
  });
  return { paper, process, edition, parts, document };
}

const editionSchema = z.object({
  paperId: z.string().regex(/^paper-[0-9a-f]{24}$/),
  name: z.string().trim().min(1).max(PAPER_LIMITS.editionNameChars),
});

/** An edition's name is what people pick it by: required, and short enough for a page header. */
function checkEditionName(input: unknown): void {
  const raw = (input as { name?: unknown } | null)?.name;
  const name = typeof raw === 'string' ? raw.trim() : '';
  const max = PAPER_LIMITS.editionNameChars;
  if (name === '') {
    throw fieldError('invalid-input', 'name', {
      de: 'Name: Bitte geben Sie der Fassung einen Namen, z. B. „Entwurf für die Lenkungsgruppe“.',
      en: 'Name: please give the edition a name, e.g. “Draft for the steering group”.',
    });
  }
  if (name.length > max) {
    throw fieldError('invalid-input', 'name', {
      de: `Name: höchstens ${max} Zeichen.`,
      en: `Name: at most ${max} characters.`,
    });
  }
}

/**
 * Takes a frozen edition (Fassung) in one step: a named version of every document of the
 * paper (and of every measure's description) through the collab server, a snapshot of every
 * measure, and then, last, the edition record naming them all. When a part is missing or a
 * version cannot be taken, no edition is recorded (versions already taken stay as ordinary
 * named versions of their documents).
 */
export async function createEdition(scope: RequestScope, input: unknown): Promise<EditionDoc> {
  const viewer = requireViewer(scope);
  checkEditionName(input);
  const args = parseInput(editionSchema, input);
  return scope.writeLock.run(args.paperId, async () => {
    const { paper, process } = await loadPaperById(scope, args.paperId);
    if (!canAct(viewer.actor, 'managePaper', process, { type: 'paper' })) throw forbidden();
    const parts = await resolveLiveParts(scope, paper, process, { withContent: false });
    const missing = parts.flatMap((part, index) => (part.missing ? [index] : []));
    if (missing.length > 0) {
      throw new DomainError(
        'invalid-input',
        'outline refers to missing records',
        missing.map((index) => ({
          path: `outline.${index}`,
          rule: 'invalid',
          message: 'missing',
          text: {
            de: `Gliederung: „${parts[index]?.title ?? '?'}“ gibt es nicht mehr. Bitte aus der Gliederung entfernen.`,
            en: `Outline: “${parts[index]?.title ?? '?'}” no longer exists. Please remove it from the outline.`,
          },
        })),
      );
    }
    if (parts.some((part) => !part.visible)) throw forbidden('paper part');
    const source = collabContentSource(scope);
    const label = `Fassung „${args.name}“`;
    const by = { personId: String(viewer.person._id), name: viewer.person.name };
    const frozen = await mapLimit(parts, PAPER_LIMITS.collabConcurrency, async (part) => {
      const version =
        part.documentId && (part.kind === 'document' || part.kind === 'measure')
          ? await source.createVersion(part.documentId, label, by)
          : null;
      const edited: EditionPartDoc = {
        entryId: part.entryId,
        kind: part.kind,
        title: part.title,
        documentId: part.documentId ? new Types.ObjectId(part.documentId) : null,
        versionId: version?.id ?? null,
        documentStatus: part.status,
        lastChangedAt: part.lastChangedAt,
        measureId: part.measureId ? new Types.ObjectId(part.measureId) : null,
        measureSnapshot: part.snapshot as MeasureSnapshot | null,
        actionFieldKey: part.actionFieldKey,
      };
      return edited;
    });
    const created = await scope.models.PaperEdition.create({
      paperId: paper._id,
      processId: process._id,
      name: args.name,
      paperTitle: paper.title,
      paperSubtitle: paper.subtitle,
      parts: frozen,
      createdById: viewer.person._id,
      createdByName: viewer.person.name,
      createdAt: new Date(),
    });
    await recordActivity(scope, {
      processId: process._id,
      actionFieldKey: null,
      verb: 'paper.edition-created',
      subjectTitle: `${paper.title}: ${args.name}`,
    });
    // The steering group and the coordinators work with editions (e.g. the draft for its vote).
    const coordinators = await scope.models.Person.find(
      { systemRole: 'coordinator', status: 'active' },
      { _id: 1 },
    ).lean<{ _id: Types.ObjectId }[]>();
    const steering = process.bodies
      .filter((b) => b.kind === 'steering-group')
      .flatMap((b) => b.memberIds.map(String));
    await notify(
      scope,
      {
        recipientIds: [...new Set([...steering, ...coordinators.map((p) => String(p._id))])],
        actor: { id: String(viewer.person._id), name: viewer.person.name },
        processId: String(process._id),
      },
      { kind: 'paper-edition', edition: { id: String(created._id), name: args.name } },
    );
    return created.toObject<EditionDoc>();
  });
}

const contentSchema = z.object({
  documentId: objectIdSchema,
  versionId: objectIdSchema.nullish(),
});

/**
 * A document's content (live, or a named version) for comparison, when the viewer may see the
 * document. Null when the version does not exist.
 */
export async function documentContent(
  scope: RequestScope,
  input: unknown,
): Promise<(DocumentContent & { document: DocumentDoc }) | null> {
  const args = parseInput(contentSchema, input);
  const { document } = await loadVisibleDocument(scope, args.documentId);
  const source = collabContentSource(scope);
  const content = args.versionId
    ? await source.version(args.documentId, args.versionId)
    : await source.live(args.documentId);
  return content ? { ...content, document } : null;
}

/**
 * The outline with what each entry refers to (for the outline editor): documents and measures
 * in two queries, each shown only when the viewer may see it, `missing` when it is gone.
 */
export async function outlineEntries(
  scope: RequestScope,
  paper: PaperDoc,
  process: ProcessDoc,
): Promise<
  {
    entry: OutlineEntryDoc;
    document: DocumentDoc | null;
    measure: MeasureDoc | null;
    label: string;
    missing: boolean;
  }[]
> {
  const viewer = requireViewer(scope);
  const documentIds = paper.outline.flatMap((e) => (e.documentId ? [e.documentId] : []));
  const measureIds = paper.outline.flatMap((e) => (e.measureId ? [e.measureId] : []));
  const [documents, measures] = await Promise.all([
    documentIds.length
      ? scope.models.Document.find(
          { _id: op({ $in: documentIds }) },
          { seedContent: 0, contentHtml: 0, contentText: 0 },
        ).lean<DocumentDoc[]>()
      : [],
    measureIds.length
      ? scope.models.Measure.find({ _id: op({ $in: measureIds }) }).lean<MeasureDoc[]>()
      : [],
  ]);
  const docById = new Map(documents.map((d) => [String(d._id), d]));
  const measureById = new Map(measures.map((m) => [String(m._id), m]));
  return paper.outline.map((entry) => {
    const document = entry.documentId ? (docById.get(String(entry.documentId)) ?? null) : null;
    const measure = entry.measureId ? (measureById.get(String(entry.measureId)) ?? null) : null;
    const visibleDocument =
      document &&
      canSee(viewer.actor, process, { type: 'document', document: toDocumentFacts(document) })
        ? document
        : null;
    const visibleMeasure =
      measure &&
      canSee(viewer.actor, process, { type: 'measure', measure: toMeasureFacts(measure) })
        ? measure
        : null;
    let label: string;
    switch (entry.kind) {
      case 'part':
        label = entry.title ?? '';
        break;
      case 'document':
        label = entry.title || visibleDocument?.title || '?';
        break;
      case 'measure':
        label = visibleMeasure ? `${visibleMeasure.code} ${visibleMeasure.title}` : '?';
        break;
      case 'measures':
        label =
          entry.title ||
          `${scope.locale === 'de' ? 'Maßnahmen' : 'Measures'}: ${fieldName(process, entry.actionFieldKey, scope.locale)}`;
        break;
    }
    return {
      entry,
      document: visibleDocument,
      measure: visibleMeasure,
      label,
      missing: (entry.kind === 'document' && !document) || (entry.kind === 'measure' && !measure),
    };
  });
}
