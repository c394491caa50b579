import { defineFeatureTexts } from '../../i18n/feature-texts';

/** Texts of managing memberships and accounts (namespace `peopleAdmin`). */
export const peopleAdminTexts = defineFeatureTexts(
  'peopleAdmin',
  {
    pending: 'Einladung ausstehend',
    pendingMembership: '{{group}} ({{role}}), ausstehend bis zur Annahme',
    pendingMembers: 'Eingeladen, noch nicht angenommen',
    deactivated: 'Deaktiviert',
    changeRole: 'Rolle ändern',
    changeRoleLabel: 'Rolle von {{name}} in {{group}} ändern',
    changeRoleTitle: 'Rolle von {{name}} in {{group}}',
    roleChanged: 'Rolle von {{name}} geändert.',
    remove: 'Entfernen',
    removeLabel: '{{name}} aus {{group}} entfernen',
    removeTitle: '{{name}} aus {{group}} entfernen?',
    removeText:
      '{{name}} sieht danach die internen Entwürfe, Kommentare und Aufgaben von {{group}} nicht mehr; ein gerade geöffneter Editor wird geschlossen. Geschriebenes bleibt erhalten.',
    removeBodyText:
      '{{name}} sieht danach die für {{group}} freigegebenen Entwürfe nicht mehr; ein gerade geöffneter Editor wird geschlossen. Geschriebenes bleibt erhalten.',
    removeConfirm: 'Ja, entfernen',
    removed: '{{name}} aus {{group}} entfernt.',
    deactivate: 'Deaktivieren',
    deactivateLabel: '{{name}} deaktivieren',
    deactivateTitle: '{{name}} deaktivieren?',
    deactivateText:
      '{{name}} kann sich danach nicht mehr anmelden. Alle Sitzungen enden sofort, auch ein gerade geöffneter Editor, und offene Einladungen verfallen. Mitgliedschaften und Geschriebenes bleiben erhalten; Sie können die Person wieder aktivieren.',
    deactivateConfirm: 'Ja, deaktivieren',
    deactivatedNotice: '{{name}} ist deaktiviert.',
    reactivate: 'Wieder aktivieren',
    reactivateLabel: '{{name}} wieder aktivieren',
    reactivatedNotice: '{{name}} ist wieder aktiv.',
    membershipActions: 'Mitgliedschaft von {{name}} in {{group}}',
    auditLink: 'Verwaltungsprotokoll',
    personData: {
      link: 'Daten',
      linkLabel: 'Daten von {{name}}',
      title: 'Daten von {{name}}',
      intro:
        'Das speichert die LIP-Arbeitsplattform über {{name}}. Der Download enthält alles vollständig (JSON und eine lesbare HTML-Übersicht); er wird im Verwaltungsprotokoll vermerkt.',
      download: 'Alle Daten von {{name}} herunterladen (ZIP)',
      audit: 'Verwaltungsprotokoll zu {{name}}',
      back: 'Zurück zu Personen',
      breadcrumb: 'Brotkrumen',
      noAccessTitle: 'Kein Zugriff',
      noAccessText:
        'Die Daten anderer Personen sehen nur Personen mit Administrationsrechten. Ihre eigenen Daten finden Sie unter „Meine Daten“.',
      myData: 'Zu „Meine Daten“',
      deleted:
        'Das Konto von {{name}} ist gelöscht. Beiträge bleiben als „ehemaliges Mitglied“ erhalten.',
    },
    secondFactorReset: {
      title: 'Zweiter Faktor',
      enabled: '{{name}} hat einen zweiten Faktor (Authenticator-App) eingerichtet.',
      notEnabled: '{{name}} hat keinen zweiten Faktor eingerichtet; es gibt nichts zurückzusetzen.',
      explain:
        'Zurücksetzen ist für den Fall gedacht, dass {{name}} das Telefon oder die Authenticator-App verloren hat und keine Wiederherstellungscodes mehr hat.',
      button: 'Zweiten Faktor zurücksetzen',
      buttonLabel: 'Zweiten Faktor von {{name}} zurücksetzen',
      dialogTitle: 'Zweiten Faktor von {{name}} zurücksetzen?',
      dialogText:
        'Der zweite Faktor und alle Wiederherstellungscodes von {{name}} werden gelöscht, und alle Sitzungen von {{name}} enden sofort, auch ein geöffneter Editor. Bei der nächsten Anmeldung mit Passwort genügt das Passwort; verlangt die Rolle einen zweiten Faktor, richtet {{name}} dann einen neuen ein. Vergewissern Sie sich vorher, dass die Bitte wirklich von {{name}} kommt (zum Beispiel durch einen Rückruf). Das Zurücksetzen steht im Verwaltungsprotokoll.',
      confirm: 'Ja, zurücksetzen',
      done: 'Der zweite Faktor von {{name}} ist zurückgesetzt; alle Sitzungen sind beendet.',
    },
  },
  {
    pending: 'Invitation pending',
    pendingMembership: '{{group}} ({{role}}), pending until accepted',
    pendingMembers: 'Invited, not accepted yet',
    deactivated: 'Deactivated',
    changeRole: 'Change role',
    changeRoleLabel: 'Change the role of {{name}} in {{group}}',
    changeRoleTitle: 'Role of {{name}} in {{group}}',
    roleChanged: 'Role of {{name}} changed.',
    remove: 'Remove',
    removeLabel: 'Remove {{name}} from {{group}}',
    removeTitle: 'Remove {{name}} from {{group}}?',
    removeText:
      '{{name}} will no longer see the internal drafts, comments and tasks of {{group}}; an open editor is closed. What they wrote stays.',
    removeBodyText:
      '{{name}} will no longer see the drafts shared with {{group}}; an open editor is closed. What they wrote stays.',
    removeConfirm: 'Yes, remove',
    removed: '{{name}} removed from {{group}}.',
    deactivate: 'Deactivate',
    deactivateLabel: 'Deactivate {{name}}',
    deactivateTitle: 'Deactivate {{name}}?',
    deactivateText:
      '{{name}} will no longer be able to sign in. All their sessions end at once, an open editor too, and open invitations expire. Memberships and what they wrote stay; you can reactivate the person.',
    deactivateConfirm: 'Yes, deactivate',
    deactivatedNotice: '{{name}} is deactivated.',
    reactivate: 'Reactivate',
    reactivateLabel: 'Reactivate {{name}}',
    reactivatedNotice: '{{name}} is active again.',
    membershipActions: 'Membership of {{name}} in {{group}}',
    auditLink: 'Audit trail',
    personData: {
      link: 'Data',
      linkLabel: 'Data of {{name}}',
      title: 'Data of {{name}}',
      intro:
        'This is what the LIP workspace holds about {{name}}. The download contains everything in full (JSON and a readable HTML summary); it is recorded in the audit trail.',
      download: 'Download all data of {{name}} (ZIP)',
      audit: 'Audit trail about {{name}}',
      back: 'Back to people',
      breadcrumb: 'Breadcrumb',
      noAccessTitle: 'No access',
      noAccessText:
        'Only people with administrator rights see other people’s data. Your own data is under “My data”.',
      myData: 'Go to “My data”',
      deleted: 'The account of {{name}} is deleted. Contributions stay as “former member”.',
    },
    secondFactorReset: {
      title: 'Second factor',
      enabled: '{{name}} has set up a second factor (authenticator app).',
      notEnabled: '{{name}} has no second factor set up; there is nothing to reset.',
      explain:
        'Resetting is meant for when {{name}} lost their phone or authenticator app and has no recovery codes left.',
      button: 'Reset second factor',
      buttonLabel: 'Reset the second factor of {{name}}',
      dialogTitle: 'Reset the second factor of {{name}}?',
      dialogText:
        'The second factor and all recovery codes of {{name}} are deleted, and every session of {{name}} ends at once, an open editor too. At the next password sign-in the password is enough; if their role needs a second factor, {{name}} then sets up a new one. Make sure first that the request really comes from {{name}} (for example by calling back). The reset is recorded in the audit trail.',
      confirm: 'Yes, reset',
      done: 'The second factor of {{name}} is reset; all their sessions have ended.',
    },
  },
);
