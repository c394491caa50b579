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
  },
);
