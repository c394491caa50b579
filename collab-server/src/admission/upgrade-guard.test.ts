import { connect } from 'node:net';
import { toCollabDocumentName } from '@lip/common';
import mongoose, { type mongo } from 'mongoose';
import { testDatabase } from '../../../jest/database';
import { createCollabServer, type CollabServer } from '../server';
import {
  TEST_SECRET,
  connectClient,
  issueTicket,
  newDocumentId,
  waitFor,
} from '../testing/collab-test-kit';

jest.setTimeout(30_000);

const { uri, dbName } = testDatabase(__filename);
let connection: mongoose.Connection;
let db: mongo.Db;
let server: CollabServer;
let port: number;

beforeAll(async () => {
  connection = await mongoose.createConnection(uri, { dbName }).asPromise();
  if (!connection.db) throw new Error('no db');
  db = connection.db;
  server = createCollabServer({ database: { db }, secret: TEST_SECRET });
  ({ port } = await server.listen(0));
});

afterAll(async () => {
  await server.close();
  await db.dropDatabase();
  await connection.close();
});

/**
 * Sends a raw upgrade request (no client library normalising the path or headers) and resolves
 * with everything the server answered until it closed the socket.
 */
function rawUpgrade(target: string, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setTimeout(5000, () => {
      socket.destroy();
      resolve(answer);
    });
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    const lines = [
      `GET ${target} HTTP/1.1`,
      'Host: 127.0.0.1',
      'Upgrade: websocket',
      'Connection: Upgrade',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
      'Sec-WebSocket-Version: 13',
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ];
    socket.end(`${lines.join('\r\n')}\r\n\r\n`);
  });
}

describe('websocket upgrades with hostile paths, query strings and headers', () => {
  const documentId = newDocumentId();
  const ticket = () => issueTicket(TEST_SECRET, { doc: documentId });

  it.each([
    ['a malformed percent-escape in the room', () => `/doc.%ZZ?ticket=${ticket()}`],
    ['a lone percent sign', () => `/%?ticket=${ticket()}`],
    ['a truncated UTF-8 escape', () => `/doc.%E0%A4%A?ticket=${ticket()}`],
    ['a malformed escape in the ticket', () => `/${toCollabDocumentName(documentId)}?ticket=%ZZ`],
    ['a malformed escape in a query key', () => `/${toCollabDocumentName(documentId)}?%ZZ=1`],
    ['an absolute-form target', () => `http://[::1/doc.x?ticket=${ticket()}`],
    ['a protocol-relative target', () => `//evil/%ZZ`],
    ['an asterisk target', () => '*'],
  ])('answers %s without ending the process', async (_name, target) => {
    const answer = await rawUpgrade(target());
    // Either refused over HTTP or accepted and closed with a collab close code; never a hang-up
    // of the whole server.
    expect(answer).toMatch(/^HTTP\/1\.1 (101|400|404)/);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
  });

  it('answers hostile headers without ending the process', async () => {
    const answer = await rawUpgrade(`/${toCollabDocumentName(documentId)}?ticket=${ticket()}`, {
      'Sec-WebSocket-Protocol': '%ZZ, ,,',
      'Sec-WebSocket-Extensions': 'permessage-deflate; client_max_window_bits=%ZZ',
      Origin: '%ZZ',
    });
    expect(answer).toMatch(/^HTTP\/1\.1 (101|400)/);
  });

  it('keeps serving the official client after the hostile upgrades', async () => {
    await rawUpgrade(`/doc.%ZZ?ticket=${ticket()}`);
    const client = connectClient({ port, documentId, ticket: ticket() });
    try {
      await waitFor(() => client.provider.synced, 'a client syncs after the hostile upgrades');
      client.doc.getText('t').insert(0, 'still here');
      await server.flush();
      expect(client.closeCodes).toEqual([]);
    } finally {
      client.provider.destroy();
    }
  });
});
