/** A repository of a working group that still owes an accepted revision, and what is built from it. */
export interface MissingRepository {
  repo: string;
  /** Its components still shipping this cycle (those marked not shipping are left out). */
  components: string[];
}

/** The repositories of one working group still without an accepted revision. */
export interface MissingRevisions {
  wg: string;
  repos: MissingRepository[];
}

/** Components named after a repository at most; more are counted. */
const NAMED_COMPONENTS = 3;

/** "kubeflow/kfp-tekton (Kubeflow Tekton Pipelines)", "kubeflow/kubeflow (9 components)". */
export function describeMissingRepository(missing: MissingRepository): string {
  const { repo, components } = missing;
  if (components.length === 0) return repo;
  if (components.length > NAMED_COMPONENTS) return `${repo} (${components.length} components)`;
  return `${repo} (${components.join(', ')})`;
}

/** One working group's line in a list: "Pipelines (kubeflow/kfp-tekton)". */
export function missingGroupLine(group: MissingRevisions): string {
  return `${group.wg} (${group.repos.map((r) => r.repo).join(', ')})`;
}

/** What a working group still owes, as a reminder or an agenda says it. */
export function missingRevisionsText(group: MissingRevisions): string {
  return `${group.wg}: no accepted revision for ${group.repos.map(describeMissingRepository).join(', ')}`;
}
