import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { backupDatabase } from '../../src/db/backup-database';
import {
  loadMigrations,
  migrate,
  migrationStatus,
  MigrationError,
  MIGRATIONS_DIR,
} from '../../src/db/migrate';
import { openDatabase } from '../../src/db/open-database';

const NOW = '2026-03-02T09:00:00.000Z';
const now = (): string => NOW;

const TABLES_OF_0001 = [
  'releases',
  'plans',
  'plan_phases',
  'plan_milestones',
  'people',
  'working_groups',
  'wg_repositories',
  'wg_components',
  'team_roles',
  'audit_log',
];

let tmp: string;
const open: Database.Database[] = [];

function connect(file: string, options?: { readonly?: boolean }): Database.Database {
  const db = openDatabase(file, options);
  open.push(db);
  return db;
}

function tableNames(db: Database.Database): string[] {
  const rows = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all();
  return (rows as { name: string }[]).map((row) => row.name);
}

function versions(db: Database.Database): { version: number; name: string; applied_at: string }[] {
  return db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all() as {
    version: number;
    name: string;
    applied_at: string;
  }[];
}

/**
 * A migrations folder holding the first shipped migration plus the given extra files, so these
 * tests keep their meaning as later migrations are added.
 */
function migrationsDir(extra: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(tmp, 'migrations-'));
  fs.copyFileSync(path.join(MIGRATIONS_DIR, '0001-initial.sql'), path.join(dir, '0001-initial.sql'));
  for (const [file, sql] of Object.entries(extra)) fs.writeFileSync(path.join(dir, file), sql);
  return dir;
}

function addPerson(db: Database.Database, github: string): void {
  db.prepare('INSERT INTO people (name, github) VALUES (?, ?)').run(github, github);
}

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kfrelease-migrate-'));
});

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the shipped migrations', () => {
  it('apply in order on a new database, and a second run applies nothing', () => {
    const file = path.join(tmp, 'shipped.db');
    const shipped = loadMigrations(MIGRATIONS_DIR);
    const first = migrate(connect(file), shipped, now);
    expect(first.applied).toEqual(shipped.map((m) => m.name));
    expect(first.current).toBe(shipped[shipped.length - 1]?.version);
    expect(migrate(connect(file), shipped, now).applied).toEqual([]);
  });
});

describe('migrate', () => {
  it('creates every table of 0001 on a new database and records the version', () => {
    const db = connect(path.join(tmp, 'data', 'kfrelease.db'));

    const result = migrate(db, loadMigrations(migrationsDir()), now);

    expect(result).toEqual({ applied: ['0001-initial'], current: 1 });
    expect(tableNames(db)).toEqual(expect.arrayContaining([...TABLES_OF_0001, 'schema_migrations']));
    expect(versions(db)).toEqual([{ version: 1, name: '0001-initial', applied_at: NOW }]);
    expect(migrationStatus(db, loadMigrations(migrationsDir()))).toEqual({
      current: 1,
      pending: [],
      unknown: [],
    });
  });

  it('applies nothing when run again on an up-to-date database', () => {
    const file = path.join(tmp, 'kfrelease.db');
    migrate(connect(file), loadMigrations(migrationsDir()), now);

    const result = migrate(connect(file), loadMigrations(migrationsDir()), () => 'later');

    expect(result).toEqual({ applied: [], current: 1 });
    expect(versions(connect(file))).toEqual([{ version: 1, name: '0001-initial', applied_at: NOW }]);
  });

  it('applies only a new migration to an existing database and keeps its data', () => {
    const file = path.join(tmp, 'kfrelease.db');
    const first = connect(file);
    migrate(first, loadMigrations(migrationsDir()), now);
    addPerson(first, 'alice');
    first.close();
    const dir = migrationsDir({
      '0002-person-timezone.sql': 'ALTER TABLE people ADD COLUMN time_zone TEXT;',
    });

    const db = connect(file);
    expect(migrationStatus(db, loadMigrations(dir))).toEqual({
      current: 1,
      pending: ['0002-person-timezone'],
      unknown: [],
    });
    const result = migrate(db, loadMigrations(dir), now);

    expect(result).toEqual({ applied: ['0002-person-timezone'], current: 2 });
    expect(db.prepare('SELECT github, time_zone FROM people').all()).toEqual([
      { github: 'alice', time_zone: null },
    ]);
    expect(versions(db).map((row) => row.name)).toEqual(['0001-initial', '0002-person-timezone']);
  });

  it('refuses a database that knows migrations this code does not', () => {
    const file = path.join(tmp, 'kfrelease.db');
    const newer = migrationsDir({
      '0002-a.sql': 'CREATE TABLE a (id INTEGER PRIMARY KEY);',
      '0003-b.sql': 'CREATE TABLE b (id INTEGER PRIMARY KEY);',
    });
    migrate(connect(file), loadMigrations(newer), now);

    const db = connect(file);
    const run = (): unknown => migrate(db, loadMigrations(migrationsDir()), now);

    expect(run).toThrow(MigrationError);
    expect(run).toThrow(
      'the database at version 3 knows migrations this code does not (0002-a, 0003-b): ' +
        'run a newer kfrelease, or restore a backup',
    );
    expect(migrationStatus(db, loadMigrations(migrationsDir()))).toEqual({
      current: 3,
      pending: [],
      unknown: ['0002-a', '0003-b'],
    });
  });

  it('refuses a migration numbered below the version the database is already at', () => {
    const file = path.join(tmp, 'kfrelease.db');
    migrate(connect(file), loadMigrations(migrationsDir({ '0003-c.sql': 'SELECT 1;' })), now);
    const merged = migrationsDir({ '0002-b.sql': 'SELECT 1;', '0003-c.sql': 'SELECT 1;' });

    expect(() => migrate(connect(file), loadMigrations(merged), now)).toThrow(
      'the database at version 3 never applied the older migrations 0002-b',
    );
  });

  it('rolls a migration that fails halfway back to the previous version, and completes it once fixed', () => {
    const file = path.join(tmp, 'kfrelease.db');
    migrate(connect(file), loadMigrations(migrationsDir()), now);
    const dir = migrationsDir({
      '0002-notes.sql':
        'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\nINSERT INTO no_such_table VALUES (1);',
    });

    const db = connect(file);
    expect(() => migrate(db, loadMigrations(dir), now)).toThrow(
      /migration 0002-notes failed \(no such table: no_such_table\).*stays at version 1/,
    );
    expect(migrationStatus(db, loadMigrations(dir))).toEqual({
      current: 1,
      pending: ['0002-notes'],
      unknown: [],
    });
    expect(tableNames(db)).not.toContain('notes');

    fs.writeFileSync(
      path.join(dir, '0002-notes.sql'),
      "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\nINSERT INTO notes (body) VALUES ('hello');",
    );
    const result = migrate(connect(file), loadMigrations(dir), now);

    expect(result).toEqual({ applied: ['0002-notes'], current: 2 });
    expect(db.prepare('SELECT body FROM notes').all()).toEqual([{ body: 'hello' }]);
  });
});

