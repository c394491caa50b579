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
