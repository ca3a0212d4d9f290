import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseDependencyList, type DependencyList } from '../domain/dependency-list-schema';
import { PROJECT_ROOT } from '../project-root';

export const DEPENDENCIES_FILE = join(PROJECT_ROOT, 'config', 'dependencies.yml');

/** Reads and validates the common dependency list; throws one error listing every problem. */
export function loadDependencyList(file: string = DEPENDENCIES_FILE): DependencyList {
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot be read as YAML: ${(error as Error).message}`);
  }
  const parsed = parseDependencyList(data, file);
  if (!parsed.ok)
    throw new Error(`${file} has problems; fix them and start again:\n  ${parsed.problems.join('\n  ')}`);
  return parsed.config;
}

let cached: DependencyList | null = null;

/** The shipped dependency list, read once per process. */
export function shippedDependencyList(): DependencyList {
  cached ??= loadDependencyList();
  return cached;
}
