import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { preparseConfigFolder } from '../config-files/preparse-config-folder';
import { passesQuickCheck } from '../db/check-database';
import type { StartupCheckRequest, StartupVerdict } from './startup-checks';

/** A longer lock by another process: the main thread checks again, with its own longer wait. */
const BUSY_TIMEOUT_MS = 1000;

/**
 * Whether quick_check finds the database file sound, on a read-only connection of this thread's
 * own. False for anything else (no file yet, an empty one, a lock, a finding, an error): then the
 * main thread runs its own check, which words the refusal as always.
 */
function databaseSound(file: string): boolean {
  if (file === ':memory:' || file === '') return false;
  if ((fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0) === 0) return false;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    try {
      return passesQuickCheck(db);
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

/** The start-up worker: parses the config folder's YAML and checks the database, then ends. */
function run(request: StartupCheckRequest): StartupVerdict {
  return {
    databasePath: request.databasePath,
    yaml: preparseConfigFolder(request.configDir),
    databaseSound: databaseSound(request.databasePath),
  };
}

parentPort?.postMessage(run(workerData as StartupCheckRequest));
