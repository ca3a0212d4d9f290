import fs from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';

/** Where the database is when DATABASE_PATH is not set: relative to the folder kfrelease runs in. */
export const DEFAULT_DATABASE_PATH = './data/kfrelease.db';

const WRITABLE = 'or point DATABASE_PATH at a place it may write to';

/** "DATABASE_PATH=./data/k.db (/srv/kfrelease/data/k.db)": the setting, the value, where that is. */
export function describeDatabasePath(file: string): string {
  const resolved = path.resolve(file);
  return resolved === file ? `DATABASE_PATH=${file}` : `DATABASE_PATH=${file} (${resolved})`;
}

function runningUser(): string {
  try {
    return `${userInfo().username} (uid ${process.getuid?.() ?? '?'})`;
  } catch {
    return `uid ${process.getuid?.() ?? '?'}`;
  }
}

/** The file or folder at `at`, or undefined when there is none (a file on the way counts as none). */
function statOf(at: string): fs.Stats | undefined {
  try {
    return fs.statSync(at);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

function mayWrite(target: string): boolean {
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The nearest folder on the way to `dir` that exists (or a file standing where a folder should). */
function nearestExisting(dir: string): { at: string; isDirectory: boolean } {
  let at = dir;
  for (;;) {
    const stat = statOf(at);
    if (stat) return { at, isDirectory: stat.isDirectory() };
    const up = path.dirname(at);
    if (up === at) return { at, isDirectory: true };
    at = up;
  }
}

/**
 * Why the database at DATABASE_PATH cannot be opened for writing, found before SQLite tries: a
 * folder, a file where a folder should be, a folder or file this user may not write. Null when
 * nothing is in the way (the file may still not be a sound database: checkDatabase says so).
 */
export function databasePathProblem(file: string): string | null {
  const where = describeDatabasePath(file);
  const resolved = path.resolve(file);
  const stat = statOf(resolved);
  if (stat?.isDirectory()) {
    return `${where} is a folder, not a database file. Point DATABASE_PATH at a file in it, e.g. DATABASE_PATH=${path.join(file, 'kfrelease.db')}.`;
  }
  const dir = path.dirname(resolved);
  if (stat) {
    if (!mayWrite(resolved))
      return `${where}: ${runningUser()} may not write that file. Give that user read and write access to it and its folder (chown or chmod), ${WRITABLE}.`;
    if (!mayWrite(dir))
      return `${where}: ${runningUser()} may not write in the folder ${dir}, where SQLite keeps the -wal and -shm files beside the database. Give that user write access to the folder (chown or chmod), ${WRITABLE}.`;
    return null;
  }
  const existing = nearestExisting(dir);
  if (!existing.isDirectory)
    return `${where}: ${existing.at} is a file, so the folder ${dir} cannot be created. Point DATABASE_PATH at a file in a folder.`;
  if (!mayWrite(existing.at)) {
    const what =
      existing.at === dir
        ? `may not create the database file in the folder ${dir}`
        : `may not create the folder ${dir} (it would go in ${existing.at})`;
    return `${where}: ${runningUser()} ${what}. Give that user write access to ${existing.at} (chown or chmod), ${WRITABLE}.`;
  }
  return null;
}

/** The first bytes of every SQLite 3 database file. */
const SQLITE_HEADER = 'SQLite format 3\u0000';

/**
 * Whether the file at `file` starts as a SQLite database does. A file that does not is either the
 * wrong file (DATABASE_PATH set to something else) or a database whose header was overwritten.
 */
export function hasSqliteHeader(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return read === head.length && head.toString('latin1') === SQLITE_HEADER;
  } catch {
    return true;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** What to say first when DATABASE_PATH names a file that is not a SQLite database. */
export function notSqliteMessage(file: string): string {
  return `${describeDatabasePath(file)} is not a SQLite database (it does not start with "SQLite format 3"). If DATABASE_PATH points at the wrong file, set it to kfrelease's database (by default ${DEFAULT_DATABASE_PATH}); if it is kfrelease's database, ${file} was overwritten:`;
}

/**
 * What `kfrelease <command>` that only reads says when there is no database: which file it looked
 * for and how to make one.
 */
export function missingDatabaseMessage(file: string, setting: string | undefined): string {
  const resolved = path.resolve(file);
  const which =
    setting === undefined
      ? `There is no kfrelease database at ${resolved}: DATABASE_PATH is not set, so kfrelease looked for ${DEFAULT_DATABASE_PATH} in the folder it runs in.`
      : `There is no kfrelease database at ${resolved} (DATABASE_PATH=${setting}).`;
  return [
    which,
    'Nothing was created. Set DATABASE_PATH to the database the bot uses (or run kfrelease from the folder that holds data/kfrelease.db),',
    'or start one by creating a release: kfrelease release create VERSION START-DATE (kfrelease migrate creates an empty one).',
  ].join('\n');
}
