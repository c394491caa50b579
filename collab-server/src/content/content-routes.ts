import { PASSAGE_LIMITS } from '@lip/common';
import { z } from 'zod';
import { HttpError, readJsonBody, sendJson } from '../http/http-io';
import type { InternalRoutes } from '../http/internal-routes';
import type { CollabLogger } from '../logger';
import { asHttp } from '../versions/version-routes';
import type { ContentService } from './content.service';

/** A relative position as base64 (`Y.encodeRelativePosition`); a few dozen bytes in practice. */
const position = z
  .string()
  .min(1)
  .max(1024)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64');

const passagesBody = z.object({
  anchors: z
    .array(
      z.object({
        start: position,
        end: position,
        quote: z.string().max(PASSAGE_LIMITS.maxQuoteLength),
      }),
    )
    .max(PASSAGE_LIMITS.maxAnchors),
  versionId: z
    .string()
    .regex(/^[0-9a-f]{24}$/)
    .optional(),
});

/**
 * The internal content endpoints (paths in `COLLAB_INTERNAL_ROUTES`): the live content, and
 * passage resolution `{anchors: [{start, end, quote}], versionId?}`.
 */
export function createContentRoutes(deps: {
  content: ContentService;
  logger: CollabLogger;
}): InternalRoutes {
  return {
    content: {
      async GET({ response, params }) {
        sendJson(response, 200, await deps.content.documentContent(params.documentId));
      },
    },
    passages: {
      async POST({ request, response, params }) {
        const parsed = passagesBody.safeParse(await readJsonBody(request));
        if (!parsed.success) throw new HttpError(400, 'INVALID_INPUT', parsed.error.message);
        const passages = await asHttp(deps.logger, () =>
          deps.content.passages(params.documentId, parsed.data),
        );
        sendJson(response, 200, { passages });
      },
    },
  };
}
