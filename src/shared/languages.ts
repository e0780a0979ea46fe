/**
 * Every language Lotsen knows, with its native name (CLDR) and writing
 * direction. The kiosk's language picker shows the ones that have UI strings;
 * guides may be translated into any of them.
 */
export const LANGUAGES = [
  { code: 'sv', nativeName: 'Svenska', englishName: 'Swedish', dir: 'ltr', speechLang: 'sv-SE' },
  // Easy-to-read Swedish (lättläst) has no registered tag: a private-use subtag keeps "sv"
  // first, so screen readers, fonts and speech treat it as Swedish.
  {
    code: 'sv-x-ll',
    nativeName: 'Lättläst svenska',
    englishName: 'Easy-to-read Swedish',
    dir: 'ltr',
    speechLang: 'sv-SE',
  },
  { code: 'en', nativeName: 'English', englishName: 'English', dir: 'ltr', speechLang: 'en' },
  { code: 'ar', nativeName: 'العربية', englishName: 'Arabic', dir: 'rtl', speechLang: 'ar' },
  // One language for Persian and Dari readers: the written languages are close, and a
  // visitor from Afghanistan looks for "دری" as much as for "فارسی".
  {
    code: 'fa',
    nativeName: 'فارسی / دری',
    englishName: 'Persian / Dari',
    dir: 'rtl',
    speechLang: 'fa',
  },
  { code: 'so', nativeName: 'Soomaali', englishName: 'Somali', dir: 'ltr', speechLang: 'so' },
  { code: 'ti', nativeName: 'ትግርኛ', englishName: 'Tigrinya', dir: 'ltr', speechLang: 'ti' },
  { code: 'uk', nativeName: 'Українська', englishName: 'Ukrainian', dir: 'ltr', speechLang: 'uk' },
  { code: 'fi', nativeName: 'Suomi', englishName: 'Finnish', dir: 'ltr', speechLang: 'fi' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_CODES = LANGUAGES.map((language) => language.code) as [
  LanguageCode,
  ...LanguageCode[],
];

/** Guides are written in Swedish first; every other language is a translation of it. */
export const SOURCE_LANGUAGE: LanguageCode = 'sv';

export function isLanguageCode(value: string): value is LanguageCode {
  return (LANGUAGE_CODES as readonly string[]).includes(value);
}

export function languageByCode(code: LanguageCode): Language {
  const language = LANGUAGES.find((candidate) => candidate.code === code);
  if (!language) throw new Error(`Unknown language ${code}`);
  return language;
}

/**
 * A language's name in another language ("persiska" for `fa` in Swedish),
 * from the browser's CLDR data; undefined where it has none. Easy-to-read
 * Swedish is no language CLDR knows: its private-use tag would come out as
 * plain "svenska", so it is named here.
 */
export function languageNameIn(code: LanguageCode, inLanguage: string): string | undefined {
  if (code === 'sv-x-ll') {
    if (inLanguage.startsWith('sv')) return 'lättläst svenska';
    if (inLanguage === 'en') return 'easy-to-read Swedish';
    return undefined;
  }
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language', fallback: 'none' }).of(code);
  } catch {
    // An engine without Intl.DisplayNames.
    return undefined;
  }
}
