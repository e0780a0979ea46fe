// @vitest-environment jsdom
import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseDeepLink, useDeepLink } from '../../src/kiosk/deep-link.ts';
import { GuidePlayer } from '../../src/kiosk/lazy-screens.tsx';
import type { LanguageCode } from '../../src/shared/languages.ts';

const UI: { code: LanguageCode }[] = [{ code: 'sv' }, { code: 'en' }, { code: 'ar' }];

describe('the kiosk deep link', () => {
  it('opens a guide at a step in a language', () => {
    expect(parseDeepLink('?guide=install-mobilt-bankid&step=3&lang=ar', UI)).toEqual({
      guideId: 'install-mobilt-bankid',
      step: 3,
      language: 'ar',
    });
  });

  it('starts at the first step in the current language when those are left out', () => {
    expect(parseDeepLink('?guide=bus-ticket', UI)).toEqual({
      guideId: 'bus-ticket',
      step: 1,
      language: null,
    });
  });

  it('is no link without a guide id the kiosk could hold', () => {
    expect(parseDeepLink('', UI)).toBeNull();
    expect(parseDeepLink('?step=2&lang=en', UI)).toBeNull();
    expect(parseDeepLink('?guide=', UI)).toBeNull();
    expect(parseDeepLink('?guide=Not%20a%20guide', UI)).toBeNull();
    expect(parseDeepLink('?guide=../admin', UI)).toBeNull();
    expect(parseDeepLink(`?guide=${'a'.repeat(81)}`, UI)).toBeNull();
  });

  it('ignores a step or language it does not know', () => {
    for (const step of ['0', '-1', '2.5', 'two', '1e3', '9999', ''])
      expect(parseDeepLink(`?guide=g&step=${step}`, UI)?.step, step).toBe(1);
    // A language Lotsen knows, but without UI strings on this kiosk, is ignored too.
    for (const lang of ['xx', 'fi', 'EN', ''])
      expect(parseDeepLink(`?guide=g&lang=${lang}`, UI)?.language, lang).toBeNull();
  });
});

describe('a kiosk opened through a deep link', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    window.history.replaceState(null, '', '/');
  });

  it('loads the guide screen at once, while the guides are still on their way', () => {
    const preload = vi.spyOn(GuidePlayer, 'preload').mockResolvedValue(() => null);
    const open = vi.fn();
    window.history.replaceState(null, '', '/?guide=bus-ticket&step=2');
    renderHook(() => {
      useDeepLink(undefined, open);
    });
    expect(preload).toHaveBeenCalledTimes(1);
    expect(open).not.toHaveBeenCalled();
    expect(window.location.search).toBe('');
  });

  it('loads nothing early without one', () => {
    const preload = vi.spyOn(GuidePlayer, 'preload').mockResolvedValue(() => null);
    renderHook(() => {
      useDeepLink(undefined, vi.fn());
    });
    expect(preload).not.toHaveBeenCalled();
  });
});
