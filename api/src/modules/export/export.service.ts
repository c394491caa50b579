import { Types } from 'mongoose';
import { z } from 'zod';
import { op } from '../../db/connection';
import type { Models } from '../../db/models';
import { DomainError, forbidden, notFound } from '../../errors';
import { createLoaders } from '../../loaders';
import { requireViewer, type RequestScope } from '../../scope';
import { objectIdSchema, parseInput } from '../../validation';
import { loadVisibleDocument } from '../document/document.service';
import { loadVisibleMeasure } from '../measure';
import { loadEdition, loadPaper, resolveEditionParts, resolveLiveParts } from '../paper';
import { buildExport } from './export-targets';
import {
  EXPORT_FORMATS,
  EXPORT_TARGET_KINDS,
  type ExportErrorDoc,
  type ExportFormat,
  type ExportJobDoc,
  type ExportStatus,
  type ExportTargetDoc,
} from './export.model';
import { OfficeConversionError, type OfficeConverter } from './office-converter';
import { renderDocx } from './render-docx';
import { renderMarkdown } from './render-markdown';

/** Limits of exports, explicit so tests and errors agree. */
export const EXPORT_LIMITS = {
  /** Largest file an export may produce. */
  maxBytes: 50 * 1024 * 1024,
  /** Size of one stored chunk (well below the 16 MB document limit). */
  chunkBytes: 4 * 1024 * 1024,
  /** Jobs one person may have queued or running at once. */
  activePerPerson: 3,
  /** Jobs running at once in one API process. */
  concurrency: 2,
  /** How long a finished file stays downloadable. */
  keepMs: 24 * 60 * 60_000,
  /** A running job whose heartbeat is older than this has lost its process. */
  staleMs: 2 * 60_000,
  heartbeatMs: 10_000,
} as const;

const ACTIVE_STATUSES: ExportStatus[] = ['queued', 'running'];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  pdf: 'application/pdf',
  markdown: 'text/markdown; charset=utf-8',
};
const EXTENSIONS: Record<ExportFormat, string> = {
  docx: 'docx',
  odt: 'odt',
  pdf: 'pdf',
  markdown: 'md',
};

/** The formats and whether each can be made now (ODT and PDF need LibreOffice). */
export async function exportFormats(
  office: OfficeConverter,
): Promise<{ format: ExportFormat; available: boolean; reason: string | null }[]> {
  const status = await office.status();
  return EXPORT_FORMATS.map((format) => {
    const needsOffice = format === 'odt' || format === 'pdf';
    const available = !needsOffice || status.available;
    return { format, available, reason: available || status.available ? null : status.reason };
  });
}

/** A file name from a title: letters, digits and dashes, umlauts spelled out. */
export function toFileName(base: string, format: ExportFormat, date: Date): string {
  const ascii = base
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .slice(0, 80);
  return `${ascii || 'Export'}-${date.toISOString().slice(0, 10)}.${EXTENSIONS[format]}`;
}

const targetSchema = z.object({
  kind: z.enum(EXPORT_TARGET_KINDS),
  processId: objectIdSchema.nullish(),
  editionId: objectIdSchema.nullish(),
  documentId: objectIdSchema.nullish(),
  versionId: objectIdSchema.nullish(),
  measureId: objectIdSchema.nullish(),
  actionFieldKey: z.string().max(60).nullish(),
});

const requestSchema = z.object({ target: targetSchema, format: z.enum(EXPORT_FORMATS) });

function toTargetDoc(target: z.infer<typeof targetSchema>): ExportTargetDoc {
  const id = (value: string | null | undefined) => (value ? new Types.ObjectId(value) : null);
  return {
    kind: target.kind,
    processId: id(target.processId),
    editionId: id(target.editionId),
    documentId: id(target.documentId),
    versionId: target.versionId ?? null,
    measureId: id(target.measureId),
    actionFieldKey: target.actionFieldKey ?? null,
  };
}

const NOT_FULLY_READABLE = {
  de: 'Export nicht möglich: Sie dürfen nicht alle Teile lesen. Exportieren kann nur, wer jeden Teil lesen darf.',
  en: 'Export not possible: you may not read every part. Only people who may read every part can export it.',
};

