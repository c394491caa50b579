import { execFileSync } from 'node:child_process';
import { ensureExportTools } from './export-tools';
import { ensureFerretdb } from './ferretdb-build';

/**
 * One-time set-up after `npm ci`: builds the embedded database engine (unless MONGODB_URI points
 * to a server), installs the export tools from Debian when missing (LibreOffice for ODT and PDF)
 * and builds the web app, so that `npm start` serves everything from one address.
 */
if (!process.env.MONGODB_URI) ensureFerretdb();
ensureExportTools();
execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
console.log('\nSet-up done. Start the workspace with: npm start');
