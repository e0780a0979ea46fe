/**
 * The admin area's browser boundary, faked like the staff screen's
 * (tests/staff/staff-fakes.ts): fetch answers per test. The server's side
 * of the same contracts has its own route tests.
 */
import { vi } from 'vitest';
import type { StaffUser } from '../../src/shared/api/accounts.ts';
import type {
  LibrarySettingsForAdmins,
  StaffAccount,
} from '../../src/shared/api/administration.ts';
import type { KioskDeviceDetails } from '../../src/shared/api/devices.ts';
import { FakeApi, json, notLoggedIn } from '../staff/staff-fakes.ts';

export const ADMIN: StaffUser = { id: 1, email: 'agnes@bibliotek.example.se', role: 'admin' };
export const EDITOR: StaffUser = { id: 2, email: 'erik@bibliotek.example.se', role: 'editor' };
export const STAFF: StaffUser = { id: 3, email: 'sara@bibliotek.example.se', role: 'staff' };

/** The library-wide settings as a fresh Lotsen has them. */
export const SETTINGS: LibrarySettingsForAdmins = {
  reviewAfterDays: 180,
  idleResetSeconds: 120,
  publicUrl: null,
};

export const account = (user: StaffUser, lastActiveAt: string | null = null): StaffAccount => ({
  ...user,
  createdAt: '2026-01-10T09:00:00.000Z',
  lastActiveAt,
});

export function tablet(overrides: Partial<KioskDeviceDetails> = {}): KioskDeviceDetails {
  return {
    id: 4,
    name: 'Surfplatta vid entrén',
    branchId: 1,
    branchName: 'Stadsbiblioteket',
    location: 'Entrén',
    createdAt: '2026-02-01T10:00:00.000Z',
    enrolledAt: '2026-02-01T10:05:00.000Z',
    revokedAt: null,
    lastSeenAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    pairingExpiresAt: null,
    report: {
      contentRelease: 14,
      appVersion: '0.1.0',
      pendingCalls: 0,
      reportedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    },
    latestRelease: 14,
    ...overrides,
  };
}

/** A fetch fake with Lotsen set up (it has an admin) and `user` logged in, or nobody. */
export function serveAdmin(user: StaffUser | undefined): FakeApi {
  const api = new FakeApi()
    .on('GET', '/api/setup', () => json({ needsFirstAdmin: false }))
    .on('GET', '/api/auth/me', user ? () => json({ user }) : notLoggedIn);
  vi.stubGlobal('fetch', api.fetch);
  return api;
}

/** The admin area opens at `path`, as if typed into the address bar. */
export function visit(path: string): void {
  window.history.replaceState(null, '', path);
}
