import { defineFeatureTexts } from '../../i18n/feature-texts';

/** Texts of the version history (namespace `versions`), loaded with the versions dialog. */
export const versionsTexts = defineFeatureTexts(
  'versions',
  {
    title: 'Versionen',
    intro: 'Eine Version hält den aktuellen Stand des Textes unter einem Namen fest.',
    label: 'Name der Version',
    labelHint: 'Zum Beispiel „Stand vor der Beiratssitzung“, höchstens {{max}} Zeichen.',
    labelRequired: 'Bitte geben Sie einen Namen für die Version ein.',
    labelInvalid: 'Der Name braucht 1 bis {{max}} Zeichen.',
    save: 'Version speichern',
    saving: 'Wird gespeichert …',
    saved: 'Version „{{label}}“ gespeichert.',
    list: 'Gespeicherte Versionen',
    empty: 'Noch keine Versionen gespeichert.',
    createdBy: 'Gespeichert von {{name}} am {{date}}',
    view: 'Ansehen',
    viewLabel: 'Version „{{label}}“ ansehen',
    viewTitle: 'Version „{{label}}“',
    viewHint:
      'Nur lesen. Diese Version bleibt unverändert, auch wenn das Dokument weiter bearbeitet wird.',
    viewContent: 'Text der Version „{{label}}“',
    notFound: 'Diese Version gibt es nicht (mehr).',
    restore: 'Wiederherstellen',
    restoreLabel: 'Version „{{label}}“ wiederherstellen',
    restoreTitle: 'Version „{{label}}“ wiederherstellen?',
    restoreText:
      'Der Text des Dokuments wird auf den Stand dieser Version gebracht. Das geschieht als neue Änderung auf den aktuellen Stand, nicht als Ersatz des Dokuments: Alle, die gerade schreiben, sehen die Änderung sofort, ihre Eingaben gehen nicht verloren, und der bisherige Verlauf bleibt erhalten.',
    restoreTip:
      'Text, der seit dieser Version dazugekommen ist, verschwindet dabei aus dem Dokument. Speichern Sie den aktuellen Stand vorher als Version, wenn Sie ihn wiederfinden möchten.',
    restoreConfirm: 'Ja, wiederherstellen',
    restoring: 'Wird wiederhergestellt …',
    restored: 'Version „{{label}}“ wiederhergestellt.',
    readOnly:
      'Sie können Versionen ansehen. Speichern und wiederherstellen kann nur, wer das Dokument bearbeiten darf.',
    unavailable:
      'Versionen sind gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
  },
  {
    title: 'Versions',
    intro: 'A version keeps the current state of the text under a name.',
    label: 'Version name',
    labelHint: 'For example “Before the advisory council meeting”, at most {{max}} characters.',
    labelRequired: 'Please enter a name for the version.',
    labelInvalid: 'The name needs 1 to {{max}} characters.',
    save: 'Save version',
    saving: 'Saving …',
    saved: 'Version “{{label}}” saved.',
    list: 'Saved versions',
    empty: 'No versions saved yet.',
    createdBy: 'Saved by {{name}} on {{date}}',
    view: 'View',
    viewLabel: 'View version “{{label}}”',
    viewTitle: 'Version “{{label}}”',
    viewHint: 'Read only. This version stays as it is, even while the document is edited further.',
    viewContent: 'Text of version “{{label}}”',
    notFound: 'This version does not exist (any more).',
    restore: 'Restore',
    restoreLabel: 'Restore version “{{label}}”',
    restoreTitle: 'Restore version “{{label}}”?',
    restoreText:
      'The document’s text is brought back to this version. This is applied as a new change on top of the current state, not by replacing the document: everyone writing right now sees the change at once, their typing is not lost, and the history so far is kept.',
    restoreTip:
      'Text added since this version disappears from the document. Save the current state as a version first if you want to find it again.',
    restoreConfirm: 'Yes, restore',
    restoring: 'Restoring …',
    restored: 'Version “{{label}}” restored.',
    readOnly:
      'You can view versions. Only people who may edit the document can save and restore them.',
    unavailable: 'Versions cannot be reached right now. Please try again in a moment.',
  },
);
