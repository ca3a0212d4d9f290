import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../project-root';
import { workingGroupsFileSchema, type WorkingGroupsFile } from './working-groups-schema';

export const WORKING_GROUPS_FILE = join(PROJECT_ROOT, 'config', 'kubeflow.yml');

/** Reads and validates the working-groups file; throws one error listing every problem. */
export function loadWorkingGroups(file: string = WORKING_GROUPS_FILE): WorkingGroupsFile {
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot be read as YAML: ${(error as Error).message}`);
  }
  const parsed = workingGroupsFileSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`${file} has problems; fix them and start again:\n${problems.join('\n')}`);
  }
  return parsed.data;
}
