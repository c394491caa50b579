import type { IncomingMessage, ServerResponse } from 'node:http';
import { isCollabInternalToken } from '@lip/common/server';
import type { Schema } from '@tiptap/pm/model';
import type { mongo } from 'mongoose';
import { z } from 'zod';
import type { CollabDocument } from '../documents/collab-document';
import type { CollabClock, CollabLogger } from '../logger';
import { VersionError, type VersionErrorCode } from './versions.errors';
import { createVersionsService, type VersionsService } from './versions.service';

const DOCUMENT_ID = '([0-9a-f]{24})';
const VERSION_ID = '([0-9a-f]{24})';
const listPath = new RegExp(`^/internal/documents/${DOCUMENT_ID}/versions$`);
const versionPath = new RegExp(`^/internal/documents/${DOCUMENT_ID}/versions/${VERSION_ID}$`);
const restorePath = new RegExp(
  `^/internal/documents/${DOCUMENT_ID}/versions/${VERSION_ID}/restore$`,
);

const createBody = z.object({
  label: z.string(),
  personId: z.string().min(1),
  name: z.string().max(200).default(''),
});

const MAX_BODY_BYTES = 64 * 1024;

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.byteLength;
    if (size > MAX_BODY_BYTES) throw new VersionError('INVALID_INPUT', 'body too large');
    chunks.push(buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new VersionError('INVALID_INPUT', 'body is not JSON');
  }
}

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

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/**
 * The internal HTTP endpoints of versions, called by the API (which authorizes the person with
 * its policy first). Authenticated with a bearer token derived from the shared secret:
 * - `GET  /internal/documents/:id/versions` list
 * - `POST /internal/documents/:id/versions` create `{ label, personId, name }`
 * - `GET  /internal/documents/:id/versions/:versionId` view (text, HTML, state)
 * - `POST /internal/documents/:id/versions/:versionId/restore` restore as a new change
 */
export function createVersionRoutes(deps: {
  secret: string;
  database: () => Promise<mongo.Db>;
  openDocument: (documentId: string) => Promise<CollabDocument>;
  schema: Schema;
  clock: CollabClock;
  logger: CollabLogger;
}) {
  let service: Promise<VersionsService> | undefined;
  function versions(): Promise<VersionsService> {
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
    // A failed preparation (database unavailable) is tried again on the next request.
    pending.catch(() => {
      if (service === pending) service = undefined;
    });
    return pending;
  }

  async function route(request: IncomingMessage, response: ServerResponse, path: string) {
    const method = request.method ?? 'GET';
    let match = listPath.exec(path);
    if (match?.[1]) {
      if (method === 'GET') {
        send(response, 200, { versions: await (await versions()).list(match[1]) });
        return;
      }
      if (method === 'POST') {
        const parsed = createBody.safeParse(await readJson(request));
        if (!parsed.success) throw new VersionError('INVALID_INPUT', parsed.error.message);
        send(response, 201, { version: await (await versions()).create(match[1], parsed.data) });
        return;
      }
    }
    match = versionPath.exec(path);
    if (match?.[1] && match[2] && method === 'GET') {
      send(response, 200, await (await versions()).view(match[1], match[2]));
      return;
    }
    match = restorePath.exec(path);
    if (match?.[1] && match[2] && method === 'POST') {
      send(response, 200, { version: await (await versions()).restore(match[1], match[2]) });
      return;
    }
    send(response, 404, { error: { code: 'NOT_FOUND', message: 'no such endpoint' } });
  }

  return {
    async handle(request: IncomingMessage, response: ServerResponse, path: string) {
      if (!isCollabInternalToken(request.headers.authorization, deps.secret)) {
        send(response, 401, { error: { code: 'UNAUTHENTICATED', message: 'bad internal token' } });
        return;
      }
      try {
        await route(request, response, path);
      } catch (error) {
        if (error instanceof VersionError) {
          if (error.code === 'VERSION_DAMAGED') {
            deps.logger.error('version is damaged', { path, error: error.message });
          }
          send(response, toHttpStatus(error.code), {
            error: { code: error.code, message: error.message },
          });
          return;
        }
        deps.logger.error('internal request failed', { path, error: String(error) });
        throw error;
      }
    },
  };
}
