/** Staff accounts in the database. Passwords arrive here only to be hashed. */
import { SqliteError } from 'better-sqlite3';
import { NewPassword, type StaffRole, type StaffUser } from '../../shared/api/accounts.ts';
import type { StaffAccount } from '../../shared/api/administration.ts';
import type { Database } from '../database/open-database.ts';
import { hashPassword } from './password-hashing.ts';

export class DuplicateEmailError extends Error {
  override name = 'DuplicateEmailError';
}

/** A change to accounts that would lock the library out of its own Lotsen; the message says why. */
export class AccountChangeRefused extends Error {
  override name = 'AccountChangeRefused';
}

export const FIRST_ADMIN_EXISTS =
  'Lotsen already has an admin. Log in, or ask an admin to make you an account.';
export const LAST_ADMIN =
  'Lotsen needs at least one admin. Make someone else admin first, then try again.';
export const OWN_ACCOUNT =
  'You cannot remove or demote your own account: ask another admin to do it.';

export class WeakPasswordError extends Error {
  override name = 'WeakPasswordError';
}

/** Checks the password policy (12 to 1024 characters); throws a WeakPasswordError that says why. */
export function checkNewPassword(password: string): void {
  const parsed = NewPassword.safeParse(password);
  if (!parsed.success) {
    throw new WeakPasswordError(parsed.error.issues.map((issue) => issue.message).join(' '));
  }
}

export async function createStaffUser(
  db: Database,
  account: { email: string; password: string; role: StaffRole },
): Promise<StaffUser> {
  checkNewPassword(account.password);
  const passwordHash = await hashPassword(account.password);
  return insertStaffUser(db, { email: account.email, passwordHash, role: account.role });
}

function insertStaffUser(
  db: Database,
  account: { email: string; passwordHash: string; role: StaffRole },
): StaffUser {
  const email = account.email.trim();
  try {
    const { lastInsertRowid } = db
      .prepare('INSERT INTO users (email, password_hash, role) VALUES (?, ?, ?)')
      .run(email, account.passwordHash, account.role);
    return { id: Number(lastInsertRowid), email, role: account.role };
  } catch (error) {
    if (error instanceof SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new DuplicateEmailError(`There is already an account for ${email}.`, { cause: error });
    }
    throw error;
  }
}

export function hasAdmin(db: Database): boolean {
  return db.prepare("SELECT 1 FROM users WHERE role = 'admin' LIMIT 1").get() !== undefined;
}

/**
 * The one-time setup: creates an admin only while there is none. The check
 * and the insert share an IMMEDIATE transaction, so of two racing setups
 * (even from two processes) exactly one wins; the other gets
 * AccountChangeRefused.
 */
export async function createFirstAdmin(
  db: Database,
  account: { email: string; password: string },
): Promise<StaffUser> {
  // Checked before the costly hash too, so a setup page left open cannot be used to burn CPU.
  if (hasAdmin(db)) throw new AccountChangeRefused(FIRST_ADMIN_EXISTS);
  checkNewPassword(account.password);
  const passwordHash = await hashPassword(account.password);
  return db
    .transaction(() => {
      if (hasAdmin(db)) throw new AccountChangeRefused(FIRST_ADMIN_EXISTS);
      return insertStaffUser(db, { email: account.email, passwordHash, role: 'admin' });
    })
    .immediate();
}

export interface StaffLogin extends StaffUser {
  passwordHash: string;
}

/** Emails compare without regard to case (the column is COLLATE NOCASE). */
export function findStaffLogin(db: Database, email: string): StaffLogin | undefined {
  return db
    .prepare<[string], StaffLogin>(
      'SELECT id, email, role, password_hash AS passwordHash FROM users WHERE email = ?',
    )
    .get(email.trim());
}

export function replacePasswordHash(db: Database, userId: number, passwordHash: string): void {
  db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, userId);
}

/** lastActiveAt: the newest use of any of the account's sessions (ended sessions are deleted). */
const ACCOUNTS = `
  SELECT u.id, u.email, u.role, u.created_at AS createdAt,
         (SELECT MAX(s.last_seen_at) FROM sessions s WHERE s.user_id = u.id) AS lastActiveAt
    FROM users u`;

export function listStaffAccounts(db: Database): StaffAccount[] {
  return db.prepare<[], StaffAccount>(`${ACCOUNTS} ORDER BY u.email, u.id`).all();
}

export function findStaffAccount(db: Database, id: number): StaffAccount | undefined {
  return db.prepare<[number], StaffAccount>(`${ACCOUNTS} WHERE u.id = ?`).get(id);
}

function countAdmins(db: Database): number {
  return (
    db
      .prepare<[], { admins: number }>("SELECT COUNT(*) AS admins FROM users WHERE role = 'admin'")
      .get()?.admins ?? 0
  );
}

/** Refuses what would leave Lotsen without an admin, and an admin acting on themselves. */
function checkNotLockingOut(db: Database, account: StaffAccount, actingUserId: number): void {
  if (account.role === 'admin' && countAdmins(db) <= 1) throw new AccountChangeRefused(LAST_ADMIN);
  if (account.id === actingUserId) throw new AccountChangeRefused(OWN_ACCOUNT);
}

/**
 * Gives the account a new role; undefined for an unknown id. Demoting the
 * last admin, or yourself, is refused (AccountChangeRefused).
 */
export function changeStaffRole(
  db: Database,
  id: number,
  role: StaffRole,
  actingUserId: number,
): StaffAccount | undefined {
  return db
    .transaction(() => {
      const account = findStaffAccount(db, id);
      if (!account) return undefined;
      if (account.role === role) return account;
      if (account.role === 'admin') checkNotLockingOut(db, account, actingUserId);
      db.prepare('UPDATE users SET role = ? WHERE id = ?').run(role, id);
      return findStaffAccount(db, id);
    })
    .immediate();
}

/** Removes the account and ends its sessions; false for an unknown id. */
export function removeStaffUser(db: Database, id: number, actingUserId: number): boolean {
  return db
    .transaction(() => {
      const account = findStaffAccount(db, id);
      if (!account) return false;
      checkNotLockingOut(db, account, actingUserId);
      // Help calls keep who acknowledged them as NULL (ON DELETE SET NULL); sessions go.
      db.prepare('DELETE FROM sessions WHERE user_id = ?').run(id);
      db.prepare('DELETE FROM users WHERE id = ?').run(id);
      return true;
    })
    .immediate();
}

/**
 * Sets a new password and ends every session of the account, so whoever
 * knew the old one is logged out everywhere. Undefined for an unknown id.
 */
export async function resetStaffPassword(
  db: Database,
  id: number,
  password: string,
): Promise<StaffAccount | undefined> {
  if (!findStaffAccount(db, id)) return undefined;
  checkNewPassword(password);
  const passwordHash = await hashPassword(password);
  return db
    .transaction(() => {
      if (!findStaffAccount(db, id)) return undefined;
      replacePasswordHash(db, id, passwordHash);
      db.prepare('DELETE FROM sessions WHERE user_id = ?').run(id);
      return findStaffAccount(db, id);
    })
    .immediate();
}
