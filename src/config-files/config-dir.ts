import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root';

/** The config/ folder shipped with kfrelease (and baked into the Docker image). */
export const SHIPPED_CONFIG_DIR = path.join(PROJECT_ROOT, 'config');

let current = SHIPPED_CONFIG_DIR;

/** The folder a KFRELEASE_CONFIG_DIR value names, made absolute; unset or empty, the shipped one. */
export function configDirFromSetting(value: string | undefined): string {
  return value ? path.resolve(value) : SHIPPED_CONFIG_DIR;
}

/**
 * The folder the release team's YAML files are read from: KFRELEASE_CONFIG_DIR when set, else the
 * shipped config/. The composition root sets it from the parsed settings before anything is read.
 */
export function configDir(): string {
  return current;
}

/** Set by the composition root (buildServices) from `Config.configDir`; refuses a path that is not a folder. */
export function useConfigDir(dir: string): void {
  const resolved = path.resolve(dir);
  if (!fs.statSync(resolved, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(
      `KFRELEASE_CONFIG_DIR: ${resolved} is not a folder. Point it at a folder holding kubeflow.yml, calendar.yml, agenda-items.yml, phase-checklists.yml, dependencies.yml and templates/ (start from a copy of ${SHIPPED_CONFIG_DIR}), or unset it to use that one.`,
    );
  }
  current = resolved;
}

/** A file of the config folder, e.g. configFile('calendar.yml'). */
export function configFile(...parts: string[]): string {
  return path.join(current, ...parts);
}

/** A file named relative to the project when it is inside it, so messages stay short. */
export function displayName(file: string): string {
  const relative = path.relative(PROJECT_ROOT, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
