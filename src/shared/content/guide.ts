import { z } from 'zod';
import { LANGUAGE_CODES, SOURCE_LANGUAGE } from '../languages.ts';
import { CATEGORY_IDS, ICONS } from './categories.ts';
import { parseMarkup } from './markup.ts';

/** Stable identifiers: lower-case letters, digits and dashes, e.g. "install-mobilt-bankid". */
export const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'Use only a-z, 0-9 and "-" (at most 80 characters).');

export const LanguageCodeSchema = z.enum(LANGUAGE_CODES);

const Markup = (maxLength: number) =>
  z
    .string()
    .trim()
    .min(1, 'Write some text.')
    .max(maxLength, `Keep it under ${maxLength} characters: one step, one thing.`)
    .superRefine((value, context) => {
      const parsed = parseMarkup(value);
      if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.error });
    });

export const CALLOUT_KINDS = ['tip', 'warning', 'privacy'] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

export const Callout = z.object({
  kind: z.enum(CALLOUT_KINDS),
  text: Markup(400),
});

/**
 * A recording of a step read aloud, uploaded by an editor for a language the
 * tablets have no speech voice for (Somali, Tigrinya, Dari, ...). Stored and
 * synced like a picture, so it plays offline.
 */
export const StepAudio = z.object({ id: Slug });

/** One language's words for one step: always complete, never mixed with another language. */
export const StepText = z.object({
  title: z.string().trim().min(1, 'Every step needs a title.').max(120),
  body: Markup(1500),
  imageAlt: z.string().trim().max(300).optional(),
  callouts: z.array(Callout).max(4).default([]),
  audio: StepAudio.optional(),
});

/**
 * A page of a real service the step talks about. The kiosk never opens it
 * (no link leads out of the kiosk): it shows it as a QR code, "continue on
 * your phone".
 */
export const StepLink = z.object({
  url: z
    .url({
      protocol: /^https$/,
      hostname: z.regexes.domain,
      error: 'Use a full https:// address, e.g. https://www.forsakringskassan.se.',
    })
    .max(500),
});

export const StepImage = z.object({
  id: Slug,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

export const Step = z
  .object({
    id: Slug,
    image: StepImage.optional(),
    link: StepLink.optional(),
    text: z.partialRecord(LanguageCodeSchema, StepText),
  })
  .superRefine((step, context) => {
    if (!step.text[SOURCE_LANGUAGE]) {
      context.addIssue({
        code: 'custom',
        path: ['text', SOURCE_LANGUAGE],
        message: 'Every step needs its Swedish text: it is the source of every translation.',
      });
    }
    if (!step.image) return;
    for (const [language, text] of Object.entries(step.text)) {
      if (!text.imageAlt) {
        context.addIssue({
          code: 'custom',
          path: ['text', language, 'imageAlt'],
          message: 'This step has a picture: describe it in words for visitors who cannot see it.',
        });
      }
    }
  });

export const GuideText = z.object({
  title: z.string().trim().min(1, 'The guide needs a title.').max(120),
  summary: z.string().trim().max(300).default(''),
  /**
   * This language's text was drafted by a machine and no native speaker has
   * checked it yet: the admin shows it as needing review. Cleared when an
   * editor confirms the translation.
   */
  machineDrafted: z.boolean().optional(),
});

export const Verification = z.object({
  /** "unverified": somebody must check the guide against the live service before trusting it. */
  status: z.enum(['verified', 'unverified']),
  /** For librarians, never shown to visitors: what to check and against which source. */
  note: z.string().trim().max(2000).default(''),
});

export const Guide = z
  .object({
    id: Slug,
    category: z.enum(CATEGORY_IDS),
    icon: z.enum(ICONS),
    lastVerified: z.iso.date('Write the date as YYYY-MM-DD.'),
    verification: Verification,
    text: z.partialRecord(LanguageCodeSchema, GuideText),
    steps: z.array(Step).min(1, 'A guide needs at least one step.').max(40),
  })
  .superRefine((guide, context) => {
    if (!guide.text[SOURCE_LANGUAGE]) {
      context.addIssue({
        code: 'custom',
        path: ['text', SOURCE_LANGUAGE],
        message: 'The guide needs its Swedish title.',
      });
    }
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
    // A language is either whole in a guide or absent: a visitor never meets a half-translated guide.
    const guideLanguages = Object.keys(guide.text);
    guide.steps.forEach((step, index) => {
      const stepLanguages = Object.keys(step.text);
      for (const language of guideLanguages.filter((code) => !stepLanguages.includes(code))) {
        context.addIssue({
          code: 'custom',
          path: ['steps', index, 'text', language],
          message: `Step ${index + 1} has no ${language} text, but the guide has a ${language} title. Translate the step or remove the title.`,
        });
      }
      for (const language of stepLanguages.filter((code) => !guideLanguages.includes(code))) {
        context.addIssue({
          code: 'custom',
          path: ['text', language],
          message: `Step ${index + 1} is in ${language}, but the guide has no ${language} title.`,
        });
      }
    });
  });

export type Guide = z.infer<typeof Guide>;
export type Step = z.infer<typeof Step>;
export type StepText = z.infer<typeof StepText>;
export type GuideText = z.infer<typeof GuideText>;
export type Callout = z.infer<typeof Callout>;
export type StepAudio = z.infer<typeof StepAudio>;
export type StepLink = z.infer<typeof StepLink>;

/** A readable report of what is wrong, one line per problem, with where it is. */
export function describeProblems(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path
        .map((part, index) =>
          typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`,
        )
        .join('');
      return where ? `${where}: ${issue.message}` : issue.message;
    })
    .join('\n');
}
