/**
 * The one place that opens Lotsen's SQLite file. Everything else receives
 * the open Database, so tests can hand in a file of their own.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, type Migration } from './migrate.ts';
import { MIGRATIONS } from './migrations.ts';

export type Database = BetterSqlite3.Database;

export const DATABASE_FILE_NAME = 'lotsen.sqlite';

/** Opens (creating if needed) `${dataDir}/lotsen.sqlite` and migrates it to the current schema. */
export function openDatabase(
  dataDir: string,
  migrations: readonly Migration[] = MIGRATIONS,
): Database {
  mkdirSync(dataDir, { recursive: true });
  const db = new BetterSqlite3(join(dataDir, DATABASE_FILE_NAME));
  try {
    // WAL lets kiosks read content while staff write; NORMAL is safe with WAL and much faster.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Wait for a moment on a lock (e.g. a backup running) instead of failing at once.
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
