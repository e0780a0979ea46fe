import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it, onTestFinished } from 'vitest';
import { PairedKioskDevice, PairingResponse } from '../../src/shared/api/devices.ts';
import { StaffSession } from '../../src/shared/api/accounts.ts';
import { buildApp } from '../../src/server/app.ts';
import { runLotsenCli } from '../../src/server/cli/run-cli.ts';
import { openDatabase } from '../../src/server/database/open-database.ts';
import { makeTempDir, testConfig } from './helpers.ts';
import { SAME_ORIGIN } from './staff-and-tablets.ts';

const PASSWORD = 'Bokbuss till Kvarnbyn 1987';

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `lotsen ARGS` on the database in `dir`/data, with `stdin` as its input. */
async function lotsen(dir: string, args: string[], stdin = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runLotsenCli(args, {
    stdin: Readable.from(stdin === '' ? [] : [Buffer.from(stdin)]),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { DATA_DIR: 'data' },
    cwd: dir,
  });
  return { code, stdout, stderr };
}

/** The server, on the database the CLI wrote (not seeded). */
async function serverOn(dir: string) {
  const config = testConfig(dir);
  const db = openDatabase(config.dataDir);
  const app = await buildApp({ config, db });
  onTestFinished(async () => {
    await app.close();
    db.close();
  });
  return { app, db };
}

