import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { changeStaffLanguage, STAFF_LANGUAGES } from '../browser/i18n/staff-i18n.ts';

/** The staff screen's language, each named in itself; remembered on this device. */
export function StaffLanguageSelect() {
  const { t, i18n } = useTranslation('staff');
  const id = useId();
  return (
    <div className="staff-language">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={i18n.resolvedLanguage ?? i18n.language}
        onChange={(event) => {
          changeStaffLanguage(event.target.value).catch((error: unknown) => {
            console.error(`Could not switch the staff screen to ${event.target.value}`, error);
          });
        }}
      >
        {STAFF_LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.nativeName}
          </option>
        ))}
      </select>
    </div>
  );
}