/**
 * Checks, without fetching any text, that the viewer may read every part of the target; throws
 * `forbidden` (with a sentence saying why) or `not-found`. Run at request and again at download.
 */
export async function checkExportAccess(
  scope: RequestScope,
  target: ExportTargetDoc,
): Promise<{ processId: Types.ObjectId; title: string }> {
  const incomplete = () =>
    new DomainError('forbidden', 'export of parts the viewer may not read', [
      { path: 'target', rule: 'invalid', message: 'not fully readable', text: NOT_FULLY_READABLE },
    ]);
  switch (target.kind) {
    case 'paper': {
      const { paper, process } = await loadPaper(
        scope,
        target.processId ? String(target.processId) : null,
      );
      const parts = await resolveLiveParts(scope, paper, process, { withContent: false });
      if (parts.some((p) => !p.visible || p.missing)) throw incomplete();
      return { processId: process._id, title: paper.title };
    }
    case 'edition': {
      const { edition, process } = await loadEdition(scope, String(target.editionId ?? ''));
      const parts = await resolveEditionParts(scope, edition, process, { withContent: false });
      if (parts.some((p) => !p.visible)) throw incomplete();
      return { processId: process._id, title: `${edition.paperTitle}: ${edition.name}` };
    }
    case 'document': {
      const { document } = await loadVisibleDocument(scope, String(target.documentId ?? ''));
      return { processId: document.processId, title: document.title };
    }
    case 'measure': {
      const { measure } = await loadVisibleMeasure(scope, String(target.measureId ?? ''));
      return { processId: measure.processId, title: `${measure.code} ${measure.title}` };
    }
    case 'catalogue': {
      const process = target.processId
        ? await scope.loaders.process.load(String(target.processId))
        : await scope.loaders.currentProcess();
      if (!process) throw notFound('process');
      return { processId: process._id, title: 'catalogue' };
    }
  }
}

function failure(error: unknown): ExportErrorDoc {
  if (error instanceof OfficeConversionError) {
    if (error.reason === 'missing') {
      return {
        code: 'converter-missing',
        de: 'ODT und PDF können gerade nicht erzeugt werden: LibreOffice ist auf dem Server nicht installiert. DOCX und Markdown gehen.',
        en: 'ODT and PDF cannot be made right now: LibreOffice is not installed on the server. DOCX and Markdown work.',
      };
    }
    if (error.reason === 'timeout') {
      return {
        code: 'timeout',
        de: 'Die Umwandlung hat zu lange gedauert und wurde abgebrochen.',
        en: 'The conversion took too long and was stopped.',
      };
    }
    return {
      code: 'conversion-failed',
      de: 'Die Umwandlung ist fehlgeschlagen. Bitte versuchen Sie es noch einmal.',
      en: 'The conversion failed. Please try again.',
    };
  }
  if (error instanceof DomainError && error.code === 'forbidden') {
    return { code: 'forbidden', ...NOT_FULLY_READABLE };
  }
  if (error instanceof DomainError && error.code === 'not-found') {
    return {
      code: 'not-found',
      de: 'Was exportiert werden sollte, gibt es nicht (mehr).',
      en: 'What was to be exported does not exist (any more).',
    };
  }
  if (error instanceof DomainError && error.message === 'too-large') {
    return {
      code: 'too-large',
      de: 'Die Datei wäre größer als 50 MB geworden.',
      en: 'The file would have been larger than 50 MB.',
    };
  }
  return {
    code: 'failed',
    de: 'Der Export ist fehlgeschlagen. Bitte versuchen Sie es noch einmal.',
    en: 'The export failed. Please try again.',
  };
}

