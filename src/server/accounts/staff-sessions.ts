/**
 * Server-side staff sessions. The browser holds a random token in a cookie;
 * the database holds its hash, when it was last used and when it ends for
 * good. Logging out or expiring deletes the row, so the cookie is worthless.
 */
import type { StaffUser } from '../../shared/api/accounts.ts';
import type { Database } from '../database/open-database.ts';
import { newSecretToken, secretHash } from '../secret-tokens.ts';

const HOUR_MS = 60 * 60 * 1000;
/** A desk left alone for a working day is logged out. */
export const SESSION_IDLE_MS = 12 * HOUR_MS;
/** However busy, a session ends after a week; then the password is asked again. */
export const SESSION_LIFETIME_MS = 7 * 24 * HOUR_MS;
/** last_seen_at is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface StaffSessionRecord {
  user: StaffUser;
  expiresAt: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Starts a session for `userId` and returns its token. The session the
 * browser had before (if any) is ended: a new id at every login, so a
 * token planted before login is worth nothing after it.
 */
export function startStaffSession(
  db: Database,
  userId: number,
  previousToken: string | undefined,
  now: Date = new Date(),
): { token: string; expiresAt: string } {
  const token = newSecretToken();
  const expiresAt = iso(now.getTime() + SESSION_LIFETIME_MS);
  db.transaction(() => {
    if (previousToken)
      db.prepare('DELETE FROM sessions WHERE id = ?').run(secretHash(previousToken));
    // Logins are rare, so this is a good moment to forget sessions that have ended.
    db.prepare('DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?').run(
      now.toISOString(),
      iso(now.getTime() - SESSION_IDLE_MS),
    );
    db.prepare(
      'INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    ).run(secretHash(token), userId, now.toISOString(), now.toISOString(), expiresAt);
  })();
  return { token, expiresAt };
}

/** The session for `token` if it is still valid; marks it as used. */
export function findStaffSession(
  db: Database,
  token: string,
  now: Date = new Date(),
): StaffSessionRecord | undefined {
  const id = secretHash(token);
  const row = db
    .prepare<[string, string, string], StaffUser & { expiresAt: string; lastSeenAt: string }>(
      `SELECT u.id, u.email, u.role, s.expires_at AS expiresAt, s.last_seen_at AS lastSeenAt
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = ? AND s.expires_at > ? AND s.last_seen_at > ?`,
    )
    .get(id, now.toISOString(), iso(now.getTime() - SESSION_IDLE_MS));
  if (!row) return undefined;
  if (row.lastSeenAt < iso(now.getTime() - TOUCH_INTERVAL_MS)) {
    db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(now.toISOString(), id);
  }
  return { user: { id: row.id, email: row.email, role: row.role }, expiresAt: row.expiresAt };
}

export function endStaffSession(db: Database, token: string): void {
  db.prepare('DELETE FROM sessions WHERE id = ?').run(secretHash(token));
}
