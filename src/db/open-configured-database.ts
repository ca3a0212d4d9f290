import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { checkDatabase } from './check-database';
import {
  databasePathProblem,
  describeDatabasePath,
  hasSqliteHeader,
  notSqliteMessage,
} from './database-path-problem';
import { openDatabase, type OpenDatabaseOptions } from './open-database';

/** SQLite's codes for a file it could not open or write at all. */
const CANNOT_OPEN = /^SQLITE_(CANTOPEN|READONLY|PERM|AUTH)/;

/**
 * Opens the database DATABASE_PATH names and checks it is sound, or stops with a message that
 * names the setting, the path and the likely fix: a folder, a folder or file this user may not
 * write, a file that is not a SQLite database, a damaged one.
 */
export function openConfiguredDatabase(
  file: string,
  options: OpenDatabaseOptions & {
    /** quick_check already passed on this file (the start-up worker): it is not run again. */
    quickCheckPassed?: boolean;
  },
): Database.Database {
  if (file === ':memory:') return openDatabase(file, options);
  const problem = databasePathProblem(file);
  if (problem) throw new Error(problem);
  const notSqlite = (fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0) > 0 && !hasSqliteHeader(file);
  try {
    const db = openDatabase(file, options);
    // Before anything is written: a damaged file must not be written into.
    const checked = options.quickCheckPassed ? { ok: true as const } : checkDatabase(db, file);
    if (!checked.ok) {
      db.close();
      throw new Error(checked.message);
    }
    return db;
  } catch (error) {
    const message = (error as Error).message;
    if (notSqlite) throw new Error(`${notSqliteMessage(file)}\n${message}`, { cause: error });
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && CANNOT_OPEN.test(code)) {
      throw new Error(
        `${describeDatabasePath(file)}: SQLite cannot open it for writing (${code}: ${message}). Check that its folder exists and that the user running kfrelease may read and write the file and the folder.`,
        { cause: error },
      );
    }
    throw error;
  }
}
