import { defineFeatureTexts } from '../../i18n/feature-texts';

/** Texts of sign-in extras, the second factor and "Meine Daten" (namespace `account`). */
export const accountTexts = defineFeatureTexts(
  'account',
  {
    or: 'oder',
    cityAccountHint: 'Für Mitarbeitende der Stadtverwaltung: ohne weiteres Passwort.',
    secondFactorTitle: 'Zweiter Faktor',
    secondFactorIntro:
      'Geben Sie den sechsstelligen Code aus Ihrer Authenticator-App ein, oder einen Ihrer Wiederherstellungscodes.',
    code: 'Code',
    confirm: 'Bestätigen',
    checking: 'Wird geprüft …',
    wrongCode: 'Dieser Code stimmt nicht oder ist abgelaufen. Bitte nehmen Sie den aktuellen Code.',
    challengeExpired:
      'Die Anmeldung hat zu lange gedauert. Bitte geben Sie E-Mail-Adresse und Passwort noch einmal ein.',
    back: 'Zurück zur Anmeldung',
    security: {
      title: 'Anmeldung und Sicherheit',
      cityAccountSession:
        'Sie sind mit dem Konto der Stadt angemeldet. Dort werden Passwort und zweiter Faktor verwaltet.',
      secondFactor: 'Zweiter Faktor (Authenticator-App)',
      enabled: 'Eingerichtet. Noch {{count}} Wiederherstellungscodes übrig.',
      notEnabled: 'Nicht eingerichtet.',
      required:
        'Ihre Rolle verlangt einen zweiten Faktor: Bis er eingerichtet ist, können Sie nichts ändern.',
      start: 'Zweiten Faktor einrichten',
      scan: 'Scannen Sie den QR-Code mit einer Authenticator-App (zum Beispiel FreeOTP oder Aegis) oder geben Sie den Schlüssel von Hand ein. Bestätigen Sie dann mit dem angezeigten Code.',
      qrAlt: 'QR-Code für die Authenticator-App',
      secret: 'Schlüssel zum Abtippen',
      confirmSetup: 'Einrichtung bestätigen',
      recoveryTitle: 'Ihre Wiederherstellungscodes',
      recoveryIntro:
        'Jeder Code funktioniert einmal, falls Sie Ihr Telefon verlieren. Bewahren Sie sie sicher auf: Sie werden nur jetzt angezeigt.',
      regenerate: 'Neue Wiederherstellungscodes',
      disable: 'Zweiten Faktor ausschalten',
      codeForAction: 'Aktueller Code aus der App',
      done: 'Gespeichert.',
      passwordForCity: 'Passwort-Anmeldung für Konten der Stadt',
      passwordForCityIntro:
        'Personen, deren Konto mit dem Konto der Stadt verknüpft ist, können sich zusätzlich mit ihrem Passwort anmelden. Ausschalten beendet ihre Passwort-Sitzungen.',
      passwordForCityOn: 'Passwort-Anmeldung ist erlaubt.',
      passwordForCityOff: 'Nur Anmeldung mit dem Konto der Stadt.',
      switchOff: 'Passwort-Anmeldung ausschalten',
      switchOn: 'Passwort-Anmeldung wieder erlauben',
      auditTitle: 'Verwaltungsprotokoll',
      auditIntro:
        'Was Personen mit Administrationsrechten mit Konten und Rechten tun (Einladungen, Rollen, Deaktivierung, Löschung, Datenexporte, zurückgesetzte zweite Faktoren, diese Einstellung), steht im Verwaltungsprotokoll.',
      auditLink: 'Verwaltungsprotokoll ansehen',
    },
    myData: {
      title: 'Meine Daten',
      intro:
        'Hier sehen Sie, was die LIP-Arbeitsplattform über Sie speichert. Der Download enthält alles vollständig (JSON und eine lesbare HTML-Übersicht).',
      download: 'Alle Daten herunterladen (ZIP)',
      security: 'Anmeldung und Sicherheit',
      profile: 'Profil',
      name: 'Name',
      email: 'E-Mail-Adresse',
      role: 'Rolle',
      memberships: 'Gruppen und Gremien',
      none: 'Keine.',
      devices: 'Angemeldete Geräte',
      thisDevice: 'dieses Gerät',
      since: 'seit {{date}}',
      unknownDevice: 'Unbekannter Browser',
      endDevice: 'Abmelden',
      endDeviceLabel: '{{device}} abmelden',
      contributions: 'Beiträge',
      comments_one: '{{count}} Kommentar',
      comments_other: '{{count}} Kommentare',
      tasks_one: '{{count}} Aufgabe',
      tasks_other: '{{count}} Aufgaben',
      activity_one: '{{count}} Eintrag in der Aktivität (die neuesten)',
      activity_other: '{{count}} Einträge in der Aktivität (die neuesten)',
      notifications_one: '{{count}} Benachrichtigung',
      notifications_other: '{{count}} Benachrichtigungen',
      deleteTitle: 'Konto löschen',
      deleteExplain:
        'Gelöscht werden Ihr Profil, Ihre Mitgliedschaften, Zuweisungen, Benachrichtigungen, Sitzungen und Ihr zweiter Faktor. Was Sie zu gemeinsamen Entwürfen, Kommentaren und Stellungnahmen beigetragen haben, bleibt für die anderen erhalten und erscheint als „ehemaliges Mitglied“; der Text einer Stellungnahme gehört dem Gremium. Laden Sie Ihre Daten vorher herunter, wenn Sie sie behalten möchten. Das lässt sich nicht rückgängig machen.',
      confirmEmail: 'Zur Bestätigung Ihre E-Mail-Adresse ({{email}})',
      deleteButton: 'Konto endgültig löschen',
      lastAdmin:
        'Sie sind die letzte Person mit Administrationsrechten. Geben Sie zuerst einer anderen Person diese Rolle; dann können Sie Ihr Konto löschen.',
    },
    devices: {
      none: 'Keine angemeldeten Geräte.',
      endOther: 'Sitzung beenden',
      endOtherLabel: 'Sitzung von {{name}} auf {{device}} beenden',
    },
    deleteOther: {
      explain:
        'Gelöscht werden das Profil von {{name}}, Mitgliedschaften, Zuweisungen, Benachrichtigungen, Sitzungen und der zweite Faktor; {{name}} kann sich danach nicht mehr anmelden. Was {{name}} zu gemeinsamen Entwürfen, Kommentaren und Stellungnahmen beigetragen hat, bleibt für die anderen erhalten und erscheint als „ehemaliges Mitglied“; der Text einer Stellungnahme gehört dem Gremium. Laden Sie die Daten vorher herunter, wenn sie aufbewahrt werden sollen. Die Löschung steht im Verwaltungsprotokoll und lässt sich nicht rückgängig machen.',
      confirmEmail: 'Zur Bestätigung die E-Mail-Adresse von {{name}} ({{email}})',
      button: 'Konto von {{name}} endgültig löschen',
      lastAdmin:
        '{{name}} ist die letzte Person mit Administrationsrechten. Geben Sie zuerst einer anderen Person diese Rolle; dann lässt sich das Konto löschen.',
    },
    signInMethods: {
      cityAccount: 'Konto der Stadt',
      password: 'Passwort',
      secondFactor: 'zweiter Faktor',
      label: 'Anmeldung: {{methods}}',
    },
    cityAccount: {
      tryAgain: 'Noch einmal versuchen',
      withPassword: 'Mit E-Mail und Passwort anmelden',
      contact: 'Bitte wenden Sie sich an {{contact}}.',
      contactDefault:
        'Bitte wenden Sie sich an das Koordinationsteam des Lokalen Integrationsplans.',
      errors: {
        'no-access': {
          heading: 'Sie haben noch keinen Zugang',
          body: 'Ihr Konto der Stadt ist in Ordnung, aber in der LIP-Arbeitsplattform gibt es noch kein Konto und keine Einladung für Ihre E-Mail-Adresse. Bitten Sie um eine Einladung an diese Adresse; danach können Sie sich hier mit dem Konto der Stadt anmelden.',
        },
        'email-unverified': {
          heading: 'E-Mail-Adresse nicht bestätigt',
          body: 'Ihr Konto der Stadt meldet keine bestätigte E-Mail-Adresse. Wir verknüpfen nur bestätigte Adressen mit einem Konto. Bitte wenden Sie sich an die IT der Stadt.',
        },
        'invalid-callback': {
          heading: 'Die Anmeldung ließ sich nicht prüfen',
          body: 'Die Antwort des Anmeldedienstes war nicht gültig, abgelaufen oder wurde schon verwendet (zum Beispiel nach „Zurück“ im Browser). Es wurde nichts geändert. Bitte starten Sie die Anmeldung neu.',
        },
        'provider-error': {
          heading: 'Der Anmeldedienst hat einen Fehler gemeldet',
          body: 'Der Anmeldedienst der Stadt hat die Anmeldung nicht abgeschlossen. Es wurde nichts geändert. Bitte versuchen Sie es noch einmal.',
        },
        cancelled: {
          heading: 'Anmeldung abgebrochen',
          body: 'Die Anmeldung beim Anmeldedienst der Stadt wurde abgebrochen. Es wurde nichts geändert.',
        },
        unavailable: {
          heading: 'Der Anmeldedienst ist gerade nicht erreichbar',
          body: 'Bitte versuchen Sie es in ein paar Minuten noch einmal oder melden Sie sich mit E-Mail und Passwort an, falls Sie eines haben.',
        },
        'account-conflict': {
          heading: 'Diese E-Mail-Adresse gehört schon zu einem anderen Konto der Stadt',
          body: 'Das Konto in der LIP-Arbeitsplattform ist mit einem anderen Konto der Stadt verknüpft. Bitte wenden Sie sich an die Administration.',
        },
        'not-configured': {
          heading: 'Anmeldung mit dem Konto der Stadt ist nicht eingerichtet',
          body: 'Bitte melden Sie sich mit E-Mail und Passwort an.',
        },
      },
    },
  },
  {
    or: 'or',
    cityAccountHint: 'For city staff: no extra password.',
    secondFactorTitle: 'Second factor',
    secondFactorIntro:
      'Enter the six-digit code from your authenticator app, or one of your recovery codes.',
    code: 'Code',
    confirm: 'Confirm',
    checking: 'Checking …',
    wrongCode: 'This code is wrong or has expired. Please use the current code.',
    challengeExpired: 'Signing in took too long. Please enter your e-mail and password again.',
    back: 'Back to sign-in',
    security: {
      title: 'Sign-in and security',
      cityAccountSession:
        'You signed in with your city account. Its password and second factor are managed there.',
      secondFactor: 'Second factor (authenticator app)',
      enabled: 'Set up. {{count}} recovery codes left.',
      notEnabled: 'Not set up.',
      required: 'Your role needs a second factor: until it is set up, you cannot change anything.',
      start: 'Set up a second factor',
      scan: 'Scan the QR code with an authenticator app (for example FreeOTP or Aegis) or type in the key. Then confirm with the code it shows.',
      qrAlt: 'QR code for the authenticator app',
      secret: 'Key to type in',
      confirmSetup: 'Confirm set-up',
      recoveryTitle: 'Your recovery codes',
      recoveryIntro:
        'Each code works once, in case you lose your phone. Keep them safe: they are shown only now.',
      regenerate: 'New recovery codes',
      disable: 'Switch off the second factor',
      codeForAction: 'Current code from the app',
      done: 'Saved.',
      passwordForCity: 'Password sign-in for city accounts',
      passwordForCityIntro:
        'People whose account is linked to a city account can also sign in with their password. Switching this off ends their password sessions.',
      passwordForCityOn: 'Password sign-in is allowed.',
      passwordForCityOff: 'City account sign-in only.',
      switchOff: 'Switch off password sign-in',
      switchOn: 'Allow password sign-in again',
      auditTitle: 'Audit trail',
      auditIntro:
        'What people with administrator rights do with accounts and rights (invitations, roles, deactivation, deletion, data exports, reset second factors, this setting) is recorded in the audit trail.',
      auditLink: 'View the audit trail',
    },
    myData: {
      title: 'My data',
      intro:
        'This is what the LIP workspace holds about you. The download contains everything in full (JSON and a readable HTML summary).',
      download: 'Download all data (ZIP)',
      security: 'Sign-in and security',
      profile: 'Profile',
      name: 'Name',
      email: 'E-mail address',
      role: 'Role',
      memberships: 'Groups and bodies',
      none: 'None.',
      devices: 'Signed-in devices',
      thisDevice: 'this device',
      since: 'since {{date}}',
      unknownDevice: 'Unknown browser',
      endDevice: 'Sign out',
      endDeviceLabel: 'Sign out {{device}}',
      contributions: 'Contributions',
      comments_one: '{{count}} comment',
      comments_other: '{{count}} comments',
      tasks_one: '{{count}} task',
      tasks_other: '{{count}} tasks',
      activity_one: '{{count}} activity entry (the most recent)',
      activity_other: '{{count}} activity entries (the most recent)',
      notifications_one: '{{count}} notification',
      notifications_other: '{{count}} notifications',
      deleteTitle: 'Delete account',
      deleteExplain:
        'This deletes your profile, memberships, assignments, notifications, sessions and second factor. What you contributed to shared drafts, comments and statements stays for the others and shows as “former member”; the text of a statement belongs to the council. Download your data first if you want to keep it. This cannot be undone.',
      confirmEmail: 'To confirm, your e-mail address ({{email}})',
      deleteButton: 'Delete account for good',
      lastAdmin:
        'You are the last person with administrator rights. Give another person this role first; then you can delete your account.',
    },
    devices: {
      none: 'No signed-in devices.',
      endOther: 'End session',
      endOtherLabel: 'End the session of {{name}} on {{device}}',
    },
    deleteOther: {
      explain:
        'This deletes the profile of {{name}}, their memberships, assignments, notifications, sessions and second factor; {{name}} can no longer sign in. What {{name}} contributed to shared drafts, comments and statements stays for the others and shows as “former member”; the text of a statement belongs to the council. Download the data first if it must be kept. The deletion is recorded in the audit trail and cannot be undone.',
      confirmEmail: 'To confirm, the e-mail address of {{name}} ({{email}})',
      button: 'Delete the account of {{name}} for good',
      lastAdmin:
        '{{name}} is the last person with administrator rights. Give another person this role first; then the account can be deleted.',
    },
    signInMethods: {
      cityAccount: 'city account',
      password: 'password',
      secondFactor: 'second factor',
      label: 'Sign-in: {{methods}}',
    },
    cityAccount: {
      tryAgain: 'Try again',
      withPassword: 'Sign in with e-mail and password',
      contact: 'Please contact {{contact}}.',
      contactDefault: 'Please contact the coordination team of the Local Integration Plan.',
      errors: {
        'no-access': {
          heading: 'You do not have access yet',
          body: 'Your city account is fine, but the LIP workspace has no account and no invitation for your e-mail address yet. Ask for an invitation to this address; then you can sign in here with your city account.',
        },
        'email-unverified': {
          heading: 'E-mail address not confirmed',
          body: 'Your city account reports no confirmed e-mail address. We only link confirmed addresses to an account. Please contact the city’s IT.',
        },
        'invalid-callback': {
          heading: 'The sign-in could not be checked',
          body: 'The answer of the sign-in service was not valid, had expired or was already used (for example after “Back” in the browser). Nothing was changed. Please start the sign-in again.',
        },
        'provider-error': {
          heading: 'The sign-in service reported an error',
          body: 'The city’s sign-in service did not complete the sign-in. Nothing was changed. Please try again.',
        },
        cancelled: {
          heading: 'Sign-in cancelled',
          body: 'The sign-in at the city’s sign-in service was cancelled. Nothing was changed.',
        },
        unavailable: {
          heading: 'The sign-in service cannot be reached right now',
          body: 'Please try again in a few minutes, or sign in with e-mail and password if you have one.',
        },
        'account-conflict': {
          heading: 'This e-mail address already belongs to another city account',
          body: 'The account in the LIP workspace is linked to a different city account. Please contact the administrators.',
        },
        'not-configured': {
          heading: 'Signing in with a city account is not set up',
          body: 'Please sign in with e-mail and password.',
        },
      },
    },
  },
);

/** The failure reasons the API sends to `/sign-in/city-account?error=…`. */
export type CityAccountFailure = keyof typeof accountTexts.de.cityAccount.errors;

/** Whether a query parameter names a known failure (anything else reads as a failed check). */
export function toCityAccountFailure(value: string | null): CityAccountFailure {
  return value !== null && value in accountTexts.de.cityAccount.errors
    ? (value as CityAccountFailure)
    : 'invalid-callback';
}
