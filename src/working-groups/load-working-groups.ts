import { configFile } from '../config-files/config-dir';
import { readConfigFile, zodConfigParse, type ConfigFileKind } from '../config-files/read-config-file';
import type { RevisionRules } from '../domain/revision-rules';
import { workingGroupsFileSchema, type WorkingGroupsFile } from './working-groups-schema';

/** kubeflow.yml: the working groups, their repositories and components, and how revisions are read. */
const WORKING_GROUPS: ConfigFileKind<WorkingGroupsFile> = {
  title: 'the working groups file',
  parse: zodConfigParse(workingGroupsFileSchema),
};

/** Reads and validates the working-groups file (again after an edit); a broken file is refused with every problem. */
export function loadWorkingGroups(file: string = configFile('kubeflow.yml')): WorkingGroupsFile {
  return readConfigFile(WORKING_GROUPS, file);
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

/** The revision rules of the config folder's kubeflow.yml, as it reads now (start-up has checked it). */
export function shippedRevisionRules(): RevisionRules {
  return revisionRulesOf(loadWorkingGroups());
}
