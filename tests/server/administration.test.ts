import { describe, expect, it } from 'vitest';
import { StaffSession } from '../../src/shared/api/accounts.ts';
import {
  LibraryBranch,
  LibraryBranchList,
  LibrarySettingsForAdmins,
  SetupStatus,
  StaffAccount,
  StaffAccountList,
} from '../../src/shared/api/administration.ts';
import { ApiProblem, TABLET_REPORT_HEADERS } from '../../src/shared/api/contract.ts';
import { KioskDeviceList, PairedKioskDevice } from '../../src/shared/api/devices.ts';
import { SESSION_COOKIE } from '../../src/server/accounts/session-cookie.ts';
import {
  AccountChangeRefused,
  LAST_ADMIN,
  OWN_ACCOUNT,
  changeStaffRole,
  removeStaffUser,
} from '../../src/server/accounts/staff-users.ts';
import { setupPinDigest } from '../../src/server/branches/library-branches.ts';
import { startTestApp, type TestApp } from './helpers.ts';
import {
  SAME_ORIGIN,
  addStaffUser,
  logInStaff,
  pairTablet,
  type LoggedInStaff,
} from './staff-and-tablets.ts';

/** Creating accounts through the API hashes at full scrypt cost: about a second each. */
const SLOW = 30_000;
const PASSWORD = 'Bokbuss till Kvarnbyn 1987';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function call(
  test: TestApp,
  method: Method,
  url: string,
  who?: LoggedInStaff,
  payload?: Record<string, unknown>,
) {
  return test.app.inject({
    method,
    url,
    headers: who?.headers ?? SAME_ORIGIN,
    ...(payload === undefined ? {} : { payload }),
  });
}

const messageOf = (response: { json: () => unknown }) => ApiProblem.parse(response.json()).message;

function sessionCookieOf(response: { cookies: { name: string; value: string }[] }): string {
  const cookie = response.cookies.find((candidate) => candidate.name === SESSION_COOKIE);
  if (!cookie) throw new Error('No session cookie was set.');
  return `${SESSION_COOKIE}=${cookie.value}`;
}

const me = (test: TestApp, cookie: string) =>
  test.app.inject({ url: '/api/auth/me', headers: { cookie } });

const logIn = (test: TestApp, email: string, password: string) =>
  call(test, 'POST', '/api/auth/login', undefined, { email, password });

const adminCount = (test: TestApp) =>
  test.db
    .prepare<[], { count: number }>("SELECT COUNT(*) AS count FROM users WHERE role = 'admin'")
    .get()?.count;

describe('the one-time setup', () => {
  it(
    'creates the first admin once, logged in, with a hashed password; then answers 409',
    async () => {
      const test = await startTestApp();
      const status = await call(test, 'GET', '/api/setup');
      expect(SetupStatus.parse(status.json())).toEqual({ needsFirstAdmin: true });

      const weak = await call(test, 'POST', '/api/setup/first-admin', undefined, {
        email: 'ada@bibliotek.example.se',
        password: 'short',
      });
      expect(weak.statusCode).toBe(400);
      expect(messageOf(weak)).toMatch(/at least 12 characters/);

      const created = await call(test, 'POST', '/api/setup/first-admin', undefined, {
        email: 'ada@bibliotek.example.se',
        password: PASSWORD,
      });
      expect(created.statusCode).toBe(201);
      const session = StaffSession.parse(created.json());
      expect(session.user).toMatchObject({ email: 'ada@bibliotek.example.se', role: 'admin' });
      const who = await me(test, sessionCookieOf(created));
      expect(StaffSession.parse(who.json())).toEqual(session);
      const stored = test.db
        .prepare<[], { hash: string }>('SELECT password_hash AS hash FROM users')
        .get();
      expect(stored?.hash).toMatch(/^scrypt\$/);
      expect(stored?.hash).not.toContain(PASSWORD);

      const after = await call(test, 'GET', '/api/setup');
      expect(SetupStatus.parse(after.json())).toEqual({ needsFirstAdmin: false });
      const second = await call(test, 'POST', '/api/setup/first-admin', undefined, {
        email: 'mallory@example.com',
        password: PASSWORD,
      });
      expect(second.statusCode).toBe(409);
      expect(messageOf(second)).toMatch(/^Lotsen already has an admin/);
      expect(adminCount(test)).toBe(1);
    },
    SLOW,
  );

  it(
    'lets exactly one of two racing setups win',
    async () => {
      const test = await startTestApp();
      const responses = await Promise.all(
        ['first@bibliotek.example.se', 'second@bibliotek.example.se'].map((email) =>
          call(test, 'POST', '/api/setup/first-admin', undefined, { email, password: PASSWORD }),
        ),
      );
      expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409]);
      expect(adminCount(test)).toBe(1);
      expect(test.db.prepare('SELECT id FROM users').all()).toHaveLength(1);
    },
    SLOW,
  );

  it('is not offered once an admin exists, even one the CLI made', async () => {
    const test = await startTestApp();
    await addStaffUser(test.db, 'editor');
    const withEditor = await call(test, 'GET', '/api/setup');
    expect(SetupStatus.parse(withEditor.json()).needsFirstAdmin).toBe(true);
    await addStaffUser(test.db, 'admin');
    const withAdmin = await call(test, 'GET', '/api/setup');
    expect(SetupStatus.parse(withAdmin.json()).needsFirstAdmin).toBe(false);
    const refused = await call(test, 'POST', '/api/setup/first-admin', undefined, {
      email: 'late@bibliotek.example.se',
      password: PASSWORD,
    });
    expect(refused.statusCode).toBe(409);
  });

  it('allows 10 setup attempts from one address, then answers 429', async () => {
    const test = await startTestApp();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const response = await call(test, 'POST', '/api/setup/first-admin', undefined, {
        email: 'not an email',
        password: PASSWORD,
      });
      expect(response.statusCode).toBe(400);
    }
    const blocked = await call(test, 'POST', '/api/setup/first-admin', undefined, {
      email: 'ada@bibliotek.example.se',
      password: PASSWORD,
    });
    expect(blocked.statusCode).toBe(429);
    expect(messageOf(blocked)).toMatch(/^Too many setup attempts from this address\. Wait/);
    expect(adminCount(test)).toBe(0);
  });
});

