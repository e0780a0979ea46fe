/**
 * What the kiosk's and the staff screen's UI strings have in common: one
 * JSON file per language and namespace under locales/, Swedish bundled as
 * the source, every other language its own chunk loaded when chosen.
 */
import type { BackendModule, InitOptions, ReadCallback } from 'i18next';
import { LANGUAGES, SOURCE_LANGUAGE, type Language } from '../../shared/languages.ts';

export interface LocaleNamespace {
  /** The languages with strings in this namespace, in the order of the language table. */
  languages: readonly Language[];
  languageCodes: readonly string[];
  /** An i18next backend that loads a language's chunk. */
  backend: BackendModule;
}

/**
 * `lazyLocales` is what `import.meta.glob('…/locales/*\/<namespace>.json')`
 * returns for every language but Swedish (Vite needs the glob written out
 * where it is used, so each namespace's module calls it).
 */
export function localeNamespace(
  namespace: string,
  lazyLocales: Record<string, () => Promise<unknown>>,
): LocaleNamespace {
  const loaders = new Map(
    Object.entries(lazyLocales).map(([path, load]) => {
      const code = new RegExp(`/locales/([^/]+)/${namespace}\\.json$`).exec(path)?.[1];
      if (!code) throw new Error(`Unexpected locale path ${path}`);
      return [code, load] as const;
    }),
  );
  const languages = LANGUAGES.filter(
    (language) => language.code === SOURCE_LANGUAGE || loaders.has(language.code),
  );
  const backend: BackendModule = {
    type: 'backend',
    callbackApi: true,
    init: () => undefined,
    read(language: string, requested: string, callback: ReadCallback) {
      const load = requested === namespace ? loaders.get(language) : undefined;
      if (!load) {
        callback(null, {});
        return;
      }
      load().then(
        (strings) => {
          callback(null, strings as Record<string, unknown>);
        },
        (error: unknown) => {
          callback(error instanceof Error ? error.message : String(error), false);
        },
      );
    },
  };
  return { languages, languageCodes: languages.map((language) => language.code), backend };
}

/** The i18next options every Lotsen screen shares. */
export const COMMON_I18N_OPTIONS = {
  fallbackLng: SOURCE_LANGUAGE,
  // Codes are used whole: "sv-x-ll" (easy-to-read Swedish) must not be cut down to "sv".
  load: 'currentOnly',
  partialBundledLanguages: true,
  initAsync: false,
  // React escapes every value it renders.
  interpolation: { escapeValue: false },
  // A missing key is a bug: shout in development, fall back to Swedish quietly in production.
  saveMissing: import.meta.env.DEV,
  missingKeyHandler: (languages: readonly string[], namespace: string, key: string) => {
    console.error(`Missing UI string ${namespace}:${key} for ${languages.join(', ')}`);
  },
} satisfies InitOptions;

/** Sets `<html lang dir>` so screen readers, fonts and CSS logical properties follow the language. */
export function applyDocumentLanguage(code: string): void {
  if (typeof document === 'undefined') return;
  const language = LANGUAGES.find((candidate) => candidate.code === code);
  document.documentElement.lang = language?.code ?? SOURCE_LANGUAGE;
  document.documentElement.dir = language?.dir ?? 'ltr';
}
