/**
 * The contract between the server and the browser, written once. Fastify
 * routes validate against these schemas and the browser parses responses
 * with them, so the two sides cannot drift apart.
 */
import { z } from 'zod';
import { Guide, LanguageCodeSchema, Slug } from '../content/guide.ts';
import { CONTENT_PATH } from './content-requests.ts';

export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
});

/** What a branch of the library sets for its kiosks; guide text can refer to it. */
export const BranchSettings = z.object({
  branchId: z.number().int().positive(),
  /** The branch's name, e.g. "Stadsbiblioteket". */
  libraryName: z.string().trim().min(1).max(120),
  /** Where visitors can ask in person, e.g. "the information desk by the entrance". */
  infoDesk: z.string().trim().min(1).max(200),
  /** The regional transport company's app, e.g. "Västtrafik To Go". */
  transportApp: z.string().trim().min(1).max(80),
  /** Shown when a guide is not translated into the visitor's language. */
  fallbackLanguage: LanguageCodeSchema,
});

/** What a tablet gets: its branch's settings and the library's kiosk-wide ones. */
export const LibrarySettings = BranchSettings.extend({
  /**
   * Seconds without a touch before the kiosk asks "Are you still there?" and
   * then starts over for the next visitor (library-wide, default 120).
   */
  idleResetSeconds: z.number().int().min(30).max(1800),
  /**
   * Where visitors' own phones reach Lotsen (the server's PUBLIC_URL), for the
   * "this guide on your phone" QR code; null: the tablet's own address.
   */
  publicUrl: z.url({ protocol: /^https?$/ }).nullable(),
});

export const IMAGE_TYPES = ['image/svg+xml', 'image/png', 'image/jpeg', 'image/webp'] as const;
/** Read-aloud clips, stored as uploaded: formats every tablet browser plays. */
export const AUDIO_TYPES = ['audio/mpeg', 'audio/mp4', 'audio/ogg', 'audio/webm'] as const;

/**
 * A file a guide shows or plays: a step's picture or a read-aloud clip. Both
 * are stored, synced and cached the same way, by id and content hash.
 */
export const ContentImage = z.object({
  id: Slug,
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
  mimeType: z.enum([...IMAGE_TYPES, ...AUDIO_TYPES]),
  size: z.number().int().nonnegative(),
});

/**
 * A content release as a tablet downloads it: what changed since the release
 * the tablet holds (`GET /api/content?since=<release>`), or everything when
 * `since` is 0. A guide the tablet holds that is not in `guideIds` was
 * unpublished; a guide in `guideIds` but not in `guides` is unchanged.
 */
export const ContentRelease = z.object({
  release: z.number().int().nonnegative(),
  /** What the changes are counted from: the tablet's release, or 0 for everything. */
  since: z.number().int().nonnegative(),
  library: LibrarySettings,
  /** Every published guide, in the order the kiosk lists them. */
  guideIds: z.array(Slug),
  /** The guides published after `since` (all of them when `since` is 0). */
  guides: z.array(Guide),
  /** The pictures and read-aloud clips of the guides in `guides`. */
  images: z.array(ContentImage),
});

/** Every error the API sends: a status, and a sentence a person can act on. */
export const ApiProblem = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
});

export const API = {
  health: { method: 'GET', path: '/api/health', response: Health },
  /** ?since=<release the tablet shows>; 304 when the tablet already has the newest. */
  content: { method: 'GET', path: CONTENT_PATH, response: ContentRelease },
  /** The image's bytes; `?v=<sha256>` makes the URL immutable. */
  image: { method: 'GET', path: '/api/images/:id' },
} as const;

// Without zod, for the kiosk's content sync: see content-requests.ts.
export { imageUrl, TABLET_REPORT_HEADERS } from './content-requests.ts';

export type Health = z.infer<typeof Health>;
export type BranchSettings = z.infer<typeof BranchSettings>;
export type LibrarySettings = z.infer<typeof LibrarySettings>;
export type ContentImage = z.infer<typeof ContentImage>;
export type ContentRelease = z.infer<typeof ContentRelease>;
export type ApiProblem = z.infer<typeof ApiProblem>;
