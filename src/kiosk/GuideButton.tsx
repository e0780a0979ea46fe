import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Guide } from '../shared/content/guide.ts';
import type { LanguageCode } from '../shared/languages.ts';
import { guideTextIn } from '../shared/content/guide-language.ts';
import { languageByCode } from '../shared/languages.ts';
import { languageNameFor } from './language-name.ts';
import { Icon } from './Icons.tsx';

/** One guide in a list: its pictogram, title and summary, and its language when it is not the visitor's. */
export function GuideButton({
  guide,
  language,
  visitorLanguage,
  onOpen,
}: {
  guide: Guide;
  language: LanguageCode;
  visitorLanguage: LanguageCode;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const text = guideTextIn(guide, language);
  // The button is named by the guide's title alone; the rest describes it.
  return (
    <button
      type="button"
      className="guide-button"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-details`}
      onClick={onOpen}
    >
      <Icon name={guide.icon} className="guide-button-icon" />
      <span className="guide-button-words">
        <span
          id={`${id}-title`}
          className="guide-button-title"
          lang={language}
          dir={languageByCode(language).dir}
        >
          {text.title}
        </span>
        <span id={`${id}-details`} className="guide-button-details">
          {text.summary && (
            <span
              className="guide-button-summary"
              lang={language}
              dir={languageByCode(language).dir}
            >
              {text.summary}
            </span>
          )}
          <span className="guide-button-meta">
            <span>{t('guideList.length', { total: guide.steps.length })}</span>
            {language !== visitorLanguage && (
              <span className="badge">
                {t('fallback.shownIn', { language: languageNameFor(language, visitorLanguage) })}
              </span>
            )}
          </span>
        </span>
      </span>
      <Icon name="forward" className="icon-directional guide-button-arrow" />
    </button>
  );
}
