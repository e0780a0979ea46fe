import { languageByCode, languageNameIn, type LanguageCode } from '../shared/languages.ts';

/**
 * A visitor's language as staff need it: the native name (what the visitor
 * chose, and what a colleague who speaks it recognises) and its name in the
 * staff member's language ("arabiska"), to know whom to ask.
 */
export function languageNamesFor(
  code: LanguageCode,
  staffLanguage: string,
): { nativeName: string; staffName: string; dir: 'ltr' | 'rtl' } {
  const language = languageByCode(code);
  return {
    nativeName: language.nativeName,
    // Where the browser has no name for it, the English name is the next best thing.
    staffName: languageNameIn(code, staffLanguage) ?? language.englishName,
    dir: language.dir,
  };
}