async function runJob(scope: RequestScope, office: OfficeConverter, jobId: Types.ObjectId) {
  const { ExportJob, ExportChunk } = scope.models;
  const job = await ExportJob.findOne({ _id: jobId }).lean<ExportJobDoc>();
  if (!job || job.status !== 'queued') return;
  const update = (set: Partial<ExportJobDoc>) =>
    ExportJob.updateOne({ _id: jobId }, { $set: { ...set, heartbeatAt: new Date() } });
  const heartbeat = setInterval(
    () => void update({}).catch(() => undefined),
    EXPORT_LIMITS.heartbeatMs,
  );
  heartbeat.unref();
  try {
    await update({ status: 'running', stage: 'collecting', progress: 5, startedAt: new Date() });
    let last = 0;
    const built = await buildExport(scope, job.target, (fraction) => {
      const progress = 5 + Math.round(fraction * 55);
      // Write progress at most every 5 points, not once per part.
      if (progress - last >= 5) {
        last = progress;
        void update({ progress }).catch(() => undefined);
      }
    });
    if (!built.complete) throw forbidden('export');
    await update({ stage: 'rendering', progress: 65 });
    let file: Buffer;
    if (job.format === 'markdown') {
      file = Buffer.from(renderMarkdown(built.document), 'utf8');
    } else {
      file = await renderDocx(built.document);
      if (job.format !== 'docx') {
        await update({ stage: 'converting', progress: 75 });
        file = await office.convert(file, job.format);
      }
    }
    if (file.byteLength > EXPORT_LIMITS.maxBytes)
      throw new DomainError('invalid-input', 'too-large');
    await update({ stage: 'storing', progress: 92 });
    const chunks = Math.max(1, Math.ceil(file.byteLength / EXPORT_LIMITS.chunkBytes));
    for (let n = 0; n < chunks; n += 1) {
      await ExportChunk.create({
        _id: `${String(jobId)}:${n}`,
        jobId,
        n,
        data: file.subarray(n * EXPORT_LIMITS.chunkBytes, (n + 1) * EXPORT_LIMITS.chunkBytes),
      });
    }
    const finishedAt = new Date();
    await update({
      status: 'done',
      stage: 'done',
      progress: 100,
      fileName: toFileName(built.fileBase, job.format, finishedAt),
      contentType: CONTENT_TYPES[job.format],
      bytes: file.byteLength,
      chunkCount: chunks,
      finishedAt,
    });
  } catch (error) {
    // A failed export leaves no file behind.
    await ExportChunk.deleteMany({ jobId }).catch(() => undefined);
    await update({
      status: 'failed',
      stage: 'failed',
      error: failure(error),
      finishedAt: new Date(),
    }).catch(() => undefined);
  } finally {
    clearInterval(heartbeat);
  }
}

/**
 * Removes expired jobs with their files, and fails jobs whose process stopped (no heartbeat),
 * removing what they had written. Cheap; run when jobs are requested or listed.
 */
export async function sweepExportJobs(models: Models, now = new Date()): Promise<void> {
  const expired = await models.ExportJob.find({ expiresAt: op({ $lt: now }) }, { _id: 1 }).lean<
    { _id: Types.ObjectId }[]
  >();
  const stale = await models.ExportJob.find(
    {
      status: op({ $in: ACTIVE_STATUSES }),
      heartbeatAt: op({ $lt: new Date(now.getTime() - EXPORT_LIMITS.staleMs) }),
    },
    { _id: 1 },
  ).lean<{ _id: Types.ObjectId }[]>();
  for (const { _id } of stale) {
    await models.ExportChunk.deleteMany({ jobId: _id });
    await models.ExportJob.updateOne(
      { _id },
      {
        $set: {
          status: 'failed',
          stage: 'failed',
          finishedAt: now,
          error: {
            code: 'interrupted',
            de: 'Der Export wurde unterbrochen (der Server wurde neu gestartet). Bitte noch einmal anfordern.',
            en: 'The export was interrupted (the server restarted). Please request it again.',
          },
        },
      },
    );
  }
  if (expired.length > 0) {
    const ids = expired.map((e) => e._id);
    await models.ExportChunk.deleteMany({ jobId: op({ $in: ids }) });
    await models.ExportJob.deleteMany({ _id: op({ $in: ids }) });
  }
}

/**
 * Queues an export of a target in a format for the viewer. Refused at once when the viewer may
 * not read every part, when ODT/PDF are asked for without LibreOffice, or when the viewer has
 * too many exports running.
 */
