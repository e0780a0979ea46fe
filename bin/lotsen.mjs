#!/usr/bin/env node
// `npx lotsen ...`: the operator's command line (see src/server/cli/). Runs
// the built dist/server/cli.js, building Lotsen first when it is missing, as
// on a fresh clone. Build output goes to stderr, so stdout stays the
// command's own (a script may read the pairing code from its last line).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = new URL('../dist/server/cli.js', import.meta.url);

if (!existsSync(cli)) {
  process.stderr.write('Building Lotsen first (dist/server/cli.js is missing)…\n');
  // stdin is not passed on: it may hold the password for "lotsen user add".
  const build = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) {
    process.stderr.write(
      build.error
        ? `Could not run npm: ${build.error.message}\n`
        : 'The build failed (see above).\n',
    );
    process.exit(build.status ?? 1);
  }
}

await import(cli.href);
