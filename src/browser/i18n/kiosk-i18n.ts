/**
 * The kiosk's UI strings. Swedish is bundled (it is the source and the
 * fallback); every other language is its own small chunk, loaded when a
 * visitor picks it. The service worker precaches all of them, so a language
 * switch works with the network down.
 */
import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  LANGUAGES,
  SOURCE_LANGUAGE,
  type Language,
  type LanguageCode,
} from '../../shared/languages.ts';
import sv from '../../../locales/sv/kiosk.json';

export const KIOSK_NAMESPACE = 'kiosk';

type KioskStrings = typeof sv;

const lazyLocales = import.meta.glob<KioskStrings>(
  ['../../../locales/*/kiosk.json', '!../../../locales/sv/kiosk.json'],
  { import: 'default' },
);

const lazyLocaleByCode = new Map(
  Object.entries(lazyLocales).map(([path, load]) => [localeCodeOf(path), load] as const),
);

function localeCodeOf(path: string): string {
  const code = /\/locales\/([^/]+)\/kiosk\.json$/.exec(path)?.[1];
  if (!code) throw new Error(`Unexpected locale path ${path}`);
  return code;
}

/** The languages a visitor can choose: those with UI strings, in the order of the language table. */
export const UI_LANGUAGES: readonly Language[] = LANGUAGES.filter(
  (language) => language.code === SOURCE_LANGUAGE || lazyLocaleByCode.has(language.code),
);

const uiLanguageCodes: readonly string[] = UI_LANGUAGES.map((language) => language.code);

const localeBackend: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init: () => undefined,
  read(language: string, namespace: string, callback: ReadCallback) {
    const load = namespace === KIOSK_NAMESPACE ? lazyLocaleByCode.get(language) : undefined;
    if (!load) {
      callback(null, {});
      return;
    }
    load().then(
      (strings) => {
        callback(null, strings);
      },
      (error: unknown) => {
        callback(error instanceof Error ? error.message : String(error), false);
      },
    );
  },
};

/** Sets `<html lang dir>` so screen readers, fonts and CSS logical properties follow the language. */
function applyDocumentLanguage(code: string): void {
  if (typeof document === 'undefined') return;
  const language = LANGUAGES.find((candidate) => candidate.code === code);
  document.documentElement.lang = language?.code ?? SOURCE_LANGUAGE;
  document.documentElement.dir = language?.dir ?? 'ltr';
}

export const kioskI18n = i18next.createInstance();

void kioskI18n
  .use(localeBackend)
  .use(initReactI18next)
  .init({
    lng: SOURCE_LANGUAGE,
    fallbackLng: SOURCE_LANGUAGE,
    supportedLngs: uiLanguageCodes,
    load: 'languageOnly',
    ns: [KIOSK_NAMESPACE],
    defaultNS: KIOSK_NAMESPACE,
    resources: { [SOURCE_LANGUAGE]: { [KIOSK_NAMESPACE]: sv } },
    partialBundledLanguages: true,
    initAsync: false,
    // React escapes every value it renders.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
    // A missing key is a bug: shout in development, fall back to Swedish quietly in production.
    saveMissing: import.meta.env.DEV,
    missingKeyHandler: (languages, namespace, key) => {
      console.error(`Missing UI string ${namespace}:${key} for ${languages.join(', ')}`);
    },
  });

kioskI18n.on('languageChanged', applyDocumentLanguage);

/** Loads a UI language (from the precache when offline) and switches the whole page to it. */
export async function changeKioskLanguage(code: LanguageCode): Promise<void> {
  if (!uiLanguageCodes.includes(code)) throw new Error(`The kiosk has no UI strings for ${code}`);
  await kioskI18n.changeLanguage(code);
  applyDocumentLanguage(code);
}
