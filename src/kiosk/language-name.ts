import { languageByCode, languageNameIn, type LanguageCode } from '../shared/languages.ts';

/**
 * A language's name as the visitor reads it ("Swedish" for an English
 * visitor, "السويدية" for an Arabic one); the native name where the browser
 * does not know the language.
 */
export function languageNameFor(code: LanguageCode, visitorLanguage: LanguageCode): string {
  return languageNameIn(code, visitorLanguage) ?? languageByCode(code).nativeName;
}
