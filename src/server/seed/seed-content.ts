/**
 * Checks the seed files before any of them reaches the database: every guide
 * must pass the shared Guide schema and every picture it shows must exist.
 * A broken seed stops the server at start, not a visitor mid-guide.
 */
import { Guide, Slug, describeProblems } from '../../shared/content/guide.ts';
import { sha256Hex } from '../content/sha256.ts';
import type { SeedFiles } from './seed-files.ts';

export interface SeedImage {
  id: string;
  mimeType: 'image/svg+xml';
  bytes: Buffer;
  sha256: string;
}

export interface SeedContent {
  guides: Guide[];
  images: SeedImage[];
}

export class SeedError extends Error {
  override name = 'SeedError';
}

const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

export function parseSeedContent(files: SeedFiles): SeedContent {
  const images = Object.entries(files.images).map(([path, svg]): SeedImage => {
    const id = fileName(path).replace(/\.svg$/, '');
    if (!Slug.safeParse(id).success) {
      throw new SeedError(
        `Seed image ${path}: the file name must be a valid image id (a-z, 0-9 and "-").`,
      );
    }
    const bytes = Buffer.from(svg, 'utf8');
    return { id, mimeType: 'image/svg+xml', bytes, sha256: sha256Hex(bytes) };
  });
  const imageIds = new Set(images.map((image) => image.id));

  const guides = Object.entries(files.guides).map(([path, json]) => {
    const parsed = Guide.safeParse(json);
    if (!parsed.success) {
      throw new SeedError(
        `Seed guide ${path} is not a valid guide:\n${describeProblems(parsed.error)}`,
      );
    }
    return { path, guide: parsed.data };
  });

  const problems: string[] = [];
  const guideIds = new Map<string, string>();
  for (const { path, guide } of guides) {
    const other = guideIds.get(guide.id);
    if (other) problems.push(`Seed guides ${other} and ${path} both have the id "${guide.id}".`);
    guideIds.set(guide.id, path);
    guide.steps.forEach((step, index) => {
      if (step.image && !imageIds.has(step.image.id)) {
        problems.push(
          `Seed guide "${guide.id}" (${path}), step ${index + 1} "${step.id}": ` +
            `the image "${step.image.id}" is missing. Add images/${step.image.id}.svg.`,
        );
      }
    });
  }
  if (problems.length > 0) throw new SeedError(problems.join('\n'));

  return { guides: guides.map(({ guide }) => guide), images };
}
