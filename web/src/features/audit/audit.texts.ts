import type { AuditAction } from '@lip/common';
import { defineFeatureTexts } from '../../i18n/feature-texts';

/** `auditActionKey(action)` as a type: `person.role-changed` → `person_role_changed`. */
type ActionKey<A extends string> = A extends `${infer H}.${infer T}`
  ? `${ActionKey<H>}_${ActionKey<T>}`
  : A extends `${infer H}-${infer T}`
    ? `${H}_${ActionKey<T>}`
    : A;

/** One text per audit action the API writes: a missing action is a type error. */
type ActionTexts = { [A in AuditAction as ActionKey<A>]: string };

const deActions: ActionTexts = {
  person_invited: 'Eingeladen',
  person_role_changed: 'Rolle geändert',
  person_deactivated: 'Deaktiviert',
  person_reactivated: 'Wieder aktiviert',
  person_deleted: 'Konto gelöscht',
  person_data_exported: 'Daten heruntergeladen',
  person_session_ended: 'Sitzung beendet',
  person_second_factor_reset: 'Zweiter Faktor zurückgesetzt',
  person_linked_to_city_account: 'Mit dem Konto der Stadt verknüpft',
  person_created_by_city_account: 'Konto über das Konto der Stadt angelegt',
  person_role_set_by_city_account: 'Rolle vom Anmeldedienst der Stadt gesetzt',
  sign_in_password_for_city_accounts_changed: 'Passwort-Anmeldung für Konten der Stadt geändert',
};

const enActions: ActionTexts = {
  person_invited: 'Invited',
  person_role_changed: 'Role changed',
  person_deactivated: 'Deactivated',
  person_reactivated: 'Reactivated',
  person_deleted: 'Account deleted',
  person_data_exported: 'Data downloaded',
  person_session_ended: 'Session ended',
  person_second_factor_reset: 'Second factor reset',
  person_linked_to_city_account: 'Linked to a city account',
  person_created_by_city_account: 'Account created through a city account',
  person_role_set_by_city_account: 'Role set by the city’s sign-in service',
  sign_in_password_for_city_accounts_changed: 'Password sign-in for city accounts changed',
};

/** Texts of the audit trail (namespace `audit`). */
export const auditTexts = defineFeatureTexts(
  'audit',
  {
    title: 'Verwaltungsprotokoll',
    breadcrumb: 'Brotkrumen',
    allEntries: 'Alle Einträge',
    noAccess:
      'Das Verwaltungsprotokoll sehen nur Personen mit Administrationsrechten. Wenden Sie sich bei Fragen an das Projektteam.',
    intro:
      'Was Personen mit Administrationsrechten und der Anmeldedienst der Stadt mit Konten und Rechten getan haben, die neuesten Einträge zuerst. Einträge werden nach der festgelegten Aufbewahrungsfrist gelöscht.',
    person: 'Person',
    allPeople: 'Alle Personen',
    formerPerson: '{{name}} (gelöscht)',
    unknownPerson: 'Unbekannte Person',
    filteredBy: 'Einträge zu {{name}}',
    showAll: 'Alle Einträge zeigen',
    caption: 'Einträge im Verwaltungsprotokoll, die neuesten zuerst',
    time: 'Zeitpunkt',
    action: 'Aktion',
    actor: 'Ausgeführt von',
    subject: 'Betrifft',
    detail: 'Detail',
    filterBySubject: 'Nur Einträge zu {{name}} zeigen',
    provider: 'Anmeldedienst der Stadt',
    noSubject: 'alle Konten der Stadt',
    empty: 'Noch keine Einträge.',
    emptyForPerson: 'Keine Einträge zu dieser Person.',
    loadOlder: 'Ältere Einträge laden',
    loadedOlder_one: '{{count}} älterer Eintrag geladen.',
    loadedOlder_other: '{{count}} ältere Einträge geladen.',
    noOlder: 'Keine älteren Einträge.',
    details: {
      self: 'von der Person selbst',
      on: 'erlaubt',
      off: 'ausgeschaltet',
      active: 'aktiv',
      invited: 'weiterhin eingeladen',
      coordinatorAll: 'Koordination: alle Handlungsfelder',
      coordinatorSome: 'Koordination: {{fields}}',
    },
    actions: deActions,
  },
  {
    title: 'Audit trail',
    breadcrumb: 'Breadcrumb',
    allEntries: 'All entries',
    noAccess:
      'Only people with administrator rights see the audit trail. Please ask the project team if you have questions.',
    intro:
      'What people with administrator rights and the city’s sign-in service did with accounts and rights, newest first. Entries are deleted after the configured retention period.',
    person: 'Person',
    allPeople: 'All people',
    formerPerson: '{{name}} (deleted)',
    unknownPerson: 'Unknown person',
    filteredBy: 'Entries about {{name}}',
    showAll: 'Show all entries',
    caption: 'Entries of the audit trail, newest first',
    time: 'Time',
    action: 'Action',
    actor: 'Done by',
    subject: 'Concerns',
    detail: 'Detail',
    filterBySubject: 'Show only entries about {{name}}',
    provider: 'City sign-in service',
    noSubject: 'all city accounts',
    empty: 'No entries yet.',
    emptyForPerson: 'No entries about this person.',
    loadOlder: 'Load older entries',
    loadedOlder_one: '{{count}} older entry loaded.',
    loadedOlder_other: '{{count}} older entries loaded.',
    noOlder: 'No older entries.',
    details: {
      self: 'by the person themselves',
      on: 'allowed',
      off: 'switched off',
      active: 'active',
      invited: 'still invited',
      coordinatorAll: 'Coordination: all action fields',
      coordinatorSome: 'Coordination: {{fields}}',
    },
    actions: enActions,
  },
);
