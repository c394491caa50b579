import type { DocumentStatus, Locale, MeasureStatus } from '@lip/common';
import { MEASURE_STATUS_LABELS } from '../measure/measure.snapshot';
import type { NotificationDoc } from './notification.model';
import type { NotificationEvent, NotificationKind } from './notification.events';

/** The stored, language-independent fields of a notification, from its event. */
export function toStoredFields(
  event: NotificationEvent,
): Pick<NotificationDoc, 'link' | 'subjectTitle' | 'excerpt' | 'detail'> {
  switch (event.kind) {
    case 'task-assigned':
      return {
        link: taskLink(event.task.id),
        subjectTitle: event.task.title,
        excerpt: null,
        detail: null,
      };
    case 'task-due':
    case 'task-overdue':
      return {
        link: taskLink(event.task.id),
        subjectTitle: event.task.title,
        excerpt: null,
        detail: event.deadline.toISOString(),
      };
    case 'mention':
    case 'reply':
      return {
        link: `/documents/${event.comment.document.id}?thread=${event.comment.threadId}`,
        subjectTitle: event.comment.document.title,
        excerpt: excerptOf(event.comment.excerpt),
        detail: null,
      };
    case 'document-shared':
      return {
        link: `/documents/${event.document.id}`,
        subjectTitle: event.document.title,
        excerpt: null,
        detail: event.reviewDeadline?.toISOString() ?? null,
      };
    case 'document-status':
    case 'document-decision':
      return {
        link: `/documents/${event.document.id}`,
        subjectTitle: event.document.title,
        excerpt: null,
        detail: event.status,
      };
    case 'measure-status':
      return {
        link: `/measures/${event.measure.id}`,
        subjectTitle: event.measure.title,
        excerpt: null,
        detail: event.status,
      };
    case 'paper-edition':
      return {
        link: `/paper/editions/${event.edition.id}`,
        subjectTitle: event.edition.name,
        excerpt: null,
        detail: null,
      };
    case 'statement-due':
      return {
        link: `/review/rounds/${event.round.id}/statements/${event.body.id}`,
        subjectTitle: event.round.title,
        // The body's name, shown in the title.
        excerpt: event.body.name,
        detail: event.deadline.toISOString(),
      };
    case 'responses-published':
      return {
        link: `/review/rounds/${event.round.id}/responses`,
        subjectTitle: event.round.title,
        excerpt: null,
        detail: null,
      };
  }
}

function taskLink(taskId: string): string {
  return `/tasks?task=${taskId}`;
}

