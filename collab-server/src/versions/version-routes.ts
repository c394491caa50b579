import type { Schema } from '@tiptap/pm/model';
import type { mongo } from 'mongoose';
import { z } from 'zod';
import type { CollabDocument } from '../documents/collab-document';
import { HttpError, readJsonBody, sendJson } from '../http/http-io';
import type { InternalRoutes } from '../http/internal-routes';
import type { CollabClock, CollabLogger } from '../logger';
import { VersionError, type VersionErrorCode } from './versions.errors';
import { createVersionsService, type VersionsService } from './versions.service';

const createBody = z.object({
  label: z.string(),
  personId: z.string().min(1),
  name: z.string().max(200).default(''),
});

/** The HTTP status of each versions error code, decided once. */
function toHttpStatus(code: VersionErrorCode): number {
  switch (code) {
    case 'VERSION_NOT_FOUND':
      return 404;
    case 'INVALID_INPUT':
      return 400;
    case 'VERSION_DAMAGED':
      return 500;
    default: {
      const unreachable: never = code;
      throw new Error(`unhandled version error ${String(unreachable)}`);
    }
  }
}

/**
 * The versions service of a server, made on first use (it needs the database and prepares its
 * indexes); a failed preparation (database unavailable) is tried again on the next call.
 */
export function createLazyVersionsService(deps: {
  database: () => Promise<mongo.Db>;
  openDocument: (documentId: string) => Promise<CollabDocument>;
  schema: Schema;
  clock: CollabClock;
}): () => Promise<VersionsService> {
  let service: Promise<VersionsService> | undefined;
  return () => {
    if (service) return service;
    const pending = (async () => {
      const created = createVersionsService({
        db: await deps.database(),
        schema: deps.schema,
        clock: deps.clock,
        openDocument: deps.openDocument,
      });
      await created.prepare();
      return created;
    })();
    service = pending;
    pending.catch(() => {
      if (service === pending) service = undefined;
    });
    return pending;
  };
}

/**
 * Runs a versions operation, turning its domain errors into HTTP refusals (a damaged version is
 * logged: it means stored data is broken).
 */
export async function asHttp<T>(logger: CollabLogger, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof VersionError)) throw error;
    if (error.code === 'VERSION_DAMAGED') {
      logger.error('version is damaged', { error: error.message });
    }
    throw new HttpError(toHttpStatus(error.code), error.code, error.message);
  }
}

/**
 * The internal endpoints of versions (paths in `COLLAB_INTERNAL_ROUTES`), called by the API
 * after its policy check: list, create `{label, personId, name}`, view (text, HTML, state in
 * base64), content (ProseMirror JSON, text, HTML), state (binary), restore as a new change.
 */
export function createVersionRoutes(deps: {
  versions: () => Promise<VersionsService>;
  logger: CollabLogger;
}): InternalRoutes {
  const run = <T>(use: (service: VersionsService) => Promise<T>) =>
    asHttp(deps.logger, async () => use(await deps.versions()));
  return {
    versions: {
      async GET({ response, params }) {
        sendJson(response, 200, { versions: await run((s) => s.list(params.documentId)) });
      },
      async POST({ request, response, params }) {
        const parsed = createBody.safeParse(await readJsonBody(request));
        if (!parsed.success) throw new HttpError(400, 'INVALID_INPUT', parsed.error.message);
        const version = await run((s) => s.create(params.documentId, parsed.data));
        sendJson(response, 201, { version });
      },
    },
    version: {
      async GET({ response, params }) {
        const versionId = params.versionId ?? '';
        sendJson(response, 200, await run((s) => s.view(params.documentId, versionId)));
      },
    },
    versionContent: {
      async GET({ response, params }) {
        const versionId = params.versionId ?? '';
        sendJson(response, 200, await run((s) => s.content(params.documentId, versionId)));
      },
    },
    versionState: {
      async GET({ response, params }) {
        const versionId = params.versionId ?? '';
        const state = await run((s) => s.state(params.documentId, versionId));
        response.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': String(state.byteLength),
        });
        response.end(Buffer.from(state.buffer, state.byteOffset, state.byteLength));
      },
    },
    restoreVersion: {
      async POST({ response, params }) {
        const versionId = params.versionId ?? '';
        const version = await run((s) => s.restore(params.documentId, versionId));
        sendJson(response, 200, { version });
      },
    },
  };
}
