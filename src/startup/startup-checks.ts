import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { configDirFromSetting } from '../config-files/config-dir';
import type { PreparsedYaml } from '../config-files/read-config-file';
import { DEFAULT_DATABASE_PATH } from '../db/database-path-problem';

/** What the start-up worker is asked to look at. */
export interface StartupCheckRequest {
  configDir: string;
  databasePath: string;
}

/**
 * What the worker is to look at, read from the environment as loadConfig reads it (a blank value
 * is unset), without loading the settings' schemas: the worker starts before they load. Should
 * the settings then name something else (the sandbox's own database), the verdict is simply not
 * used: buildServices takes it only for the same database path, and YAML only while the file
 * keeps the stamp it had.
 */
export function startupCheckRequest(env: Record<string, string | undefined>): StartupCheckRequest {
  return {
    configDir: configDirFromSetting(env.KFRELEASE_CONFIG_DIR),
    databasePath: env.DATABASE_PATH || DEFAULT_DATABASE_PATH,
  };
}

/** What it found: the config folder's YAML parsed, and whether quick_check passed on the database. */
export interface StartupVerdict {
  databasePath: string;
  yaml: PreparsedYaml[];
  databaseSound: boolean;
}

/** null: no worker ran (started from the TypeScript sources); `failed`: it broke, and why. */
export type StartupChecks = StartupVerdict | { failed: string } | null;

/** The compiled worker beside this file; absent when kfrelease runs from its sources (ts-jest, tsx). */
const WORKER_FILE = path.join(__dirname, 'startup-check-worker.js');

/**
 * Starts the slow, self-contained part of the start on the second core while the main thread
 * loads the app's modules: parsing the config folder's YAML and SQLite's quick_check of the
 * database file. buildServices takes the verdict; whatever the worker could not settle (or a
 * start without the worker) is checked in the main thread as before, with the same messages.
 */
export function startStartupChecks(request: StartupCheckRequest): Promise<StartupChecks> {
  if (!fs.existsSync(WORKER_FILE)) return Promise.resolve(null);
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_FILE, { workerData: request });
    } catch (error) {
      resolve({ failed: (error as Error).message });
      return;
    }
    worker.once('message', (verdict: StartupVerdict) => resolve(verdict));
    worker.once('error', (error) => resolve({ failed: error.message }));
    worker.once('exit', (code) =>
      resolve({ failed: `the start-up worker ended with code ${code} and no verdict` }),
    );
  });
}
