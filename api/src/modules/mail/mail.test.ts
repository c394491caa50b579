import { createServer } from 'node:net';
import { errorCode, startTestApp } from '../../testing/test-app';
import { startSmtpSink, type SmtpSink } from '../../testing/smtp-sink';
import { renderMail } from './mail.layout';
import { op } from '../../db/connection';
import { enqueueMail } from './mail.outbox';

/** A port nothing listens on (bound once, then released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const mail = (n: number) => ({
  id: `test:${n}`,
  personId: null,
  to: `empfang${n}@lip.example`,
  kind: 'mention',
  subject: `Nachricht ${n} – Grüße`,
  text: `Text ${n}`,
  html: `<p>Text ${n}</p>`,
  unsubscribeUrl: null,
});

describe('mail outbox', () => {
  it('keeps mail while the SMTP server is down and delivers each message exactly once when it is back, with two API processes sending', async () => {
    const port = await freePort();
    const options = {
      env: { SMTP_URL: `smtp://127.0.0.1:${port}` },
      app: { mailRetry: { baseMs: 100, maxMs: 400, leaseMs: 60_000 }, mailPollMs: 100 },
    };
    const first = await startTestApp(__filename, { ...options, seed: false });
    const second = await startTestApp(__filename, { ...options, sameDatabaseAs: first });
    let smtp: SmtpSink | null = null;
    try {
      for (let n = 0; n < 6; n++) await enqueueMail(first.app.deps.models, mail(n));
      // A repeated enqueue of the same message is a harmless duplicate.
      expect(await enqueueMail(first.app.deps.models, mail(0))).toBe(false);
      first.app.deps.mail.kick();
      const { OutboxMessage } = first.app.deps.models;
      // Every message failed at least twice: the server is really down and retries go on.
      await waitFor(
        async () => (await OutboxMessage.countDocuments({ attempts: op({ $lt: 2 }) })) === 0,
      );
      expect(await OutboxMessage.countDocuments({ status: 'pending' })).toBe(6);
      const failed = await OutboxMessage.findOne({ _id: 'test:0' }).lean();
      expect(failed?.lastError).toMatch(/ECONNREFUSED|connect/i);

      smtp = await startSmtpSink(port);
      await smtp.waitFor(6);
      await waitFor(async () => (await OutboxMessage.countDocuments({ status: 'sent' })) === 6);
      // Both workers keep polling; a further round must not send anything again.
      await first.app.deps.mail.deliverDue();
      await second.app.deps.mail.deliverDue();
      const ids = smtp.messages.map((m) => m.headers.get('message-id'));
      expect(new Set(ids).size).toBe(6);
      expect(smtp.messages).toHaveLength(6);
      expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual(
        [0, 1, 2, 3, 4, 5].map((n) => `empfang${n}@lip.example`),
      );
      expect(smtp.messages.find((m) => m.to[0] === 'empfang3@lip.example')?.subject).toBe(
        'Nachricht 3 – Grüße',
      );
    } finally {
      await second.close();
      await first.close();
      await smtp?.close();
    }
  });

  it('without SMTP_URL keeps mail in the development outbox, readable by admins only', async () => {
    const t = await startTestApp(__filename);
    try {
      await enqueueMail(t.app.deps.models, mail(42));
      t.app.deps.mail.kick();
      const { OutboxMessage } = t.app.deps.models;
      await waitFor(
        async () => (await OutboxMessage.findOne({ _id: 'test:42' }).lean())?.status === 'sent',
      );
      expect((await OutboxMessage.findOne({ _id: 'test:42' }).lean())?.deliveredVia).toBe('outbox');
      const admin = await t.signIn('admin@lip.example');
      const read = await admin.gql('query { devOutbox(first: 5) { id to subject text status } }');
      expect(read.errors).toBeUndefined();
      expect(read.data?.devOutbox[0]).toEqual({
        id: 'test:42',
        to: 'empfang42@lip.example',
        subject: 'Nachricht 42 – Grüße',
        text: 'Text 42',
        status: 'SENT',
      });
      const member = await t.signIn('bildung@lip.example');
      expect(errorCode(await member.gql('query { devOutbox { id } }'))).toBe('FORBIDDEN');
      const big = await admin.gql('query { devOutbox(first: 5000) { id } }');
      expect(errorCode(big)).toBe('BAD_USER_INPUT');
    } finally {
      await t.close();
    }
  });
});

describe('mail layout', () => {
  it('escapes every text in the HTML part and keeps the plain-text part literal', () => {
    const { text, html } = renderMail({
      locale: 'de',
      subject: 'Betreff <b>',
      greeting: 'Guten Tag <script>alert(1)</script>,',
      paragraphs: ['A & B "zitiert"'],
      action: { label: 'Öffnen', url: 'https://lip.example.org/x?a=1&b="2"' },
      footer: 'Fuß',
      unsubscribe: { label: 'Abbestellen', url: 'https://lip.example.org/u' },
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('Guten Tag &lt;script&gt;alert(1)&lt;/script&gt;,');
    expect(html).toContain('href="https://lip.example.org/x?a=1&amp;b=&quot;2&quot;"');
    expect(text).toContain('Guten Tag <script>alert(1)</script>,');
    expect(text).toContain('Abbestellen: https://lip.example.org/u');
  });
});
