import { defineFeatureTexts } from '../../i18n/feature-texts';

/** Texts of the search (namespace `search`). */
export const searchTexts = defineFeatureTexts(
  'search',
  {
    label: 'Suchen',
    placeholder: 'Dokumente, Maßnahmen, Kommentare, Aufgaben, Personen',
    submit: 'Suchen',
    title: 'Suche',
    resultsFor_one: '{{count}} Treffer für „{{query}}“',
    resultsFor_other: '{{count}} Treffer für „{{query}}“',
    none: 'Nichts gefunden für „{{query}}“. Versuchen Sie ein anderes Wort.',
    tooShort: 'Bitte geben Sie mindestens zwei Zeichen ein.',
    hint: 'Die Suche findet auch andere Wortformen („Schule“ findet „Schulen“) und Schreibweisen mit ae, oe, ue und ss. Sie zeigt nur, was Sie sehen dürfen.',
    types: {
      DOCUMENT: 'Dokumente',
      COMMENT: 'Kommentare',
      TASK: 'Aufgaben',
      PERSON: 'Personen',
      MEASURE: 'Maßnahmen',
    },
    commentBy: 'Kommentar von {{name}}',
  },
  {
    label: 'Search',
    placeholder: 'Documents, measures, comments, tasks, people',
    submit: 'Search',
    title: 'Search',
    resultsFor_one: '{{count}} result for “{{query}}”',
    resultsFor_other: '{{count}} results for “{{query}}”',
    none: 'Nothing found for “{{query}}”. Try another word.',
    tooShort: 'Please enter at least two characters.',
    hint: 'The search also finds other word forms (“Schule” finds “Schulen”) and spellings with ae, oe, ue and ss. It shows only what you may see.',
    types: {
      DOCUMENT: 'Documents',
      COMMENT: 'Comments',
      TASK: 'Tasks',
      PERSON: 'People',
      MEASURE: 'Measures',
    },
    commentBy: 'Comment by {{name}}',
  },
);
