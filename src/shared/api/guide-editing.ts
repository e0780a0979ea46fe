/**
 * The guide editor's API: drafts, publishing, versions, translation
 * coverage and uploaded pictures. Editors and admins only ("editor or
 * above"). Times are ISO 8601 in UTC; "by" is the staff member's email.
 *
 * Optimistic concurrency: every draft has a revision that goes up by one
 * with each save. A save, publish or revert names the revision it was based
 * on; if someone else saved in between, the answer is 409 with the current
 * state (GuideConflict), and nothing the second editor wrote is lost: the
 * editor keeps it in the form and decides.
 */
import { z } from 'zod';
import { LanguageCodeSchema, Slug, Guide } from '../content/guide.ts';
import { GuideDraft } from '../content/guide-draft.ts';
import { CATEGORY_IDS, ICONS } from '../content/categories.ts';
import { ApiProblem, AUDIO_TYPES, IMAGE_TYPES } from './contract.ts';

export const DraftRevision = z.number().int().positive();

/** Who did something, and when. `by` is an email, or "seed" / "import" for what no person did. */
export const Stamp = z.object({ at: z.string(), by: z.string() });

export const GuideVersionSummary = z.object({
  version: z.number().int().positive(),
  /** The content release this publish made. */
  release: z.number().int().positive(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  note: z.string(),
  /** The languages this version shows visitors. */
  languages: z.array(LanguageCodeSchema),
});

/**
 * Per language other than Swedish:
 * - missing: not translated at all;
 * - incomplete: some parts are not translated (publishing leaves the language out);
 * - outdated: complete, but the Swedish of some parts changed after they were translated;
 * - current: complete and translated from today's Swedish.
 * A part is the guide's title and summary ("guide") or a step (its id).
 */
export const TRANSLATION_STATES = ['missing', 'incomplete', 'outdated', 'current'] as const;
export const TranslationState = z.enum(TRANSLATION_STATES);

export const TranslationPart = z.object({
  /** "guide" for the title and summary, otherwise the step's id. */
  part: z.string(),
  /** 0 for the guide's title and summary, otherwise the step's number (1-based). */
  stepNumber: z.number().int().nonnegative(),
});

export const LanguageTranslationStatus = z.object({
  language: LanguageCodeSchema,
  state: TranslationState,
  /** Parts: the guide's title and summary, plus one per step. */
  totalParts: z.number().int().nonnegative(),
  missingParts: z.array(TranslationPart),
  /** Parts whose Swedish changed after this language's text was written. */
  outdatedParts: z.array(TranslationPart),
  /** Drafted by a machine and not yet checked by a native speaker (cleared by a confirm). */
  machineDrafted: z.boolean(),
});

/** A language the draft has, but a publish leaves out because it is not complete. */
export const OmittedLanguage = z.object({
  language: LanguageCodeSchema,
  /** Readable reasons, e.g. "Step 3 has no title." */
  reasons: z.array(z.string()),
});

/** Everything the editor shows for one guide. */
export const GuideEditorState = z.object({
  id: Slug,
  draft: GuideDraft,
  revision: DraftRevision,
  savedAt: z.string(),
  savedBy: z.string(),
  /** Null when the guide is not published (never, or unpublished). */
  published: GuideVersionSummary.nullable(),
  /** True when the draft differs from what tablets show (or the guide is not published). */
  unpublishedChanges: z.boolean(),
  /** One entry per language except Swedish, in the order of the language table. */
  translations: z.array(LanguageTranslationStatus),
  /**
   * What a publish now would do: null when it can publish (languages listed in
   * `omittedLanguages` are left out), otherwise the problems in the Swedish source.
   */
  publishProblems: z.array(z.string()).nullable(),
  omittedLanguages: z.array(OmittedLanguage),
});

export const GuideListItem = z.object({
  id: Slug,
  /** The Swedish title; may be empty in a new draft. */
  title: z.string(),
  category: z.enum(CATEGORY_IDS),
  icon: z.enum(ICONS),
  lastVerified: z.string(),
  verificationStatus: z.enum(['verified', 'unverified']),
  /** lastVerified is older than the library's review age. */
  reviewOverdue: z.boolean(),
  revision: DraftRevision,
  savedAt: z.string(),
  savedBy: z.string(),
  published: GuideVersionSummary.nullable(),
  unpublishedChanges: z.boolean(),
});

export const GuideList = z.object({
  guides: z.array(GuideListItem),
  /** Guides verified longer ago than this are flagged. */
  reviewAfterDays: z.number().int().positive(),
});

export const NewGuide = z.object({ draft: GuideDraft }).strict();

export const SaveDraft = z.object({ baseRevision: DraftRevision, draft: GuideDraft }).strict();

export const PublishGuide = z
  .object({
    baseRevision: DraftRevision,
    /** Optional words for the history, e.g. "New BankID app screens". */
    note: z.string().trim().max(300).default(''),
  })
  .strict();

export const PublishResult = z.object({
  version: GuideVersionSummary,
  omittedLanguages: z.array(OmittedLanguage),
  state: GuideEditorState,
});

export const RevertGuide = z
  .object({ baseRevision: DraftRevision, version: z.number().int().positive() })
  .strict();

/** A translator checked the language against today's Swedish: its outdated parts are current again. */
export const ConfirmTranslation = z.object({ baseRevision: DraftRevision }).strict();

/** 409: the draft was saved by someone else after `baseRevision`. */
export const GuideConflict = ApiProblem.extend({
  code: z.literal('draft-conflict'),
  current: GuideEditorState,
});

/** 422 from publish: the Swedish source is not complete. */
export const PublishProblem = ApiProblem.extend({
  code: z.literal('not-publishable'),
  problems: z.array(z.string()),
});

export const GuideVersionList = z.object({ versions: z.array(GuideVersionSummary) });
export const GuideVersionDocument = z.object({
  version: GuideVersionSummary,
  document: Guide,
});

export const TranslationMatrixRow = z.object({
  id: Slug,
  title: z.string(),
  lastVerified: z.string(),
  reviewOverdue: z.boolean(),
  published: z.boolean(),
  translations: z.array(LanguageTranslationStatus),
});

export const TranslationMatrix = z.object({
  languages: z.array(LanguageCodeSchema),
  rows: z.array(TranslationMatrixRow),
  reviewAfterDays: z.number().int().positive(),
});

/** An uploaded picture after the server resized and compressed it. */
export const UploadedImage = z.object({
  id: Slug,
  mimeType: z.enum(IMAGE_TYPES),
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
  size: z.number().int().nonnegative(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

/** What uploads accept (the body is the file's bytes, with its type as Content-Type). */
export const UPLOAD_IMAGE_TYPES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'image/svg+xml',
] as const;
export const UPLOAD_IMAGE_MAX_BYTES = 15 * 1024 * 1024;
/** Pictures are scaled down to fit this box; tablets never need more. */
export const UPLOAD_IMAGE_MAX_SIDE = 1600;

/** An uploaded read-aloud recording, stored as it came (the server does not transcode). */
export const UploadedAudio = z.object({
  id: Slug,
  mimeType: z.enum(AUDIO_TYPES),
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
  size: z.number().int().nonnegative(),
});

/**
 * What recording uploads accept: AUDIO_TYPES, and the names some systems give
 * the same files (an .m4a is often "audio/x-m4a"; it is stored as audio/mp4).
 */
export const UPLOAD_AUDIO_TYPES = [
  ...AUDIO_TYPES,
  'audio/mp3',
  'audio/x-m4a',
  'audio/m4a',
  'audio/aac',
] as const;
/** A step read aloud is a minute or two; 5 MB holds several minutes of speech. */
export const UPLOAD_AUDIO_MAX_BYTES = 5 * 1024 * 1024;

export const guidePath = (id: string) => `/api/admin/guides/${encodeURIComponent(id)}`;

export const GUIDE_EDITING_API = {
  list: { method: 'GET', path: '/api/admin/guides', response: GuideList },
  create: {
    method: 'POST',
    path: '/api/admin/guides',
    request: NewGuide,
    response: GuideEditorState,
  },
  get: { method: 'GET', path: '/api/admin/guides/:id', response: GuideEditorState },
  /** 409 GuideConflict when baseRevision is not the current revision. */
  saveDraft: {
    method: 'PUT',
    path: '/api/admin/guides/:id/draft',
    request: SaveDraft,
    response: GuideEditorState,
  },
  publish: {
    method: 'POST',
    path: '/api/admin/guides/:id/publish',
    request: PublishGuide,
    response: PublishResult,
  },
  /** Takes the guide off every tablet at their next sync; the draft and history stay. */
  unpublish: {
    method: 'POST',
    path: '/api/admin/guides/:id/unpublish',
    response: GuideEditorState,
  },
  /** Only an unpublished guide can be deleted (409 otherwise); its history goes with it. */
  remove: { method: 'DELETE', path: '/api/admin/guides/:id' },
  versions: { method: 'GET', path: '/api/admin/guides/:id/versions', response: GuideVersionList },
  version: {
    method: 'GET',
    path: '/api/admin/guides/:id/versions/:version',
    response: GuideVersionDocument,
  },
  /** Makes an old version the draft (publish it to send it to tablets). */
  revert: {
    method: 'POST',
    path: '/api/admin/guides/:id/revert',
    request: RevertGuide,
    response: GuideEditorState,
  },
  confirmTranslation: {
    method: 'POST',
    path: '/api/admin/guides/:id/translations/:language/confirm',
    request: ConfirmTranslation,
    response: GuideEditorState,
  },
  translations: { method: 'GET', path: '/api/admin/translations', response: TranslationMatrix },
  /** Body: the image file; Content-Type one of UPLOAD_IMAGE_TYPES. 201 UploadedImage. */
  uploadImage: { method: 'POST', path: '/api/admin/images', response: UploadedImage },
  /** Body: the recording; Content-Type one of UPLOAD_AUDIO_TYPES. 201 UploadedAudio. */
  uploadAudio: { method: 'POST', path: '/api/admin/audio', response: UploadedAudio },
} as const;

export type Stamp = z.infer<typeof Stamp>;
export type GuideVersionSummary = z.infer<typeof GuideVersionSummary>;
export type TranslationState = z.infer<typeof TranslationState>;
export type TranslationPart = z.infer<typeof TranslationPart>;
export type LanguageTranslationStatus = z.infer<typeof LanguageTranslationStatus>;
export type OmittedLanguage = z.infer<typeof OmittedLanguage>;
export type GuideEditorState = z.infer<typeof GuideEditorState>;
export type GuideListItem = z.infer<typeof GuideListItem>;
export type GuideList = z.infer<typeof GuideList>;
export type NewGuide = z.infer<typeof NewGuide>;
export type SaveDraft = z.infer<typeof SaveDraft>;
export type PublishGuide = z.infer<typeof PublishGuide>;
export type PublishResult = z.infer<typeof PublishResult>;
export type RevertGuide = z.infer<typeof RevertGuide>;
export type GuideConflict = z.infer<typeof GuideConflict>;
export type PublishProblem = z.infer<typeof PublishProblem>;
export type GuideVersionList = z.infer<typeof GuideVersionList>;
export type GuideVersionDocument = z.infer<typeof GuideVersionDocument>;
export type TranslationMatrixRow = z.infer<typeof TranslationMatrixRow>;
export type TranslationMatrix = z.infer<typeof TranslationMatrix>;
export type UploadedImage = z.infer<typeof UploadedImage>;
export type UploadedAudio = z.infer<typeof UploadedAudio>;
