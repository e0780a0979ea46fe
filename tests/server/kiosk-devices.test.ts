import { describe, expect, it } from 'vitest';
import { ApiProblem, ContentRelease } from '../../src/shared/api/contract.ts';
import {
  DeviceProblem,
  IssuedPairingCode,
  KioskDeviceDetails,
  KioskDeviceList,
  PairedKioskDevice,
  PairingResponse,
} from '../../src/shared/api/devices.ts';
import { DEMO_BRANCH } from '../../src/server/seed/seed-database.ts';
import { secretHash } from '../../src/server/secret-tokens.ts';
import { startTestApp, type TestApp } from './helpers.ts';
import { SAME_ORIGIN, addBranch, logInStaff, pairTablet } from './staff-and-tablets.ts';

function pair(test: TestApp, code: string, headers: Record<string, string> = SAME_ORIGIN) {
  return test.app.inject({ method: 'POST', url: '/api/devices/pair', headers, payload: { code } });
}

async function addTabletAsAdmin(test: TestApp, body: Record<string, unknown>) {
  const admin = await logInStaff(test.db, 'admin');
  const response = await test.app.inject({
    method: 'POST',
    url: '/api/admin/devices',
    headers: admin.headers,
    payload: body,
  });
  return { admin, response };
}

describe('adding and pairing a tablet', () => {
  it('gives an admin a 6-digit code that pairs the tablet once, and stores only hashes', async () => {
    const test = await startTestApp();
    const { response } = await addTabletAsAdmin(test, {
      name: 'Entrance tablet',
      branchId: 1,
      location: '2nd floor, by the printers',
    });
    expect(response.statusCode).toBe(201);
    const issued = IssuedPairingCode.parse(response.json());
    expect(issued.pairingCode).toMatch(/^\d{6}$/);
    const minutes = (Date.parse(issued.pairingExpiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14.9);
    expect(minutes).toBeLessThanOrEqual(15);
    expect(issued.device).toMatchObject({ name: 'Entrance tablet', enrolledAt: null });

    const paired = await pair(test, issued.pairingCode);
    expect(paired.statusCode).toBe(201);
    const { deviceToken, device } = PairingResponse.parse(paired.json());
    expect(deviceToken).toMatch(/^[\w-]{43}$/);
    expect(device).toEqual({
      id: issued.device.id,
      name: 'Entrance tablet',
      branchId: 1,
      branchName: DEMO_BRANCH.libraryName,
      location: '2nd floor, by the printers',
    });
    const row = test.db.prepare<[], Record<string, unknown>>('SELECT * FROM kiosk_devices').get();
    expect(row).toMatchObject({ token_hash: secretHash(deviceToken), pairing_code_hash: null });
    expect(JSON.stringify(row)).not.toContain(deviceToken);

    const again = await pair(test, issued.pairingCode);
    expect(again.statusCode).toBe(400);
    expect(ApiProblem.parse(again.json()).message).toMatch(/wrong, already used, or expired/);
  });

  it('refuses an expired code and a wrong one', async () => {
    const test = await startTestApp();
    const { response } = await addTabletAsAdmin(test, { name: 'Tablet', branchId: 1 });
    const { pairingCode } = IssuedPairingCode.parse(response.json());
    const wrong = String((Number(pairingCode) + 1) % 1_000_000).padStart(6, '0');
    expect((await pair(test, wrong)).statusCode).toBe(400);

    test.db
      .prepare('UPDATE kiosk_devices SET pairing_expires_at = ?')
      .run(new Date(Date.now() - 1000).toISOString());
    expect((await pair(test, pairingCode)).statusCode).toBe(400);

    const malformed = await pair(test, '12345');
    expect(malformed.statusCode).toBe(400);
    expect(ApiProblem.parse(malformed.json()).message).toMatch(/6 digits/);
  });

  it('allows 10 pairing attempts a minute from one address, then answers 429', async () => {
    const test = await startTestApp();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await pair(test, '000000')).statusCode).toBe(400);
    }
    const blocked = await pair(test, '000000');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    expect(ApiProblem.parse(blocked.json()).message).toMatch(
      /^Too many pairing attempts from this tablet\. Wait (\d+ seconds|1 minute) and try again\.$/,
    );
  });

  it('replaces the token when a new code is used, and lifts a revocation', async () => {
    const test = await startTestApp();
    const tablet = await pairTablet(test.app, test.db);
    const admin = await logInStaff(test.db, 'admin');
    const adminPost = (url: string) =>
      test.app.inject({ method: 'POST', url, headers: admin.headers });
    const me = (headers: Record<string, string>) =>
      test.app.inject({ url: '/api/devices/me', headers });

    expect((await adminPost(`/api/admin/devices/${tablet.device.id}/revoke`)).statusCode).toBe(200);
    const revoked = await me(tablet.headers);
    expect(revoked.statusCode).toBe(401);
    expect(DeviceProblem.parse(revoked.json())).toMatchObject({
      code: 'device-revoked',
      message: expect.stringMatching(/revoked.*must pair it again/) as unknown,
    });

    const code = await adminPost(`/api/admin/devices/${tablet.device.id}/pairing-code`);
    expect(code.statusCode).toBe(200);
    const issued = IssuedPairingCode.parse(code.json());
    const repaired = PairingResponse.parse((await pair(test, issued.pairingCode)).json());
    expect(repaired.device.id).toBe(tablet.device.id);

    const old = await me(tablet.headers);
    expect(old.statusCode).toBe(401);
    expect(DeviceProblem.parse(old.json()).code).toBe('device-not-paired');
    expect((await me({ authorization: `Bearer ${repaired.deviceToken}` })).statusCode).toBe(200);
  });
});

