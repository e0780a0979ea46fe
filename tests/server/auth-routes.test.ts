import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../src/shared/api/contract.ts';
import { StaffSession } from '../../src/shared/api/accounts.ts';
import { SESSION_COOKIE } from '../../src/server/accounts/session-cookie.ts';
import {
  SESSION_IDLE_MS,
  SESSION_LIFETIME_MS,
  startStaffSession,
} from '../../src/server/accounts/staff-sessions.ts';
import { createStaffUser } from '../../src/server/accounts/staff-users.ts';
import { secretHash } from '../../src/server/secret-tokens.ts';
import { startTestApp, type TestApp } from './helpers.ts';
import { SAME_ORIGIN, addStaffUser, logInStaff } from './staff-and-tablets.ts';

const PASSWORD = 'Bokbuss till Kvarnbyn 1987';
const SLOW = 30_000;

function logIn(test: TestApp, email: string, password: string, cookie?: string) {
  return test.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { ...SAME_ORIGIN, ...(cookie ? { cookie } : {}) },
    payload: { email, password },
  });
}

function sessionCookieOf(response: { cookies: { name: string; value: string }[] }): string {
  const cookie = response.cookies.find((candidate) => candidate.name === SESSION_COOKIE);
  if (!cookie) throw new Error('No session cookie was set.');
  return `${SESSION_COOKIE}=${cookie.value}`;
}

const me = (test: TestApp, cookie: string) =>
  test.app.inject({ url: '/api/auth/me', headers: { cookie } });

describe('POST /api/auth/login', () => {
  it(
    'logs in with a safe cookie, renews the session at every login, and logs out',
    async () => {
      const test = await startTestApp();
      await createStaffUser(test.db, {
        email: 'Anna@Bibliotek.se',
        password: PASSWORD,
        role: 'editor',
      });

      const first = await logIn(test, 'anna@bibliotek.se', PASSWORD);
      expect(first.statusCode).toBe(200);
      expect(StaffSession.parse(first.json())).toEqual({
        user: { id: 1, email: 'Anna@Bibliotek.se', role: 'editor' },
      });
      const cookie = first.cookies.find((candidate) => candidate.name === SESSION_COOKIE);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      expect(cookie?.secure).toBeUndefined(); // plain HTTP: a Secure cookie would never come back
      expect(cookie?.value).toMatch(/^[\w-]{43}$/);
      // Only the hash is stored.
      const stored = test.db.prepare<[], { id: string }>('SELECT id FROM sessions').all();
      expect(stored).toEqual([{ id: secretHash(cookie?.value ?? '') }]);

      const firstCookie = sessionCookieOf(first);
      expect((await me(test, firstCookie)).statusCode).toBe(200);

      const second = await logIn(test, 'anna@bibliotek.se', PASSWORD, firstCookie);
      const secondCookie = sessionCookieOf(second);
      expect(secondCookie).not.toBe(firstCookie);
      expect((await me(test, firstCookie)).statusCode).toBe(401);
      expect(StaffSession.parse((await me(test, secondCookie)).json()).user.role).toBe('editor');

      const logout = await test.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie: secondCookie, ...SAME_ORIGIN },
      });
      expect(logout.statusCode).toBe(204);
      expect(logout.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
      expect((await me(test, secondCookie)).statusCode).toBe(401);
      expect(test.db.prepare('SELECT * FROM sessions').all()).toEqual([]);
    },
    SLOW,
  );

  it(
    'answers a wrong password and an unknown email alike, after the same scrypt work',
    async () => {
      const test = await startTestApp();
      await createStaffUser(test.db, {
        email: 'anna@bibliotek.se',
        password: PASSWORD,
        role: 'staff',
      });

      const wrongPassword = await logIn(test, 'anna@bibliotek.se', 'Bokbuss till Kvarnbyn 1988');
      const started = performance.now();
      const unknownEmail = await logIn(test, 'nobody@bibliotek.se', PASSWORD);
      const unknownTook = performance.now() - started;

      for (const response of [wrongPassword, unknownEmail]) {
        expect(response.statusCode).toBe(401);
        expect(response.cookies).toEqual([]);
      }
      expect(wrongPassword.json()).toEqual(unknownEmail.json());
      expect(ApiProblem.parse(unknownEmail.json()).message).toBe(
        'The email address or the password is wrong.',
      );
      // No scrypt would answer in a millisecond or two.
      expect(unknownTook).toBeGreaterThan(50);
    },
    SLOW,
  );

  it(
    'upgrades a hash made at a lower cost when its owner logs in',
    async () => {
      const test = await startTestApp();
      const user = await addStaffUser(test.db, 'staff', { password: PASSWORD });
      const response = await logIn(test, user.email, PASSWORD);
      expect(response.statusCode).toBe(200);
      const row = test.db
        .prepare<[number], { hash: string }>('SELECT password_hash AS hash FROM users WHERE id = ?')
        .get(user.id);
      expect(row?.hash.startsWith('scrypt$131072$8$1$')).toBe(true);
    },
    SLOW,
  );

  it(
    'allows 10 attempts per address and email in 15 minutes, then answers 429 in words',
    async () => {
      const test = await startTestApp();
      const attempts = await Promise.all(
        Array.from({ length: 10 }, () => logIn(test, 'anna@bibliotek.se', 'wrong but long enough')),
      );
      expect(attempts.map((response) => response.statusCode)).toEqual(Array(10).fill(401));

      const blocked = await logIn(test, 'ANNA@bibliotek.se ', 'wrong but long enough');
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
      expect(ApiProblem.parse(blocked.json()).message).toMatch(
        /^Too many login attempts for this email address\. Wait 1[45] minutes and try again\.$/,
      );
      // Another account from the same address is not locked out.
      expect((await logIn(test, 'bo@bibliotek.se', 'wrong but long enough')).statusCode).toBe(401);
    },
    SLOW,
  );

  it('answers 400 to a login without an email or password', async () => {
    const test = await startTestApp();
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: SAME_ORIGIN,
      payload: { email: 'anna@bibliotek.se' },
    });
    expect(response.statusCode).toBe(400);
    expect(ApiProblem.parse(response.json()).message).toMatch(/^Bad login\. password: /);
  });
});

