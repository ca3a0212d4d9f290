import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from './open-database';

export interface BackupResult {
  /** Pages copied; multiply by PRAGMA page_size for bytes. */
  pages: number;
}

/**
 * Copies a live database with SQLite's online backup, so the bot keeps running meanwhile, and
 * proves the copy readable before returning. Never overwrites: the destination name is claimed
 * atomically first, and a copy that fails or does not pass integrity_check is deleted.
 */
export async function backupDatabase(db: Database.Database, destination: string): Promise<BackupResult> {
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  claim(destination);
  try {
    const { totalPages } = await db.backup(destination);
    makeSelfContained(destination);
    checkIntegrity(destination);
    return { pages: totalPages };
  } catch (error) {
    removeCopy(destination);
    throw error;
  }
}

/** Creating the file exclusively (an empty file is an empty database) closes the check-then-write race. */
function claim(destination: string): void {
  try {
    fs.closeSync(fs.openSync(destination, 'wx'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new Error(
      `backup destination ${destination} already exists and backups never overwrite a file: ` +
        'choose a new file name, or move the old file away',
      { cause: error },
    );
  }
}

/**
 * The copy inherits WAL mode from the source, and a WAL file is read with -wal and -shm files
 * beside it. Switching the copy to a rollback journal leaves one file that can be moved alone.
 */
function makeSelfContained(destination: string): void {
  const copy = new Database(destination, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

function checkIntegrity(destination: string): void {
  const copy = openDatabase(destination, { readonly: true });
  try {
    const rows = copy.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((row) => row.integrity_check);
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new Error(
        `the backup failed PRAGMA integrity_check (${problems.slice(0, 5).join('; ')}) and was deleted: ` +
          'the source database may be damaged, run PRAGMA integrity_check on it before anything else',
      );
    }
  } finally {
    copy.close();
  }
}

function removeCopy(destination: string): void {
  for (const file of [destination, `${destination}-wal`, `${destination}-shm`, `${destination}-journal`]) {
    fs.rmSync(file, { force: true });
  }
}
