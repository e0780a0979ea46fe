/** The library's branches: each has its own tablets, help calls and kiosk settings. */
import type { LibrarySettings } from '../../shared/api/contract.ts';
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
