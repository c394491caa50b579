import { defineFeatureTexts } from '../../i18n/feature-texts';

/** Texts of the document page's own tools (namespace `documentPage`). */
export const documentPageTexts = defineFeatureTexts(
  'documentPage',
  {
    rename: 'Umbenennen',
    renameTitle: 'Dokument umbenennen',
    renamed: 'Dokument heißt jetzt „{{title}}“.',
    title: 'Titel',
    sharedWithCount_one: 'Freigegeben für {{count}} Gremium',
    sharedWithCount_other: 'Freigegeben für {{count}} Gremien',
  },
  {
    rename: 'Rename',
    renameTitle: 'Rename document',
    renamed: 'The document is now called “{{title}}”.',
    title: 'Title',
    sharedWithCount_one: 'Shared with {{count}} body',
    sharedWithCount_other: 'Shared with {{count}} bodies',
  },
);
