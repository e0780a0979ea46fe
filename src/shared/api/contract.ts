/**
 * The contract between the server and the browser, written once. Fastify
 * routes validate against these schemas and the browser parses responses
 * with them, so the two sides cannot drift apart.
 */
import { z } from 'zod';
import { Guide, LanguageCodeSchema, Slug } from '../content/guide.ts';

export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
});

/** What a branch of the library sets for its kiosks; guide text can refer to it. */
export const LibrarySettings = z.object({
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

export const IMAGE_TYPES = ['image/svg+xml', 'image/png', 'image/jpeg', 'image/webp'] as const;

export const ContentImage = z.object({
  id: Slug,
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
  mimeType: z.enum(IMAGE_TYPES),
  size: z.number().int().nonnegative(),
});

/** Everything a kiosk needs to work offline: the published guides, the images they use, and its library's settings. */
export const ContentSnapshot = z.object({
  release: z.number().int().nonnegative(),
  library: LibrarySettings,
  guides: z.array(Guide),
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
  content: { method: 'GET', path: '/api/content', response: ContentSnapshot },
  /** The image's bytes; `?v=<sha256>` makes the URL immutable. */
  image: { method: 'GET', path: '/api/images/:id' },
} as const;

export const imageUrl = (image: { id: string; sha256: string }) =>
  `/api/images/${encodeURIComponent(image.id)}?v=${image.sha256}`;

export type Health = z.infer<typeof Health>;
export type LibrarySettings = z.infer<typeof LibrarySettings>;
export type ContentImage = z.infer<typeof ContentImage>;
export type ContentSnapshot = z.infer<typeof ContentSnapshot>;
export type ApiProblem = z.infer<typeof ApiProblem>;
