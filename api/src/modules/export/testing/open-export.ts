import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

/**
 * Opens exported files again for tests: DOCX and ODT are unzipped (fflate) and their XML parts
 * returned as text; PDFs are read with poppler's `pdfinfo` and `pdftotext`.
 */

/** The XML parts of a zipped office file by path (`word/document.xml`, `content.xml`, …). */
export function unzipXml(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) {
    if (name.endsWith('.xml') || name.endsWith('.rels') || name === 'mimetype') {
      out[name] = strFromU8(data);
    }
  }
  return out;
}

/** Visible text of an XML part: tags removed, entities decoded, whitespace collapsed. */
export function xmlText(xml: string): string {
  return xml
    .replace(/<(w:tab|text:tab)\b[^>]*\/>/g, ' ')
    .replace(/<\/(w:p|text:p|text:h)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ');
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (error) reject(error);
      else resolve(stdout);
    });
  });
}

/** What poppler says about a PDF: `pdfinfo` fields, the text, and the raw bytes as latin1. */
export async function readPdf(
  bytes: Uint8Array,
): Promise<{ info: Record<string, string>; text: string; raw: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'lip-pdf-test-'));
  try {
    const file = join(dir, 'file.pdf');
    await writeFile(file, bytes);
    const infoText = await run('pdfinfo', [file]);
    const info: Record<string, string> = {};
    for (const line of infoText.split('\n')) {
      const index = line.indexOf(':');
      if (index > 0) info[line.slice(0, index).trim()] = line.slice(index + 1).trim();
    }
    const text = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    return { info, text, raw: Buffer.from(bytes).toString('latin1') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Renders page `page` of a PDF to a PNG file (poppler's `pdftoppm`). */
export async function pdfPageToPng(bytes: Uint8Array, page: number, outFile: string) {
  const dir = await mkdtemp(join(tmpdir(), 'lip-pdf-png-'));
  try {
    const file = join(dir, 'file.pdf');
    await writeFile(file, bytes);
    const prefix = outFile.replace(/\.png$/, '');
    await run('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      file,
      prefix,
    ]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
