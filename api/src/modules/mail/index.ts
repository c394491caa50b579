/** Outgoing mail: the outbox queue, its worker and the mail layout. */
export { enqueueMail, createMailWorker, type MailToSend, type MailWorker } from './mail.outbox';
export type { MailRetryPolicy } from './mail.outbox';
export { createMailTransport, type MailTransport } from './mail.transport';
export { renderMail, escapeHtml, type MailContent } from './mail.layout';
export type { OutboxMessageDoc } from './mail.model';
