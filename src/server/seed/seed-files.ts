/**
 * Where the demo content comes from: the JSON guides and SVG images beside
 * this file. Vite bundles them into dist/server/main.js (and Vitest runs the
 * same transform), so the built server needs no seed files on disk.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Seed files by path relative to this folder, e.g. "./guides/install-mobilt-bankid.json". */
export interface SeedFiles {
  guides: Record<string, unknown>;
  images: Record<string, string>;
}

export function bundledSeedFiles(): SeedFiles {
  // tsx (npm run dev:server) has no import.meta.glob; there the files are read from disk.
  // Vite replaces import.meta.env with an object, so its presence means the globs were bundled.
  const viteEnv: unknown = import.meta.env;
  if (viteEnv === undefined) {
    return readSeedFilesFromDisk(fileURLToPath(new URL('.', import.meta.url)));
  }
  return {
    guides: import.meta.glob<unknown>('./guides/*.json', { eager: true, import: 'default' }),
    images: import.meta.glob<string>('./images/*.svg', {
      eager: true,
      query: '?raw',
      import: 'default',
    }),
  };
}

/** The same files as bundledSeedFiles, read from `seedDir` at run time. */
export function readSeedFilesFromDisk(seedDir: string): SeedFiles {
  const read = (folder: string, extension: string) => {
    const dir = join(seedDir, folder);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => name.endsWith(extension))
      .sort()
      .map((name) => ({
        key: `./${folder}/${name}`,
        text: readFileSync(join(dir, name), 'utf8'),
      }));
  };
  return {
    guides: Object.fromEntries(
      read('guides', '.json').map(({ key, text }): [string, unknown] => [key, JSON.parse(text)]),
    ),
    images: Object.fromEntries(read('images', '.svg').map(({ key, text }) => [key, text])),
  };
}
