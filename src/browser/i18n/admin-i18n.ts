/**
 * The admin area's UI strings: its own i18next instance (like the staff
 * screen's), with two namespaces: "admin" for accounts, branches and
 * tablets, "editor" for guides, translations and packs. Swedish is bundled;
 * other languages are small chunks. The admin area shares the staff
 * screen's remembered language choice: it is the same person's device.
 */
import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { SOURCE_LANGUAGE, type Language } from '../../shared/languages.ts';
import adminSv from '../../../locales/sv/admin.json';
import editorSv from '../../../locales/sv/editor.json';
import { applyDocumentLanguage, COMMON_I18N_OPTIONS, localeNamespace } from './locale-namespace.ts';

export const ADMIN_NAMESPACE = 'admin';
export const EDITOR_NAMESPACE = 'editor';

const adminLocales = localeNamespace(
  ADMIN_NAMESPACE,
  import.meta.glob(['../../../locales/*/admin.json', '!../../../locales/sv/admin.json'], {
    import: 'default',
  }),
);
const editorLocales = localeNamespace(
  EDITOR_NAMESPACE,
  import.meta.glob(['../../../locales/*/editor.json', '!../../../locales/sv/editor.json'], {
    import: 'default',
  }),
);

/** Languages the admin area is written in: those with both namespaces. */
export const ADMIN_LANGUAGES: readonly Language[] = adminLocales.languages.filter((language) =>
  editorLocales.languageCodes.includes(language.code),
);
const adminLanguageCodes = ADMIN_LANGUAGES.map((language) => language.code as string);

const backend: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init: () => undefined,
  read(language: string, namespace: string, callback: ReadCallback) {
    const locales = namespace === EDITOR_NAMESPACE ? editorLocales : adminLocales;
    locales.backend.read(language, namespace, callback);
  },
};

const LANGUAGE_KEY = 'lotsen.staff.language';

function rememberedLanguage(): string {
  try {
    const code = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_KEY);
    return code && adminLanguageCodes.includes(code) ? code : SOURCE_LANGUAGE;
  } catch {
    return SOURCE_LANGUAGE;
  }
}

export const adminI18n = i18next.createInstance();

adminI18n.on('languageChanged', applyDocumentLanguage);

void adminI18n.use(backend).init({
  ...COMMON_I18N_OPTIONS,
  lng: rememberedLanguage(),
  supportedLngs: [...adminLanguageCodes],
  ns: [ADMIN_NAMESPACE, EDITOR_NAMESPACE],
  defaultNS: ADMIN_NAMESPACE,
  resources: { [SOURCE_LANGUAGE]: { [ADMIN_NAMESPACE]: adminSv, [EDITOR_NAMESPACE]: editorSv } },
  react: { useSuspense: true },
});

/** Loads a language and switches the admin area to it; remembered on this device. */
export async function changeAdminLanguage(code: string): Promise<void> {
  if (!adminLanguageCodes.includes(code)) {
    throw new Error(`The admin area has no UI strings for ${code}`);
  }
  await adminI18n.changeLanguage(code);
  try {
    localStorage.setItem(LANGUAGE_KEY, code);
  } catch {
    // Not remembered: the choice holds until the page is closed.
  }
  applyDocumentLanguage(code);
}
