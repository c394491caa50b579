import { defineFeatureTexts } from '../../i18n/feature-texts';

/** Texts of the export buttons and job progress (namespace `exports`). */
export const exportsTexts = defineFeatureTexts(
  'exports',
  {
    heading: 'Exportieren',
    intro: 'Die Datei wird auf dem Server aus dem gespeicherten Stand erzeugt.',
    format: {
      DOCX: 'Word (DOCX)',
      ODT: 'OpenDocument (ODT)',
      PDF: 'PDF (barrierefrei)',
      MARKDOWN: 'Markdown',
    },
    request: '{{format}} erzeugen',
    unavailable: '{{format}} ist gerade nicht verfügbar: Auf dem Server fehlt LibreOffice.',
    stage: {
      queued: 'Wartet …',
      collecting: 'Inhalte werden gesammelt …',
      rendering: 'Dokument wird gesetzt …',
      converting: 'Wird umgewandelt …',
      storing: 'Wird gespeichert …',
      done: 'Fertig',
      failed: 'Fehlgeschlagen',
    },
    progress: 'Fortschritt {{format}}',
    ready: '{{format}} ist fertig.',
    download: '{{file}} herunterladen ({{size}})',
    failed: '{{format}}: {{reason}}',
  },
  {
    heading: 'Export',
    intro: 'The file is made on the server from the stored state.',
    format: {
      DOCX: 'Word (DOCX)',
      ODT: 'OpenDocument (ODT)',
      PDF: 'PDF (accessible)',
      MARKDOWN: 'Markdown',
    },
    request: 'Make {{format}}',
    unavailable: '{{format}} is not available right now: LibreOffice is missing on the server.',
    stage: {
      queued: 'Waiting …',
      collecting: 'Collecting the contents …',
      rendering: 'Typesetting …',
      converting: 'Converting …',
      storing: 'Storing …',
      done: 'Done',
      failed: 'Failed',
    },
    progress: 'Progress {{format}}',
    ready: '{{format}} is ready.',
    download: 'Download {{file}} ({{size}})',
    failed: '{{format}}: {{reason}}',
  },
);
