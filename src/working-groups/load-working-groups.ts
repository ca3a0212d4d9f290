import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { RevisionRules } from '../domain/revision-rules';
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

/** The tag patterns and labels of a working-groups file, as the revision rules read them. */
export function revisionRulesOf(file: WorkingGroupsFile): RevisionRules {
  const tagPatterns: Record<string, string> = {};
  for (const [repo, pattern] of Object.entries(file.tag_patterns)) tagPatterns[repo.toLowerCase()] = pattern;
  return {
    tagPatterns,
    featureLabels: file.revision_rules.feature_labels,
    fixLabels: file.revision_rules.fix_labels,
  };
}

let shipped: RevisionRules | null = null;

/** The revision rules of config/kubeflow.yml, read once per process (start-up has checked the file). */
export function shippedRevisionRules(): RevisionRules {
  shipped ??= revisionRulesOf(loadWorkingGroups());
  return shipped;
}
