import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { posix } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// E2E_DIST: a build outside dist/, as for the end-to-end tests.
const CLIENT_DIR = `${process.env.E2E_DIST ?? 'dist'}/client`;
const SW_PATH = `${CLIENT_DIR}/sw.js`;
const STAFF_ASSETS = `${CLIENT_DIR}/assets/staff`;
const ADMIN_ASSETS = `${CLIENT_DIR}/assets/admin`;

function precachedUrls(): string[] {
  if (!existsSync(SW_PATH))
    throw new Error(`${SW_PATH} is missing: run "npm run build" before this test.`);
  const source = readFileSync(SW_PATH, 'utf8');
  return [...source.matchAll(/url:"([^"]+)"/g)].map((match) => match[1] ?? '');
}

/** Every language that has a file for this namespace under locales/. */
function languagesWith(namespace: 'kiosk' | 'staff' | 'admin' | 'editor'): string[] {
  return readdirSync('locales', { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .filter((entry) => existsSync(`locales/${entry.name}/${namespace}.json`))
    .map((entry) => entry.name);
}

/** The kiosk's screens it loads only when needed (src/kiosk/lazy-screens.tsx). */
const LAZY_KIOSK_SCREENS = [
  'GuidePlayer',
  'CallHelperDialog',
  'StillHereDialog',
  'SetupDialog',
  'PairingResultDialog',
];

/** What the app starts right after the first render (src/app/use-*.ts), each its own chunk. */
const START_PROCESSES = ['content-sync-schedule', 'outbox-schedule', 'device-check-schedule'];

/** A chunk's own imports, static ones only or dynamic ones too, as paths under CLIENT_DIR. */
function importsOf(chunk: string, dynamic: boolean): string[] {
  const source = readFileSync(`${CLIENT_DIR}/${chunk}`, 'utf8');
  const staticImports = source.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g);
  const dynamicImports = dynamic ? source.matchAll(/import\(["`](\.{1,2}\/[^"`]+\.js)["`]\)/g) : [];
  return [...staticImports, ...dynamicImports].map(([, specifier = '']) =>
    posix.join(posix.dirname(chunk), specifier),
  );
}

/** Every chunk `entries` load before running: their static imports, and theirs. */
function staticClosure(entries: string[]): Set<string> {
  const found = new Set<string>();
  const visit = (chunk: string) => {
    if (found.has(chunk)) return;
    found.add(chunk);
    for (const imported of importsOf(chunk, false)) visit(imported);
  };
  for (const entry of entries) visit(entry);
  return found;
}

function entryScripts(): string[] {
  const html = readFileSync(`${CLIENT_DIR}/index.html`, 'utf8');
  return [...html.matchAll(/<script\b[^>]*\bsrc="\/([^"]+\.js)"/g)].map((match) => match[1] ?? '');
}

/** zod's own code: its error class is named in a string, which minifying keeps. */
const hasZod = (chunk: string) =>
  readFileSync(`${CLIENT_DIR}/${chunk}`, 'utf8').includes('ZodError');

const assetFile = (pattern: RegExp) => {
  const file = readdirSync(`${CLIENT_DIR}/assets`).find((name) => pattern.test(name));
  if (!file) throw new Error(`No file in ${CLIENT_DIR}/assets matches ${String(pattern)}`);
  return `assets/${file}`;
};

describe('the built service worker', () => {
  it('precaches the app shell', () => {
    const urls = precachedUrls();
    expect(urls).toContain('index.html');
    expect(urls).toContain('manifest.webmanifest');
    expect(urls.some((url) => /^assets\/index-[\w-]+\.js$/.test(url))).toBe(true);
    expect(urls.some((url) => /^assets\/index-[\w-]+\.css$/.test(url))).toBe(true);
  });

  it('precaches every kiosk language, so the kiosk can switch language offline', () => {
    const urls = precachedUrls();
    const languages = languagesWith('kiosk');
    expect(languages.length).toBeGreaterThanOrEqual(3);
    for (const language of languages) {
      // Swedish is the source and is bundled into the app itself; every other language is its own chunk.
      if (language === 'sv') continue;
      const chunk = new RegExp(`^assets/locale-${language}-kiosk-[\\w-]+\\.js$`);
      expect(
        urls.filter((url) => chunk.test(url)),
        `locales/${language}/kiosk.json`,
      ).toHaveLength(1);
    }
  });

  it('leaves the staff screen and its languages out: tablets never show it', () => {
    const urls = precachedUrls();
    expect(urls.filter((url) => url.startsWith('assets/staff/'))).toEqual([]);
    const staffFiles = readdirSync(STAFF_ASSETS);
    expect(staffFiles.filter((file) => /^StaffApp-[\w-]+\.js$/.test(file))).toHaveLength(1);
    // The code the staff and admin areas share (the login, the staff API) is left out too.
    expect(staffFiles.filter((file) => /^staff-[\w-]+\.js$/.test(file))).toHaveLength(1);
    for (const language of languagesWith('staff')) {
      if (language === 'sv') continue;
      const chunk = new RegExp(`^locale-${language}-staff-[\\w-]+\\.js$`);
      expect(
        staffFiles.filter((file) => chunk.test(file)),
        `locales/${language}/staff.json`,
      ).toHaveLength(1);
    }
    for (const url of urls)
      expect(url, url).not.toMatch(/StaffApp|-staff-|^assets\/staff-[\w-]+\.js$/);
  });

  it('leaves the admin area and its languages out: tablets never show it', () => {
    const urls = precachedUrls();
    expect(urls.filter((url) => url.startsWith('assets/admin/'))).toEqual([]);
    const adminFiles = readdirSync(ADMIN_ASSETS);
    expect(adminFiles.filter((file) => /^AdminApp-[\w-]+\.(js|css)$/.test(file))).toHaveLength(2);
    for (const namespace of ['admin', 'editor'] as const) {
      for (const language of languagesWith(namespace)) {
        if (language === 'sv') continue;
        const chunk = new RegExp(`^locale-${language}-${namespace}-[\\w-]+\\.js$`);
        expect(
          adminFiles.filter((file) => chunk.test(file)),
          `locales/${language}/${namespace}.json`,
        ).toHaveLength(1);
      }
    }
    for (const url of urls) expect(url, url).not.toMatch(/AdminApp|-admin-|-editor-/);
  });

  it('precaches every script index.html loads, and every chunk those scripts import', () => {
    const urls = new Set(precachedUrls());
    const html = readFileSync(`${CLIENT_DIR}/index.html`, 'utf8');
    const scripts = [
      ...html.matchAll(/<script\b[^>]*\bsrc="\/([^"]+\.js)"/g),
      ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="\/([^"]+\.js)"/g),
    ].map((match) => match[1] ?? '');
    expect(scripts.length).toBeGreaterThanOrEqual(1);
    for (const script of scripts) expect(urls, script).toContain(script);
    // A precached chunk that statically imports a left-out one would break the kiosk offline.
    for (const url of [...urls].filter((url) => url.endsWith('.js') && url.startsWith('assets/'))) {
      const source = readFileSync(`${CLIENT_DIR}/${url}`, 'utf8');
      for (const [, specifier = ''] of source.matchAll(
        /(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g,
      )) {
        expect(urls, `${url} imports ${specifier}`).toContain(
          posix.join(posix.dirname(url), specifier),
        );
      }
    }
  });

  it('builds the content worker beside index.html, precached, on chunks the page shares', () => {
    const urls = new Set(precachedUrls());
    expect(urls).toContain('content-worker.js');
    // Its chunks are the page's own (Dexie, the database, the checks), so a tablet downloads them
    // once, and all are precached: the worker starts offline too.
    const workerChunks = staticClosure(['content-worker.js']);
    const pageChunks = staticClosure(entryScripts());
    const shared = [...workerChunks].filter((chunk) => pageChunks.has(chunk));
    expect(shared.length).toBeGreaterThanOrEqual(1);
    for (const chunk of workerChunks) expect(urls, chunk).toContain(chunk);
    // It never starts zod, the staff or the admin screens.
    expect([...workerChunks].filter(hasZod)).toEqual([]);
    expect([...workerChunks].filter((chunk) => /^assets\/(staff|admin)\//.test(chunk))).toEqual([]);
  });

  it('precaches the kiosk screens that load lazily, so they open offline', () => {
    const urls = precachedUrls();
    for (const screen of LAZY_KIOSK_SCREENS) {
      const chunk = new RegExp(`^assets/${screen}-[\\w-]+\\.js$`);
      expect(
        urls.filter((url) => chunk.test(url)),
        screen,
      ).toHaveLength(1);
    }
  });

  it('keeps the lazily loaded screens, staff, admin and zod off the kiosk start route', () => {
    const entries = entryScripts();
    expect(entries).toHaveLength(1);
    // What loads before the first render, and the processes the app starts with the start screen:
    // the content sync a first visit waits for, the outbox and the device check. They check the
    // server's answers without zod (src/browser/server-answers/json-schema-check.ts).
    const startedWithTheStartScreen = START_PROCESSES.map((name) =>
      assetFile(new RegExp(`^${name}-[\\w-]+\\.js$`)),
    );
    const startRoute = staticClosure([...entries, ...startedWithTheStartScreen]);
    expect([...startRoute].filter(hasZod)).toEqual([]);
    expect([...startRoute].filter((chunk) => /^assets\/(staff|admin)\//.test(chunk))).toEqual([]);
    for (const screen of LAZY_KIOSK_SCREENS) {
      expect([...startRoute].filter((chunk) => chunk.startsWith(`assets/${screen}-`))).toEqual([]);
    }
    // The test can tell: zod is in the build, for the staff and admin screens.
    const areaChunks = ['staff', 'admin'].flatMap((area) =>
      readdirSync(`${CLIENT_DIR}/assets/${area}`)
        .filter((file) => file.endsWith('.js'))
        .map((file) => `assets/${area}/${file}`),
    );
    expect(areaChunks.some(hasZod)).toBe(true);
    // The entry does load those processes and the lazily loaded screens when needed.
    const dynamic = new Set([...startRoute].flatMap((chunk) => importsOf(chunk, true)));
    for (const chunk of startedWithTheStartScreen) expect(dynamic, chunk).toContain(chunk);
    expect([...dynamic].some((chunk) => /GuidePlayer-/.test(chunk))).toBe(true);
  });

  it('lists the start route in index.html, but adds no modulepreload links at run time', () => {
    const html = readFileSync(`${CLIENT_DIR}/index.html`, 'utf8');
    expect([...html.matchAll(/rel="modulepreload"/g)].length).toBeGreaterThanOrEqual(1);
    // A lazy import's list of files to preload (__vite__mapDeps) may name its CSS, never a script:
    // each script would be a <link> the page's thread adds while the kiosk starts.
    const lazyPreloads = precachedUrls()
      .filter((url) => url.endsWith('.js') && url.startsWith('assets/'))
      .flatMap((chunk) => {
        const list = /m\.f=(\[[^\]]*\])/.exec(readFileSync(`${CLIENT_DIR}/${chunk}`, 'utf8'));
        return list ? (JSON.parse(list[1] ?? '[]') as string[]) : [];
      });
    expect(lazyPreloads.filter((file) => file.endsWith('.css')).length).toBeGreaterThanOrEqual(1);
    expect(lazyPreloads.filter((file) => file.endsWith('.js'))).toEqual([]);
  });

  it('precaches no chunk with zod: nothing the kiosk can open needs it', () => {
    const chunks = precachedUrls().filter((url) => url.endsWith('.js') && url !== 'sw.js');
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.filter(hasZod)).toEqual([]);
  });

  it('answers navigations offline with the app, but never /api requests', () => {
    const source = readFileSync(SW_PATH, 'utf8');
    expect(source).toMatch(/createHandlerBoundToURL\("index\.html"\)/);
    // /api first; other server pages (e.g. the phone pages) may follow.
    expect(source).toMatch(/denylist:\[\/\^\\\/api\\\/\/[,\]]/);
  });

  it('takes control on first install, but lets a new version wait until the kiosk asks for it', () => {
    const source = readFileSync(SW_PATH, 'utf8');
    expect(source).toContain('clientsClaim()');
    // skipWaiting only as the answer to the app's SKIP_WAITING message, never on install.
    expect(source.match(/skipWaiting\(\)/g)).toHaveLength(1);
    // Any variable name: the minifier picks it, and it changes with the rest of the file.
    expect(source).toMatch(/"SKIP_WAITING"===\w+\.data\.type&&self\.skipWaiting\(\)/);
  });

  it('writes a brotli and a gzip copy beside each script, style and page, and precaches neither', () => {
    for (const file of [entryScripts()[0] ?? '', assetFile(/^index-[\w-]+\.css$/), 'index.html']) {
      const bytes = readFileSync(`${CLIENT_DIR}/${file}`);
      expect(brotliDecompressSync(readFileSync(`${CLIENT_DIR}/${file}.br`)), file).toEqual(bytes);
      expect(gunzipSync(readFileSync(`${CLIENT_DIR}/${file}.gz`)), file).toEqual(bytes);
    }
    // The server picks a copy by what the browser accepts; the service worker caches the file.
    expect(precachedUrls().filter((url) => /\.(br|gz)$/.test(url))).toEqual([]);
  });
});