describe('staff sessions', () => {
  it('answers 401 "Log in again" without a session, with a made-up one, or after it ended', async () => {
    const test = await startTestApp();
    const staff = await logInStaff(test.db);
    expect((await me(test, staff.headers.cookie)).statusCode).toBe(200);

    for (const cookie of ['', `${SESSION_COOKIE}=made-up`]) {
      const response = await me(test, cookie);
      expect(response.statusCode).toBe(401);
      expect(ApiProblem.parse(response.json()).message).toMatch(/Log in again\.$/);
    }

    // Idle for 12 hours.
    const idle = new Date(Date.now() - SESSION_IDLE_MS - 1000).toISOString();
    test.db.prepare('UPDATE sessions SET last_seen_at = ?').run(idle);
    expect((await me(test, staff.headers.cookie)).statusCode).toBe(401);
  });

  it('ends a session after 7 days, however busy', async () => {
    const test = await startTestApp();
    const user = await addStaffUser(test.db, 'admin');
    const weekAgo = new Date(Date.now() - SESSION_LIFETIME_MS - 1000);
    const { token } = startStaffSession(test.db, user.id, undefined, weekAgo);
    test.db.prepare('UPDATE sessions SET last_seen_at = ?').run(new Date().toISOString());
    expect((await me(test, `${SESSION_COOKIE}=${token}`)).statusCode).toBe(401);
  });

  it(
    'marks a session Secure when it came over HTTPS through a trusted proxy',
    async () => {
      const test = await startTestApp({ env: { TRUST_PROXY: '127.0.0.1' } });
      await addStaffUser(test.db, 'staff', { email: 'anna@bibliotek.se', password: PASSWORD });
      const response = await test.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: {
          origin: 'https://lotsen.bibliotek.example.se',
          'x-forwarded-proto': 'https',
          'x-forwarded-host': 'lotsen.bibliotek.example.se',
        },
        payload: { email: 'anna@bibliotek.se', password: PASSWORD },
      });
      expect(response.statusCode).toBe(200);
      expect(response.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBe(true);
    },
    SLOW,
  );
});
