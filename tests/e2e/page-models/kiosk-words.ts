import { existsSync, readFileSync } from 'node:fs';
import { LANGUAGES, SOURCE_LANGUAGE, type Language } from '../../../src/shared/languages.ts';

/**
 * The kiosk's UI languages as the build offers them: every language of the
 * language table with a locales/<code>/kiosk.json (the kiosk finds them the
 * same way), so a language a translator adds is tested without a change here.
 */
export const KIOSK_UI_LANGUAGES: readonly Language[] = LANGUAGES.filter((language) =>
  existsSync(`locales/${language.code}/kiosk.json`),
);

type Strings = { [key: string]: string | Strings };

function readStrings(code: string): Strings {
  return JSON.parse(readFileSync(`locales/${code}/kiosk.json`, 'utf8')) as Strings;
}

function lookUp(strings: Strings, key: string): string | undefined {
  let value: string | Strings | undefined = strings;
  for (const part of key.split('.')) {
    value = typeof value === 'object' ? value[part] : undefined;
  }
  return typeof value === 'string' ? value : undefined;
}

/** A kiosk UI string in one language, or in Swedish where the language lacks it (as the kiosk does). */
export function kioskWords(code: string): (key: string) => string {
  const strings = readStrings(code);
  const source = readStrings(SOURCE_LANGUAGE);
  return (key) => {
    const words = lookUp(strings, key) ?? lookUp(source, key);
    if (words === undefined) throw new Error(`No kiosk string ${key}`);
    return words;
  };
}
