import { CollabCloseCode, COLLAB_FRAGMENT } from '@lip/common';
import { createCollabServer, type CollabServer } from '@lip/collab-server';
import * as Y from 'yjs';
import { connectClient, waitFor } from '../../collab-server/src/testing/collab-test-kit';
import { getDocumentContent } from '../../api/src/modules/versions';
import { Q, inDays, must } from '../../api/src/testing/review-fixtures';
import { startTestApp, type TestApp } from '../../api/src/testing/test-app';

jest.setTimeout(60_000);

let t: TestApp;
let collab: CollabServer;
let port: number;
let reviewId: string;
let roundId: string;

const TICKET = 'mutation ($id: ID!) { collabTicket(documentId: $id) { ticket mode } }';

beforeAll(async () => {
  t = await startTestApp(__filename);
  const db = t.app.deps.connection.db;
  if (!db) throw new Error('no db');
  collab = createCollabServer({ database: { db }, secret: t.app.deps.secrets.collabSecret });
  const bound = await collab.listen(0);
  port = bound.port;
  t.app.deps.config.collabInternalUrl = `http://127.0.0.1:${bound.internalPort}`;
  const docs = await t.app.deps.models.Document.find({}).lean();
  reviewId = String(docs.find((d) => d.title === 'Bildung: Maßnahmen (Entwurf)')?._id);
  // A review round on the draft, opened (its version frozen by the real collab server), closed
  // without statements and evaluated: it awaits the steering group's decision.
  const process = await t.app.deps.models.Process.findOne({}).lean();
  const nord = process?.bodies.find((b) => b.name === 'Integrationsbeirat Nord');
  const coordinator = await t.signIn('koordination@lip.example');
  const created = await must<{ createReviewRound: { round: { id: string } } }>(
    coordinator,
    Q.create,
    {
      input: {
        title: 'Bildung: Maßnahmen',
        documentIds: [reviewId],
        bodyIds: [String(nord?._id)],
        deadline: inDays(10),
      },
    },
  );
  roundId = created.createReviewRound.round.id;
  await must(coordinator, Q.open, { id: roundId });
  await must(coordinator, Q.close, { id: roundId });
  await must(coordinator, Q.evaluate, { id: roundId });
});

afterAll(async () => {
  await collab.close();
  await t.close();
});

function paragraphs(doc: Y.Doc): string {
  return doc.getXmlFragment(COLLAB_FRAGMENT).toString();
}

describe('a status change revokes live editor connections', () => {
  it('closes an editor’s socket within a second of the steering group accepting the document, and the next ticket only comments', async () => {
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
      await must(steering, Q.record, {
        input: {
          roundId,
          itemIndex: 0,
          decision: { outcome: 'ACCEPTED', meetingDate: inDays(-1), confirm: true },
        },
      });
      const acceptedAt = Date.now();
      await waitFor(() => editor.closeCodes.length > 0, 'the editor is closed', 1500);
      expect(Date.now() - acceptedAt).toBeLessThan(1000);
      const document = await t.app.deps.models.Document.findOne({ _id: reviewId }).lean();
      expect(document?.status).toBe('accepted');
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