describe('openDatabase', () => {
  it('sets the pragmas on every connection, not only the first', () => {
    const file = path.join(tmp, 'kfrelease.db');
    connect(file);

    const second = connect(file);

    expect(second.pragma('synchronous', { simple: true })).toBe(2);
    expect(second.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(second.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(second.pragma('busy_timeout', { simple: true })).toBe(2000);
  });

  it('enforces foreign keys', () => {
    const db = connect(':memory:');
    migrate(db, loadMigrations(migrationsDir()), now);

    expect(() =>
      db
        .prepare(
          "INSERT INTO plans (release_id, revision, reason, created_at, created_by) VALUES (42, 1, 'x', 'now', 'me')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
  });
});

describe('loadMigrations', () => {
  it.each([
    '1-initial.sql',
    '0002_add_people.sql',
    '0002-Add-People.sql',
    '0002-.sql',
    '0000-zero.sql',
    '0002-notes.SQL',
    '0002-notes.sq',
  ])('refuses the malformed file name %s', (bad) => {
    const dir = migrationsDir({ [bad]: 'SELECT 1;' });

    expect(() => loadMigrations(dir)).toThrow(MigrationError);
    expect(() => loadMigrations(dir)).toThrow(`malformed migration file name ${bad}`);
  });

  it('refuses two migrations with the same number', () => {
    const dir = migrationsDir({ '0001-other.sql': 'SELECT 1;' });

    expect(() => loadMigrations(dir)).toThrow(/0001-initial and 0001-other .* share the number 0001/);
  });

  it('sorts by number and ignores files that are not migrations', () => {
    const dir = migrationsDir({
      '0010-ten.sql': 'SELECT 10;',
      '0002-two.sql': 'SELECT 2;',
      'README.md': '# notes',
    });

    expect(loadMigrations(dir).map((m) => [m.version, m.name])).toEqual([
      [1, '0001-initial'],
      [2, '0002-two'],
      [10, '0010-ten'],
    ]);
  });
});

describe('backupDatabase', () => {
  it('writes a single-file copy that passes integrity_check and has the same rows', async () => {
    const db = connect(path.join(tmp, 'kfrelease.db'));
    migrate(db, loadMigrations(migrationsDir()), now);
    addPerson(db, 'alice');
    addPerson(db, 'bob');
    const destination = path.join(tmp, 'backups', 'kfrelease-2026-03-02.db');

    const { pages } = await backupDatabase(db, destination);

    expect(pages).toBeGreaterThan(0);
    expect(fs.readdirSync(path.dirname(destination))).toEqual(['kfrelease-2026-03-02.db']);
    const copy = connect(destination, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT github FROM people ORDER BY github').all()).toEqual([
      { github: 'alice' },
      { github: 'bob' },
    ]);
    expect(versions(copy)).toEqual(versions(db));
  });

  it('refuses to overwrite an existing file and leaves it untouched', async () => {
    const db = connect(path.join(tmp, 'kfrelease.db'));
    migrate(db, loadMigrations(migrationsDir()), now);
    const destination = path.join(tmp, 'precious.db');
    fs.writeFileSync(destination, 'do not touch');

    await expect(backupDatabase(db, destination)).rejects.toThrow(
      `backup destination ${destination} already exists`,
    );
    expect(fs.readFileSync(destination, 'utf8')).toBe('do not touch');
  });
});