describe('GET /api/devices/me', () => {
  it("tells a paired tablet who it is and its branch's settings, and notes it was seen", async () => {
    const test = await startTestApp();
    const tablet = await pairTablet(test.app, test.db);
    test.db.prepare('UPDATE kiosk_devices SET last_seen_at = NULL').run();
    const response = await test.app.inject({ url: '/api/devices/me', headers: tablet.headers });
    expect(response.statusCode).toBe(200);
    expect(PairedKioskDevice.parse(response.json())).toEqual({
      device: tablet.device,
      library: { branchId: 1, ...DEMO_BRANCH, idleResetSeconds: 120, publicUrl: null },
      setupPin: null,
    });
    const seen = test.db
      .prepare<[], { lastSeenAt: string | null }>(
        'SELECT last_seen_at AS lastSeenAt FROM kiosk_devices',
      )
      .get();
    expect(Date.now() - Date.parse(seen?.lastSeenAt ?? '')).toBeLessThan(5000);
  });

  it.each([
    ['no token', {}],
    ['an unknown token', { authorization: 'Bearer not-a-real-token' }],
    ['another scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
  ])('answers 401 "not paired" to %s', async (_case, headers) => {
    const test = await startTestApp();
    const response = await test.app.inject({ url: '/api/devices/me', headers });
    expect(response.statusCode).toBe(401);
    const problem = DeviceProblem.parse(response.json());
    expect(problem.code).toBe('device-not-paired');
    expect(problem.message).toMatch(/^This tablet is not paired/);
  });
});

describe('GET /api/content with a tablet token', () => {
  it("serves the tablet's branch, whatever ?branch= says, and 401 for a revoked token", async () => {
    const test = await startTestApp();
    const branchId = addBranch(test.db, 'Kvarnbyns bibliotek');
    const tablet = await pairTablet(test.app, test.db, { branchId });
    const content = await test.app.inject({
      url: '/api/content?branch=1',
      headers: tablet.headers,
    });
    expect(ContentRelease.parse(content.json()).library.libraryName).toBe('Kvarnbyns bibliotek');

    const anonymous = await test.app.inject({ url: '/api/content' });
    expect(ContentRelease.parse(anonymous.json()).library.branchId).toBe(1);

    test.db.prepare('UPDATE kiosk_devices SET revoked_at = ?').run(new Date().toISOString());
    const revoked = await test.app.inject({ url: '/api/content', headers: tablet.headers });
    expect(revoked.statusCode).toBe(401);
    expect(DeviceProblem.parse(revoked.json()).code).toBe('device-revoked');
  });
});

describe('admin device routes', () => {
  it('lists, renames and moves tablets, for admins only', async () => {
    const test = await startTestApp();
    const tablet = await pairTablet(test.app, test.db);
    const admin = await logInStaff(test.db, 'admin');

    const patched = await test.app.inject({
      method: 'PATCH',
      url: `/api/admin/devices/${tablet.device.id}`,
      headers: admin.headers,
      payload: { location: 'Children’s corner' },
    });
    expect(patched.statusCode).toBe(200);
    expect(KioskDeviceDetails.parse(patched.json())).toMatchObject({
      name: 'Entrance tablet',
      location: 'Children’s corner',
      revokedAt: null,
    });

    const list = await test.app.inject({ url: '/api/admin/devices', headers: admin.headers });
    const { devices } = KioskDeviceList.parse(list.json());
    expect(devices).toHaveLength(1);
    expect(devices[0]).toMatchObject({ location: 'Children’s corner', pairingExpiresAt: null });
    expect(devices[0]?.enrolledAt).not.toBeNull();
  });

  it('answers 403 naming the role to staff and editors, 401 to nobody', async () => {
    const test = await startTestApp();
    for (const role of ['staff', 'editor'] as const) {
      const { headers } = await logInStaff(test.db, role);
      const response = await test.app.inject({ url: '/api/admin/devices', headers });
      expect(response.statusCode).toBe(403);
      expect(ApiProblem.parse(response.json()).message).toMatch(
        new RegExp(`^This needs the admin role; you are logged in as ${role}\\.`),
      );
    }
    const nobody = await test.app.inject({ url: '/api/admin/devices' });
    expect(nobody.statusCode).toBe(401);
  });

  it('answers 400 to an unknown branch or field, 404 to an unknown tablet', async () => {
    const test = await startTestApp();
    const { admin, response } = await addTabletAsAdmin(test, { name: 'Tablet', branchId: 9 });
    expect(response.statusCode).toBe(400);
    expect(ApiProblem.parse(response.json()).message).toBe('There is no library branch with id 9.');

    const extra = await test.app.inject({
      method: 'POST',
      url: '/api/admin/devices',
      headers: admin.headers,
      payload: { name: 'Tablet', branchId: 1, owner: 'me' },
    });
    expect(extra.statusCode).toBe(400);

    const empty = await test.app.inject({
      method: 'PATCH',
      url: '/api/admin/devices/1',
      headers: admin.headers,
      payload: {},
    });
    expect(empty.statusCode).toBe(400);
    expect(ApiProblem.parse(empty.json()).message).toMatch(/new name, a new location, or both/);

    const missing = await test.app.inject({
      method: 'POST',
      url: '/api/admin/devices/42/revoke',
      headers: admin.headers,
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('what the tablet list says about each tablet', () => {
  it('has no report until the tablet made one, then its last report', async () => {
    const test = await startTestApp();
    const tablet = await pairTablet(test.app, test.db);
    const admin = await logInStaff(test.db, 'admin');
    const listed = async () => {
      const response = await test.app.inject({ url: '/api/admin/devices', headers: admin.headers });
      return KioskDeviceList.parse(response.json()).devices[0];
    };
    // Columns without reported_at are no report (e.g. a half-written row).
    test.db.prepare("UPDATE kiosk_devices SET content_release = 1, app_version = '1.0.0'").run();
    expect((await listed())?.report).toBeNull();

    const reportedAt = '2025-03-01T09:30:00.000Z';
    test.db
      .prepare(
        `UPDATE kiosk_devices
            SET content_release = 1, app_version = '1.2.0', pending_calls = 3, reported_at = ?
          WHERE id = ?`,
      )
      .run(reportedAt, tablet.device.id);
    expect((await listed())?.report).toEqual({
      contentRelease: 1,
      appVersion: '1.2.0',
      pendingCalls: 3,
      reportedAt,
    });

    const renamed = await test.app.inject({
      method: 'PATCH',
      url: `/api/admin/devices/${tablet.device.id}`,
      headers: admin.headers,
      payload: { name: 'Front desk tablet' },
    });
    expect(KioskDeviceDetails.parse(renamed.json()).report?.pendingCalls).toBe(3);
  });

  it('gives the newest content release, 0 before anything was published', async () => {
    const test = await startTestApp();
    await pairTablet(test.app, test.db);
    const admin = await logInStaff(test.db, 'admin');
    const latestRelease = async () => {
      const response = await test.app.inject({ url: '/api/admin/devices', headers: admin.headers });
      return KioskDeviceList.parse(response.json()).devices[0]?.latestRelease;
    };
    expect(await latestRelease()).toBe(1);
    test.db.prepare("INSERT INTO content_releases (note) VALUES ('Second')").run();
    expect(await latestRelease()).toBe(2);

    test.db.exec('DELETE FROM guide_versions; DELETE FROM guides; DELETE FROM content_releases;');
    expect(await latestRelease()).toBe(0);
  });
});
