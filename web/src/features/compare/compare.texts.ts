import { defineFeatureTexts } from '../../i18n/feature-texts';

/** Texts of the version comparison (namespace `compare`). */
export const compareTexts = defineFeatureTexts(
  'compare',
  {
    title: 'Versionen vergleichen',
    intro:
      'Wählen Sie ein Dokument und zwei Stände: benannte Versionen, Versionen einer Fassung oder den aktuellen Text.',
    document: 'Dokument',
    chooseDocument: 'Bitte ein Dokument wählen',
    from: 'Älterer Stand',
    to: 'Neuerer Stand',
    live: 'Aktueller Text',
    compare: 'Vergleichen',
    summary:
      'Änderungen: {{changes}} · eingefügte Wörter: {{inserted}} · gelöschte Wörter: {{deleted}} · betroffene Absätze: {{blocks}}',
    noChanges: 'Keine Unterschiede zwischen den beiden Ständen.',
    next: 'Nächste Änderung',
    previous: 'Vorige Änderung',
    keys: 'Tastatur: N springt zur nächsten, P zur vorigen Änderung.',
    position: 'Änderung {{n}} von {{count}}',
    inserted: 'eingefügt:',
    deleted: 'gelöscht:',
    result: 'Unterschiede',
    textOnly:
      'Von einem der Stände ist nur der Text bekannt; Überschriften und Hervorhebungen werden dann nicht verglichen.',
    measureTitle: 'Maßnahme {{code}} vergleichen',
    measureIntro: 'Vergleicht die Felder der Maßnahme heute mit ihrem Stand in einer Fassung.',
    edition: 'Fassung',
    chooseEdition: 'Bitte eine Fassung wählen',
    notInEdition: 'Diese Maßnahme ist in der gewählten Fassung nicht enthalten.',
    field: 'Feld',
    unchanged: 'unverändert',
    noEditions: 'Es gibt noch keine Fassung, mit der verglichen werden kann.',
  },
  {
    title: 'Compare versions',
    intro:
      'Choose a document and two states: named versions, versions of an edition, or the current text.',
    document: 'Document',
    chooseDocument: 'Please choose a document',
    from: 'Older state',
    to: 'Newer state',
    live: 'Current text',
    compare: 'Compare',
    summary:
      'Changes: {{changes}} · words inserted: {{inserted}} · words deleted: {{deleted}} · paragraphs affected: {{blocks}}',
    noChanges: 'No differences between the two states.',
    next: 'Next change',
    previous: 'Previous change',
    keys: 'Keyboard: N jumps to the next change, P to the previous one.',
    position: 'Change {{n}} of {{count}}',
    inserted: 'inserted:',
    deleted: 'deleted:',
    result: 'Differences',
    textOnly:
      'Only the text of one of the states is known; headings and emphasis are then not compared.',
    measureTitle: 'Compare measure {{code}}',
    measureIntro: 'Compares the fields of the measure today with their state in an edition.',
    edition: 'Edition',
    chooseEdition: 'Please choose an edition',
    notInEdition: 'This measure is not part of the chosen edition.',
    field: 'Field',
    unchanged: 'unchanged',
    noEditions: 'There is no edition to compare with yet.',
  },
);
