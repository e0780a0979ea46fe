import { useTranslation } from 'react-i18next';
import { CATEGORIES, type CategoryId } from '../shared/content/categories.ts';
import type { Guide } from '../shared/content/guide.ts';
import { isLanguageCode, SOURCE_LANGUAGE } from '../shared/languages.ts';
import { Icon } from './Icons.tsx';
import { sayName, useVoiceFor } from './read-aloud/speech.ts';

/**
 * A big tile for each kind of help the tablet has at least one guide for.
 * A touched tile says its name aloud (for visitors who do not read well)
 * when the tablet has a voice for the kiosk's language, and opens.
 */
export function CategoryTiles({
  guides,
  onOpen,
}: {
  guides: readonly Guide[];
  onOpen: (category: CategoryId) => void;
}) {
  const { t, i18n } = useTranslation();
  const voice = useVoiceFor(isLanguageCode(i18n.language) ? i18n.language : SOURCE_LANGUAGE);
  const withGuides = CATEGORIES.filter((category) =>
    guides.some((guide) => guide.category === category.id),
  );
  if (withGuides.length === 0) return <p className="notice">{t('start.noGuides')}</p>;
  return (
    <section className="categories" aria-labelledby="categories-heading">
      <h2 id="categories-heading" className="section-heading">
        {t('start.chooseTopic')}
      </h2>
      <ul className="tiles">
        {withGuides.map((category) => (
          <li key={category.id}>
            <button
              type="button"
              className="tile"
              onClick={() => {
                sayName(t(`categories.${category.id}`), voice);
                onOpen(category.id);
              }}
            >
              <Icon name={category.icon} className="tile-icon" />
              <span className="tile-name">{t(`categories.${category.id}`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