describe('lotsen (the operator command line)', () => {
  it('shows its usage for "help", touching no database', async () => {
    const dir = await makeTempDir();
    const run = await lotsen(dir, ['help']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/lotsen user add EMAIL --role admin\|editor\|staff/);
    expect(run.stdout).toMatch(/lotsen device add NAME --branch BRANCH/);
    const { existsSync } = await import('node:fs');
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });

  it('adds an account whose password (from stdin, newline trimmed) logs in', async () => {
    const dir = await makeTempDir();
    const run = await lotsen(
      dir,
      ['user', 'add', 'anna@bibliotek.se', '--role', 'admin'],
      `${PASSWORD}\n`,
    );
    expect(run).toEqual({
      code: 0,
      stdout: 'Added anna@bibliotek.se as admin (user 1).\n',
      stderr: '',
    });

    const { app, db } = await serverOn(dir);
    expect(db.prepare('SELECT COUNT(*) AS n FROM branches').get()).toEqual({ n: 0 });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: SAME_ORIGIN,
      payload: { email: 'anna@bibliotek.se', password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect(StaffSession.parse(login.json()).user.role).toBe('admin');

    const duplicate = await lotsen(
      dir,
      ['user', 'add', 'ANNA@bibliotek.se', '--role', 'staff'],
      PASSWORD,
    );
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toBe('There is already an account for ANNA@bibliotek.se.\n');
  }, 30_000);

  it.each<[string, string[], string, number, RegExp]>([
    ['no command', [], '', 2, /^Say what to do\./],
    ['an unknown command', ['user', 'delete', 'a@b.se'], '', 2, /^Unknown command "user delete"\./],
    [
      'a missing --role',
      ['user', 'add', 'a@b.se'],
      PASSWORD,
      2,
      /^Say which role the account has: --role admin\|editor\|staff/,
    ],
    [
      'an unknown role',
      ['user', 'add', 'a@b.se', '--role', 'boss'],
      PASSWORD,
      2,
      /^There is no role "boss"\. Use one of: staff, editor, admin\./,
    ],
    [
      'an unknown option',
      ['user', 'add', 'a@b.se', '--role', 'staff', '--admin'],
      PASSWORD,
      2,
      /--admin/,
    ],
    [
      'no email',
      ['user', 'add', '--role', 'staff'],
      PASSWORD,
      2,
      /^Give exactly one email address/,
    ],
    [
      'a bad email',
      ['user', 'add', 'anna', '--role', 'staff'],
      PASSWORD,
      2,
      /^"anna" is not an email address\./,
    ],
    [
      'a short password',
      ['user', 'add', 'a@b.se', '--role', 'staff'],
      'short\n',
      1,
      /^Use at least 12 characters for the password\. Nothing was added\./,
    ],
    [
      'a bad fallback language',
      ['branch', 'add', 'Filialen', '--fallback-language', 'xx'],
      '',
      2,
      /^--fallback-language: /,
    ],
    [
      'a device without --branch',
      ['device', 'add', 'Entrance'],
      '',
      2,
      /^Say which branch the tablet is at/,
    ],
  ])('refuses %s with a readable message', async (_case, args, stdin, code, message) => {
    const dir = await makeTempDir();
    const run = await lotsen(dir, args, stdin);
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    if (code === 2) expect(run.stderr).toMatch(/Usage: lotsen COMMAND/);
  });

  it('adds branches, refusing a second one with the same name', async () => {
    const dir = await makeTempDir();
    const run = await lotsen(dir, [
      'branch',
      'add',
      'Kvarnbyns bibliotek',
      '--info-desk',
      'Disken vid entrén',
      '--transport-app',
      'Skånetrafiken',
      '--fallback-language',
      'en',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Added the branch "Kvarnbyns bibliotek" \(branch 1\)/);
    const again = await lotsen(dir, ['branch', 'add', 'Kvarnbyns bibliotek']);
    expect(again).toMatchObject({
      code: 1,
      stderr: 'There is already a branch called "Kvarnbyns bibliotek".\n',
    });

    const { app } = await serverOn(dir);
    const content = await app.inject('/api/content?branch=1');
    expect(content.json()).toMatchObject({
      library: {
        libraryName: 'Kvarnbyns bibliotek',
        infoDesk: 'Disken vid entrén',
        transportApp: 'Skånetrafiken',
        fallbackLanguage: 'en',
      },
    });
  });

  it('adds a tablet and prints a pairing code on the last line that pairs it', async () => {
    const dir = await makeTempDir();
    await lotsen(dir, ['branch', 'add', 'Kvarnbyns bibliotek']);
    await lotsen(dir, ['branch', 'add', 'Filialen']);

    const unknown = await lotsen(dir, ['device', 'add', 'Entrance', '--branch', 'Nowhere']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(
      'There is no branch "Nowhere". The branches are: 2 "Filialen", 1 "Kvarnbyns bibliotek".\n',
    );

    const byName = await lotsen(dir, [
      'device',
      'add',
      'Entrance tablet',
      '--branch',
      'Kvarnbyns bibliotek',
      '--location',
      'By the printers',
    ]);
    expect(byName.code).toBe(0);
    const lines = byName.stdout.trimEnd().split('\n');
    const code = lines.at(-1) ?? '';
    expect(code).toMatch(/^\d{6}$/);
    expect(lines.at(-2)).toMatch(/until \d\d:\d\d \(\d{4}-\d\d-\d\dT[\d:.]+Z\):$/);
    expect(lines[0]).toBe(
      'Added the tablet "Entrance tablet" (device 1) at Kvarnbyns bibliotek, By the printers.',
    );

    const byId = await lotsen(dir, ['device', 'add', 'Children’s corner', '--branch', '2']);
    expect(byId.stdout).toMatch(/\(device 2\) at Filialen\./);

    const { app } = await serverOn(dir);
    const paired = await app.inject({
      method: 'POST',
      url: '/api/devices/pair',
      headers: SAME_ORIGIN,
      payload: { code },
    });
    expect(paired.statusCode).toBe(201);
    expect(PairingResponse.parse(paired.json()).device).toEqual({
      id: 1,
      name: 'Entrance tablet',
      branchId: 1,
      branchName: 'Kvarnbyns bibliotek',
      location: 'By the printers',
    });
  });

  it('sets the branch setup PIN that paired tablets check offline, and removes it', async () => {
    const dir = await makeTempDir();
    await lotsen(dir, ['branch', 'add', 'Kvarnbyns bibliotek']);
    const code = (await lotsen(dir, ['device', 'add', 'Entrance', '--branch', '1'])).stdout
      .trimEnd()
      .split('\n')
      .at(-1);

    const tooShort = await lotsen(dir, ['branch', 'pin', '1'], '12\n');
    expect(tooShort).toMatchObject({
      code: 1,
      stderr: 'The setup PIN is 4 to 8 digits, e.g. 4711.\n',
    });
    const set = await lotsen(dir, ['branch', 'pin', 'Kvarnbyns bibliotek'], '4711\n');
    expect(set.code).toBe(0);

    const { app } = await serverOn(dir);
    const paired = PairingResponse.parse(
      (
        await app.inject({
          method: 'POST',
          url: '/api/devices/pair',
          headers: SAME_ORIGIN,
          payload: { code },
        })
      ).json(),
    );
    const me = async () =>
      PairedKioskDevice.parse(
        (
          await app.inject({
            url: '/api/devices/me',
            headers: { authorization: `Bearer ${paired.deviceToken}` },
          })
        ).json(),
      );
    const { setupPin } = await me();
    if (!setupPin) throw new Error('expected a setup PIN');
    expect(setupPin.sha256).toBe(
      createHash('sha256').update(`${setupPin.salt}:4711`).digest('hex'),
    );
    expect(JSON.stringify(setupPin)).not.toContain('4711');

    expect((await lotsen(dir, ['branch', 'pin', '1', '--remove'])).code).toBe(0);
    expect((await me()).setupPin).toBeNull();
  });

  it('says when there are no branches yet', async () => {
    const dir = await makeTempDir();
    const run = await lotsen(dir, ['device', 'add', 'Entrance', '--branch', '1']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /There are no branches yet: add one with "lotsen branch add NAME"\./,
    );
  });
});
