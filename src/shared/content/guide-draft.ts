/**
 * A guide while librarians work on it. A draft has the same shape as a
 * published Guide, but it may be unfinished: empty fields, and languages
 * that are only partly translated. Structure (ids, category, icon, dates,
 * markup that parses) is checked as strictly as in a Guide, so a draft can
 * always be opened again in the editor.
 *
 * Publishing turns a draft into a Guide with publishableGuide()
 * (guide-publishing.ts): languages that are not complete are left out, so a
 * visitor never meets a half-translated guide.
 */
import { z } from 'zod';
import { parseMarkup } from './markup.ts';
import {
  CALLOUT_KINDS,
  LanguageCodeSchema,
  Slug,
  StepAudio,
  StepImage,
  StepLink,
  Verification,
} from './guide.ts';
import { CATEGORY_IDS, ICONS } from './categories.ts';

/** Empty is allowed in a draft; text that is there must be valid markup. */
const DraftMarkup = (maxLength: number) =>
  z
    .string()
    .trim()
    .max(maxLength, `Keep it under ${maxLength} characters: one step, one thing.`)
    .superRefine((value, context) => {
      if (value === '') return;
      const parsed = parseMarkup(value);
      if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.error });
    });

export const DraftCallout = z.object({
  kind: z.enum(CALLOUT_KINDS),
  text: DraftMarkup(400),
});

export const DraftStepText = z.object({
  title: z.string().trim().max(120),
  body: DraftMarkup(1500),
  imageAlt: z.string().trim().max(300).optional(),
  callouts: z.array(DraftCallout).max(4).default([]),
  audio: StepAudio.optional(),
});

export const DraftStep = z.object({
  id: Slug,
  image: StepImage.optional(),
  link: StepLink.optional(),
  text: z.partialRecord(LanguageCodeSchema, DraftStepText),
});

export const DraftGuideText = z.object({
  title: z.string().trim().max(120),
  summary: z.string().trim().max(300).default(''),
  machineDrafted: z.boolean().optional(),
});

export const GuideDraft = z
  .object({
    id: Slug,
    category: z.enum(CATEGORY_IDS),
    icon: z.enum(ICONS),
    lastVerified: z.iso.date('Write the date as YYYY-MM-DD.'),
    verification: Verification,
    text: z.partialRecord(LanguageCodeSchema, DraftGuideText),
    steps: z.array(DraftStep).min(1, 'A guide needs at least one step.').max(40),
  })
  .superRefine((guide, context) => {
    const seen = new Set<string>();
    guide.steps.forEach((step, index) => {
      if (seen.has(step.id)) {
        context.addIssue({
          code: 'custom',
          path: ['steps', index, 'id'],
          message: `Two steps have the id "${step.id}": every step needs its own.`,
        });
      }
      seen.add(step.id);
    });
  });

export type GuideDraft = z.infer<typeof GuideDraft>;
export type DraftStep = z.infer<typeof DraftStep>;
export type DraftStepText = z.infer<typeof DraftStepText>;
export type DraftGuideText = z.infer<typeof DraftGuideText>;
