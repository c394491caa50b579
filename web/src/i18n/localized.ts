/** A text stored in German and English, as the API sends names of action fields and groups. */
export interface LocalizedTextLike {
  de: string;
  en: string;
}

/** Picks the variant for the interface language, falling back to German. */
export function toLocalized(text: LocalizedTextLike | null | undefined, language: string): string {
  if (!text) return '';
  return language.startsWith('en') ? text.en || text.de : text.de;
}
