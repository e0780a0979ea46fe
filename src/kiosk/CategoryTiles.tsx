import { useTranslation } from 'react-i18next';
import { CATEGORIES, type CategoryId } from '../shared/content/categories.ts';
import type { Guide } from '../shared/content/guide.ts';
import { Icon } from './Icons.tsx';

/** A big tile for each kind of help the tablet has at least one guide for. */
export function CategoryTiles({
  guides,
  onOpen,
}: {
  guides: readonly Guide[];
  onOpen: (category: CategoryId) => void;
}) {
  const { t } = useTranslation();
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
