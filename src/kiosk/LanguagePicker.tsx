import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES } from '../browser/i18n/kiosk-i18n.ts';
import type { LanguageCode } from '../shared/languages.ts';
import { Icon } from './Icons.tsx';

/**
 * One big button per UI language, each name in its own language and script,
 * marked up so a screen reader pronounces it in that language.
 */
export function LanguagePicker({
  current,
  onChoose,
}: {
  current: LanguageCode;
  onChoose: (code: LanguageCode) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="language-picker" aria-labelledby="language-picker-heading">
      <h2 id="language-picker-heading" className="section-heading">
        <Icon name="translate" />
        <span>{t('start.chooseLanguage')}</span>
      </h2>
      <ul className="language-buttons">
        {UI_LANGUAGES.map((language) => (
          <li key={language.code}>
            <button
              type="button"
              className="button language-button"
              aria-pressed={language.code === current}
              onClick={() => {
                onChoose(language.code);
              }}
            >
              <span lang={language.code} dir={language.dir}>
                {language.nativeName}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
