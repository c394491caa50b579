import type { Models } from '../../db/models';
import { op } from '../../db/connection';
import type { OutboxMessageDoc } from './mail.model';
import { isPermanentFailure, type MailTransport } from './mail.transport';

/** A message to queue; `id` makes the enqueue idempotent (see {@link OutboxMessageDoc}). */
export interface MailToSend {
  id: string;
  personId: string | null;
  to: string;
  kind: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string | null;
}

/** Retry timing: the delay doubles from `baseMs` up to `maxMs` per failed attempt. */
export interface MailRetryPolicy {
  baseMs: number;
  maxMs: number;
  /** After this long a claim without a result is taken as a crashed sender and retried. */
  leaseMs: number;
}

/** Production timing: 30 s, 1 min, 2 min … capped at 30 min; never given up on a 4xx/outage. */
export const DEFAULT_MAIL_RETRY: MailRetryPolicy = {
  baseMs: 30_000,
  maxMs: 30 * 60_000,
  leaseMs: 5 * 60_000,
};

/** The delay before attempt `attempts + 1`, after `attempts` failed ones. */
export function retryDelayMs(policy: MailRetryPolicy, attempts: number): number {
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
}

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 11000;
}

/** Queues a message; false when a message with the same id was queued before. */
export async function enqueueMail(models: Models, mail: MailToSend): Promise<boolean> {
  try {
    await models.OutboxMessage.create({
      _id: mail.id,
      personId: mail.personId,
      to: mail.to,
      kind: mail.kind,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      unsubscribeUrl: mail.unsubscribeUrl,
    });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/** What one delivery round did. */
export interface DeliveryRound {
  sent: number;
  retried: number;
  failed: number;
}

/** The outbox worker of one API process. */
export interface MailWorker {
  /** Sends every due message this process can claim. */
  deliverDue(now?: Date): Promise<DeliveryRound>;
  /** Asks for a round soon (after an enqueue), without waiting for the next poll. */
  kick(): void;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Builds the outbox worker. Each message attempt is claimed by inserting `<id>#<attempt>` into
 * `mail_claims` (atomic), so several API processes never send the same attempt twice; a failed
 * attempt is rescheduled with backoff and nothing is dropped while the SMTP server is down.
 */
export function createMailWorker(deps: {
  models: Models;
  transport: MailTransport;
  from: string;
  retry?: MailRetryPolicy;
  pollMs?: number;
  log?: (line: string) => void;
}): MailWorker {
  const retry = deps.retry ?? DEFAULT_MAIL_RETRY;
  const pollMs = deps.pollMs ?? 5_000;
  const log = deps.log ?? (() => undefined);
  const { OutboxMessage, MailClaim } = deps.models;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<DeliveryRound> | null = null;
  let again = false;
  let stopped = true;

  const claim = async (message: OutboxMessageDoc, now: Date): Promise<boolean> => {
    const claimId = `${message._id}#${message.attempts}`;
    try {
      await MailClaim.create({ _id: claimId, messageId: message._id, claimedAt: now });
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = await MailClaim.findOne({ _id: claimId }).lean();
      if (existing && now.getTime() - existing.claimedAt.getTime() > retry.leaseMs) {
        // The claimer died mid-send: move on to the next attempt (a $set, so racing processes
        // write the same value; the next claim insert decides who sends).
        await OutboxMessage.updateOne(
          { _id: message._id, status: 'pending', attempts: message.attempts },
          { $set: { attempts: message.attempts + 1, lastError: 'sender stopped mid-send' } },
        );
      }
      return false;
    }
  };

  const deliverOne = async (message: OutboxMessageDoc, now: Date, round: DeliveryRound) => {
    if (!(await claim(message, now))) return;
    try {
      await deps.transport.send(message, deps.from);
      await OutboxMessage.updateOne(
        { _id: message._id },
        {
          $set: {
            status: 'sent',
            sentAt: new Date(),
            deliveredVia: deps.transport.via,
            attempts: message.attempts + 1,
            lastError: null,
          },
        },
      );
      round.sent += 1;
    } catch (error) {
      const attempts = message.attempts + 1;
      const text = error instanceof Error ? error.message : String(error);
      if (isPermanentFailure(error)) {
        await OutboxMessage.updateOne(
          { _id: message._id },
          { $set: { status: 'failed', attempts, lastError: text.slice(0, 500) } },
        );
        round.failed += 1;
        log(`mail ${message._id} refused permanently: ${text}`);
        return;
      }
      await OutboxMessage.updateOne(
        { _id: message._id },
        {
          $set: {
            attempts,
            lastError: text.slice(0, 500),
            nextAttemptAt: new Date(Date.now() + retryDelayMs(retry, attempts)),
          },
        },
      );
      round.retried += 1;
    }
  };

  const runRound = async (now: Date): Promise<DeliveryRound> => {
    const round: DeliveryRound = { sent: 0, retried: 0, failed: 0 };
    const due = await OutboxMessage.find({ status: 'pending', nextAttemptAt: op({ $lte: now }) })
      .sort({ nextAttemptAt: 1 })
      .limit(100)
      .lean<OutboxMessageDoc[]>();
    // One at a time: an SMTP server that is down fails fast, one that is slow is not flooded.
    for (const message of due) await deliverOne(message, now, round);
    return round;
  };

  const deliverDue = async (now = new Date()): Promise<DeliveryRound> => {
    if (running) {
      again = true;
      return running;
    }
    running = runRound(now).finally(() => {
      running = null;
    });
    return running;
  };

  const schedule = (delayMs: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      deliverDue()
        .catch((error: unknown) => log(`mail delivery round failed: ${String(error)}`))
        .finally(() => {
          const next = again ? 0 : pollMs;
          again = false;
          schedule(next);
        });
    }, delayMs);
    timer.unref();
  };

  return {
    deliverDue,
    kick: () => {
      if (!stopped && !running) schedule(0);
      else again = true;
    },
    start() {
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running?.catch(() => undefined);
      deps.transport.close();
    },
  };
}
