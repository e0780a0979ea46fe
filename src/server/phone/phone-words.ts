/**
 * The few words the phone page says itself (step counter, callout names, the
 * fallback notice, error pages), taken from the kiosk's own UI strings so
 * translators keep one file per language. A word a language's file lacks is
 * said in Swedish, as on the kiosk.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SOURCE_LANGUAGE, type LanguageCode } from '../../shared/languages.ts';

type Strings = Record<string, unknown>;

/** Kiosk strings by language code. */
function loadKioskStrings(): Map<string, Strings> {
  // Vite (the built server, Vitest) bundles the files; tsx (npm run dev:server) reads them from disk.
  const viteEnv: unknown = import.meta.env;
  if (viteEnv !== undefined) {
    const files = import.meta.glob<Strings>('../../../locales/*/kiosk.json', {
      eager: true,
      import: 'default',
    });
    return new Map(
      Object.entries(files).map(([path, strings]) => [path.split('/').at(-2) ?? '', strings]),
    );
  }
  const root = fileURLToPath(new URL('../../../locales/', import.meta.url));
  const strings = new Map<string, Strings>();
  for (const code of readdirSync(root)) {
    try {
      strings.set(code, JSON.parse(readFileSync(`${root}${code}/kiosk.json`, 'utf8')) as Strings);
    } catch {
      // Not a language folder (README.md), or a language without kiosk strings yet.
    }
  }
  return strings;
}

const KIOSK_STRINGS = loadKioskStrings();

function lookUp(strings: Strings | undefined, key: string): string | undefined {
  let node: unknown = strings;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' && node !== '' ? node : undefined;
}

export type PhoneWords = (key: string, values?: Record<string, string | number>) => string;

/** The page's words in `language`, with {{name}} filled in from `values`. */
export function phoneWordsIn(language: LanguageCode): PhoneWords {
  return (key, values = {}) => {
    const template =
      lookUp(KIOSK_STRINGS.get(language), key) ??
      lookUp(KIOSK_STRINGS.get(SOURCE_LANGUAGE), key) ??
      key;
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    );
  };
}

/** A language's name in another language ("svenska" in Swedish, "Swedish" in English). */
export function languageNameIn(code: LanguageCode, inLanguage: LanguageCode): string | undefined {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language', fallback: 'none' }).of(code);
  } catch {
    return undefined;
  }
}
