import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { damagedDatabaseMessage, emptyDatabaseFileMessage } from './check-database';

/** How long a connection waits for another one's write lock before failing with SQLITE_BUSY. */
export const DEFAULT_BUSY_TIMEOUT_MS = 2000;

export interface OpenDatabaseOptions {
  readonly?: boolean;
  busyTimeoutMs?: number;
  /**
   * Opens an existing file of 0 bytes for writing as a new database: only `kfrelease migrate` asks
   * for it. Otherwise such a file is refused, since it looks like a lost database (a missing file
   * is a new install and always opens).
   */
  allowEmptyFile?: boolean;
}

function isInMemory(file: string): boolean {
  return file === ':memory:' || file === '';
}

/** SQLite's codes for a file that is not a sound database, found as soon as its header is read. */
const DAMAGED_FILE_CODE = /^SQLITE_(NOTADB|CORRUPT)/;

/**
 * Opens a connection with the pragmas every kfrelease connection needs. They are per connection
 * (except journal_mode, which is stored in the file), so they are set here on every open: in WAL
 * mode better-sqlite3 would otherwise leave each new connection at synchronous = NORMAL, which can
 * lose the last commits on power loss.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  const readonly = options.readonly ?? false;
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  if (!Number.isInteger(busyTimeoutMs) || busyTimeoutMs < 0) {
    throw new RangeError(`busyTimeoutMs must be a whole number of milliseconds >= 0, got ${busyTimeoutMs}`);
  }
  const inMemory = isInMemory(file);
  if (!inMemory && !readonly) {
    if (!options.allowEmptyFile && fs.statSync(file, { throwIfNoEntry: false })?.size === 0) {
      throw new Error(emptyDatabaseFileMessage(file));
    }
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }

  const db = new Database(file, { readonly, fileMustExist: readonly, timeout: busyTimeoutMs });
  try {
    // First, so that switching to WAL below already waits for a busy lock.
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    if (!inMemory && !readonly) enableWal(db, file);
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && DAMAGED_FILE_CODE.test(code)) {
      throw new Error(damagedDatabaseMessage(file, [`${code}: ${(error as Error).message}`]), {
        cause: error,
      });
    }
    throw error;
  }
}

function enableWal(db: Database.Database, file: string): void {
  const mode: unknown = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') {
    throw new Error(
      `could not switch the database at ${file} to WAL mode (it stayed in ${String(mode)} mode): ` +
        'put it on a local file system that supports shared memory',
    );
  }
}
