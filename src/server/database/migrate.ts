/**
 * Brings a database up to the schema this code expects. The schema version
 * lives in SQLite's own `PRAGMA user_version`, so a backup copy of the file
 * always carries its version with it.
 */
import type BetterSqlite3 from 'better-sqlite3';

type Database = BetterSqlite3.Database;

/** One numbered step of the schema. `up` is SQL; migrations are never edited once released. */
export interface Migration {
  version: number;
  name: string;
  up: string;
}

export class DatabaseTooNewError extends Error {
  override name = 'DatabaseTooNewError';
}

export function schemaVersion(db: Database): number {
  const version = db.pragma('user_version', { simple: true });
  if (typeof version !== 'number') throw new Error('SQLite did not report a user_version.');
  return version;
}

/** Applies every migration newer than the database, in order, each in its own transaction. */
export function migrate(db: Database, migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    // A gap or a reordering would skip or repeat schema changes on some installations.
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration "${migration.name}" has version ${migration.version}, expected ${index + 1}: ` +
          'versions must count up from 1 without gaps.',
      );
    }
  });
  const known = migrations.length;
  const current = schemaVersion(db);
  if (current > known) {
    throw new DatabaseTooNewError(
      `The database ${db.name} has schema version ${current}, but this Lotsen only knows versions up to ${known}. ` +
        'It was probably written by a newer Lotsen: run that version, or restore a backup made with this one. ' +
        'Lotsen did not change the file.',
    );
  }
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(migration.up);
      // user_version is part of the transaction: a failed migration leaves the old version.
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
