import { defineConfig } from 'vite';

/**
 * Builds the Fastify server into dist/server/main.js and the operator's
 * command line into dist/server/cli.js; node_modules stay external. Code
 * both use goes into dist/server/chunks/.
 */
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    // public/ belongs to the app in dist/client, not to the server.
    copyPublicDir: false,
    rolldownOptions: {
      input: { main: 'src/server/main.ts', cli: 'src/server/cli/main.ts' },
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