describe('staff accounts', () => {
  it('lists accounts with when each was last active', async () => {
    const test = await startTestApp();
    const admin = await logInStaff(test.db, 'admin');
    const idle = await addStaffUser(test.db, 'staff');
    const response = await call(test, 'GET', '/api/admin/users', admin);
    expect(response.statusCode).toBe(200);
    const { users } = StaffAccountList.parse(response.json());
    const seen = test.db
      .prepare<[number], { at: string }>(
        'SELECT last_seen_at AS at FROM sessions WHERE user_id = ?',
      )
      .get(admin.user.id)?.at;
    expect(users.find((user) => user.id === admin.user.id)).toMatchObject({
      role: 'admin',
      lastActiveAt: seen,
    });
    expect(users.find((user) => user.id === idle.id)).toMatchObject({
      email: idle.email,
      lastActiveAt: null,
    });
  });

  it(
    'creates an account that can log in, and refuses an email already used in any case',
    async () => {
      const test = await startTestApp();
      const admin = await logInStaff(test.db, 'admin');
      const created = await call(test, 'POST', '/api/admin/users', admin, {
        email: 'Bo.Ek@bibliotek.example.se',
        role: 'editor',
        password: PASSWORD,
      });
      expect(created.statusCode).toBe(201);
      expect(StaffAccount.parse(created.json())).toMatchObject({
        email: 'Bo.Ek@bibliotek.example.se',
        role: 'editor',
        lastActiveAt: null,
      });
      expect((await logIn(test, 'bo.ek@bibliotek.example.se', PASSWORD)).statusCode).toBe(200);

      const again = await call(test, 'POST', '/api/admin/users', admin, {
        email: 'BO.EK@bibliotek.example.se',
        role: 'staff',
        password: PASSWORD,
      });
      expect(again.statusCode).toBe(409);
      expect(messageOf(again)).toMatch(/already an account/);

      const badRole = await call(test, 'POST', '/api/admin/users', admin, {
        email: 'cy@bibliotek.example.se',
        role: 'boss',
        password: PASSWORD,
      });
      expect(badRole.statusCode).toBe(400);
      expect(messageOf(badRole)).toMatch(/^Bad account\. role/);
      const badEmail = await call(test, 'POST', '/api/admin/users', admin, {
        email: 'cy',
        role: 'staff',
        password: PASSWORD,
      });
      expect(messageOf(badEmail)).toMatch(/Write a whole email address/);
    },
    SLOW,
  );

  it('changes roles, but never leaves Lotsen without an admin, nor of oneself', async () => {
    const test = await startTestApp();
    const admin = await logInStaff(test.db, 'admin');
    const ownUrl = `/api/admin/users/${admin.user.id}`;

    const lastDemoted = await call(test, 'PATCH', ownUrl, admin, { role: 'editor' });
    expect(lastDemoted.statusCode).toBe(409);
    expect(messageOf(lastDemoted)).toBe(LAST_ADMIN);
    const lastRemoved = await call(test, 'DELETE', ownUrl, admin);
    expect(lastRemoved.statusCode).toBe(409);
    expect(messageOf(lastRemoved)).toBe(LAST_ADMIN);

    const other = await addStaffUser(test.db, 'admin');
    const selfDemoted = await call(test, 'PATCH', ownUrl, admin, { role: 'staff' });
    expect(selfDemoted.statusCode).toBe(409);
    expect(messageOf(selfDemoted)).toBe(OWN_ACCOUNT);
    const selfRemoved = await call(test, 'DELETE', ownUrl, admin);
    expect(selfRemoved.statusCode).toBe(409);
    expect(messageOf(selfRemoved)).toBe(OWN_ACCOUNT);
    expect((await call(test, 'PATCH', ownUrl, admin, { role: 'admin' })).statusCode).toBe(200);

    const demoted = await call(test, 'PATCH', `/api/admin/users/${other.id}`, admin, {
      role: 'editor',
    });
    expect(demoted.statusCode).toBe(200);
    expect(StaffAccount.parse(demoted.json())).toMatchObject({ id: other.id, role: 'editor' });
    expect(adminCount(test)).toBe(1);

    const unknown = await call(test, 'PATCH', '/api/admin/users/999', admin, { role: 'staff' });
    expect(unknown.statusCode).toBe(404);
    expect(messageOf(unknown)).toBe('There is no staff account with id 999.');
    const badId = await call(test, 'PATCH', '/api/admin/users/me', admin, { role: 'staff' });
    expect(badId.statusCode).toBe(400);
    const badRole = await call(test, 'PATCH', `/api/admin/users/${other.id}`, admin, {
      role: 'owner',
    });
    expect(badRole.statusCode).toBe(400);
  });

  it('refuses to demote or remove the last admin whoever asks', async () => {
    const test = await startTestApp();
    const only = await addStaffUser(test.db, 'admin');
    const editor = await addStaffUser(test.db, 'editor');
    expect(() => changeStaffRole(test.db, only.id, 'staff', editor.id)).toThrow(
      new AccountChangeRefused(LAST_ADMIN),
    );
    expect(() => removeStaffUser(test.db, only.id, editor.id)).toThrow(
      new AccountChangeRefused(LAST_ADMIN),
    );
    expect(adminCount(test)).toBe(1);
  });

  it('removes an account and ends its sessions', async () => {
    const test = await startTestApp();
    const admin = await logInStaff(test.db, 'admin');
    const desk = await logInStaff(test.db, 'staff');
    expect((await me(test, desk.headers.cookie)).statusCode).toBe(200);

    const removed = await call(test, 'DELETE', `/api/admin/users/${desk.user.id}`, admin);
    expect(removed.statusCode).toBe(204);
    expect((await me(test, desk.headers.cookie)).statusCode).toBe(401);
    const listed = StaffAccountList.parse(
      (await call(test, 'GET', '/api/admin/users', admin)).json(),
    );
    expect(listed.users.map((user) => user.id)).toEqual([admin.user.id]);
    const again = await call(test, 'DELETE', `/api/admin/users/${desk.user.id}`, admin);
    expect(again.statusCode).toBe(404);
  });

  it(
    'resets a password: every old session ends and the new password works',
    async () => {
      const test = await startTestApp();
      const admin = await logInStaff(test.db, 'admin');
      const editor = await logInStaff(test.db, 'editor');
      const url = `/api/admin/users/${editor.user.id}/password`;

      const weak = await call(test, 'POST', url, admin, { password: 'too short' });
      expect(weak.statusCode).toBe(400);
      expect((await me(test, editor.headers.cookie)).statusCode).toBe(200);

      const reset = await call(test, 'POST', url, admin, { password: PASSWORD });
      expect(reset.statusCode).toBe(200);
      expect(StaffAccount.parse(reset.json())).toMatchObject({
        id: editor.user.id,
        lastActiveAt: null,
      });
      expect((await me(test, editor.headers.cookie)).statusCode).toBe(401);
      expect((await me(test, admin.headers.cookie)).statusCode).toBe(200);
      expect((await logIn(test, editor.user.email, PASSWORD)).statusCode).toBe(200);
      expect((await logIn(test, editor.user.email, 'a long enough password')).statusCode).toBe(401);

      const unknown = await call(test, 'POST', '/api/admin/users/999/password', admin, {
        password: PASSWORD,
      });
      expect(unknown.statusCode).toBe(404);
    },
    SLOW,
  );
});

