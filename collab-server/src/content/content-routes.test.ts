import {
  COLLAB_FRAGMENT,
  editorSchema,
  toCollabInternalPath,
  type ResolvedPassage,
} from '@lip/common';
import { collabInternalToken } from '@lip/common/server';
import type { Node as PMNode } from '@tiptap/pm/model';
import { absolutePositionToRelativePosition, initProseMirrorDoc } from '@tiptap/y-tiptap';
import mongoose, { mongo } from 'mongoose';
import * as Y from 'yjs';
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
let internalPort: number;
let port: number;
const schema = editorSchema();

beforeAll(async () => {
  connection = await mongoose.createConnection(uri, { dbName }).asPromise();
  if (!connection.db) throw new Error('no db');
  db = connection.db;
  server = createCollabServer({ database: { db }, secret: TEST_SECRET });
  ({ port, internalPort } = await server.listen(0));
});

afterAll(async () => {
  await server.close();
  await db.dropDatabase();
  await connection.close();
});

function internal(
  route: Parameters<typeof toCollabInternalPath>[0],
  params: Parameters<typeof toCollabInternalPath>[1],
  init: { method?: string; body?: unknown } = {},
): Promise<Response> {
  return fetch(`http://127.0.0.1:${internalPort}${toCollabInternalPath(route, params)}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${collabInternalToken(TEST_SECRET)}`,
      'content-type': 'application/json',
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

async function seededDocument(texts: string[]): Promise<string> {
  const documentId = newDocumentId();
  await db.collection('documents').insertOne({
    _id: new mongo.ObjectId(documentId),
    title: 'Passagen',
    seedContent: { type: 'doc', content: texts.map(paragraph) },
  });
  return documentId;
}

/** Relative positions (base64) around the first occurrence of `text`, as the editor anchors. */
function anchorFor(ydoc: Y.Doc, text: string) {
  const fragment = ydoc.getXmlFragment(COLLAB_FRAGMENT);
  const { doc, mapping } = initProseMirrorDoc(fragment, schema) as {
    doc: PMNode;
    mapping: Parameters<typeof absolutePositionToRelativePosition>[2];
  };
  let from = -1;
  doc.descendants((node, pos) => {
    if (from >= 0 || !node.isText) return from < 0;
    const at = node.text?.indexOf(text) ?? -1;
    if (at >= 0) from = pos + at;
    return false;
  });
  if (from < 0) throw new Error(`no "${text}" in the document`);
  const encode = (pos: number) =>
    Buffer.from(
      Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, fragment, mapping)),
    ).toString('base64');
  return { start: encode(from), end: encode(from + text.length), quote: text };
}

