import { describe, expect, it } from 'vitest';
import { LANGUAGES, languageNameIn } from '../../src/shared/languages.ts';

describe('the language table', () => {
  it('has a valid BCP 47 tag for every language, so lang= attributes and speech work', () => {
    for (const language of LANGUAGES) {
      expect(Intl.getCanonicalLocales(language.code)).toEqual([language.code]);
      expect(Intl.getCanonicalLocales(language.speechLang)).toHaveLength(1);
    }
  });

  it('names easy-to-read Swedish as such, never as plain Swedish', () => {
    expect(languageNameIn('sv-x-ll', 'sv')).toBe('lättläst svenska');
    expect(languageNameIn('sv-x-ll', 'en')).toBe('easy-to-read Swedish');
    expect(languageNameIn('sv-x-ll', 'ar')).toBeUndefined();
    expect(languageNameIn('fa', 'en')).toBe('Persian');
    expect(languageNameIn('ar', 'sv')).toBe('arabiska');
  });
});
