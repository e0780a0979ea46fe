import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { constants as zlib } from 'node:zlib';
import packageJson from './package.json' with { type: 'json' };

/**
 * The staff and admin screens' own code and strings: used online, on staff devices, so tablets
 * skip them. Each area's chunks go under assets/<area>/, which the service worker leaves out.
 */
const ONLINE_ONLY_AREAS = [
  { folder: 'assets/staff', files: /\/src\/staff\/|\/locales\/[a-z-]+\/staff\.json$/ },
  { folder: 'assets/admin', files: /\/src\/admin\/|\/locales\/[a-z-]+\/(admin|editor)\.json$/ },
];
const ONLINE_ONLY_FOLDERS = ONLINE_ONLY_AREAS.map((area) => `${area.folder}/`);

function onlineOnlyFolder(file: string): string | undefined {
  return ONLINE_ONLY_AREAS.find((area) => area.files.test(file))?.folder;
}

/**
 * A chunk with any module of an online-only area is online-only: the kiosk never imports
 * such modules (ESLint's layers), and the build guard below fails if a kiosk chunk imports
 * the chunk anyway. So code the staff and admin areas share stays off the tablets too.
 */
function folderOf(moduleIds: readonly string[]): string {
  for (const id of moduleIds) {
    const folder = onlineOnlyFolder(id);
    if (folder) return folder;
  }
  return 'assets';
}

/** Each UI language becomes its own small chunk, named so the precache test and a person can find it. */
function chunkFileNames(chunk: { facadeModuleId: string | null; moduleIds: string[] }): string {
  const folder = folderOf(chunk.facadeModuleId ? [chunk.facadeModuleId] : chunk.moduleIds);
  const locale = /\/locales\/([a-z-]+)\/([a-z-]+)\.json$/.exec(chunk.facadeModuleId ?? '');
  return locale
    ? `${folder}/locale-${locale[1]}-${locale[2]}-[hash].js`
    : `${folder}/[name]-[hash].js`;
}

/** A chunk's CSS follows its chunk. */
function assetFileNames(asset: { originalFileNames: string[] }): string {
  return `${folderOf(asset.originalFileNames.map((file) => `/${file}`))}/[name]-[hash][extname]`;
}

/**
 * The content worker's file keeps its name (the page starts it by name, see
 * content-worker-client.ts) and lives beside index.html, which the server
 * revalidates, rather than under assets/, which browsers keep for a year.
 */
const CONTENT_WORKER = 'content-worker';
function entryFileNames(chunk: { name: string }): string {
  return chunk.name === CONTENT_WORKER ? `${CONTENT_WORKER}.js` : 'assets/[name]-[hash].js';
}

const isOnlineOnly = (fileName: string) =>
  ONLINE_ONLY_FOLDERS.some((folder) => fileName.startsWith(folder));

/** The kiosk must never need a file the service worker leaves out: fail the build instead. */
function kioskNeedsNoOnlineOnlyChunk(): Plugin {
  return {
    name: 'lotsen:kiosk-needs-no-online-only-chunk',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || isOnlineOnly(chunk.fileName)) continue;
        const onlineOnlyImport = chunk.imports.find(isOnlineOnly);
        if (onlineOnlyImport) {
          this.error(`${chunk.fileName} imports the online-only ${onlineOnlyImport}`);
        }
      }
    },
  };
}

export default defineConfig({
  // The app's version, which tablets report with each content request (src/vite-define.d.ts).
  define: { __LOTSEN_VERSION__: JSON.stringify(packageJson.version) },
  plugins: [
    kioskNeedsNoOnlineOnlyChunk(),
    react(),
    VitePWA({
      // Updates wait for the kiosk to be between visitors; see src/browser/app-updates.
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Lotsen',
        short_name: 'Lotsen',
        description: 'Steg-för-steg-hjälp med digitala tjänster på biblioteket.',
        lang: 'sv',
        start_url: '/',
        scope: '/',
        display: 'fullscreen',
        orientation: 'any',
        background_color: '#fbf8f1',
        theme_color: '#12355b',
        icons: [
          { src: 'icons/lotsen-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/lotsen-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/lotsen.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        // The app shell and every UI language: a kiosk must switch language with the network down.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,woff2}'],
        // The staff and admin screens are used online only, on staff devices: tablets need not
        // download them. The first entry is Workbox's own default, which setting globIgnores
        // would otherwise drop.
        globIgnores: [
          '**/node_modules/**/*',
          ...ONLINE_ONLY_FOLDERS.map((folder) => `${folder}**`),
        ],
        navigateFallback: 'index.html',
        // /api answers data; /phone/ pages (a guide on a visitor's phone) are the server's own HTML.
        navigateFallbackDenylist: [/^\/api\//, /^\/phone\//],
        cleanupOutdatedCaches: true,
        // The first install takes control at once, so a kiosk works offline after one visit without a
        // reload. Later versions still wait (no skipWaiting) until the kiosk applies them between visitors.
        clientsClaim: true,
      },
    }),
    // Each text file also as .br and .gz, compressed once here as hard as the formats allow: the
    // server sends those (client-app.ts) instead of compressing on the fly, lighter for it, and
    // a first visit downloads about 12% less than with on-the-fly brotli (quality 4).
    compression({
      include: /\.(js|css|html|svg|webmanifest|json)$/,
      threshold: 1024,
      skipIfLargerOrEqual: true,
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
    }),
  ],
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    // index.html lists the start route's chunks, so the browser fetches them at once. A lazy
    // import does not add <link rel=modulepreload> for its chunk's imports: that DOM work landed
    // on the page's thread in the first second, and those imports are mostly loaded already.
    modulePreload: {
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
    },
    rolldownOptions: {
      // The content worker is an entry of its own, not a Vite worker bundle, so it shares the
      // page's chunks (Dexie, the database, the checks): the tablet downloads them once.
      input: {
        index: 'index.html',
        [CONTENT_WORKER]: 'src/browser/content-sync/content-worker.ts',
      },
      output: { chunkFileNames, assetFileNames, entryFileNames },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
