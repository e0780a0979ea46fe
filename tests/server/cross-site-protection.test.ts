import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../src/shared/api/contract.ts';
import { startTestApp } from './helpers.ts';
import { helpCallBody, logInStaff, pairTablet } from './staff-and-tablets.ts';

const CALL_ID = '5b0b7c62-3f4e-4d0a-9a57-4f0f8f3f2c11';

describe('cross-site request protection', () => {
  it('refuses a logged-in POST from another site, or with no proof of origin', async () => {
    const test = await startTestApp();
    const { headers } = await logInStaff(test.db, 'admin');
    const { cookie } = headers;
    const attempts = [
      { cookie, origin: 'https://evil.example' },
      { cookie, origin: 'null' },
      { cookie, origin: 'http://localhost.evil.example' },
      { cookie, 'sec-fetch-site': 'cross-site' },
      { cookie, 'sec-fetch-site': 'same-site' },
      { cookie },
    ];
    for (const attempt of attempts) {
      const response = await test.app.inject({
        method: 'POST',
        url: '/api/admin/devices',
        headers: attempt,
        payload: { name: 'Forged', branchId: 1 },
      });
      expect(response.statusCode, JSON.stringify(attempt)).toBe(403);
      expect(ApiProblem.parse(response.json()).message).toMatch(/^Cross-site request refused\./);
    }
    expect(test.db.prepare('SELECT * FROM kiosk_devices').all()).toEqual([]);
  });

  it('accepts the same origin, by Origin or by Sec-Fetch-Site', async () => {
    const test = await startTestApp();
    const { cookie } = (await logInStaff(test.db, 'admin')).headers;
    // app.inject sends Host: localhost:80, so the server's origin is http://localhost.
    for (const proof of [{ origin: 'http://localhost' }, { 'sec-fetch-site': 'same-origin' }]) {
      const response = await test.app.inject({
        method: 'POST',
        url: '/api/admin/devices',
        headers: { cookie, ...proof },
        payload: { name: 'Entrance', branchId: 1 },
      });
      expect(response.statusCode, JSON.stringify(proof)).toBe(201);
    }
  });

  it('follows the Host a trusted proxy forwards, and ignores it from anyone else', async () => {
    const forwarded = {
      origin: 'https://lotsen.bibliotek.example.se',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'lotsen.bibliotek.example.se',
    };
    const behindProxy = await startTestApp({ env: { TRUST_PROXY: '127.0.0.1' } });
    const direct = await startTestApp();
    for (const [test, expected] of [
      [behindProxy, 201],
      [direct, 403],
    ] as const) {
      const { cookie } = (await logInStaff(test.db, 'admin')).headers;
      const response = await test.app.inject({
        method: 'POST',
        url: '/api/admin/devices',
        headers: { cookie, ...forwarded },
        payload: { name: 'Entrance', branchId: 1 },
      });
      expect(response.statusCode).toBe(expected);
    }
  });

  it('guards the login too', async () => {
    const test = await startTestApp();
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { email: 'anna@bibliotek.se', password: 'a long enough password' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('exempts a tablet with its Bearer token, which browsers never attach by themselves', async () => {
    const test = await startTestApp();
    const tablet = await pairTablet(test.app, test.db);
    const response = await test.app.inject({
      method: 'PUT',
      url: `/api/help-calls/${CALL_ID}`,
      headers: { ...tablet.headers, origin: 'https://elsewhere.example' },
      payload: helpCallBody(),
    });
    expect(response.statusCode).toBe(201);
  });

  it('lets reading requests through without proof', async () => {
    const test = await startTestApp();
    const { cookie } = (await logInStaff(test.db, 'staff')).headers;
    const response = await test.app.inject({ url: '/api/staff/branches', headers: { cookie } });
    expect(response.statusCode).toBe(200);
  });
});
