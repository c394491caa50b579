import type { Locale } from '@lip/common';
import { op } from '../../db/connection';
import type { AppDeps } from '../../scope';
import { enqueueMail, renderMail } from '../mail';
import type { PersonDoc } from '../person/person.model';
import type { NotificationDoc } from './notification.model';
import { describeNotification, formatDate, KIND_LABELS } from './notification.texts';
import { publicBaseUrl, unsubscribeUrl } from './notification.unsubscribe';

type MailPerson = Pick<PersonDoc, '_id' | 'name' | 'email' | 'locale'>;

function greeting(person: MailPerson, locale: Locale): string {
  return locale === 'de' ? `Guten Tag ${person.name},` : `Hello ${person.name},`;
}

function footer(locale: Locale, what: string): string {
  return locale === 'de'
    ? `Sie erhalten diese E-Mail von der LIP-Werkstatt über ${what}. Ihre Einstellungen: ${'{settings}'}.`
    : `You receive this e-mail from LIP-Werkstatt about ${what}. Your settings: ${'{settings}'}.`;
}

function footerText(deps: AppDeps, locale: Locale, what: string): string {
  return footer(locale, what).replace(
    '{settings}',
    `${publicBaseUrl(deps)}/settings/notifications`,
  );
}

/** Queues the mail for one notification (mode "immediately"); once per notification. */
export async function enqueueNotificationMail(
  deps: AppDeps,
  person: MailPerson,
  notification: NotificationDoc,
): Promise<void> {
  const locale = person.locale;
  const { title, body } = describeNotification(notification, locale);
  const base = publicBaseUrl(deps);
  const unsubscribe = unsubscribeUrl(deps, String(person._id), notification.kind);
  const what = KIND_LABELS[notification.kind][locale];
  const { text, html } = renderMail({
    locale,
    subject: title,
    greeting: greeting(person, locale),
    paragraphs: [`${title}.`, ...(body ? [body] : [])],
    action: {
      label: locale === 'de' ? 'In der LIP-Werkstatt öffnen' : 'Open in LIP-Werkstatt',
      url: `${base}${notification.link}`,
    },
    footer: footerText(deps, locale, what),
    unsubscribe: {
      label: locale === 'de' ? `Keine E-Mails mehr über ${what}` : `Stop e-mails about ${what}`,
      url: unsubscribe,
    },
  });
  await enqueueMail(deps.models, {
    id: `n:${notification._id}`,
    personId: String(person._id),
    to: person.email,
    kind: notification.kind,
    subject: title,
    text,
    html,
    unsubscribeUrl: unsubscribe,
  });
}

