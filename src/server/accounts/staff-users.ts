/** Staff accounts in the database. Passwords arrive here only to be hashed. */
import { SqliteError } from 'better-sqlite3';
import { NewPassword, type StaffRole, type StaffUser } from '../../shared/api/accounts.ts';
import type { Database } from '../database/open-database.ts';
import { hashPassword } from './password-hashing.ts';

export class DuplicateEmailError extends Error {
  override name = 'DuplicateEmailError';
}

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
  const email = account.email.trim();
  const passwordHash = await hashPassword(account.password);
  try {
    const { lastInsertRowid } = db
      .prepare('INSERT INTO users (email, password_hash, role) VALUES (?, ?, ?)')
      .run(email, passwordHash, account.role);
    return { id: Number(lastInsertRowid), email, role: account.role };
  } catch (error) {
    if (error instanceof SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new DuplicateEmailError(`There is already an account for ${email}.`, { cause: error });
    }
    throw error;
  }
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
