import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { PROJECT_ROOT } from '../project-root';

/** The folder of the migrations shipped with this code. */
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'migrations');

export interface Migration {
  /** The number the file name starts with: 1 for 0001-initial.sql. */
  version: number;
  /** The file name without `.sql`, e.g. `0001-initial`; recorded in schema_migrations. */
  name: string;
  sql: string;
}

export interface MigrationResult {
  /** Names of the migrations applied by this run, in order. */
  applied: string[];
  /** The database's version after the run. */
  current: number;
}

export interface MigrationStatus {
  current: number;
  /** Migrations of this code the database has not recorded yet. */
  pending: string[];
  /** Migrations the database has recorded that this code does not have; `migrate` refuses them. */
  unknown: string[];
}

/** The database and this code disagree about the schema; the message says what to do. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

const FILE_NAME = /^(\d{4})-([a-z0-9]+(?:-[a-z0-9]+)*)\.sql$/;

/**
 * Reads `NNNN-name.sql` files, sorted by number. Any `.sql` file, or file starting with a digit,
 * that does not follow the pattern is an error rather than skipped, so a misnamed migration is
 * never silently left out.
 */
export function loadMigrations(dir: string): Migration[] {
  const byVersion = new Map<number, Migration>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile() || !looksLikeMigration(entry.name)) continue;
    const match = FILE_NAME.exec(entry.name);
    const version = Number(match?.[1]);
    if (!match || version === 0) {
      throw new MigrationError(
        `malformed migration file name ${entry.name} in ${dir}: name it NNNN-name.sql, ` +
          'with a four-digit number from 0001 and lower-case words joined by dashes',
      );
    }
    const name = entry.name.slice(0, -'.sql'.length);
    const existing = byVersion.get(version);
    if (existing) {
      throw new MigrationError(
        `migrations ${existing.name} and ${name} in ${dir} share the number ${match[1]}: ` +
          'renumber the newer one',
      );
    }
    byVersion.set(version, { version, name, sql: fs.readFileSync(path.join(dir, entry.name), 'utf8') });
  }
  return [...byVersion.values()].sort((a, b) => a.version - b.version);
}

function looksLikeMigration(fileName: string): boolean {
  return /\.sql$/i.test(fileName) || /^\d/.test(fileName);
}

interface AppliedRow {
  version: number;
  name: string;
}

function hasMigrationTable(db: Database.Database): boolean {
  const row = db
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  return row !== undefined;
}

function readApplied(db: Database.Database): AppliedRow[] {
  if (!hasMigrationTable(db)) return [];
  return db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as AppliedRow[];
}

/** Compares what the database recorded with what the code has, without changing anything. */
export function migrationStatus(db: Database.Database, migrations: readonly Migration[]): MigrationStatus {
  const applied = readApplied(db);
  const recorded = new Set(applied.map((row) => row.name));
  const known = new Set(migrations.map((migration) => migration.name));
  return {
    current: applied.reduce((max, row) => Math.max(max, row.version), 0),
    pending: migrations.filter((migration) => !recorded.has(migration.name)).map((m) => m.name),
    unknown: applied.filter((row) => !known.has(row.name)).map((row) => row.name),
  };
}

function refuseIncompatible(status: MigrationStatus, migrations: readonly Migration[]): void {
  if (status.unknown.length > 0) {
    throw new MigrationError(
      `the database at version ${status.current} knows migrations this code does not ` +
        `(${status.unknown.join(', ')}): run a newer kfrelease, or restore a backup`,
    );
  }
  // Forward-only: a migration numbered below the current version was written against an older
  // schema than the one in the database, so applying it now could do something else.
  const late = migrations.filter((m) => status.pending.includes(m.name) && m.version < status.current);
  if (late.length > 0) {
    throw new MigrationError(
      `the database at version ${status.current} never applied the older migrations ` +
        `${late.map((m) => m.name).join(', ')}: renumber them after ${status.current}, or restore a backup`,
    );
  }
}

/**
 * Applies the pending migrations in order, each in its own IMMEDIATE transaction that also records
 * it, so a failure or crash leaves the database at the previous version. Refuses a database that
 * has recorded a migration this code does not have.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  now: () => string,
): MigrationResult {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (' +
      'version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const status = migrationStatus(db, migrations);
  refuseIncompatible(status, migrations);

  const isRecorded = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const apply = db.transaction((migration: Migration): boolean => {
    // Another process may have applied it between the status read and this write lock.
    if (isRecorded.get(migration.version) !== undefined) return false;
    db.exec(migration.sql);
    record.run(migration.version, migration.name, now());
    return true;
  });

  const applied: string[] = [];
  for (const migration of migrations) {
    if (!status.pending.includes(migration.name)) continue;
    try {
      if (apply.immediate(migration)) applied.push(migration.name);
    } catch (error) {
      throw new MigrationError(
        `migration ${migration.name} failed (${describe(error)}) and was rolled back, the database ` +
          `stays at version ${migrationStatus(db, migrations).current}: ${nextStep(error)}`,
        { cause: error },
      );
    }
  }
  return { applied, current: migrationStatus(db, migrations).current };
}

function describe(error: unknown): string {
  // Not `instanceof Error`: better-sqlite3's errors may come from another realm (e.g. under Jest).
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

function nextStep(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_BUSY') return 'another process holds the database, stop it and run again';
  return 'fix the migration and run again';
}
