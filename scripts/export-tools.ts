import { execFileSync } from 'node:child_process';

/**
 * The Debian packages the exports need: LibreOffice Writer without a GUI converts the DOCX to
 * ODT and tagged PDF, the Liberation fonts are metric-compatible with Arial (so LibreOffice
 * breaks lines as Word does), poppler's tools let the tests open the PDFs again.
 */
export const EXPORT_DEBIAN_PACKAGES = [
  'libreoffice-writer-nogui',
  'fonts-liberation2',
  'poppler-utils',
] as const;

function has(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Installs the export tools from Debian when they are missing and we may (root with apt-get);
 * otherwise prints the command to run. DOCX and Markdown exports work without them.
 */
export function ensureExportTools(log: (line: string) => void = console.log): void {
  const present =
    has('soffice', ['--version']) &&
    has('pdfinfo', ['-v']) &&
    has('fc-list', ['Liberation Sans']) &&
    execFileSync('fc-list', ['Liberation Sans'], { encoding: 'utf8' }).trim().length > 0;
  if (present) return;
  const command = `apt-get install -y --no-install-recommends ${EXPORT_DEBIAN_PACKAGES.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !has('apt-get', ['--version'])) {
    log(
      `Exports to ODT and PDF need LibreOffice. Install it with:\n  sudo ${command}\n` +
        '(DOCX and Markdown exports work without it.)',
    );
    return;
  }
  log('--- installing the export tools from Debian (LibreOffice, fonts, poppler)');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync(
    'apt-get',
    ['install', '-y', '-qq', '--no-install-recommends', ...EXPORT_DEBIAN_PACKAGES],
    {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    },
  );
}
