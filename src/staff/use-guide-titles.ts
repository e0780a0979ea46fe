import { useCallback, useEffect, useState } from 'react';
import type { GuideText } from '../shared/content/guide.ts';
import { isLanguageCode, SOURCE_LANGUAGE } from '../shared/languages.ts';
import { fetchGuides } from './staff-api.ts';

export interface GuideTitle {
  title: string;
  /** The language the title is in: Swedish when the guide has none in the staff language. */
  lang: string;
}

export type GuideTitleOf = (guideId: string) => GuideTitle | undefined;

/**
 * The titles of the branch's guides, so a call says "Get Mobile BankID"
 * rather than "install-mobilt-bankid". Loaded once per branch; until then,
 * or if it fails, the screen shows the guide's id.
 */
export function useGuideTitles(branchId: number, staffLanguage: string): GuideTitleOf {
  const [texts, setTexts] = useState<ReadonlyMap<string, Partial<Record<string, GuideText>>>>();

  useEffect(() => {
    const abort = new AbortController();
    fetchGuides(branchId, abort.signal).then(
      (guides) => {
        setTexts(new Map(guides.map((guide) => [guide.id, guide.text])));
      },
      (error: unknown) => {
        if (!abort.signal.aborted) console.warn('Could not load the guide titles.', error);
      },
    );
    return () => {
      abort.abort();
    };
  }, [branchId]);

  return useCallback(
    (guideId: string) => {
      const text = texts?.get(guideId);
      const own = isLanguageCode(staffLanguage) ? text?.[staffLanguage] : undefined;
      if (own) return { title: own.title, lang: staffLanguage };
      const source = text?.[SOURCE_LANGUAGE];
      return source ? { title: source.title, lang: SOURCE_LANGUAGE } : undefined;
    },
    [texts, staffLanguage],
  );
}
