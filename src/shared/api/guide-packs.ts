/**
 * Guide packs: published guides with their pictures and recordings in one JSON file, so one
 * Lotsen (one municipality) can share guides with another. Importing checks
 * the whole file first; a pack with any problem changes nothing.
 */
import { z } from 'zod';
import { Guide, Slug } from '../content/guide.ts';
import { ContentImage } from './contract.ts';

export const GUIDE_PACK_FORMAT = 'lotsen-guide-pack';
export const GUIDE_PACK_FORMAT_VERSION = 1;
/** The largest pack an import accepts. */
export const GUIDE_PACK_MAX_BYTES = 256 * 1024 * 1024;
/** Name of a pack file: lotsen-guides-<date>.lotsen.json */
export const GUIDE_PACK_EXTENSION = '.lotsen.json';

/** A picture or a read-aloud recording of the pack's guides (guide media, as in ContentImage). */
export const PackImage = z.object({
  id: Slug,
  mimeType: ContentImage.shape.mimeType,
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
  /** The bytes, base64. */
  data: z.base64(),
});

export const GuidePack = z.object({
  format: z.literal(GUIDE_PACK_FORMAT),
  formatVersion: z.literal(GUIDE_PACK_FORMAT_VERSION),
  exportedAt: z.iso.datetime(),
  /** The library that exported it, for the importing librarian to see. */
  exportedFrom: z.string().max(200),
  guides: z.array(Guide).min(1, 'The pack has no guides.').max(2000),
  images: z.array(PackImage).max(40000),
});

export const GUIDE_PACK_ACTIONS = ['add', 'overwrite', 'unchanged'] as const;

export const PackGuideReport = z.object({
  id: Slug,
  title: z.string(),
  /**
   * add: a new guide; overwrite: replaces the draft of a guide with the same id
   * (its published versions stay in the history); unchanged: same as the draft here.
   */
  action: z.enum(GUIDE_PACK_ACTIONS),
  languages: z.array(z.string()),
});

export const PackImport = z.object({
  /** False for a preview: the report says what an import would do, nothing is changed. */
  applied: z.boolean(),
  /** Whether the imported guides were also published (only when applied). */
  published: z.boolean(),
  exportedFrom: z.string(),
  exportedAt: z.string(),
  guides: z.array(PackGuideReport),
  images: z.object({
    added: z.number().int().nonnegative(),
    alreadyHere: z.number().int().nonnegative(),
    /** Pack pictures whose id was taken here by other bytes: stored under a new id. */
    renamed: z.array(z.object({ from: Slug, to: Slug })),
  }),
});

/** 422 for a pack that cannot be imported: every problem, with where it is. */
export const PackProblem = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  code: z.literal('invalid-pack'),
  problems: z.array(z.string()),
});

export const GUIDE_PACKS_API = {
  /** ?guides=a,b,c (published guides; all published guides when left out). Answers a file download. */
  export: { method: 'GET', path: '/api/admin/packs/export', response: GuidePack },
  /** Body: the pack. Checks it and reports what an import would do; changes nothing. */
  preview: { method: 'POST', path: '/api/admin/packs/preview', response: PackImport },
  /** Body: the pack. ?publish=true also publishes the imported guides. */
  import: { method: 'POST', path: '/api/admin/packs/import', response: PackImport },
} as const;

export type PackImage = z.infer<typeof PackImage>;
export type GuidePack = z.infer<typeof GuidePack>;
export type PackGuideReport = z.infer<typeof PackGuideReport>;
export type PackImport = z.infer<typeof PackImport>;
export type PackProblem = z.infer<typeof PackProblem>;
