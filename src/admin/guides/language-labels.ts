import { languageByCode, languageNameIn, type LanguageCode } from '../../shared/languages.ts';

/**
 * A language as an editor needs it: its name in the admin area's language
 * and, where it differs, its own name, e.g. "arabiska (العربية)".
 */
export function languageLabel(code: LanguageCode, uiLanguage: string): string {
  const language = languageByCode(code);
  // Where the browser has no name for it, the native name alone still says it.
  const name = languageNameIn(code, uiLanguage);
  if (!name || name === language.nativeName) return language.nativeName;
  return `${name} (${language.nativeName})`;
}

/** "2026-05-04T09:30:00Z" as a short local date and time in the admin area's language. */
export function formatTime(iso: string, uiLanguage: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  return new Intl.DateTimeFormat(uiLanguage, { dateStyle: 'medium', timeStyle: 'short' }).format(
    time,
  );
}
