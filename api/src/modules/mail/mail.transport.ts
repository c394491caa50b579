import { createTransport } from 'nodemailer';
import type { OutboxMessageDoc } from './mail.model';

/** Sends one message; rejects with an error that {@link isPermanentFailure} can classify. */
export interface MailTransport {
  via: 'smtp' | 'outbox';
  send(message: OutboxMessageDoc, from: string): Promise<void>;
  close(): void;
}

/**
 * Builds the transport: SMTP through nodemailer when `smtpUrl` is set, else the development
 * outbox (the message stays in `mail_outbox`, marked delivered, readable at `/dev/outbox`).
 */
export function createMailTransport(smtpUrl: string | undefined): MailTransport {
  if (!smtpUrl) return { via: 'outbox', send: async () => undefined, close: () => undefined };
  const transporter = createTransport(smtpUrl);
  return {
    via: 'smtp',
    async send(message, from) {
      await transporter.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        // A stable id lets a receiving server drop a duplicate after a crash between send and mark.
        messageId: `<${encodeURIComponent(message._id)}@lip-werkstatt>`,
        headers: {
          'Auto-Submitted': 'auto-generated',
          ...(message.unsubscribeUrl
            ? {
                'List-Unsubscribe': `<${message.unsubscribeUrl}>`,
                'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
              }
            : {}),
        },
      });
    },
    close: () => transporter.close(),
  };
}

/**
 * Whether a send error will not go away by retrying: the server refused the message or the
 * recipient (a 5xx reply). Connection errors and 4xx replies are retried.
 */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