export async function requestExport(scope: RequestScope, input: unknown): Promise<ExportJobDoc> {
  const { office } = scope;
  const viewer = requireViewer(scope);
  const args = parseInput(requestSchema, input);
  const target = toTargetDoc(args.target);
  const { processId, title } = await checkExportAccess(scope, target);
  if (args.format === 'odt' || args.format === 'pdf') {
    const status = await office.status();
    if (!status.available) {
      throw new DomainError('invalid-input', 'converter missing', [
        {
          path: 'format',
          rule: 'invalid',
          message: 'converter missing',
          text: failure(new OfficeConversionError('missing', '')),
        },
      ]);
    }
  }
  await sweepExportJobs(scope.models);
  const active = await scope.models.ExportJob.countDocuments({
    requestedById: viewer.person._id,
    status: op({ $in: ACTIVE_STATUSES }),
  });
  if (active >= EXPORT_LIMITS.activePerPerson) {
    throw new DomainError('rate-limited', 'too many exports', [
      {
        path: 'format',
        rule: 'too-many',
        limit: EXPORT_LIMITS.activePerPerson,
        message: 'too many exports',
        text: {
          de: `Es laufen schon ${active} Exporte von Ihnen. Bitte warten Sie, bis einer fertig ist.`,
          en: `${active} of your exports are already running. Please wait until one is finished.`,
        },
      },
    ]);
  }
  const now = new Date();
  const created = await scope.models.ExportJob.create({
    processId,
    requestedById: viewer.person._id,
    locale: scope.locale,
    target,
    format: args.format,
    title,
    status: 'queued',
    progress: 0,
    stage: 'queued',
    createdAt: now,
    heartbeatAt: now,
    expiresAt: new Date(now.getTime() + EXPORT_LIMITS.keepMs),
  });
  // A fresh set of loaders: the request that queued the job has finished when it runs.
  const jobScope: RequestScope = { ...scope, loaders: createLoaders(scope.models) };
  scope.exportQueue.enqueue(() => runJob(jobScope, office, created._id));
  return created.toObject<ExportJobDoc>();
}

/** One of the viewer's own export jobs, or null. */
export async function findExportJob(
  scope: RequestScope,
  id: unknown,
): Promise<ExportJobDoc | null> {
  const viewer = requireViewer(scope);
  if (!objectIdSchema.safeParse(id).success) return null;
  return scope.models.ExportJob.findOne({
    _id: new Types.ObjectId(String(id)),
    requestedById: viewer.person._id,
  }).lean<ExportJobDoc>();
}

/** The viewer's recent export jobs, newest first. */
export async function listExportJobs(scope: RequestScope): Promise<ExportJobDoc[]> {
  const viewer = requireViewer(scope);
  await sweepExportJobs(scope.models);
  return scope.models.ExportJob.find({ requestedById: viewer.person._id })
    .sort({ createdAt: -1 })
    .limit(20)
    .lean<ExportJobDoc[]>();
}

/**
 * A finished export for download: only the person who asked for it, only when the file is
 * complete, and only while that person may still read every part (checked again now).
 */
export async function openExportDownload(
  scope: RequestScope,
  id: string,
): Promise<{ job: ExportJobDoc; chunks: () => AsyncGenerator<Buffer> }> {
  const job = await findExportJob(scope, id);
  if (!job || job.status !== 'done' || !job.chunkCount) throw notFound('export');
  try {
    await checkExportAccess(scope, job.target);
  } catch (error) {
    // The file is theirs, but a part of it is no longer for them (or gone): refuse it.
    if (error instanceof DomainError) throw forbidden('export no longer readable');
    throw error;
  }
  const count = await scope.models.ExportChunk.countDocuments({ jobId: job._id });
  if (count !== job.chunkCount) throw notFound('export file');
  return {
    job,
    chunks: async function* () {
      for (let n = 0; n < (job.chunkCount ?? 0); n += 1) {
        const chunk = await scope.models.ExportChunk.findOne({
          _id: `${String(job._id)}:${n}`,
        }).lean<{ data: unknown }>();
        if (!chunk) throw new Error(`export chunk ${n} missing`);
        yield toBuffer(chunk.data);
      }
    },
  };
}

/** The bytes of a stored chunk (a lean read gives the driver's Binary, not a Buffer). */
function toBuffer(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const inner = (data as { buffer?: unknown } | null)?.buffer;
  if (inner instanceof Uint8Array) {
    return Buffer.from(inner.buffer, inner.byteOffset, inner.byteLength);
  }
  throw new Error('unexpected chunk data');
}
