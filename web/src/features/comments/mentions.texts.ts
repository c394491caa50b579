import { defineFeatureTexts } from '../../i18n/feature-texts';

/** Texts of the @-mention picker in comment boxes (namespace `mentions`). */
export const mentionsTexts = defineFeatureTexts(
  'mentions',
  {
    open: '@ Person erwähnen',
    label: 'Person erwähnen',
    hint: 'Namen eingeben, mit den Pfeiltasten wählen und mit der Eingabetaste übernehmen. Erwähnte Personen werden benachrichtigt. Zur Auswahl stehen nur Personen, die diesen Kommentar lesen dürfen.',
    none: 'Niemand gefunden, der diesen Kommentar lesen darf.',
    cancel: 'Abbrechen',
    mentioned: 'Erwähnt: {{names}}',
    added: '{{name}} wird erwähnt.',
  },
  {
    open: '@ Mention someone',
    label: 'Mention someone',
    hint: 'Type a name, choose with the arrow keys and confirm with Enter. People you mention are notified. Only people who may read this comment are offered.',
    none: 'Nobody found who may read this comment.',
    cancel: 'Cancel',
    mentioned: 'Mentioned: {{names}}',
    added: '{{name}} will be mentioned.',
  },
);
