import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const SW_PATH = 'dist/client/sw.js';

function precachedUrls(): string[] {
  if (!existsSync(SW_PATH))
    throw new Error(`${SW_PATH} is missing: run "npm run build" before this test.`);
  const source = readFileSync(SW_PATH, 'utf8');
  return [...source.matchAll(/url:"([^"]+)"/g)].map((match) => match[1] ?? '');
}

describe('the built service worker', () => {
  it('precaches the app shell', () => {
    const urls = precachedUrls();
    expect(urls).toContain('index.html');
    expect(urls).toContain('manifest.webmanifest');
    expect(urls.some((url) => /^assets\/index-[\w-]+\.js$/.test(url))).toBe(true);
    expect(urls.some((url) => /^assets\/index-[\w-]+\.css$/.test(url))).toBe(true);
  });

  it('precaches every UI language, so the kiosk can switch language offline', () => {
    const urls = precachedUrls();
    const languages = readdirSync('locales', { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(languages.length).toBeGreaterThanOrEqual(3);
    for (const language of languages) {
      for (const file of readdirSync(`locales/${language}`).filter((name) =>
        name.endsWith('.json'),
      )) {
        const namespace = file.replace('.json', '');
        const chunk = new RegExp(`^assets/locale-${language}-${namespace}-[\\w-]+\\.js$`);
        // Swedish is the source and is bundled into the app itself; every other language is its own chunk.
        if (language === 'sv') continue;
        expect(
          urls.filter((url) => chunk.test(url)),
          `locales/${language}/${file}`,
        ).toHaveLength(1);
      }
    }
  });

  it('answers navigations offline with the app, but never /api requests', () => {
    const source = readFileSync(SW_PATH, 'utf8');
    expect(source).toMatch(/createHandlerBoundToURL\("index\.html"\)/);
    expect(source).toContain('denylist:[/^\\/api\\//]');
  });

  it('takes control on first install, but lets a new version wait until the kiosk asks for it', () => {
    const source = readFileSync(SW_PATH, 'utf8');
    expect(source).toContain('clientsClaim()');
    // skipWaiting only as the answer to the app's SKIP_WAITING message, never on install.
    expect(source.match(/skipWaiting\(\)/g)).toHaveLength(1);
    // Any variable name: the minifier picks it, and it changes with the rest of the file.
    expect(source).toMatch(/"SKIP_WAITING"===\w+\.data\.type&&self\.skipWaiting\(\)/);
  });
});
