import { execFileSync } from 'node:child_process';

/** Runs the operator CLI (`lotsen …`) on the browser tests' server database. */
export function lotsen(args: string[], stdin = ''): string {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir)
    throw new Error('E2E_DATA_DIR is not set: run the browser tests through playwright.config.ts.');
  return execFileSync(
    process.execPath,
    [`${process.env.E2E_DIST ?? 'dist'}/server/cli.js`, ...args],
    {
      input: stdin,
      env: { ...process.env, DATA_DIR: dataDir },
      encoding: 'utf8',
    },
  );
}

/** Adds a tablet to the demo branch and returns its pairing code (the CLI's last line). */
export function addTablet(name: string, location: string): string {
  const code = lotsen(['device', 'add', name, '--branch', '1', '--location', location])
    .trimEnd()
    .split('\n')
    .at(-1);
  if (!code || !/^\d{6}$/.test(code)) throw new Error(`No pairing code from the CLI: ${code}`);
  return code;
}

export function addStaff(email: string, password: string): void {
  lotsen(['user', 'add', email, '--role', 'staff'], `${password}\n`);
}
