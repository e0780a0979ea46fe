import { defineConfig } from 'vite';

/** Builds the Fastify server into dist/server/main.js; node_modules stay external. */
export default defineConfig({
  build: {
    ssr: 'src/server/main.ts',
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
  },
});
