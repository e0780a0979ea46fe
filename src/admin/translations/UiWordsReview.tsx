import { useTranslation } from 'react-i18next';
import reviewStatus from '../../../locales/review-status.json';
import { isLanguageCode, type LanguageCode } from '../../shared/languages.ts';
import { languageLabel } from '../guides/language-labels.ts';

type ReviewState = 'source' | 'team' | 'machine-drafted';

/** The kiosk's own words (buttons, messages) per language, from locales/review-status.json. */
export const KIOSK_WORDS_REVIEW: [LanguageCode, ReviewState][] = Object.entries(
  reviewStatus.kiosk,
).flatMap(([code, state]) => (isLanguageCode(code) ? [[code, state as ReviewState]] : []));

/**
 * Which languages of the kiosk's own words a machine drafted: a native
 * speaker should read them on a tablet before visitors rely on them.
 */
export function UiWordsReview() {
  const { t, i18n } = useTranslation('editor');
  const drafted = KIOSK_WORDS_REVIEW.filter(([, state]) => state === 'machine-drafted');
  if (drafted.length === 0) return null;
  return (
    <section className="editor-section" aria-labelledby="ui-words-heading">
      <h2 id="ui-words-heading">{t('matrix.uiWordsHeading')}</h2>
      <p>{t('matrix.uiWordsLead')}</p>
      <ul>
        {drafted.map(([code]) => (
          <li key={code}>
            <span aria-hidden="true">⚙ </span>
            {languageLabel(code, i18n.language)}: {t('translation.machineDrafted')}
          </li>
        ))}
      </ul>
    </section>
  );
}
