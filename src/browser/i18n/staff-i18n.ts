/**
 * The staff screen's UI strings: their own i18next instance, so the kiosk's
 * language (the visitor's) and the staff screen's never get in each other's
 * way, and only the staff area (itself loaded lazily) downloads them.
 * Swedish is bundled with the staff code; every other language is its own
 * small chunk. Staff choose their language once per device.
 */
import i18next from 'i18next';
import { SOURCE_LANGUAGE, type Language } from '../../shared/languages.ts';
import sv from '../../../locales/sv/staff.json';
import { applyDocumentLanguage, COMMON_I18N_OPTIONS, localeNamespace } from './locale-namespace.ts';

export const STAFF_NAMESPACE = 'staff';

type StaffStrings = typeof sv;

const lazyLocales = import.meta.glob<StaffStrings>(
  ['../../../locales/*/staff.json', '!../../../locales/sv/staff.json'],
  { import: 'default' },
);

const locales = localeNamespace(STAFF_NAMESPACE, lazyLocales);

/** The languages the staff screen is written in, in the order of the language table. */
export const STAFF_LANGUAGES: readonly Language[] = locales.languages;

const staffLanguageCodes = locales.languageCodes;

/** A staff member's device is theirs (not a kiosk's), so remembering the language there is fine. */
const LANGUAGE_KEY = 'lotsen.staff.language';

function rememberedLanguage(): string {
  try {
    const code = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_KEY);
    return code && staffLanguageCodes.includes(code) ? code : SOURCE_LANGUAGE;
  } catch {
    // Storage can be switched off; Swedish it is.
    return SOURCE_LANGUAGE;
  }
}

function rememberLanguage(code: string): void {
  try {
    if (typeof localStorage !== 'undefined') localStorage.setItem(LANGUAGE_KEY, code);
  } catch {
    // Not remembered: the choice still holds until the page is closed.
  }
}

/** Sets `<html lang dir>`, so screen readers read the staff screen in its language. */
export function applyStaffDocumentLanguage(code: string = staffI18n.language): void {
  applyDocumentLanguage(code);
}

export const staffI18n = i18next.createInstance();

staffI18n.on('languageChanged', applyStaffDocumentLanguage);

void staffI18n.use(locales.backend).init({
  ...COMMON_I18N_OPTIONS,
  lng: rememberedLanguage(),
  supportedLngs: [...staffLanguageCodes],
  ns: [STAFF_NAMESPACE],
  defaultNS: STAFF_NAMESPACE,
  resources: { [SOURCE_LANGUAGE]: { [STAFF_NAMESPACE]: sv } },
  // A remembered language other than Swedish is loaded before the first render: the
  // staff area is inside <Suspense> already (it is lazy), so nothing flashes in Swedish.
  react: { useSuspense: true },
});

/** Loads a language (first time: a small download) and switches the staff screen to it. */
export async function changeStaffLanguage(code: string): Promise<void> {
  if (!staffLanguageCodes.includes(code)) {
    throw new Error(`The staff screen has no UI strings for ${code}`);
  }
  await staffI18n.changeLanguage(code);
  rememberLanguage(code);
  applyStaffDocumentLanguage(code);
}
