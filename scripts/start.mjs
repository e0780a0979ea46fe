// `npm start`: builds Lotsen when the build is missing or older than the
// source, then starts the server with its embedded defaults.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = [
  'src',
  'locales',
  'public',
  'index.html',
  'package.json',
  'vite.config.ts',
  'vite.server.config.ts',
];
const STAMP = 'dist/server/main.js';

function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestChange(join(path, name))),
    stat.mtimeMs,
  );
}

const built = existsSync(STAMP) && existsSync('dist/client/index.html');
const stale =
  built && SOURCES.filter(existsSync).some((path) => newestChange(path) > statSync(STAMP).mtimeMs);
if (!built || stale) {
  console.log(
    built
      ? 'The source changed since the last build: building Lotsen…'
      : 'Building Lotsen (first start)…',
  );
  execSync('npm run build', { stdio: 'inherit' });
}
await import(new URL('../dist/server/main.js', import.meta.url).href);
