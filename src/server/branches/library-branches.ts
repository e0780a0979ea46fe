/** The library's branches: each has its own tablets, help calls and kiosk settings. */
import { createHash, randomBytes } from 'node:crypto';
import type { LibrarySettings } from '../../shared/api/contract.ts';
import type { KioskSetupPin } from '../../shared/api/devices.ts';
import type { StaffBranch } from '../../shared/api/help-calls.ts';
import type { Database } from '../database/open-database.ts';

export function listBranches(db: Database): StaffBranch[] {
  return db.prepare<[], StaffBranch>('SELECT id, name FROM branches ORDER BY name, id').all();
}

export function findBranch(db: Database, id: number): StaffBranch | undefined {
  return db.prepare<[number], StaffBranch>('SELECT id, name FROM branches WHERE id = ?').get(id);
}

/** Branches with exactly this name (names are not unique in the database). */
export function findBranchesByName(db: Database, name: string): StaffBranch[] {
  return db
    .prepare<[string], StaffBranch>('SELECT id, name FROM branches WHERE name = ? ORDER BY id')
    .all(name);
}

export function addBranch(db: Database, settings: Omit<LibrarySettings, 'branchId'>): StaffBranch {
  const { lastInsertRowid } = db
    .prepare(
      'INSERT INTO branches (name, info_desk, transport_app, fallback_language) VALUES (?, ?, ?, ?)',
    )
    .run(settings.libraryName, settings.infoDesk, settings.transportApp, settings.fallbackLanguage);
  return { id: Number(lastInsertRowid), name: settings.libraryName };
}

/** The SHA-256 (hex) a tablet compares against: see KioskSetupPin in shared/api/devices.ts. */
export function setupPinDigest(salt: string, pin: string): string {
  return createHash('sha256').update(`${salt}:${pin}`).digest('hex');
}

/** Sets (or with null, removes) the PIN that guards the setup screen of the branch's tablets. */
export function setKioskSetupPin(db: Database, branchId: number, pin: string | null): void {
  const salt = pin === null ? null : randomBytes(16).toString('hex');
  db.prepare('UPDATE branches SET setup_pin_salt = ?, setup_pin_sha256 = ? WHERE id = ?').run(
    salt,
    salt === null || pin === null ? null : setupPinDigest(salt, pin),
    branchId,
  );
}

export function readKioskSetupPin(db: Database, branchId: number): KioskSetupPin | null {
  const row = db
    .prepare<[number], { salt: string | null; sha256: string | null }>(
      'SELECT setup_pin_salt AS salt, setup_pin_sha256 AS sha256 FROM branches WHERE id = ?',
    )
    .get(branchId);
  return row?.salt && row.sha256 ? { salt: row.salt, sha256: row.sha256 } : null;
}
