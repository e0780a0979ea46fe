import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/** Each UI language becomes its own small chunk, named so the precache test and a person can find it. */
function chunkFileNames(chunk: { facadeModuleId: string | null }): string {
  const locale = /\/locales\/([a-z-]+)\/([a-z-]+)\.json$/.exec(chunk.facadeModuleId ?? '');
  return locale ? `assets/locale-${locale[1]}-${locale[2]}-[hash].js` : 'assets/[name]-[hash].js';
}

export default defineConfig({
  plugins: [
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
    rolldownOptions: { output: { chunkFileNames } },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