describe('content endpoints', () => {
  it('answers the live content as ProseMirror JSON, text and HTML', async () => {
    const documentId = await seededDocument(['Teilhabe für alle']);
    const response = await internal('content', { documentId });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      json: { type: 'doc', content: [paragraph('Teilhabe für alle')] },
      text: 'Teilhabe für alle',
      html: '<p>Teilhabe für alle</p>',
    });
  });

  it('answers a version’s content and its Yjs state, which opens to the same text', async () => {
    const documentId = await seededDocument(['Stand eins']);
    const created = await internal(
      'versions',
      { documentId },
      { method: 'POST', body: { label: 'v1', personId: 'p1', name: 'P' } },
    );
    const { version } = (await created.json()) as { version: { id: string } };
    const content = await internal('versionContent', { documentId, versionId: version.id });
    expect(await content.json()).toMatchObject({
      version: { id: version.id, label: 'v1' },
      json: { type: 'doc', content: [paragraph('Stand eins')] },
      text: 'Stand eins',
    });
    const state = await internal('versionState', { documentId, versionId: version.id });
    expect(state.headers.get('content-type')).toBe('application/octet-stream');
    const opened = new Y.Doc();
    Y.applyUpdate(opened, new Uint8Array(await state.arrayBuffer()));
    expect(opened.getXmlFragment(COLLAB_FRAGMENT).toString()).toContain('Stand eins');
  });

  it('resolves passages anchored in a version: found, found by quote, deleted', async () => {
    const documentId = await seededDocument([
      'Erster Absatz bleibt.',
      'Zweiter Absatz zieht um.',
      'Dritter Absatz verschwindet.',
    ]);
    const created = await internal(
      'versions',
      { documentId },
      { method: 'POST', body: { label: 'Entwurf', personId: 'p1', name: 'P' } },
    );
    const { version } = (await created.json()) as { version: { id: string } };
    const state = await internal('versionState', { documentId, versionId: version.id });
    const frozen = new Y.Doc();
    Y.applyUpdate(frozen, new Uint8Array(await state.arrayBuffer()));
    const anchors = [
      anchorFor(frozen, 'bleibt'),
      anchorFor(frozen, 'Zweiter Absatz zieht um.'),
      anchorFor(frozen, 'verschwindet'),
      { start: 'AAAA', end: 'AAAA', quote: 'nirgends' },
    ];

    // Live edits after the version: text before the first passage, the second paragraph
    // retyped at the end (new text, same words), the third deleted.
    const editor = connectClient({
      port,
      documentId,
      ticket: issueTicket(TEST_SECRET, { doc: documentId }),
    });
    try {
      await waitFor(() => editor.provider.synced, 'synced');
      const fragment = editor.doc.getXmlFragment(COLLAB_FRAGMENT);
      editor.doc.transact(() => {
        ((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Neu: ');
        fragment.delete(1, 2);
        const moved = new Y.XmlElement('paragraph');
        moved.insert(0, [new Y.XmlText('Zweiter Absatz zieht um.')]);
        fragment.insert(1, [moved]);
      });
      await waitFor(async () => {
        const live = (await (await internal('content', { documentId })).json()) as {
          text: string;
        };
        return live.text === 'Neu: Erster Absatz bleibt.\n\nZweiter Absatz zieht um.';
      }, 'the edits reached the server');

      const response = await internal(
        'passages',
        { documentId },
        { method: 'POST', body: { anchors, versionId: version.id } },
      );
      expect(response.status).toBe(200);
      const { passages } = (await response.json()) as { passages: ResolvedPassage[] };
      expect(passages).toEqual([
        { status: 'found', frozenText: 'bleibt', currentText: 'bleibt' },
        {
          status: 'found-by-quote',
          frozenText: 'Zweiter Absatz zieht um.',
          currentText: 'Zweiter Absatz zieht um.',
        },
        { status: 'deleted', frozenText: 'verschwindet', currentText: null },
        { status: 'deleted', frozenText: 'nirgends', currentText: null },
      ]);
    } finally {
      editor.provider.destroy();
    }
  });

  it('refuses a malformed passages request with 400 and an unknown version with 404', async () => {
    const documentId = await seededDocument(['x']);
    const bad = await internal(
      'passages',
      { documentId },
      { method: 'POST', body: { anchors: [{ start: '%%%', end: 'AA', quote: 'x' }] } },
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    const tooMany = await internal(
      'passages',
      { documentId },
      {
        method: 'POST',
        body: {
          anchors: Array.from({ length: 501 }, () => ({ start: 'AA', end: 'AA', quote: '' })),
        },
      },
    );
    expect(tooMany.status).toBe(400);
    const unknownVersion = await internal(
      'passages',
      { documentId },
      { method: 'POST', body: { anchors: [], versionId: new mongo.ObjectId().toHexString() } },
    );
    expect(unknownVersion.status).toBe(404);
    expect(await unknownVersion.json()).toMatchObject({ error: { code: 'VERSION_NOT_FOUND' } });
    const wrongMethod = await internal('content', { documentId }, { method: 'POST', body: {} });
    expect(wrongMethod.status).toBe(405);
  });
});
