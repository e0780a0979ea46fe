// @vitest-environment jsdom
import { afterAll, describe, expect, it } from 'vitest';
import { changeKioskLanguage, kioskI18n, UI_LANGUAGES } from '../../src/browser/i18n/kiosk-i18n.ts';

afterAll(() => changeKioskLanguage('sv'));

describe('changeKioskLanguage', () => {
  it('offers the languages with UI strings, in the order of the language table', () => {
    expect(UI_LANGUAGES.map((language) => language.code)).toEqual([
      'sv',
      'sv-x-ll',
      'en',
      'ar',
      'fa',
      'so',
      'ti',
      'uk',
      'fi',
    ]);
  });

  it('starts in Swedish, which is bundled', () => {
    expect(kioskI18n.language).toBe('sv');
    expect(kioskI18n.t('help.call')).toBe('Be om hjälp');
  });

  it('loads a language and sets <html lang dir>', async () => {
    await changeKioskLanguage('ar');
    expect(kioskI18n.t('player.next')).toBe('التالي');
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');

    await changeKioskLanguage('en');
    expect(kioskI18n.t('player.next')).toBe('Next');
    expect(document.documentElement.lang).toBe('en');
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('keeps easy-to-read Swedish apart from Swedish', async () => {
    await changeKioskLanguage('sv-x-ll');
    expect(kioskI18n.language).toBe('sv-x-ll');
    expect(document.documentElement.lang).toBe('sv-x-ll');
    // Its own plain words where Swedish has a harder one.
    expect(kioskI18n.t('callouts.privacy')).toBe('Privat');
    await changeKioskLanguage('sv');
    expect(kioskI18n.t('callouts.privacy')).toBe('Integritet');
  });

  it('refuses a language without UI strings', async () => {
    await expect(changeKioskLanguage('xx' as 'sv')).rejects.toThrow(/no UI strings/);
  });
});
