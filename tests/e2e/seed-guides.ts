import { readFileSync, readdirSync } from 'node:fs';
import type { Guide } from '../../src/shared/content/guide.ts';

/** The guides a fresh server seeds, read from the same files the server loads. */
export const SEED_GUIDES: Guide[] = readdirSync('src/server/seed/guides')
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(readFileSync(`src/server/seed/guides/${file}`, 'utf8')) as Guide);

export function seedGuide(id: string): Guide {
  const guide = SEED_GUIDES.find((candidate) => candidate.id === id);
  if (!guide) throw new Error(`No seed guide ${id}`);
  return guide;
}

/** The Swedish UI's category names, as the start screen shows them. */
export const SWEDISH_CATEGORY_NAMES = (
  JSON.parse(readFileSync('locales/sv/kiosk.json', 'utf8')) as {
    categories: Record<string, string>;
  }
).categories;
