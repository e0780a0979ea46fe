import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/** The staff screen's own code and strings: used online, on staff devices, so tablets skip it. */
const STAFF_ONLY = /\/src\/staff\/|\/locales\/[a-z-]+\/staff\.json$/;

/**
 * Each UI language becomes its own small chunk, named so the precache test and a person can find it.
 * Chunks entered from the staff area go under assets/staff/, which the service worker leaves out.
 */
function chunkFileNames(chunk: { facadeModuleId: string | null }): string {
  const folder = STAFF_ONLY.test(chunk.facadeModuleId ?? '') ? 'assets/staff' : 'assets';
  const locale = /\/locales\/([a-z-]+)\/([a-z-]+)\.json$/.exec(chunk.facadeModuleId ?? '');
  return locale
    ? `${folder}/locale-${locale[1]}-${locale[2]}-[hash].js`
    : `${folder}/[name]-[hash].js`;
}

/** A chunk's CSS follows its chunk. */
function assetFileNames(asset: { originalFileNames: string[] }): string {
  const staff =
    asset.originalFileNames.length > 0 &&
    asset.originalFileNames.every((file) => STAFF_ONLY.test(`/${file}`));
  return staff ? 'assets/staff/[name]-[hash][extname]' : 'assets/[name]-[hash][extname]';
}

/** The kiosk must never need a file the service worker leaves out: fail the build instead. */
function kioskNeedsNoStaffChunk(): Plugin {
  return {
    name: 'lotsen:kiosk-needs-no-staff-chunk',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || chunk.fileName.startsWith('assets/staff/')) continue;
        const staffImport = chunk.imports.find((file) => file.startsWith('assets/staff/'));
        if (staffImport) this.error(`${chunk.fileName} imports the staff-only ${staffImport}`);
      }
    },
  };
}

export default defineConfig({
  plugins: [
    kioskNeedsNoStaffChunk(),
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
        // The staff screen is used online only, on staff devices: tablets need not download it.
        // The first entry is Workbox's own default, which setting globIgnores would otherwise drop.
        globIgnores: ['**/node_modules/**/*', 'assets/staff/**'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // The first install takes control at once, so a kiosk works offline after one visit without a
        // reload. Later versions still wait (no skipWaiting) until the kiosk applies them between visitors.
        clientsClaim: true,
      },
    }),
  ],
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    rolldownOptions: { output: { chunkFileNames, assetFileNames } },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
