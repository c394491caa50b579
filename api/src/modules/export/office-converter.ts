import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Formats LibreOffice makes from a DOCX. */
export type OfficeTarget = 'odt' | 'pdf';

/** Whether the converter can run, found once at start. */
export type OfficeStatus =
  { available: true; version: string } | { available: false; reason: string };

/** Converts DOCX to ODT or tagged PDF with LibreOffice headless. */
export interface OfficeConverter {
  /** The result of looking for LibreOffice (cached after the first call). */
  status(): Promise<OfficeStatus>;
  /** Converts; throws {@link OfficeConversionError} when LibreOffice is missing or fails. */
  convert(docx: Uint8Array, to: OfficeTarget): Promise<Buffer>;
  /** Removes the profile folders (call on shutdown). */
  close(): Promise<void>;
}

/** A conversion that did not produce a file; `missing` means LibreOffice is not installed. */
export class OfficeConversionError extends Error {
  override name = 'OfficeConversionError';
  constructor(
    readonly reason: 'missing' | 'failed' | 'timeout',
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * The PDF export filter with its options as JSON (LibreOffice 7.4+): tagged PDF aiming at PDF/UA,
 * bookmarks from the headings, the document title shown in the window title bar.
 */
export const PDF_FILTER =
  'pdf:writer_pdf_Export:' +
  JSON.stringify({
    UseTaggedPDF: { type: 'boolean', value: 'true' },
    PDFUACompliance: { type: 'boolean', value: 'true' },
    ExportBookmarks: { type: 'boolean', value: 'true' },
    DisplayPDFDocumentTitle: { type: 'boolean', value: 'true' },
    ExportNotes: { type: 'boolean', value: 'false' },
  });

const FILTERS: Record<OfficeTarget, string> = { odt: 'odt:writer8', pdf: PDF_FILTER };

/** Options of {@link createOfficeConverter}. */
export interface OfficeConverterOptions {
  /** The LibreOffice command (`soffice`, or an absolute path). */
  command: string;
  /** How many conversions run at once; each has its own profile folder. */
  slots: number;
  /** A conversion that takes longer is killed and fails. */
  timeoutMs: number;
}

/**
 * LibreOffice allows one running instance per user profile, and a conversion started while
 * another runs on the same profile hands its work to that instance (or fails). So each of
 * `slots` parallel conversions owns a profile folder (`-env:UserInstallation`), reused by the
 * conversions that follow it: creating a profile costs about a second, reusing one nothing.
 * Further conversions wait for a free slot. The process is started in its own group and the
 * whole group is killed on timeout, so no stray `soffice.bin` is left behind.
 */
export function createOfficeConverter(options: OfficeConverterOptions): OfficeConverter {
  let found: Promise<OfficeStatus> | undefined;
  let root: Promise<string> | undefined;
  const free: number[] = Array.from({ length: Math.max(1, options.slots) }, (_, i) => i);
  const waiting: ((slot: number) => void)[] = [];

  const acquire = () =>
    new Promise<number>((resolve) => {
      const slot = free.shift();
      if (slot !== undefined) resolve(slot);
      else waiting.push(resolve);
    });
  const release = (slot: number) => {
    const next = waiting.shift();
    if (next) next(slot);
    else free.push(slot);
  };

  function status(): Promise<OfficeStatus> {
    found ??= new Promise<OfficeStatus>((resolve) => {
      execFile(options.command, ['--version'], { timeout: 30_000 }, (error, stdout) => {
        if (error) {
          resolve({
            available: false,
            reason:
              (error as NodeJS.ErrnoException).code === 'ENOENT'
                ? `${options.command} not found (install libreoffice-writer-nogui)`
                : `${options.command} --version failed: ${error.message}`,
          });
          return;
        }
        resolve({ available: true, version: stdout.trim() });
      });
    });
    return found;
  }

  async function run(slot: number, workDir: string, input: string, to: OfficeTarget) {
    root ??= mkdtemp(join(tmpdir(), 'lip-office-'));
    const profile = pathToFileURL(join(await root, `profile-${slot}`)).href;
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        options.command,
        [
          `-env:UserInstallation=${profile}`,
          '--headless',
          '--invisible',
          '--nologo',
          '--norestore',
          '--nolockcheck',
          '--nodefault',
          '--convert-to',
          FILTERS[to],
          '--outdir',
          workDir,
          input,
        ],
        { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        if (stderr.length < 4000) stderr += chunk.toString();
      });
      const timer = setTimeout(() => {
        try {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
        reject(new OfficeConversionError('timeout', `conversion to ${to} took too long`));
      }, options.timeoutMs);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(
          new OfficeConversionError(
            (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'failed',
            error.message,
          ),
        );
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new OfficeConversionError('failed', `soffice exited with ${code}: ${stderr}`));
      });
    });
  }

  return {
    status,
    async convert(docx, to) {
      const found = await status();
      if (!found.available) throw new OfficeConversionError('missing', found.reason);
      const slot = await acquire();
      const workDir = await mkdtemp(join(tmpdir(), 'lip-convert-'));
      try {
        const input = join(workDir, 'export.docx');
        await writeFile(input, docx);
        await run(slot, workDir, input, to);
        let output: Buffer;
        try {
          output = await readFile(join(workDir, `export.${to}`));
        } catch {
          throw new OfficeConversionError('failed', `LibreOffice wrote no ${to} file`);
        }
        if (output.byteLength === 0) {
          throw new OfficeConversionError('failed', `LibreOffice wrote an empty ${to} file`);
        }
        return output;
      } finally {
        release(slot);
        await rm(workDir, { recursive: true, force: true });
      }
    },
    async close() {
      if (root) await rm(await root, { recursive: true, force: true });
    },
  };
}
