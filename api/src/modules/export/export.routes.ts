import type { IncomingMessage } from 'node:http';
import { Router, type Request, type Response } from 'express';
import { DomainError } from '../../errors';
import type { RequestScope } from '../../scope';
import { openExportDownload } from './export.service';

/** `filename*` per RFC 6266/5987, with an ASCII fallback. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * `GET /exports/:id/download`: streams a finished export from its stored chunks, so any API
 * process can serve it. Signed-in by the session cookie; only the person who asked for it, and
 * only while they may still read every part (the policy is asked again here).
 */
export function createExportRoutes(
  buildScope: (req: IncomingMessage) => Promise<RequestScope>,
): Router {
  const router = Router();
  router.get('/exports/:id/download', async (req: Request, res: Response) => {
    const scope = await buildScope(req);
    if (!scope.viewer) {
      res.status(401).json({ error: { code: 'UNAUTHENTICATED' } });
      return;
    }
    const id = String(req.params.id ?? '');
    if (!/^[0-9a-f]{24}$/.test(id)) {
      res.status(404).json({ error: { code: 'NOT_FOUND' } });
      return;
    }
    let download: Awaited<ReturnType<typeof openExportDownload>>;
    try {
      download = await openExportDownload(scope, id);
    } catch (error) {
      if (error instanceof DomainError) {
        const status = error.code === 'forbidden' ? 403 : 404;
        res.status(status).json({
          error: { code: status === 403 ? 'FORBIDDEN' : 'NOT_FOUND', reason: error.code },
        });
        return;
      }
      throw error;
    }
    const { job } = download;
    res.status(200);
    res.setHeader('content-type', job.contentType ?? 'application/octet-stream');
    res.setHeader('content-length', String(job.bytes ?? 0));
    res.setHeader('content-disposition', contentDisposition(job.fileName ?? 'export'));
    res.setHeader('cache-control', 'private, no-store');
    res.setHeader('x-content-type-options', 'nosniff');
    try {
      for await (const chunk of download.chunks()) {
        if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
      }
      res.end();
    } catch {
      // Headers are out: cut the connection so the client sees an incomplete download.
      res.destroy();
    }
  });
  return router;
}
