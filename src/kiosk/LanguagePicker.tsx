import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES } from '../browser/i18n/kiosk-i18n.ts';
import type { Language, LanguageCode } from '../shared/languages.ts';
import { Icon } from './Icons.tsx';
import { sayName, useVoiceFor } from './read-aloud/speech.ts';

/**
 * One big button per UI language, each name in its own language and script,
 * marked up so a screen reader pronounces it in that language. A touched
 * button also says the name aloud, with a voice of that language.
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
            <LanguageButton
              language={language}
              chosen={language.code === current}
              onChoose={onChoose}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

function LanguageButton({
  language,
  chosen,
  onChoose,
}: {
  language: Language;
  chosen: boolean;
  onChoose: (code: LanguageCode) => void;
}) {
  // Only a voice of this language may say its name: silence is better than a wrong accent.
  const voice = useVoiceFor(language.code);
  return (
    <button
      type="button"
      className="button language-button"
      aria-pressed={chosen}
      onClick={() => {
        // "فارسی / دری" is said as two names, not with "slash".
        sayName(language.nativeName.replace(/\s*\/\s*/g, ', '), voice);
        onChoose(language.code);
      }}
    >
      <span lang={language.code} dir={language.dir}>
        {language.nativeName}
      </span>
    </button>
  );
}
