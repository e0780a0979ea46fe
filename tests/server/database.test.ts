import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  DatabaseTooNewError,
  migrate,
  schemaVersion,
  type Migration,
} from '../../src/server/database/migrate.ts';
import { MIGRATIONS } from '../../src/server/database/migrations.ts';
import { DATABASE_FILE_NAME, openDatabase } from '../../src/server/database/open-database.ts';
import { seedDatabase } from '../../src/server/seed/seed-database.ts';
import { fixtureSeedContent, makeTempDir } from './helpers.ts';

const tableNames = (db: BetterSqlite3.Database) =>
  db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
    )
    .all()
    .map((row) => row.name);

const count = (db: BetterSqlite3.Database, table: string) =>
  db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${table}`).get()?.n;

describe('openDatabase', () => {
  it('creates the data folder and a migrated database with the expected settings', async () => {
    const dataDir = join(await makeTempDir(), 'nested', 'data');
    const db = openDatabase(dataDir);
    try {
      expect(db.name).toBe(join(dataDir, DATABASE_FILE_NAME));
      expect(schemaVersion(db)).toBe(MIGRATIONS.length);
      expect(tableNames(db)).toEqual(
        expect.arrayContaining(['branches', 'content_releases', 'guide_images', 'guides']),
      );
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      db.close();
    }
  });

  it('keeps the data and changes nothing when opened again', async () => {
    const dataDir = await makeTempDir();
    const first = openDatabase(dataDir);
    expect(seedDatabase(first, fixtureSeedContent())).toBe(true);
    first.prepare("UPDATE branches SET name = 'Kvarnbyns bibliotek'").run();
    first.close();

    const again = openDatabase(dataDir);
    try {
      expect(schemaVersion(again)).toBe(MIGRATIONS.length);
      expect(again.prepare<[], { name: string }>('SELECT name FROM branches').get()?.name).toBe(
        'Kvarnbyns bibliotek',
      );
      expect(count(again, 'guides')).toBe(1);
    } finally {
      again.close();
    }
  });

  it('has the help call tables, with their rules enforced by SQLite', async () => {
    const db = openDatabase(await makeTempDir());
    try {
      expect(tableNames(db)).toEqual(
        expect.arrayContaining([
          'users',
          'sessions',
          'kiosk_devices',
          'help_calls',
          'help_call_events',
        ]),
      );
      const addUser = db.prepare(
        "INSERT INTO users (email, password_hash, role) VALUES (?, 'x', ?)",
      );
      addUser.run('anna@bibliotek.se', 'staff');
      expect(() => addUser.run('ANNA@Bibliotek.se', 'staff')).toThrow(/UNIQUE/);
      expect(() => addUser.run('bo@bibliotek.se', 'owner')).toThrow(/CHECK/);

      seedDatabase(db, fixtureSeedContent());
      db.prepare("INSERT INTO kiosk_devices (name, branch_id) VALUES ('Tablet', 1)").run();
      const addCall = db.prepare(
        `INSERT INTO help_calls (id, device_id, branch_id, location, device_name, language, needs,
           status, pressed_at, received_at, waiting_since, request_hash)
         VALUES (?, 1, 1, '', 'Tablet', 'sv', ?, ?, 'now', 'now', 'now', 'h')`,
      );
      addCall.run('a', '[]', 'waiting');
      expect(() => addCall.run('b', '[]', 'lost')).toThrow(/CHECK/);
      expect(() => addCall.run('c', '{"not":"a list"}', 'waiting')).toThrow(/CHECK/);
      const indexes = db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'index'")
        .all()
        .map((row) => row.name);
      expect(indexes).toEqual(
        expect.arrayContaining(['help_call_events_by_branch', 'help_calls_by_branch_received']),
      );
    } finally {
      db.close();
    }
  });

  it('enforces foreign keys', async () => {
    const db = openDatabase(await makeTempDir());
    try {
      expect(() =>
        db.prepare("INSERT INTO guides (id, document, release_id) VALUES ('x', '{}', 42)").run(),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      db.close();
    }
  });

  it('refuses a database written by a newer Lotsen, and leaves it as it was', async () => {
    const dataDir = await makeTempDir();
    const future = new BetterSqlite3(join(dataDir, DATABASE_FILE_NAME));
    future.pragma('user_version = 99');
    future.close();

    expect(() => openDatabase(dataDir)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(dataDir)).toThrow(
      `schema version 99, but this Lotsen only knows versions up to ${MIGRATIONS.length}.`,
    );

    const untouched = new BetterSqlite3(join(dataDir, DATABASE_FILE_NAME));
    expect(schemaVersion(untouched)).toBe(99);
    expect(tableNames(untouched)).toEqual([]);
    untouched.close();
  });
});

describe('migrate', () => {
  const next = MIGRATIONS.length + 1;
  const second: Migration = {
    version: next,
    name: 'notes',
    up: 'CREATE TABLE notes (id INTEGER PRIMARY KEY) STRICT;',
  };

  it('applies only the migrations a database has not seen, in order', async () => {
    const dataDir = await makeTempDir();
    openDatabase(dataDir).close();
    const db = openDatabase(dataDir, [...MIGRATIONS, second]);
    try {
      expect(schemaVersion(db)).toBe(next);
      expect(tableNames(db)).toContain('notes');
    } finally {
      db.close();
    }
  });

  it('rolls a failing migration back completely', async () => {
    const dataDir = await makeTempDir();
    const broken: Migration = {
      version: next,
      name: 'broken',
      up: 'CREATE TABLE notes (id INTEGER PRIMARY KEY); INSERT INTO no_such_table VALUES (1);',
    };
    expect(() => openDatabase(dataDir, [...MIGRATIONS, broken])).toThrow(/no_such_table/);

    const db = openDatabase(dataDir);
    try {
      expect(schemaVersion(db)).toBe(MIGRATIONS.length);
      expect(tableNames(db)).not.toContain('notes');
    } finally {
      db.close();
    }
  });

  it('refuses a list of migrations with a gap', () => {
    const db = new BetterSqlite3(':memory:');
    try {
      expect(() => {
        migrate(db, [...MIGRATIONS, { ...second, version: next + 1 }]);
      }).toThrow(`has version ${next + 1}, expected ${next}`);
    } finally {
      db.close();
    }
  });
});
