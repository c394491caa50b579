import type { IncomingMessage } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import { DomainError } from '../../errors';
import { describeDomainError } from '../../graphql/errors';
import type { RequestScope } from '../../scope';
import { renderDocx } from '../export';
import {
  RESPONSE_TABLE_FORMATS,
  responseTableFileName,
  toResponseTableCsv,
  toResponseTableExport,
  type ResponseTableFormat,
} from './response-table.export';
import { loadResponseTable } from './response-table.service';

const CONTENT_TYPES: Record<ResponseTableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
};

const STATUS_OF: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

/** Produces the response table of a round in one format, for whoever may read the round. */
export async function exportResponseTable(
  scope: RequestScope,
  roundId: string,
  format: ResponseTableFormat,
): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const table = await loadResponseTable(scope, roundId);
  const locale = scope.locale;
  const fileName = responseTableFileName(table, format, locale);
  if (format === 'csv') {
    return {
      fileName,
      contentType: CONTENT_TYPES.csv,
      body: Buffer.from(toResponseTableCsv(table, locale), 'utf8'),
    };
  }
  const model = toResponseTableExport(table, {
    locale,
    exportedBy: scope.viewer?.person.name ?? '',
  });
  // The shared renderers: DOCX with `docx`, ODT from that DOCX through LibreOffice headless.
  const docx = await renderDocx(model);
  const body = format === 'odt' ? await scope.office.convert(docx, 'odt') : docx;
  return { fileName, contentType: CONTENT_TYPES[format], body };
}

/**
 * `GET /exports/review-rounds/:roundId/response-table.:format` (csv, docx, odt): a download
 * with the session cookie, answered with the policy's decision like every GraphQL read. Built
 * as the shared `ExportDocument` and rendered by `modules/export` on request (a round's table is
 * small next to a paper, so it needs no export job).
 */
export function responseTableDownload(
  buildScope: (req: IncomingMessage) => Promise<RequestScope>,
): RequestHandler {
  return (req: Request, res: Response) => {
    void (async () => {
      const format = String(req.params.format ?? '');
      if (!(RESPONSE_TABLE_FORMATS as readonly string[]).includes(format)) {
        res.status(404).json({ error: { code: 'NOT_FOUND', message: 'unknown format' } });
        return;
      }
      const scope = await buildScope(req);
      try {
        const file = await exportResponseTable(
          scope,
          String(req.params.roundId ?? ''),
          format as ResponseTableFormat,
        );
        res.setHeader('content-type', file.contentType);
        res.setHeader('content-disposition', `attachment; filename="${file.fileName}"`);
        res.setHeader('cache-control', 'private, no-store');
        res.end(file.body);
      } catch (error) {
        if (error instanceof DomainError) {
          const { code, message } = describeDomainError(error.code);
          res
            .status(STATUS_OF[code] ?? 400)
            .json({ error: { code, reason: error.code, message: message[scope.locale] } });
          return;
        }
        throw error;
      }
    })().catch(() => {
      if (!res.headersSent) res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR' } });
    });
  };
}
