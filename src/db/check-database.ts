import path from 'node:path';
import type { Database } from 'better-sqlite3';

/** Where an operator finds how to restore a backup. */
const RESTORE_STEPS =
  'Restore the latest backup as docs/operations.md, section "Data, backups and restore", says: stop kfrelease, ' +
  'copy the backup to DATABASE_PATH, delete the -wal and -shm files beside it, and start again.';

/** quick_check stops after this many findings: enough to say what is wrong, few enough to read. */
const MAX_PROBLEMS = 5;

export type DatabaseCheck = { ok: true } | { ok: false; problems: string[]; message: string };

/** The file as configured, and where that is when the path is relative. */
function describeFile(file: string): string {
  const resolved = path.resolve(file);
  return resolved === file ? file : `${file} (${resolved})`;
}

function describeError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = (error as { message?: unknown } | null)?.message;
  const text = typeof message === 'string' ? message : String(error);
  return typeof code === 'string' ? `${code}: ${text}` : text;
}

/** The lines of quick_check's answer, without its "*** in database main ***" heading. */
function quickCheck(db: Database, limit: number): string[] {
  const rows = db.prepare(`PRAGMA quick_check(${limit})`).pluck().all() as string[];
  return rows
    .flatMap((row) => row.split('\n'))
    .filter((line) => line !== '' && !line.startsWith('*** in database'));
}

/**
 * What SQLite's quick_check finds in `db`: ok, or the first problems. When it finds fewer damaged
 * pages than its limit, quick_check goes on to read the tables and can throw on a damaged one;
 * then its first finding alone is asked for, which stops before that read.
 */
function findProblems(db: Database): string[] {
  try {
    const found = quickCheck(db, MAX_PROBLEMS);
    return found.length === 1 && found[0] === 'ok' ? [] : found;
  } catch (error) {
    let first: string[] = [];
    try {
      first = quickCheck(db, 1).filter((line) => line !== 'ok');
    } catch {
      // The error already thrown says enough.
    }
    return [...first, describeError(error)];
  }
}

/** Why kfrelease refuses a damaged database file, and what to do. */
export function damagedDatabaseMessage(file: string, problems: string[]): string {
  return [
    `the database file ${describeFile(file)} is damaged; kfrelease does not use it, since writing into it could lose more. SQLite's quick_check found:`,
    ...problems.map((problem) => `  ${problem}`),
    RESTORE_STEPS,
  ].join('\n');
}

/** Why kfrelease refuses an existing file of 0 bytes, and the two ways on. */
export function emptyDatabaseFileMessage(file: string): string {
  return [
    `the database file ${describeFile(file)} is empty (0 bytes); kfrelease does not use it: an empty file where the database should be looks like a lost database (a truncated copy or restore, a full disk), not a new install, which has no file at all.`,
    RESTORE_STEPS,
    `If an empty database there is really what you want, run DATABASE_PATH=${file} npx kfrelease migrate once: it starts one in that file.`,
  ].join('\n');
}

/** Pages of the connection's cache quick_check may fill: it reads each page once, in order. */
const CHECK_CACHE_KIB = 256;

/**
 * Runs SQLite's quick_check on the open database `db` at `file`: ok, or the problems found and
 * the message that refuses to start on them. A few milliseconds for kfrelease's database; it reads
 * every page once, which is what finds a page of garbage before anything is written into the file.
 * It runs with a small page cache: with the connection's own (16 MiB by default) it would fill
 * that cache with the whole file, and the process would keep that memory for pages it never reads
 * again.
 */
export function checkDatabase(db: Database, file: string): DatabaseCheck {
  const problems = withSmallCache(db, () => findProblems(db));
  if (problems.length === 0) return { ok: true };
  return { ok: false, problems, message: damagedDatabaseMessage(file, problems) };
}

/**
 * Whether quick_check finds `db` sound: true only for its plain "ok". Anything else, a finding or
 * an error, is for checkDatabase to word (the start-up worker runs this on its own connection).
 */
export function passesQuickCheck(db: Database): boolean {
  const found = withSmallCache(db, () => quickCheck(db, 1));
  return found.length === 1 && found[0] === 'ok';
}

function withSmallCache<T>(db: Database, run: () => T): T {
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${CHECK_CACHE_KIB}`);
  try {
    return run();
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
}
