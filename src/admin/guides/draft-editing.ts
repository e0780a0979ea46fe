/**
 * Small pure changes to a guide draft, for the editor's form. The form holds
 * the whole draft; every change makes a new one, so "unsaved changes" is a
 * plain comparison with what the server last said.
 */
import { CATEGORIES, type CategoryId } from '../../shared/content/categories.ts';
import {
  GuideDraft,
  type DraftStep,
  type DraftStepText,
  type GuideDraft as GuideDraftType,
} from '../../shared/content/guide-draft.ts';
import { SOURCE_LANGUAGE, type LanguageCode } from '../../shared/languages.ts';

export const EMPTY_STEP_TEXT: DraftStepText = { title: '', body: '', callouts: [] };

/** A slug from a Swedish title: "Skaffa Mobilt BankID" → "skaffa-mobilt-bankid". */
export function slugFromTitle(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

export function iconForCategory(category: CategoryId) {
  return CATEGORIES.find((entry) => entry.id === category)?.icon ?? 'document';
}

const today = () => new Date().toISOString().slice(0, 10);

/** What "New guide" creates: a Swedish title, and one empty step to start from. */
export function newGuideDraft(fields: {
  id: string;
  title: string;
  category: CategoryId;
  icon: GuideDraftType['icon'];
}): GuideDraftType {
  return {
    id: fields.id,
    category: fields.category,
    icon: fields.icon,
    lastVerified: today(),
    verification: { status: 'unverified', note: '' },
    text: { [SOURCE_LANGUAGE]: { title: fields.title, summary: '' } },
    steps: [{ id: 'step-1', text: { [SOURCE_LANGUAGE]: { ...EMPTY_STEP_TEXT } } }],
  };
}

/** A step id the draft does not use yet. */
export function newStepId(draft: GuideDraftType): string {
  const taken = new Set(draft.steps.map((step) => step.id));
  let number = draft.steps.length + 1;
  while (taken.has(`step-${number}`)) number += 1;
  return `step-${number}`;
}

export function addStep(draft: GuideDraftType): GuideDraftType {
  const step: DraftStep = {
    id: newStepId(draft),
    text: { [SOURCE_LANGUAGE]: { ...EMPTY_STEP_TEXT } },
  };
  return { ...draft, steps: [...draft.steps, step] };
}

export function removeStep(draft: GuideDraftType, index: number): GuideDraftType {
  return { ...draft, steps: draft.steps.filter((_, at) => at !== index) };
}

export function moveStep(draft: GuideDraftType, from: number, to: number): GuideDraftType {
  if (to < 0 || to >= draft.steps.length) return draft;
  const steps = [...draft.steps];
  const [moved] = steps.splice(from, 1);
  if (!moved) return draft;
  steps.splice(to, 0, moved);
  return { ...draft, steps };
}

export function updateStep(
  draft: GuideDraftType,
  index: number,
  change: (step: DraftStep) => DraftStep,
): GuideDraftType {
  return { ...draft, steps: draft.steps.map((step, at) => (at === index ? change(step) : step)) };
}

/** Changes one language's words of a step; a language with nothing typed is left out. */
export function updateStepText(
  step: DraftStep,
  language: LanguageCode,
  change: Partial<DraftStepText>,
): DraftStep {
  const text = { ...(step.text[language] ?? EMPTY_STEP_TEXT), ...change };
  const empty =
    language !== SOURCE_LANGUAGE &&
    text.title === '' &&
    text.body === '' &&
    !text.imageAlt &&
    text.callouts.length === 0 &&
    !text.audio;
  const { [language]: _previous, ...others } = step.text;
  return { ...step, text: empty ? others : { ...others, [language]: text } };
}

export function updateGuideText(
  draft: GuideDraftType,
  language: LanguageCode,
  change: { title?: string; summary?: string },
): GuideDraftType {
  const text = { title: '', summary: '', ...draft.text[language], ...change };
  const empty = language !== SOURCE_LANGUAGE && text.title === '' && text.summary === '';
  const { [language]: _previous, ...others } = draft.text;
  return { ...draft, text: empty ? others : { ...others, [language]: text } };
}

export function sameDraft(a: GuideDraftType, b: GuideDraftType): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Where a problem is, as the form names its fields: "steps.0.text.ar.body". */
export type FieldProblems = ReadonlyMap<string, string>;

/** Checks the draft as the server will; the problems by field, or the draft to send. */
export function checkDraft(
  draft: GuideDraftType,
): { ok: true; draft: GuideDraftType } | { ok: false; problems: FieldProblems } {
  const result = GuideDraft.safeParse(draft);
  if (result.success) return { ok: true, draft: result.data };
  const problems = new Map<string, string>();
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.');
    if (!problems.has(key)) problems.set(key, issue.message);
  }
  return { ok: false, problems };
}