describe('library branches', () => {
  const NEW_BRANCH = {
    name: 'Kvarnbyns bibliotek',
    infoDesk: 'Disken vid fönstret',
    transportApp: 'UL-appen',
    fallbackLanguage: 'en',
  };

  it('lists branches with their setup PIN state and paired tablets', async () => {
    const test = await startTestApp();
    const admin = await logInStaff(test.db, 'admin');
    await pairTablet(test.app, test.db);
    const revoked = await pairTablet(test.app, test.db, { name: 'Old tablet' });
    test.db
      .prepare('UPDATE kiosk_devices SET revoked_at = ? WHERE id = ?')
      .run(new Date().toISOString(), revoked.device.id);
    // Added but never paired: not a tablet of the branch yet.
    test.db.prepare("INSERT INTO kiosk_devices (name, branch_id) VALUES ('Unpaired', 1)").run();

    const response = await call(test, 'GET', '/api/admin/branches', admin);
    expect(response.statusCode).toBe(200);
    expect(LibraryBranchList.parse(response.json()).branches).toEqual([
      {
        id: 1,
        name: 'Stadsbiblioteket (demo)',
        infoDesk: 'Informationsdisken vid entrén',
        transportApp: 'Västtrafik To Go',
        fallbackLanguage: 'sv',
        hasSetupPin: false,
        tabletCount: 1,
      },
    ]);
  });

  it('creates and changes branches, with readable 400s and 409 for a name in use', async () => {
    const test = await startTestApp();
    const admin = await logInStaff(test.db, 'admin');
    const created = await call(test, 'POST', '/api/admin/branches', admin, NEW_BRANCH);
    expect(created.statusCode).toBe(201);
    const branch = LibraryBranch.parse(created.json());
    expect(branch).toEqual({ id: 2, ...NEW_BRANCH, hasSetupPin: false, tabletCount: 0 });

    const noDesk = await call(test, 'POST', '/api/admin/branches', admin, {
      ...NEW_BRANCH,
      name: 'Annexet',
      infoDesk: '  ',
    });
    expect(noDesk.statusCode).toBe(400);
    expect(messageOf(noDesk)).toMatch(/^Bad branch\. infoDesk: Say where visitors find staff/);
    const taken = await call(test, 'POST', '/api/admin/branches', admin, NEW_BRANCH);
    expect(taken.statusCode).toBe(409);
    expect(messageOf(taken)).toBe('There is already a branch called "Kvarnbyns bibliotek".');

    const url = `/api/admin/branches/${branch.id}`;
    const changed = await call(test, 'PATCH', url, admin, {
      infoDesk: 'Disken vid entrén',
      fallbackLanguage: 'ar',
    });
    expect(changed.statusCode).toBe(200);
    expect(LibraryBranch.parse(changed.json())).toMatchObject({
      name: 'Kvarnbyns bibliotek',
      infoDesk: 'Disken vid entrén',
      fallbackLanguage: 'ar',
    });
    // Keeping its own name is no conflict; taking another branch's is.
    expect((await call(test, 'PATCH', url, admin, { name: NEW_BRANCH.name })).statusCode).toBe(200);
    const renamed = await call(test, 'PATCH', url, admin, { name: 'Stadsbiblioteket (demo)' });
    expect(renamed.statusCode).toBe(409);

    const empty = await call(test, 'PATCH', url, admin, {});
    expect(empty.statusCode).toBe(400);
    expect(messageOf(empty)).toMatch(/Send at least one field to change\./);
    const language = await call(test, 'PATCH', url, admin, { fallbackLanguage: 'xx' });
    expect(language.statusCode).toBe(400);
    expect(messageOf(language)).toMatch(/^Bad branch change\. fallbackLanguage/);
    const unknown = await call(test, 'PATCH', '/api/admin/branches/99', admin, { name: 'X' });
    expect(unknown.statusCode).toBe(404);
    expect(messageOf(unknown)).toBe('There is no library branch with id 99.');
  });

  it('sets and clears the setup PIN that a paired tablet learns', async () => {
    const test = await startTestApp();
    const admin = await logInStaff(test.db, 'admin');
    const tablet = await pairTablet(test.app, test.db);
    const setupPinOfTablet = async () => {
      const response = await test.app.inject({ url: '/api/devices/me', headers: tablet.headers });
      return PairedKioskDevice.parse(response.json()).setupPin;
    };
    const url = '/api/admin/branches/1/setup-pin';

    const set = await call(test, 'PUT', url, admin, { pin: '4711' });
    expect(set.statusCode).toBe(200);
    expect(LibraryBranch.parse(set.json())).toMatchObject({ hasSetupPin: true, tabletCount: 1 });
    const pin = await setupPinOfTablet();
    expect(pin?.sha256).toBe(setupPinDigest(pin?.salt ?? '', '4711'));

    const short = await call(test, 'PUT', url, admin, { pin: '12' });
    expect(short.statusCode).toBe(400);
    expect(messageOf(short)).toMatch(/4 to 8 digits/);
    expect(await setupPinOfTablet()).toEqual(pin);

    const cleared = await call(test, 'PUT', url, admin, { pin: null });
    expect(LibraryBranch.parse(cleared.json()).hasSetupPin).toBe(false);
    expect(await setupPinOfTablet()).toBeNull();

    const unknown = await call(test, 'PUT', '/api/admin/branches/7/setup-pin', admin, {
      pin: '4711',
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('library settings', () => {
  it('lets editors read the settings and only admins change them, one at a time or together', async () => {
    const test = await startTestApp();
    const editor = await logInStaff(test.db, 'editor');
    const admin = await logInStaff(test.db, 'admin');
    const read = async () =>
      LibrarySettingsForAdmins.parse(
        (await call(test, 'GET', '/api/admin/settings', editor)).json(),
      );
    expect(await read()).toEqual({ reviewAfterDays: 180, idleResetSeconds: 120, publicUrl: null });

    const byEditor = await call(test, 'PUT', '/api/admin/settings', editor, {
      reviewAfterDays: 30,
    });
    expect(byEditor.statusCode).toBe(403);
    const byAdmin = await call(test, 'PUT', '/api/admin/settings', admin, {
      reviewAfterDays: 90,
    });
    expect(byAdmin.statusCode).toBe(200);
    const changed = { reviewAfterDays: 90, idleResetSeconds: 120, publicUrl: null };
    expect(LibrarySettingsForAdmins.parse(byAdmin.json())).toEqual(changed);
    expect(await read()).toEqual(changed);
    const both = await call(test, 'PUT', '/api/admin/settings', admin, {
      idleResetSeconds: 90,
      publicUrl: 'https://lotsen.example.se',
    });
    expect(both.statusCode).toBe(200);
    const all = {
      reviewAfterDays: 90,
      idleResetSeconds: 90,
      publicUrl: 'https://lotsen.example.se',
    };
    expect(await read()).toEqual(all);

    for (const body of [
      { reviewAfterDays: 0 },
      { reviewAfterDays: 30, colour: 'red' },
      {},
      { idleResetSeconds: 10 },
      { publicUrl: 'ftp://example.se' },
    ]) {
      const bad = await call(test, 'PUT', '/api/admin/settings', admin, body);
      expect(bad.statusCode).toBe(400);
      expect(messageOf(bad)).toMatch(/^Bad settings\./);
    }
    expect(await read()).toEqual(all);
  });
});

describe('the tablet list', () => {
  it('shows what each tablet said in its last content request, and the newest release', async () => {
    const test = await startTestApp();
    const admin = await logInStaff(test.db, 'admin');
    const tablet = await pairTablet(test.app, test.db);
    const listed = async () => {
      const response = await call(test, 'GET', '/api/admin/devices', admin);
      return KioskDeviceList.parse(response.json()).devices;
    };
    const latest = test.db
      .prepare<[], { id: number }>('SELECT MAX(id) AS id FROM content_releases')
      .get()?.id;
    expect(latest).toBeGreaterThan(0);
    expect(await listed()).toMatchObject([{ report: null, latestRelease: latest }]);

    const content = await test.app.inject({
      url: `/api/content?since=${String(latest)}`,
      headers: {
        ...tablet.headers,
        [TABLET_REPORT_HEADERS.appVersion]: '1.4.0',
        [TABLET_REPORT_HEADERS.pendingCalls]: '2',
      },
    });
    expect(content.statusCode).toBe(200);
    const [device] = await listed();
    expect(device?.report).toMatchObject({
      contentRelease: latest,
      appVersion: '1.4.0',
      pendingCalls: 2,
    });
    expect(Date.now() - Date.parse(device?.report?.reportedAt ?? '')).toBeLessThan(5000);

    test.db.prepare("INSERT INTO content_releases (note) VALUES ('A new guide')").run();
    expect((await listed())[0]?.latestRelease).toBe((latest ?? 0) + 1);
  });
});
