import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ADMIN_LANGUAGES, changeAdminLanguage } from '../../browser/i18n/admin-i18n.ts';
import { changeStaffLanguage, STAFF_LANGUAGES } from '../../browser/i18n/staff-i18n.ts';

/**
 * The admin area's language, each named in itself. The staff screen's
 * parts shown here (login, problems) follow it, so the page is one language.
 */
export async function changeLanguageEverywhere(code: string): Promise<void> {
  await Promise.all([
    changeAdminLanguage(code),
    STAFF_LANGUAGES.some((language) => language.code === code)
      ? changeStaffLanguage(code)
      : undefined,
  ]);
}

export function AdminLanguageSelect() {
  const { t, i18n } = useTranslation('admin');
  const id = useId();
  return (
    <div className="staff-language admin-language">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={i18n.resolvedLanguage ?? i18n.language}
        onChange={(event) => {
          changeLanguageEverywhere(event.target.value).catch((error: unknown) => {
            console.error(`Could not switch the admin area to ${event.target.value}`, error);
          });
        }}
      >
        {ADMIN_LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.nativeName}
          </option>
        ))}
      </select>
    </div>
  );
}
