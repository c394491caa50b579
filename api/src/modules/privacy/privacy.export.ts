import { strToU8, zipSync } from 'fflate';
import type { Locale } from '@lip/common';
import { escapeHtml } from '../mail';
import type { PersonalData } from './privacy.service';

/** File names inside the export. */
export const EXPORT_FILES = { json: 'daten.json', html: 'uebersicht.html' } as const;

/**
 * The export as plain JSON: every field of {@link PersonalData}, ids as strings, dates as ISO
 * strings, nothing secret (no password hash, no second-factor secret, no session token; a
 * session's id is the hash the database keys it by).
 */
export function toExportJson(data: PersonalData): string {
  return JSON.stringify(
    {
      format: 'lip-werkstatt-personal-data/1',
      exportedAt: data.exportedAt,
      profile: {
        id: String(data.person._id),
        name: data.person.name,
        email: data.person.email,
        locale: data.person.locale,
        organisation: data.organisationName,
        systemRole: data.person.systemRole,
        coordinatorScope: data.person.coordinatorScope,
        status: data.person.status,
        createdAt: data.person.createdAt,
      },
      signIn: {
        ...data.signIn,
        cityAccountLinkedAt: data.person.oidc?.linkedAt ?? null,
      },
      memberships: { groups: data.groups, bodies: data.bodies },
      sessions: data.sessions.map((s) => ({
        createdAt: s.createdAt,
        expiresAt: s.expiresAt,
        method: s.method ?? 'password',
        userAgent: s.userAgent ?? null,
      })),
      comments: data.comments,
      tasks: data.tasks.map(({ task, relation }) => ({
        id: String(task._id),
        title: task.title,
        description: task.description,
        status: task.status,
        priority: task.priority,
        deadline: task.deadline,
        actionFieldKey: task.actionFieldKey,
        relation,
        createdAt: task.createdAt,
      })),
      activity: data.activity.map((a) => ({
        verb: a.verb,
        subject: a.subjectTitle,
        actionFieldKey: a.actionFieldKey,
        createdAt: a.createdAt,
      })),
      notifications: data.notifications.map((n) => ({
        kind: n.kind,
        subject: n.subjectTitle,
        excerpt: n.excerpt,
        from: n.actorName,
        createdAt: n.createdAt,
        readAt: n.readAt,
      })),
      notificationSettings: data.notificationSettings,
      invitations: data.invitations.map((i) => ({
        systemRole: i.systemRole,
        createdAt: i.createdAt,
        expiresAt: i.expiresAt,
        acceptedAt: i.acceptedAt,
      })),
      auditTrail: data.auditEntries.map((e) => ({
        action: e.action,
        by: e.actorName,
        detail: e.detail,
        createdAt: e.createdAt,
      })),
    },
    null,
    2,
  );
}

const TEXTS = {
  de: {
    title: 'Meine Daten in der LIP-Werkstatt',
    intro:
      'Diese Übersicht enthält alles, was die LIP-Werkstatt über Sie gespeichert hat. Die vollständigen Daten stehen maschinenlesbar in der Datei daten.json.',
    exportedAt: 'Exportiert am',
    profile: 'Profil',
    name: 'Name',
    email: 'E-Mail-Adresse',
    organisation: 'Organisation',
    role: 'Rolle',
    since: 'Konto seit',
    signIn: 'Anmeldung',
    password: 'Passwort',
    cityAccount: 'Konto der Stadt',
    secondFactor: 'Zweiter Faktor',
    yes: 'ja',
    no: 'nein',
    memberships: 'Mitgliedschaften',
    sessions: 'Angemeldete Geräte',
    comments: 'Kommentare',
    tasks: 'Aufgaben',
    activity: 'Aktivitäten',
    notifications: 'Benachrichtigungen',
    audit: 'Protokoll der Administration zu Ihrem Konto',
    none: 'Keine.',
    count: 'Anzahl',
  },
  en: {
    title: 'My data in LIP-Werkstatt',
    intro:
      'This summary holds everything LIP-Werkstatt stores about you. The complete data, machine-readable, is in the file daten.json.',
    exportedAt: 'Exported on',
    profile: 'Profile',
    name: 'Name',
    email: 'Email address',
    organisation: 'Organisation',
    role: 'Role',
    since: 'Account since',
    signIn: 'Sign-in',
    password: 'Password',
    cityAccount: 'City account',
    secondFactor: 'Second factor',
    yes: 'yes',
    no: 'no',
    memberships: 'Memberships',
    sessions: 'Signed-in devices',
    comments: 'Comments',
    tasks: 'Tasks',
    activity: 'Activity',
    notifications: 'Notifications',
    audit: 'Administration log about your account',
    none: 'None.',
    count: 'Count',
  },
} as const;

