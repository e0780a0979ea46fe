import { useTranslation } from 'react-i18next';
import type { CategoryId } from '../shared/content/categories.ts';
import { CATEGORIES } from '../shared/content/categories.ts';
import type { Guide } from '../shared/content/guide.ts';
import type { LanguageCode } from '../shared/languages.ts';
import { contentLanguageFor } from '../shared/content/guide-language.ts';
import { GuideButton } from './GuideButton.tsx';
import { Icon } from './Icons.tsx';
import { useFocusOnChange } from './use-focus-on-change.ts';

interface GuideListProps {
  category: CategoryId;
  guides: readonly Guide[];
  visitorLanguage: LanguageCode;
  fallbackLanguage: LanguageCode | undefined;
  onOpen: (guide: Guide) => void;
}

/** Every guide of one category; those not in the visitor's language say which language they are in. */
export function GuideList({
  category,
  guides,
  visitorLanguage,
  fallbackLanguage,
  onOpen,
}: GuideListProps) {
  const { t } = useTranslation();
  const headingRef = useFocusOnChange<HTMLHeadingElement>(category);
  const icon = CATEGORIES.find((candidate) => candidate.id === category)?.icon ?? 'document';
  const inCategory = guides.filter((guide) => guide.category === category);
  return (
    <div className="guide-list-screen">
      <h1 className="screen-title with-icon" ref={headingRef} tabIndex={-1}>
        <Icon name={icon} />
        <span>{t(`categories.${category}`)}</span>
      </h1>
      <p className="screen-lead">{t('guideList.chooseGuide')}</p>
      <ul className="guide-list">
        {inCategory.map((guide) => (
          <li key={guide.id}>
            <GuideButton
              guide={guide}
              language={contentLanguageFor(guide, visitorLanguage, fallbackLanguage)}
              visitorLanguage={visitorLanguage}
              onOpen={() => {
                onOpen(guide);
              }}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
