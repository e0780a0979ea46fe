/**
 * Fixtures for the help call tests: staff who are logged in and tablets
 * that are paired, made through the same code the routes use. Logins made
 * here skip the password (scrypt costs most of a second); the login route
 * has tests of its own.
 */
import type { FastifyInstance } from 'fastify';
import type { StaffRole, StaffUser } from '../../src/shared/api/accounts.ts';
import { PairingResponse } from '../../src/shared/api/devices.ts';
import type { HelpCallRequest } from '../../src/shared/api/help-calls.ts';
import { hashPassword } from '../../src/server/accounts/password-hashing.ts';
import { SESSION_COOKIE } from '../../src/server/accounts/session-cookie.ts';
import { startStaffSession } from '../../src/server/accounts/staff-sessions.ts';
import type { Database } from '../../src/server/database/open-database.ts';
import { addKioskDeviceWithCode } from '../../src/server/devices/device-pairing.ts';

/** What a browser on Lotsen's own page sends with every POST. */
export const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin' } as const;

/** A cheap hash, so a test can make many accounts quickly. */
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

let accounts = 0;

export async function addStaffUser(
  db: Database,
  role: StaffRole,
  { email, password = 'a long enough password' }: { email?: string; password?: string } = {},
): Promise<StaffUser> {
  accounts += 1;
  const address = email ?? `${role}${accounts}@bibliotek.example.se`;
  const { lastInsertRowid } = db
    .prepare('INSERT INTO users (email, password_hash, role) VALUES (?, ?, ?)')
    .run(address, await hashPassword(password, CHEAP), role);
  return { id: Number(lastInsertRowid), email: address, role };
}

export interface LoggedInStaff {
  user: StaffUser;
  token: string;
  /** Headers for a state-changing request from the staff page: cookie and same-origin proof. */
  headers: { cookie: string; 'sec-fetch-site': 'same-origin' };
}

export async function logInStaff(db: Database, role: StaffRole = 'staff'): Promise<LoggedInStaff> {
  const user = await addStaffUser(db, role);
  const { token } = startStaffSession(db, user.id, undefined);
  return { user, token, headers: { cookie: `${SESSION_COOKIE}=${token}`, ...SAME_ORIGIN } };
}

export interface PairedTablet extends PairingResponse {
  headers: { authorization: string };
}

/** Adds a tablet (to branch 1 unless told) and pairs it through the API. */
export async function pairTablet(
  app: FastifyInstance,
  db: Database,
  { name = 'Entrance tablet', branchId = 1, location = '2nd floor, by the printers' } = {},
): Promise<PairedTablet> {
  const { pairingCode } = addKioskDeviceWithCode(db, { name, branchId, location });
  const response = await app.inject({
    method: 'POST',
    url: '/api/devices/pair',
    headers: SAME_ORIGIN,
    payload: { code: pairingCode },
  });
  if (response.statusCode !== 201) throw new Error(`Pairing failed: ${response.body}`);
  const paired = PairingResponse.parse(response.json());
  return { ...paired, headers: { authorization: `Bearer ${paired.deviceToken}` } };
}

export function helpCallBody(overrides: Partial<HelpCallRequest> = {}): HelpCallRequest {
  return {
    guideId: 'test-open-bankid',
    stepNumber: 2,
    language: 'ar',
    needs: ['speaks-my-language'],
    pressedAt: new Date().toISOString(),
    ...overrides,
  };
}

export function addBranch(db: Database, name: string): number {
  const { lastInsertRowid } = db
    .prepare(
      "INSERT INTO branches (name, info_desk, transport_app) VALUES (?, 'Disken', 'UL-appen')",
    )
    .run(name);
  return Number(lastInsertRowid);
}
