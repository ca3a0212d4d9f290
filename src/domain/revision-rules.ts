import { DEFAULT_TAG_PATTERN } from './tag-pattern';

/** Pull request labels that mark a new feature: never bug-fix-only. */
export const DEFAULT_FEATURE_LABELS: readonly string[] = ['kind/feature', 'feature', 'enhancement'];

/** Pull request labels that mark what may ship after the freeze: bug fixes, docs, tests, chores. */
export const DEFAULT_FIX_LABELS: readonly string[] = [
  'bug',
  'bugfix',
  'fix',
  'hotfix',
  'regression',
  'security',
  'cherry-pick',
  'cherry-pick-approved',
  'docs',
  'documentation',
  'test',
  'tests',
  'chore',
];

/** How the revisions of every repository are read and judged (config/kubeflow.yml). */
export interface RevisionRules {
  /** A repository's tag pattern by owner/name (lower-case), when it is not v{version}. */
  tagPatterns: Record<string, string>;
  featureLabels: readonly string[];
  fixLabels: readonly string[];
}

/** The rules of one repository. */
export interface RepositoryRules {
  tagPattern: string;
  featureLabels: readonly string[];
  fixLabels: readonly string[];
}

export const DEFAULT_REVISION_RULES: RevisionRules = {
  tagPatterns: {},
  featureLabels: DEFAULT_FEATURE_LABELS,
  fixLabels: DEFAULT_FIX_LABELS,
};

/** The rules that apply to `repo` (owner/name, any case). */
export function rulesForRepository(rules: RevisionRules, repo: string): RepositoryRules {
  return {
    tagPattern: rules.tagPatterns[repo.toLowerCase()] ?? DEFAULT_TAG_PATTERN,
    featureLabels: rules.featureLabels,
    fixLabels: rules.fixLabels,
  };
}

/**
 * Whether a pull request label is one of the configured names, ignoring case. A name without a
 * slash also covers a label ending in `/<name>`: `docs` covers `area/docs`, `bug` covers
 * `kind/bug`, but `area/docker` or `debug-tools` cover nothing.
 */
export function labelMatches(label: string, name: string): boolean {
  const a = label.trim().toLowerCase();
  const b = name.trim().toLowerCase();
  if (a === b) return true;
  return !b.includes('/') && a.endsWith(`/${b}`);
}

/**
 * Why a pull request is not bug-fix-only, or null when it is: it carries a feature label (named),
 * or none of the bug/fix/docs/test/chore labels. A feature label wins over a fix label.
 */
export function notBugFixOnly(labels: readonly string[], rules: RepositoryRules): string | null {
  const feature = labels.find((label) => rules.featureLabels.some((name) => labelMatches(label, name)));
  if (feature !== undefined) return `labelled ${feature}`;
  const fix = labels.some((label) => rules.fixLabels.some((name) => labelMatches(label, name)));
  return fix ? null : 'no bug/fix/docs/test/chore label';
}
