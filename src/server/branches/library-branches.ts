/** The library's branches: each has its own tablets, help calls and kiosk settings. */
import { createHash, randomBytes } from 'node:crypto';
import type {
  LibraryBranch,
  LibraryBranchChange,
  NewLibraryBranch,
} from '../../shared/api/administration.ts';
import type { BranchSettings } from '../../shared/api/contract.ts';
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

export function addBranch(db: Database, settings: Omit<BranchSettings, 'branchId'>): StaffBranch {
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

/** A branch as admins see it: its kiosk settings, whether it has a setup PIN, how many tablets. */
const DETAILS = `
  SELECT b.id, b.name, b.info_desk AS infoDesk, b.transport_app AS transportApp,
         b.fallback_language AS fallbackLanguage,
         b.setup_pin_sha256 IS NOT NULL AS hasSetupPin,
         (SELECT COUNT(*) FROM kiosk_devices d
           WHERE d.branch_id = b.id AND d.enrolled_at IS NOT NULL AND d.revoked_at IS NULL)
           AS tabletCount
    FROM branches b`;

type BranchDetailsRow = Omit<LibraryBranch, 'hasSetupPin'> & { hasSetupPin: 0 | 1 };

const toLibraryBranch = (row: BranchDetailsRow): LibraryBranch => ({
  ...row,
  hasSetupPin: row.hasSetupPin === 1,
});

export function listBranchDetails(db: Database): LibraryBranch[] {
  return db
    .prepare<[], BranchDetailsRow>(`${DETAILS} ORDER BY b.name, b.id`)
    .all()
    .map(toLibraryBranch);
}

export function findBranchDetails(db: Database, id: number): LibraryBranch | undefined {
  const row = db.prepare<[number], BranchDetailsRow>(`${DETAILS} WHERE b.id = ?`).get(id);
  return row && toLibraryBranch(row);
}

/** Two branches with one name would make `lotsen device add --branch NAME` ambiguous. */
export class DuplicateBranchNameError extends Error {
  override name = 'DuplicateBranchNameError';
}

function checkNameFree(db: Database, name: string, exceptId?: number): void {
  if (findBranchesByName(db, name).some((branch) => branch.id !== exceptId)) {
    throw new DuplicateBranchNameError(`There is already a branch called "${name}".`);
  }
}

export function createBranch(db: Database, branch: NewLibraryBranch): LibraryBranch {
  return db
    .transaction(() => {
      checkNameFree(db, branch.name);
      const { name: libraryName, infoDesk, transportApp, fallbackLanguage } = branch;
      const { id } = addBranch(db, { libraryName, infoDesk, transportApp, fallbackLanguage });
      const created = findBranchDetails(db, id);
      if (!created) throw new Error(`Branch ${id} vanished right after it was added.`);
      return created;
    })
    .immediate();
}

/** Changes the fields given; undefined for an unknown id. */
export function changeBranch(
  db: Database,
  id: number,
  change: LibraryBranchChange,
): LibraryBranch | undefined {
  return db
    .transaction(() => {
      if (!findBranch(db, id)) return undefined;
      if (change.name !== undefined) checkNameFree(db, change.name, id);
      db.prepare(
        `UPDATE branches
            SET name = coalesce(?, name), info_desk = coalesce(?, info_desk),
                transport_app = coalesce(?, transport_app),
                fallback_language = coalesce(?, fallback_language)
          WHERE id = ?`,
      ).run(
        change.name ?? null,
        change.infoDesk ?? null,
        change.transportApp ?? null,
        change.fallbackLanguage ?? null,
        id,
      );
      return findBranchDetails(db, id);
    })
    .immediate();
}
