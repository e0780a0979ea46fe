import { languageByCode, type LanguageCode } from '../shared/languages.ts';

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
  let staffName: string | undefined;
  try {
    staffName = new Intl.DisplayNames([staffLanguage], { type: 'language', fallback: 'none' }).of(
      code,
    );
  } catch {
    // An engine without Intl.DisplayNames: the English name is the next best thing.
  }
  return {
    nativeName: language.nativeName,
    staffName: staffName ?? language.englishName,
    dir: language.dir,
  };
}
