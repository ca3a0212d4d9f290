import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMigrations, migrate, migrationStatus, MIGRATIONS_DIR } from '../../src/db/migrate';
import { openDatabase } from '../../src/db/open-database';
import { captureOutput, forkChild, killChild, killChildren } from '../fault/child-app';
import { ensureDistBuilt } from '../fault/dist-build';
import { seedReleaseDatabase } from '../fault/fault-world';
import { BEFORE_FREEZE, RELEASE } from '../helpers/revision-fixtures';

const SLOW_MIGRATION_SCRIPT = join(__dirname, '..', 'fault', 'slow-migration.cjs');
const FILLER_ROWS = 300_000;
/**
 * One migration that takes a while: a new table filled with ~60 MB, an index on it, and a column
 * added to an existing table. Its uncommitted pages spill into the WAL as it goes, which is how
 * the test sees that it is under way.
 */
const SLOW_SQL = `
CREATE TABLE fault_filler (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${FILLER_ROWS})
INSERT INTO fault_filler (id, payload) SELECT i, printf('%0200d', i) FROM n;
CREATE INDEX fault_filler_payload ON fault_filler (payload);
ALTER TABLE releases ADD COLUMN fault_marker TEXT NOT NULL DEFAULT 'migrated';
`;

describe('SIGKILL inside a migration', () => {
  let dir: string;
  let databasePath: string;
  let migrationsDir: string;
  let previous: number;
  let slowName: string;

  beforeAll(async () => {
    await ensureDistBuilt();
    dir = mkdtempSync(join(tmpdir(), 'kfrelease-fault-migrate-'));
    databasePath = join(dir, 'kfrelease.db');
    seedReleaseDatabase(databasePath, BEFORE_FREEZE);
    // The shipped migrations and one more after the latest.
    migrationsDir = join(dir, 'migrations');
    mkdirSync(migrationsDir);
    const shipped = loadMigrations(MIGRATIONS_DIR);
    for (const m of shipped)
      copyFileSync(join(MIGRATIONS_DIR, `${m.name}.sql`), join(migrationsDir, `${m.name}.sql`));
    previous = shipped.at(-1)?.version ?? 0;
    slowName = `${String(previous + 1).padStart(4, '0')}-fault-slow`;
    writeFileSync(join(migrationsDir, `${slowName}.sql`), SLOW_SQL);
  }, 180_000);

  afterAll(async () => {
    await killChildren();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const walBytes = () => statSync(`${databasePath}-wal`, { throwIfNoEntry: false })?.size ?? 0;

  /** Runs the slow migration in a child and SIGKILLs it once `walMegabytes` of it are in the WAL. */
  async function killMigrationAt(walMegabytes: number): Promise<void> {
    const child = forkChild(SLOW_MIGRATION_SCRIPT, [databasePath, migrationsDir], {});
    const output = captureOutput(child);
    const exited = new Promise<string>((resolve) =>
      child.once('exit', (code, signal) => resolve(signal ?? `exit code ${code}`)),
    );
    let finished = false;
    void exited.then(() => (finished = true));
    while (!finished && walBytes() < walMegabytes * 1024 * 1024) await new Promise((r) => setTimeout(r, 2));
    await killChild(child);
    const how = await exited;
    if (how !== 'SIGKILL')
      throw new Error(`the migration ended before the kill (${how}): make it slower\n${output()}`);
  }

  /** What the killed migration left, as the next process to open the file sees it. */
  function expectPreviousVersion(): void {
    const db = openDatabase(databasePath);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(migrationStatus(db, loadMigrations(migrationsDir))).toEqual({
        current: previous,
        pending: [slowName],
        unknown: [],
      });
      const tables = db
        .prepare("SELECT name FROM sqlite_schema WHERE name LIKE 'fault_filler%'")
        .pluck()
        .all();
      expect(tables).toEqual([]);
      const columns = (db.pragma('table_info(releases)') as { name: string }[]).map((c) => c.name);
      expect(columns).not.toContain('fault_marker');
      expect(db.prepare('SELECT version FROM releases').pluck().all()).toEqual([RELEASE]);
    } finally {
      db.close(); // the last connection: checkpoints, and the next child starts on an empty WAL
    }
  }

  it('leaves the database at the previous version, twice, and the next run completes it', async () => {
    await killMigrationAt(2);
    expectPreviousVersion();
    await killMigrationAt(24);
    expectPreviousVersion();

    const db = openDatabase(databasePath);
    try {
      const result = migrate(db, loadMigrations(migrationsDir), () => BEFORE_FREEZE);
      expect(result).toEqual({ applied: [slowName], current: previous + 1 });
      expect(db.prepare('SELECT count(*) FROM fault_filler').pluck().get()).toBe(FILLER_ROWS);
      expect(db.prepare('SELECT fault_marker FROM releases').pluck().all()).toEqual(['migrated']);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  }, 60_000);
});
