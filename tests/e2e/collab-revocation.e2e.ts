import { CollabCloseCode, COLLAB_FRAGMENT } from '@lip/common';
import { createCollabServer, type CollabServer } from '@lip/collab-server';
import * as Y from 'yjs';
import { connectClient, waitFor } from '../../collab-server/src/testing/collab-test-kit';
import { getDocumentContent } from '../../api/src/modules/versions';
import { startTestApp, type TestApp } from '../../api/src/testing/test-app';

jest.setTimeout(60_000);

let t: TestApp;
let collab: CollabServer;
let port: number;
let reviewId: string;

const TICKET = 'mutation ($id: ID!) { collabTicket(documentId: $id) { ticket mode } }';
const STATUS =
  'mutation ($input: ChangeDocumentStatusInput!) { changeDocumentStatus(input: $input) { document { status } } }';

beforeAll(async () => {
  t = await startTestApp(__filename);
  const db = t.app.deps.connection.db;
  if (!db) throw new Error('no db');
  collab = createCollabServer({ database: { db }, secret: t.app.deps.secrets.collabSecret });
  const bound = await collab.listen(0);
  port = bound.port;
  t.app.deps.config.collabInternalUrl = `http://127.0.0.1:${bound.internalPort}`;
  const docs = await t.app.deps.models.Document.find({}).lean();
  reviewId = String(docs.find((d) => d.title === 'Bildung: Ausgangslage und Ziele')?._id);
});

afterAll(async () => {
  await collab.close();
  await t.close();
});

function paragraphs(doc: Y.Doc): string {
  return doc.getXmlFragment(COLLAB_FRAGMENT).toString();
}

describe('a status change revokes live editor connections', () => {
  it('closes an editor’s socket within a second of the document being accepted, and the next ticket only comments', async () => {
    const member = await t.signIn('bildung@lip.example');
    const first = await member.gql(TICKET, { id: reviewId });
    expect(first.data?.collabTicket.mode).toBe('EDIT');
    const editor = connectClient({
      port,
      documentId: reviewId,
      ticket: first.data?.collabTicket.ticket,
      // Reconnects of the official client would reuse the revoked ticket; keep them slow.
      maxBackoffTime: 60_000,
    });
    const observer = connectClient({
      port,
      documentId: reviewId,
      ticket: (await (await t.signIn('lenkung@lip.example')).gql(TICKET, { id: reviewId })).data
        ?.collabTicket.ticket,
    });
    try {
      await waitFor(() => editor.provider.synced && observer.provider.synced, 'both synced');

      const steering = await t.signIn('lenkung@lip.example');
      const accepted = await steering.gql(STATUS, {
        input: { documentId: reviewId, status: 'ACCEPTED' },
      });
      expect(accepted.data?.changeDocumentStatus.document.status).toBe('ACCEPTED');
      const acceptedAt = Date.now();
      await waitFor(() => editor.closeCodes.length > 0, 'the editor is closed', 1500);
      expect(Date.now() - acceptedAt).toBeLessThan(1000);
      expect(editor.closeCodes[0]).toBe(CollabCloseCode.AccessRevoked);
      expect(observer.closeCodes[0]).toBe(CollabCloseCode.AccessRevoked);
      editor.provider.destroy();

      // The web app fetches a new ticket after 4410: now it only comments, and its edits are
      // no longer applied.
      const next = await member.gql(TICKET, { id: reviewId });
      expect(next.data?.collabTicket.mode).toBe('COMMENT');
      const commenter = connectClient({
        port,
        documentId: reviewId,
        ticket: next.data?.collabTicket.ticket,
      });
      try {
        await waitFor(() => commenter.provider.synced, 'the new ticket is admitted');
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText('nach der Annahme')]);
        commenter.doc.getXmlFragment(COLLAB_FRAGMENT).push([paragraph]);
        await waitFor(
          async () => /reason="read-only"\} [1-9]/.test(await collab.metrics.metrics()),
          'the server ignored the update',
        );
        const content = await getDocumentContent(t.app.deps, reviewId);
        expect(content.text).not.toContain('nach der Annahme');
        expect(paragraphs(commenter.doc)).toContain('nach der Annahme');
      } finally {
        commenter.provider.destroy();
      }
    } finally {
      editor.provider.destroy();
      observer.provider.destroy();
    }
  });
});
