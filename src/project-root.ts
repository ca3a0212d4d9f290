import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder holding the project's package.json, found by walking up from `start`, so that paths
 * to config/ and migrations/ work both from src/ (ts-jest, tsx) and from the compiled dist/src/.
 * A dist/ folder is skipped: tsc copies package.json into it when a file imports package.json.
 */
export function findProjectRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    if (path.basename(dir) !== 'dist' && fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`Could not find the project folder (one with a package.json) above ${start}.`);
    }
    dir = parent;
  }
}

/** The project folder: the one with package.json, config/ and migrations/. */
export const PROJECT_ROOT = findProjectRoot(__dirname);
