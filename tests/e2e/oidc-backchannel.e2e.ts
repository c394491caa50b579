import { CollabCloseCode } from '@lip/common';
import { createCollabServer, type CollabServer } from '@lip/collab-server';
import { connectClient, waitFor } from '../../collab-server/src/testing/collab-test-kit';
import {
  createBrowser,
  startTestProvider,
  type TestProvider,
} from '../../api/src/testing/oidc-provider';
import { startTestApp, type TestApp } from '../../api/src/testing/test-app';

jest.setTimeout(60_000);

let provider: TestProvider;
let t: TestApp;
let collab: CollabServer;
let port: number;

beforeAll(async () => {
  provider = await startTestProvider();
  t = await startTestApp(__filename, {
    env: {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
    },
  });
  provider.register(t.url);
  provider.accounts.set('ayse', { email: 'bildung@lip.example', email_verified: true });
  const db = t.app.deps.connection.db;
  if (!db) throw new Error('no db');
  collab = createCollabServer({ database: { db }, secret: t.app.deps.secrets.collabSecret });
  const bound = await collab.listen(0);
  port = bound.port;
  t.app.deps.config.collabInternalUrl = `http://127.0.0.1:${bound.internalPort}`;
});

afterAll(async () => {
  await collab?.close();
  await t?.close();
  await provider?.close();
});

const TICKET = 'mutation ($id: ID!) { collabTicket(documentId: $id) { ticket mode } }';

describe('a back-channel logout from the identity provider', () => {
  it('closes the person’s live editor connection within a second, and only that session’s', async () => {
    const signIn = async () => {
      const browser = createBrowser();
      const start = await browser.request(`${t.url}/auth/oidc/login`);
      const callback = await browser.walkToApp(start.headers.get('location')!, 'ayse', t.url);
      await browser.request(callback.toString());
      const client = t.anonymous();
      client.cookie = `lip_session=${browser.jar.get('lip_session')}`;
      return client;
    };
    const cityClient = await signIn();
    const passwordClient = await t.signIn('bildung@lip.example');
    const document = await t.app.deps.models.Document.findOne({
      title: 'Bildung: Ausgangslage und Ziele',
    }).lean();
    const documentId = String(document?._id);
    const ticketOf = async (client: typeof cityClient) =>
      (await client.gql(TICKET, { id: documentId })).data?.collabTicket.ticket as string;
    const city = connectClient({
      port,
      documentId,
      ticket: await ticketOf(cityClient),
      maxBackoffTime: 60_000,
    });
    const password = connectClient({ port, documentId, ticket: await ticketOf(passwordClient) });
    try {
      await waitFor(() => city.provider.synced && password.provider.synced, 'both synced');
      const session = await t.app.deps.models.Session.findOne({
        'oidc.subject': 'ayse',
        revokedAt: null,
      }).lean();
      const res = await fetch(`${t.url}/auth/oidc/backchannel-logout`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          logout_token: await provider.logoutToken({ sid: session?.oidc?.sid, sub: 'ayse' }),
        }).toString(),
      });
      expect(res.status).toBe(200);
      const loggedOutAt = Date.now();
      await waitFor(() => city.closeCodes.length > 0, 'the city session’s editor is closed', 1500);
      expect(Date.now() - loggedOutAt).toBeLessThan(1000);
      expect(city.closeCodes[0]).toBe(CollabCloseCode.AccessRevoked);
      // Her password session on another device is not the provider's to end.
      expect(password.closeCodes).toEqual([]);
      expect((await passwordClient.gql('{ viewer { id } }')).data?.viewer).not.toBeNull();
      expect((await cityClient.gql('{ viewer { id } }')).data?.viewer).toBeNull();
    } finally {
      city.provider.destroy();
      password.provider.destroy();
    }
  });
});
