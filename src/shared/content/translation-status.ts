/**
 * How far each translation of a guide has come, and whether it still says
 * what today's Swedish says. Runs on the server and in the editor, so it uses
 * no Node modules.
 *
 * A part is the guide's title and summary ("guide") or one step. For each
 * language and part, the translation basis remembers a fingerprint of the
 * Swedish the translation was made from; when the Swedish changes, the
 * fingerprint no longer matches and the part is outdated until somebody
 * translates it again or confirms it.
 */
import type {
  LanguageTranslationStatus,
  TranslationPart,
  TranslationState,
} from '../api/guide-editing.ts';
import { LANGUAGES, SOURCE_LANGUAGE, type LanguageCode } from '../languages.ts';
import type { DraftStep, GuideDraft } from './guide-draft.ts';
import { guideTextProblems, stepProblems } from './guide-publishing.ts';

/** The part name of the guide's title and summary in TranslationPart. */
export const GUIDE_PART = 'guide';

/**
 * Per language, per part key, the fingerprint of the Swedish the translation
 * was made from. Part keys are step ids, and GUIDE_PART_KEY for the guide's
 * title and summary: that key is no Slug, so it cannot clash with a step id.
 */
export type TranslationBasis = Partial<Record<LanguageCode, Record<string, string>>>;

export const GUIDE_PART_KEY = ':guide';

/** 32-bit FNV-1a over the UTF-8 bytes: small, stable, the same in every browser and in Node. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

interface Part {
  key: string;
  /** 0 for the guide, otherwise the step's number. */
  stepNumber: number;
  step?: DraftStep;
}

function partsOf(draft: GuideDraft): Part[] {
  return [
    { key: GUIDE_PART_KEY, stepNumber: 0 },
    ...draft.steps.map((step, index) => ({ key: step.id, stepNumber: index + 1, step })),
  ];
}

function findPart(draft: GuideDraft, key: string): Part | undefined {
  return partsOf(draft).find((part) => part.key === key);
}

/** One language's words of a part as canonical JSON; undefined when it has no words at all. */
function partText(draft: GuideDraft, part: Part, language: LanguageCode): string | undefined {
  if (!part.step) {
    const text = draft.text[language];
    if (!text || (text.title === '' && text.summary === '')) return undefined;
    return JSON.stringify([text.title, text.summary]);
  }
  const text = part.step.text[language];
  if (!text) return undefined;
  const callouts = text.callouts.map((callout) => [callout.kind, callout.text]);
  const empty =
    text.title === '' &&
    text.body === '' &&
    (text.imageAlt ?? '') === '' &&
    callouts.every(([, words]) => words === '');
  if (empty) return undefined;
  return JSON.stringify([text.title, text.body, text.imageAlt ?? '', callouts]);
}

/** The fingerprint of a part's Swedish (of no words, when it has none). */
function sourceFingerprint(draft: GuideDraft, part: Part): string {
  return fingerprint(partText(draft, part, SOURCE_LANGUAGE) ?? '');
}

function isComplete(draft: GuideDraft, part: Part, language: LanguageCode): boolean {
  const problems = part.step
    ? stepProblems(part.step, part.stepNumber - 1, language)
    : guideTextProblems(draft, language);
  return problems.length === 0;
}

const translatedLanguages = (): LanguageCode[] =>
  LANGUAGES.map((language) => language.code).filter((code) => code !== SOURCE_LANGUAGE);

function withoutEmpty(basis: Partial<Record<LanguageCode, Record<string, string>>>) {
  const result: TranslationBasis = {};
  for (const language of translatedLanguages()) {
    const entries = basis[language];
    if (entries && Object.keys(entries).length > 0) result[language] = entries;
  }
  return result;
}

/**
 * The basis after a save of `next` over `previous` (null for a new guide):
 * a translation that changed in this save was made from the new Swedish; one
 * that did not change keeps what it was made from (and one that predates the
 * basis counts as made from the Swedish before this save); a translation that
 * is gone has no basis.
 */
export function nextTranslationBasis(
  previous: GuideDraft | null,
  next: GuideDraft,
  basis: TranslationBasis,
): TranslationBasis {
  const result: TranslationBasis = {};
  for (const language of translatedLanguages()) {
    const entries: Record<string, string> = {};
    for (const part of partsOf(next)) {
      const text = partText(next, part, language);
      if (text === undefined) continue;
      const before = previous ? findPart(previous, part.key) : undefined;
      const unchanged =
        previous !== null && before !== undefined && partText(previous, before, language) === text;
      if (unchanged) {
        entries[part.key] = basis[language]?.[part.key] ?? sourceFingerprint(previous, before);
      } else {
        entries[part.key] = sourceFingerprint(next, part);
      }
    }
    result[language] = entries;
  }
  return withoutEmpty(result);
}

/** A translator checked `language` against today's Swedish: every part it has is current. */
export function confirmTranslation(
  draft: GuideDraft,
  basis: TranslationBasis,
  language: LanguageCode,
): TranslationBasis {
  const entries: Record<string, string> = {};
  for (const part of partsOf(draft)) {
    if (partText(draft, part, language) !== undefined) {
      entries[part.key] = sourceFingerprint(draft, part);
    }
  }
  return withoutEmpty({ ...basis, [language]: entries });
}

const toTranslationPart = (part: Part): TranslationPart => ({
  part: part.step ? part.step.id : GUIDE_PART,
  stepNumber: part.stepNumber,
});

/** One status per language except Swedish, in the order of the language table. */
export function translationStatuses(
  draft: GuideDraft,
  basis: TranslationBasis,
): LanguageTranslationStatus[] {
  const parts = partsOf(draft);
  return translatedLanguages().map((language) => {
    const written = parts.filter((part) => partText(draft, part, language) !== undefined);
    const missing = parts.filter((part) => !isComplete(draft, part, language));
    const outdated = written.filter((part) => {
      const madeFrom = basis[language]?.[part.key];
      return madeFrom !== undefined && madeFrom !== sourceFingerprint(draft, part);
    });
    const state: TranslationState =
      written.length === 0
        ? 'missing'
        : missing.length > 0
          ? 'incomplete'
          : outdated.length > 0
            ? 'outdated'
            : 'current';
    return {
      language,
      state,
      totalParts: parts.length,
      missingParts: missing.map(toTranslationPart),
      outdatedParts: outdated.map(toTranslationPart),
      machineDrafted: written.length > 0 && draft.text[language]?.machineDrafted === true,
    };
  });
}
