/**
 * Turns a draft into the Guide tablets get. A language goes out only when it
 * is complete, so a visitor never meets a half-translated guide; Swedish is
 * the source of every translation, so without it nothing goes out at all.
 */
import type { OmittedLanguage } from '../api/guide-editing.ts';
import { LANGUAGES, SOURCE_LANGUAGE, type LanguageCode } from '../languages.ts';
import type { DraftStep, GuideDraft } from './guide-draft.ts';
import { describeProblems, Guide, type CalloutKind } from './guide.ts';

export type PublishableGuide =
  | { ok: true; guide: Guide; omittedLanguages: OmittedLanguage[] }
  | { ok: false; problems: string[] };

const CALLOUT_NAMES: Record<CalloutKind, string> = {
  tip: 'a tip',
  warning: 'a warning',
  privacy: 'a privacy note',
};

const blank = (text: string | undefined) => text === undefined || text.trim() === '';

/** Why the guide's own title and summary are not complete in `language`; empty when they are. */
export function guideTextProblems(draft: GuideDraft, language: LanguageCode): string[] {
  return blank(draft.text[language]?.title) ? ['The guide has no title.'] : [];
}

/** Why step `index` (0-based) is not complete in `language`; empty when it is. */
export function stepProblems(step: DraftStep, index: number, language: LanguageCode): string[] {
  const number = index + 1;
  const text = step.text[language];
  if (!text) return [`Step ${number} is not written yet.`];
  const problems: string[] = [];
  if (blank(text.title)) problems.push(`Step ${number} has no title.`);
  if (blank(text.body)) problems.push(`Step ${number} has no text.`);
  if (step.image && blank(text.imageAlt)) {
    problems.push(`Step ${number} has a picture but no description of it.`);
  }
  for (const callout of text.callouts) {
    if (blank(callout.text)) {
      problems.push(`Step ${number} has ${CALLOUT_NAMES[callout.kind]} with no text.`);
    }
  }
  return problems;
}

/** Everything that keeps `language` out of a publish; empty when it is complete. */
export function languageProblems(draft: GuideDraft, language: LanguageCode): string[] {
  return [
    ...guideTextProblems(draft, language),
    ...draft.steps.flatMap((step, index) => stepProblems(step, index, language)),
  ];
}

/** The languages the draft has any words in, in the order of the language table. */
export function draftLanguages(draft: GuideDraft): LanguageCode[] {
  const present = new Set<string>(Object.keys(draft.text));
  for (const step of draft.steps) for (const code of Object.keys(step.text)) present.add(code);
  return LANGUAGES.map((language) => language.code).filter((code) => present.has(code));
}

function publishedDocument(draft: GuideDraft, languages: LanguageCode[]): unknown {
  const text: Record<string, unknown> = {};
  for (const language of languages) {
    const guideText = draft.text[language];
    text[language] = {
      title: guideText?.title ?? '',
      summary: guideText?.summary ?? '',
      ...(guideText?.machineDrafted ? { machineDrafted: true } : {}),
    };
  }
  return {
    id: draft.id,
    category: draft.category,
    icon: draft.icon,
    lastVerified: draft.lastVerified,
    verification: draft.verification,
    text,
    steps: draft.steps.map((step) => {
      const stepText: Record<string, unknown> = {};
      for (const language of languages) {
        const words = step.text[language];
        if (!words) continue;
        stepText[language] = {
          title: words.title,
          body: words.body,
          ...(blank(words.imageAlt) ? {} : { imageAlt: words.imageAlt }),
          callouts: words.callouts,
          ...(words.audio ? { audio: words.audio } : {}),
        };
      }
      return {
        id: step.id,
        ...(step.image ? { image: step.image } : {}),
        ...(step.link ? { link: step.link } : {}),
        text: stepText,
      };
    }),
  };
}

/**
 * What a publish of `draft` would send to tablets: Swedish and every other
 * complete language. Languages the draft has but that are not complete are
 * listed in `omittedLanguages` with the reasons. When the Swedish is not
 * complete, nothing can be published and `problems` says why.
 */
export function publishableGuide(draft: GuideDraft): PublishableGuide {
  const sourceProblems = languageProblems(draft, SOURCE_LANGUAGE);
  if (sourceProblems.length > 0) return { ok: false, problems: sourceProblems };

  const published: LanguageCode[] = [SOURCE_LANGUAGE];
  const omittedLanguages: OmittedLanguage[] = [];
  for (const language of draftLanguages(draft)) {
    if (language === SOURCE_LANGUAGE) continue;
    const reasons = languageProblems(draft, language);
    if (reasons.length === 0) published.push(language);
    else omittedLanguages.push({ language, reasons });
  }

  const parsed = Guide.safeParse(publishedDocument(draft, published));
  if (!parsed.success) return { ok: false, problems: describeProblems(parsed.error).split('\n') };
  return { ok: true, guide: parsed.data, omittedLanguages };
}
