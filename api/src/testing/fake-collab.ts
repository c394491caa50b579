import { createServer, type IncomingMessage, type Server } from 'node:http';
import { Types } from 'mongoose';
import { isCollabInternalToken } from '@lip/common/server';

/** What the fake collab server was asked, for assertions. */
export interface FakeCollabCall {
  method: string;
  path: string;
  body: unknown;
}

/** A running fake of the collab server's internal endpoints (see {@link startFakeCollab}). */
export interface FakeCollab {
  url: string;
  calls: FakeCollabCall[];
  /** Makes the passage quoted `quote` read `text` in the live draft (null: deleted). */
  editPassage(documentId: string, quote: string, text: string | null): void;
  /** The live text `/content` answers for a document (unset: 404, as for an unknown one). */
  setLiveText(documentId: string, text: string): void;
  /** Whether `/passages` exists (false: an older collab server, the API falls back). */
  setPassagesAvailable(available: boolean): void;
  /** Whether the server answers at all (false: every request fails with 503). */
  setAvailable(available: boolean): void;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : {};
}

/**
 * A stand-in for the collab server's internal HTTP contract (docs/review-and-measures.md) for API
 * tests, which cannot start the real collab server (apps share code only through packages/):
 * named versions are remembered by id, and passages resolve by quote, with edits set by the test.
 * The cross-process tests in tests/e2e use the real collab server.
 */
export async function startFakeCollab(secret: string): Promise<FakeCollab> {
  const calls: FakeCollabCall[] = [];
  const versions = new Map<string, { documentId: string; label: string; createdAt: string }>();
  const edits = new Map<string, Map<string, string | null>>();
  const liveTexts = new Map<string, string>();
  let passages = true;
  let available = true;

  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = request.url ?? '';
      const body = request.method === 'POST' ? await readBody(request) : undefined;
      calls.push({ method: request.method ?? 'GET', path, body });
      const send = (status: number, payload: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(payload));
      };
      if (!isCollabInternalToken(request.headers.authorization, secret)) {
        send(401, { error: { code: 'UNAUTHENTICATED' } });
        return;
      }
      if (!available) {
        send(503, { error: { code: 'UNAVAILABLE' } });
        return;
      }
      let match = /^\/internal\/documents\/([0-9a-f]{24})\/versions$/.exec(path);
      if (match && request.method === 'POST') {
        const id = new Types.ObjectId().toHexString();
        const label = String((body as { label?: unknown }).label ?? '');
        const createdAt = new Date().toISOString();
        versions.set(id, { documentId: match[1]!, label, createdAt });
        send(201, {
          version: {
            id,
            documentId: match[1],
            label,
            createdBy: { personId: 'x', name: 'x' },
            createdAt,
          },
        });
        return;
      }
      match = /^\/internal\/documents\/([0-9a-f]{24})\/versions\/([0-9a-f]{24})$/.exec(path);
      if (match && request.method === 'GET') {
        const version = versions.get(match[2]!);
        if (!version || version.documentId !== match[1]) {
          send(404, { error: { code: 'VERSION_NOT_FOUND' } });
          return;
        }
        send(200, {
          version: { id: match[2], ...version, createdBy: { personId: 'x', name: 'x' } },
          html: '<p>Eingefrorener Text</p>',
          text: 'Eingefrorener Text',
          state: Buffer.from([0, 0]).toString('base64'),
        });
        return;
      }
      match = /^\/internal\/documents\/([0-9a-f]{24})\/content$/.exec(path);
      const live = match && request.method === 'GET' ? liveTexts.get(match[1]!) : undefined;
      if (live !== undefined) {
        send(200, { json: { type: 'doc', content: [] }, text: live, html: `<p>${live}</p>` });
        return;
      }
      match = /^\/internal\/documents\/([0-9a-f]{24})\/passages$/.exec(path);
      if (match && request.method === 'POST' && passages) {
        const anchors = (body as { anchors?: { quote: string }[] }).anchors ?? [];
        const changed = edits.get(match[1]!) ?? new Map<string, string | null>();
        send(200, {
          passages: anchors.map(({ quote }) => {
            if (!changed.has(quote))
              return { status: 'found', frozenText: quote, currentText: quote };
            const text = changed.get(quote) ?? null;
            return text === null
              ? { status: 'deleted', frozenText: quote, currentText: null }
              : { status: 'found', frozenText: quote, currentText: text };
          }),
        });
        return;
      }
      send(404, { error: { code: 'NOT_FOUND', message: 'no such endpoint' } });
    })().catch(() => {
      response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    editPassage(documentId, quote, text) {
      const map = edits.get(documentId) ?? new Map<string, string | null>();
      map.set(quote, text);
      edits.set(documentId, map);
    },
    setLiveText(documentId, text) {
      liveTexts.set(documentId, text);
    },
    setPassagesAvailable(value) {
      passages = value;
    },
    setAvailable(value) {
      available = value;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
