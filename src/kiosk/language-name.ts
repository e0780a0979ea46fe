import { languageByCode, type LanguageCode } from '../shared/languages.ts';

/**
 * A language's name as the visitor reads it ("Swedish" for an English
 * visitor, "السويدية" for an Arabic one); the native name where the browser
 * does not know the language.
 */
export function languageNameFor(code: LanguageCode, visitorLanguage: LanguageCode): string {
  try {
    const name = new Intl.DisplayNames([visitorLanguage], {
      type: 'language',
      fallback: 'none',
    }).of(code);
    if (name) return name;
  } catch {
    // An engine without Intl.DisplayNames: the native name is still right.
  }
  return languageByCode(code).nativeName;
}
