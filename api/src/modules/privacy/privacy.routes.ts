import express, { type Request, type Router } from 'express';
import type { Logger } from '../../logger';
import { DomainError } from '../../errors';
import type { RequestScope } from '../../scope';
import { toExportZip } from './privacy.export';
import { auditExport, collectPersonalData, personForDataRequest } from './privacy.service';

/** Where the web app downloads the export ZIP (`?personId=` for admins). */
export const EXPORT_PATH = '/account/export';

/**
 * `GET /account/export`: the signed-in person's data (or, for admins, someone else's: audited) as
 * a ZIP with `daten.json` and `uebersicht.html`. A plain download with the session cookie; the
 * cookie is SameSite=Lax, and another site can at most make a person download their own data.
 */
export function createPrivacyRouter(deps: {
  buildScope(req: Request): Promise<RequestScope>;
  logger: Logger;
}): Router {
  const router = express.Router();
  router.get(EXPORT_PATH, async (req, res) => {
    res.set('Cache-Control', 'no-store');
    try {
      const scope = await deps.buildScope(req);
      const { person, own } = await personForDataRequest(scope, req.query.personId);
      const data = await collectPersonalData(scope, person);
      await auditExport(scope, person, own);
      const zip = toExportZip(data, scope.locale);
      const day = data.exportedAt.toISOString().slice(0, 10);
      res.set('Content-Type', 'application/zip');
      res.set('Content-Disposition', `attachment; filename="lip-meine-daten-${day}.zip"`);
      res.send(Buffer.from(zip));
    } catch (error) {
      if (error instanceof DomainError) {
        const status =
          error.code === 'unauthenticated'
            ? 401
            : error.code === 'forbidden'
              ? 403
              : error.code === 'not-found'
                ? 404
                : 400;
        res.status(status).json({ error: error.code });
        return;
      }
      deps.logger.error({ err: error }, 'personal data export failed');
      res.status(500).json({ error: 'internal' });
    }
  });
  return router;
}
