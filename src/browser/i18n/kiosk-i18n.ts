/**
 * The kiosk's UI strings. Swedish is bundled (it is the source and the
 * fallback); every other language is its own small chunk, loaded when a
 * visitor picks it. The service worker precaches all of them, so a language
 * switch works with the network down.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { SOURCE_LANGUAGE, type Language, type LanguageCode } from '../../shared/languages.ts';
import sv from '../../../locales/sv/kiosk.json';
import { applyDocumentLanguage, COMMON_I18N_OPTIONS, localeNamespace } from './locale-namespace.ts';

export const KIOSK_NAMESPACE = 'kiosk';

type KioskStrings = typeof sv;

const lazyLocales = import.meta.glob<KioskStrings>(
  ['../../../locales/*/kiosk.json', '!../../../locales/sv/kiosk.json'],
  { import: 'default' },
);

const locales = localeNamespace(KIOSK_NAMESPACE, lazyLocales);

/** The languages a visitor can choose: those with UI strings, in the order of the language table. */
export const UI_LANGUAGES: readonly Language[] = locales.languages;

const uiLanguageCodes = locales.languageCodes;

export const kioskI18n = i18next.createInstance();

void kioskI18n
  .use(locales.backend)
  .use(initReactI18next)
  .init({
    ...COMMON_I18N_OPTIONS,
    lng: SOURCE_LANGUAGE,
    supportedLngs: [...uiLanguageCodes],
    ns: [KIOSK_NAMESPACE],
    defaultNS: KIOSK_NAMESPACE,
    resources: { [SOURCE_LANGUAGE]: { [KIOSK_NAMESPACE]: sv } },
    react: { useSuspense: false },
  });

kioskI18n.on('languageChanged', applyDocumentLanguage);

/** Loads a UI language (from the precache when offline) and switches the whole page to it. */
export async function changeKioskLanguage(code: LanguageCode): Promise<void> {
  if (!uiLanguageCodes.includes(code)) throw new Error(`The kiosk has no UI strings for ${code}`);
  await kioskI18n.changeLanguage(code);
  applyDocumentLanguage(code);
}