/** At most 200 characters of a comment, cut at a word. */
export function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= 200) return flat;
  const cut = flat.slice(0, 200);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 150))} …`;
}

const STATUS: Record<DocumentStatus, Record<Locale, string>> = {
  draft: { de: 'Entwurf', en: 'draft' },
  'in-review': { de: 'in Prüfung', en: 'in review' },
  returned: { de: 'zur Überarbeitung zurückgegeben', en: 'returned for revision' },
  accepted: { de: 'angenommen', en: 'accepted' },
};

/** A date as people read it in the city (Europe/Berlin). */
export function formatDate(iso: string | null, locale: Locale): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Berlin',
  }).format(date);
}

/** Title (one line) and optional body of a notification in the reader's language. */
export function describeNotification(
  n: Pick<NotificationDoc, 'kind' | 'actorName' | 'subjectTitle' | 'excerpt' | 'detail'>,
  locale: Locale,
): { title: string; body: string | null } {
  const de = locale === 'de';
  const who = n.actorName ?? (de ? 'Jemand' : 'Someone');
  const s = n.subjectTitle;
  const date = formatDate(n.detail, locale);
  switch (n.kind) {
    case 'task-assigned':
      return {
        title: de
          ? `${who} hat Ihnen die Aufgabe „${s}“ zugewiesen`
          : `${who} assigned you the task “${s}”`,
        body: null,
      };
    case 'task-due':
      return {
        title: de ? `Die Aufgabe „${s}“ ist bald fällig` : `The task “${s}” is due soon`,
        body: de ? `Fällig am ${date}.` : `Due on ${date}.`,
      };
    case 'task-overdue':
      return {
        title: de ? `Die Aufgabe „${s}“ ist überfällig` : `The task “${s}” is overdue`,
        body: de ? `Sie war am ${date} fällig.` : `It was due on ${date}.`,
      };
    case 'mention':
      return {
        title: de
          ? `${who} hat Sie in einem Kommentar zu „${s}“ erwähnt`
          : `${who} mentioned you in a comment on “${s}”`,
        body: n.excerpt,
      };
    case 'reply':
      return {
        title: de
          ? `${who} hat in einer Diskussion zu „${s}“ geantwortet`
          : `${who} replied in a discussion on “${s}”`,
        body: n.excerpt,
      };
    case 'document-shared':
      return {
        title: de
          ? `„${s}“ liegt Ihrem Gremium zur Stellungnahme vor`
          : `“${s}” was shared with your body for review`,
        body: date ? (de ? `Stellungnahme bis ${date}.` : `Comments due by ${date}.`) : null,
      };
    case 'document-status': {
      const status = STATUS[(n.detail ?? 'draft') as DocumentStatus] ?? STATUS.draft;
      return {
        title: de ? `„${s}“ ist jetzt: ${status.de}` : `“${s}” is now ${status.en}`,
        body: null,
      };
    }
    case 'document-decision':
      return {
        title:
          n.detail === 'accepted'
            ? de
              ? `Die Lenkungsgruppe hat „${s}“ angenommen`
              : `The steering group accepted “${s}”`
            : de
              ? `Die Lenkungsgruppe hat „${s}“ zur Überarbeitung zurückgegeben`
              : `The steering group returned “${s}” for revision`,
        body: null,
      };
    case 'measure-status': {
      const label = MEASURE_STATUS_LABELS[n.detail as MeasureStatus] ?? MEASURE_STATUS_LABELS.draft;
      return {
        title:
          n.detail === 'proposed'
            ? de
              ? `Die Maßnahme „${s}“ liegt der Lenkungsgruppe zur Entscheidung vor`
              : `The measure “${s}” awaits the steering group's decision`
            : de
              ? `Die Maßnahme „${s}“ ist jetzt: ${label.de}`
              : `The measure “${s}” is now: ${label.en}`,
        body: null,
      };
    }
    case 'paper-edition':
      return {
        title: de
          ? `${who} hat die Fassung „${s}“ des Grundlagenpapiers erstellt`
          : `${who} took the edition “${s}” of the foundation paper`,
        body: null,
      };
    case 'statement-due':
      return {
        title: de
          ? `Die Stellungnahme von ${n.excerpt ?? ''} zu „${s}“ ist bald fällig`
          : `The statement of ${n.excerpt ?? ''} on “${s}” is due soon`,
        body: de ? `Frist: ${date}.` : `Deadline: ${date}.`,
      };
    case 'responses-published':
      return {
        title: de
          ? `Die Antworten auf die Stellungnahmen zu „${s}“ sind veröffentlicht`
          : `The responses to the statements on “${s}” are published`,
        body: null,
      };
    case 'invitation':
      return {
        title: de ? `Einladung zur LIP-Werkstatt` : `Invitation to LIP-Werkstatt`,
        body: null,
      };
  }
}

/** Names of the kinds of mail, for the unsubscribe page and the footer. */
export const KIND_LABELS: Record<NotificationKind | 'digest', Record<Locale, string>> = {
  'task-assigned': { de: 'zugewiesene Aufgaben', en: 'assigned tasks' },
  'task-due': { de: 'bald fällige Aufgaben', en: 'tasks due soon' },
  'task-overdue': { de: 'überfällige Aufgaben', en: 'overdue tasks' },
  mention: { de: 'Erwähnungen', en: 'mentions' },
  reply: { de: 'Antworten in Diskussionen', en: 'replies in discussions' },
  'document-shared': {
    de: 'zur Stellungnahme vorgelegte Dokumente',
    en: 'documents shared for review',
  },
  'document-status': { de: 'Statusänderungen von Dokumenten', en: 'document status changes' },
  'document-decision': { de: 'Entscheidungen über Dokumente', en: 'decisions on documents' },
  'measure-status': { de: 'Statusänderungen von Maßnahmen', en: 'measure status changes' },
  'paper-edition': {
    de: 'neue Fassungen des Grundlagenpapiers',
    en: 'new editions of the foundation paper',
  },
  'statement-due': { de: 'fällige Stellungnahmen', en: 'statements due' },
  'responses-published': {
    de: 'veröffentlichte Antworten auf Stellungnahmen',
    en: 'published responses to statements',
  },
  invitation: { de: 'Einladungen', en: 'invitations' },
  digest: { de: 'die tägliche Zusammenfassung', en: 'the daily digest' },
};
