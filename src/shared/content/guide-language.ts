/**
 * Which language a guide is shown in. Kept free of zod (types only) so the
 * kiosk can use it without downloading the schema.
 */
import type { Guide, GuideText, StepText } from './guide.ts';
import { SOURCE_LANGUAGE, type LanguageCode } from '../languages.ts';

/** The languages a guide is complete in (the schema allows no half-translated guide). */
export function guideLanguages(guide: Guide): LanguageCode[] {
  return Object.keys(guide.text) as LanguageCode[];
}

/**
 * The one language a guide is shown in: the visitor's if the guide has it,
 * else the library's fallback language, else Swedish, which every guide has.
 * A guide is never shown in a mix of languages.
 */
export function contentLanguageFor(
  guide: Guide,
  visitorLanguage: LanguageCode,
  fallbackLanguage: LanguageCode | undefined,
): LanguageCode {
  const available = guideLanguages(guide);
  if (available.includes(visitorLanguage)) return visitorLanguage;
  if (fallbackLanguage && available.includes(fallbackLanguage)) return fallbackLanguage;
  return SOURCE_LANGUAGE;
}

export function guideTextIn(guide: Guide, language: LanguageCode): GuideText {
  const text = guide.text[language] ?? guide.text[SOURCE_LANGUAGE];
  if (!text) throw new Error(`Guide ${guide.id} has no ${language} or Swedish text`);
  return text;
}

export function stepTextIn(step: Guide['steps'][number], language: LanguageCode): StepText {
  const text = step.text[language] ?? step.text[SOURCE_LANGUAGE];
  if (!text) throw new Error(`Step ${step.id} has no ${language} or Swedish text`);
  return text;
}
