import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { UI_LANGUAGES } from '../browser/i18n/kiosk-i18n.ts';
import type { Guide } from '../shared/content/guide.ts';
import type { LanguageCode } from '../shared/languages.ts';
import { GuidePlayer } from './lazy-screens.tsx';

/**
 * A kiosk address that opens one guide at one step, in one language:
 * `/?guide=<id>&step=<n>&lang=<code>`. For staff testing a guide on a tablet
 * and for the benchmark, which measures a guide step on a cold visit. Step
 * and language are optional; a value the kiosk does not know is ignored.
 */
export interface DeepLink {
  guideId: string;
  /** 1-based; clamped to the guide's steps when it opens. */
  step: number;
  language: LanguageCode | null;
}

const GUIDE_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const STEP = /^[1-9]\d{0,2}$/;

/** The link in a query string, or null when it names no guide. */
export function parseDeepLink(
  search: string,
  uiLanguages: readonly { code: LanguageCode }[] = UI_LANGUAGES,
): DeepLink | null {
  const params = new URLSearchParams(search);
  const guideId = params.get('guide') ?? '';
  if (!GUIDE_ID.test(guideId)) return null;
  const step = params.get('step') ?? '';
  const lang = params.get('lang');
  return {
    guideId,
    step: STEP.test(step) ? Number(step) : 1,
    language: uiLanguages.find((language) => language.code === lang)?.code ?? null,
  };
}

/**
 * Opens the guide a deep link names, once, as soon as the tablet has its
 * guides (on a first visit, after the first content sync). The address is
 * cleaned at once, so a reload or the next visitor gets a plain start screen.
 * `guides` is undefined while they load, null before the first sync ever.
 */
export function useDeepLink(
  guides: readonly Guide[] | null | undefined,
  open: (guide: Guide, link: DeepLink) => void,
): void {
  const [link] = useState(() => parseDeepLink(window.location.search));
  const handled = useRef(false);

  useEffect(() => {
    if (!link) return;
    // It will open a guide: the guide screen loads while the guides do (on a new tablet, the
    // first sync), not after them.
    GuidePlayer.preload().catch(() => undefined);
    const url = new URL(window.location.href);
    for (const name of ['guide', 'step', 'lang']) url.searchParams.delete(name);
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }, [link]);

  // Before the browser paints: the start screen with its guides is never shown on the way.
  useLayoutEffect(() => {
    if (!link || handled.current || !guides) return;
    handled.current = true;
    const guide = guides.find((candidate) => candidate.id === link.guideId);
    if (guide) open(guide, link);
  }, [link, guides, open]);
}