/** A readable, self-contained HTML summary of the export (no scripts, no external resources). */
export function toExportHtml(data: PersonalData, locale: Locale): string {
  const t = TEXTS[locale];
  const e = escapeHtml;
  const date = (d: Date | null | undefined) =>
    d
      ? new Date(d).toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB', {
          timeZone: 'Europe/Berlin',
        })
      : '–';
  const list = (items: string[]) =>
    items.length === 0
      ? `<p>${t.none}</p>`
      : `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
  const yesNo = (value: boolean) => (value ? t.yes : t.no);
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(t.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}dt{font-weight:600}dd{margin:0 0 .5rem}h2{margin-top:2rem;border-bottom:1px solid #ccc}</style>
</head><body><main>
<h1>${e(t.title)}</h1>
<p>${e(t.intro)}</p>
<p>${e(t.exportedAt)}: ${e(date(data.exportedAt))}</p>
<h2>${e(t.profile)}</h2>
<dl>
<dt>${e(t.name)}</dt><dd>${e(data.person.name)}</dd>
<dt>${e(t.email)}</dt><dd>${e(data.person.email)}</dd>
<dt>${e(t.organisation)}</dt><dd>${e(data.organisationName ?? '–')}</dd>
<dt>${e(t.role)}</dt><dd>${e(data.person.systemRole)}</dd>
<dt>${e(t.since)}</dt><dd>${e(date(data.person.createdAt))}</dd>
</dl>
<h2>${e(t.signIn)}</h2>
<dl>
<dt>${e(t.password)}</dt><dd>${yesNo(data.signIn.password)}</dd>
<dt>${e(t.cityAccount)}</dt><dd>${yesNo(data.signIn.cityAccount)}</dd>
<dt>${e(t.secondFactor)}</dt><dd>${yesNo(data.signIn.secondFactor)}</dd>
</dl>
<h2>${e(t.memberships)}</h2>
${list([
  ...data.groups.map((g) => `${e(g.group)} (${e(g.role)}, ${e(g.sector)})`),
  ...data.bodies.map((b) => e(b.body)),
])}
<h2>${e(t.sessions)}</h2>
${list(data.sessions.map((s) => `${e(date(s.createdAt))}: ${e(s.userAgent ?? '–')}`))}
<h2>${e(t.comments)} (${data.comments.length})</h2>
${list(data.comments.map((c) => `<strong>${e(c.documentTitle)}</strong>, ${e(date(c.createdAt))}: ${e(c.body)}`))}
<h2>${e(t.tasks)} (${data.tasks.length})</h2>
${list(data.tasks.map(({ task }) => `${e(task.title)} (${e(task.status)})`))}
<h2>${e(t.activity)} (${data.activity.length})</h2>
${list(data.activity.slice(0, 500).map((a) => `${e(date(a.createdAt))}: ${e(a.verb)} – ${e(a.subjectTitle)}`))}
<h2>${e(t.notifications)}</h2>
<p>${e(t.count)}: ${data.notifications.length}</p>
<h2>${e(t.audit)}</h2>
${list(data.auditEntries.map((a) => `${e(date(a.createdAt))}: ${e(a.action)} (${e(a.actorName)})`))}
</main></body></html>
`;
}

/** The ZIP of an export: `daten.json` and `uebersicht.html`. */
export function toExportZip(data: PersonalData, locale: Locale): Uint8Array {
  return zipSync(
    {
      [EXPORT_FILES.json]: strToU8(toExportJson(data)),
      [EXPORT_FILES.html]: strToU8(toExportHtml(data, locale)),
    },
    { level: 6, mtime: data.exportedAt },
  );
}