/** The calendar day and hour in the city (Europe/Berlin) of an instant. */
export function berlinClock(now: Date): { day: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { day: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
}

/** Hour of the day (Europe/Berlin) from which the daily digest goes out. */
export const DIGEST_HOUR = 7;

/**
 * Sends each person's daily digest of notifications set to "daily digest", once per person and
 * day: the outbox `_id` `digest:<personId>:<day>` is the claim, and only the process whose
 * insert won marks the included notifications (so none is lost to a racing process).
 */
export async function sendDigests(deps: AppDeps, now = new Date()): Promise<number> {
  const clock = berlinClock(now);
  if (clock.hour < DIGEST_HOUR) return 0;
  const pending = await deps.models.Notification.find({
    emailMode: 'digest',
    digestedAt: null,
    createdAt: op({ $lte: now }),
  })
    .sort({ createdAt: 1 })
    .limit(5_000)
    .lean<NotificationDoc[]>();
  const byPerson = new Map<string, NotificationDoc[]>();
  for (const n of pending) {
    const list = byPerson.get(String(n.personId)) ?? [];
    list.push(n);
    byPerson.set(String(n.personId), list);
  }
  if (byPerson.size === 0) return 0;
  const people = await deps.models.Person.find(
    { _id: op({ $in: [...byPerson.keys()] }), status: 'active' },
    { name: 1, email: 1, locale: 1 },
  ).lean<MailPerson[]>();
  let sent = 0;
  for (const person of people) {
    const items = byPerson.get(String(person._id)) ?? [];
    const locale = person.locale;
    const base = publicBaseUrl(deps);
    const subject =
      locale === 'de'
        ? `Ihre Zusammenfassung vom ${formatDate(now.toISOString(), locale)}: ${items.length} Neuigkeiten`
        : `Your digest of ${formatDate(now.toISOString(), locale)}: ${items.length} updates`;
    const unsubscribe = unsubscribeUrl(deps, String(person._id), 'digest');
    const what = KIND_LABELS.digest[locale];
    const { text, html } = renderMail({
      locale,
      subject,
      greeting: greeting(person, locale),
      paragraphs: [
        locale === 'de'
          ? 'das ist seit der letzten Zusammenfassung in der LIP-Werkstatt passiert:'
          : 'this happened in LIP-Werkstatt since the last digest:',
      ],
      items: items.slice(0, 100).map((n) => {
        const d = describeNotification(n, locale);
        return { text: d.body ? `${d.title}: ${d.body}` : d.title, url: `${base}${n.link}` };
      }),
      footer: footerText(deps, locale, what),
      unsubscribe: {
        label: locale === 'de' ? 'Zusammenfassung abbestellen' : 'Unsubscribe from the digest',
        url: unsubscribe,
      },
    });
    const queued = await enqueueMail(deps.models, {
      id: `digest:${String(person._id)}:${clock.day}`,
      personId: String(person._id),
      to: person.email,
      kind: 'digest',
      subject,
      text,
      html,
      unsubscribeUrl: unsubscribe,
    });
    if (!queued) continue;
    await deps.models.Notification.updateMany(
      { _id: op({ $in: items.map((n) => n._id) }) },
      { $set: { digestedAt: now } },
    );
    sent += 1;
  }
  if (sent > 0) deps.mail.kick();
  return sent;
}

/**
 * Mails an invitation with its one-time link (the inviter still gets the copyable link). Sent
 * unless the address turned invitation mail off through a previous invitation's unsubscribe link.
 */
export async function enqueueInvitationMail(
  deps: AppDeps,
  input: {
    invitationId: string;
    person: MailPerson;
    inviterName: string;
    link: string;
    expiresAt: Date;
  },
): Promise<boolean> {
  const { person } = input;
  const settings = await deps.models.NotificationSettings.findOne({
    _id: String(person._id),
  }).lean();
  if (settings?.email?.invitation === 'off') return false;
  const locale = person.locale;
  const de = locale === 'de';
  const url = `${publicBaseUrl(deps)}${input.link}`;
  const subject = de
    ? `${input.inviterName} lädt Sie in die LIP-Werkstatt ein`
    : `${input.inviterName} invites you to LIP-Werkstatt`;
  const unsubscribe = unsubscribeUrl(deps, String(person._id), 'invitation');
  const { text, html } = renderMail({
    locale,
    subject,
    greeting: greeting(person, locale),
    paragraphs: [
      de
        ? `${input.inviterName} hat Sie eingeladen, am Lokalen Integrationsplan der Landeshauptstadt Hannover in der LIP-Werkstatt mitzuarbeiten.`
        : `${input.inviterName} has invited you to work on the Local Integration Plan of the City of Hannover in LIP-Werkstatt.`,
      de
        ? `Der Link gilt bis ${formatDate(input.expiresAt.toISOString(), locale)} und nur einmal. Dort legen Sie Ihr Passwort fest.`
        : `The link is valid until ${formatDate(input.expiresAt.toISOString(), locale)} and only once. There you set your password.`,
    ],
    action: { label: de ? 'Einladung annehmen' : 'Accept the invitation', url },
    footer: de
      ? 'Sie erhalten diese E-Mail, weil Sie jemand in die LIP-Werkstatt eingeladen hat.'
      : 'You receive this e-mail because someone invited you to LIP-Werkstatt.',
    unsubscribe: {
      label: de ? 'Keine Einladungen mehr an diese Adresse' : 'No more invitations to this address',
      url: unsubscribe,
    },
  });
  const queued = await enqueueMail(deps.models, {
    id: `invitation:${input.invitationId}`,
    personId: String(person._id),
    to: person.email,
    kind: 'invitation',
    subject,
    text,
    html,
    unsubscribeUrl: unsubscribe,
  });
  deps.mail.kick();
  return queued;
}
