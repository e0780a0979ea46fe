import { useTranslation } from 'react-i18next';
import type { CategoryId } from '../shared/content/categories.ts';
import type { Guide } from '../shared/content/guide.ts';
import type { LanguageCode } from '../shared/languages.ts';
import { CategoryTiles } from './CategoryTiles.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';
import { useFocusOnChange } from './use-focus-on-change.ts';
import { WaitingForGuides } from './WaitingForGuides.tsx';

/** The first screen: a welcome, the languages, and what the visitor can get help with. */
export function StartScreen({
  language,
  guides,
  onChooseLanguage,
  onOpenCategory,
}: {
  language: LanguageCode;
  /** null until the tablet has its first content; undefined while its database opens (a moment). */
  guides: readonly Guide[] | null | undefined;
  onChooseLanguage: (code: LanguageCode) => void;
  onOpenCategory: (category: CategoryId) => void;
}) {
  const { t } = useTranslation();
  const headingRef = useFocusOnChange<HTMLHeadingElement>('start');
  return (
    <div className="start-screen">
      <h1 className="screen-title" ref={headingRef} tabIndex={-1}>
        {t('start.welcome')}
      </h1>
      <LanguagePicker current={language} onChoose={onChooseLanguage} />
      {guides ? (
        <CategoryTiles guides={guides} onOpen={onOpenCategory} />
      ) : (
        guides === null && <WaitingForGuides />
      )}
    </div>
  );
}
