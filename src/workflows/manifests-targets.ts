import type { Clock } from '../clock';
import type { ReleaseRow } from '../db/release-repository';
import type { RevisionRow } from '../db/revision-repository';
import type { Store } from '../db/store';
import { UserError } from '../errors';
import { code, md } from '../text/mrkdwn';
import type { ManifestsSyncConfig } from '../working-groups/manifests-sync-schema';
import { getComponentVersions } from './component-versions';

/** One component of manifests_sync, with the revision of its repository that ships. */
export interface ManifestsTarget {
  /** Its key in config/kubeflow.yml: the last part of the branch name. */
  component: string;
  upstreamRepo: string;
  file: string;
  pattern: string;
  /** The latest accepted revision of the repository in this release, or null. */
  accepted: RevisionRow | null;
  /** Every component of the repository is marked not shipping this release. */
  notShipping: boolean;
}

const USAGE_HINT = (keys: string[]) =>
  md`The components are the keys of ${code('manifests_sync.components')} in config/kubeflow.yml: ${keys.join(', ')}. Name one, its repository (kubeflow/katib), or ${code('all')}.`;

/**
 * The components a manifests command is about: all of them (`all` or nothing named), or the one
 * named by its key or its repository. A UserError lists the known ones for anything else.
 */
export function manifestsTargets(
  deps: { store: Store; clock: Clock; manifestsSync: { config: ManifestsSyncConfig } },
  release: ReleaseRow,
  which?: string,
): ManifestsTarget[] {
  const components = Object.entries(deps.manifestsSync.config.components);
  const keys = components.map(([key]) => key);
  if (components.length === 0) {
    throw new UserError(
      'not_found',
      md`config/kubeflow.yml names no component under ${code('manifests_sync.components')}, so kfrelease does not know where revisions go in the manifests repository.`,
      md`Add each component's synchronization script and the line holding its revision there, e.g. ${code('katib: { repo: kubeflow/katib, file: scripts/synchronize-katib-manifests.sh, pattern: COMMIT="{revision}" }')}.`,
    );
  }
  const wanted = which?.trim().toLowerCase();
  const chosen =
    wanted === undefined || wanted === '' || wanted === 'all'
      ? components
      : components.filter(([key, c]) => key === wanted || c.repo.toLowerCase() === wanted);
  if (chosen.length === 0)
    throw new UserError('not_found', md`There is no manifests component "${which ?? ''}".`, USAGE_HINT(keys));

  const accepted = new Map<string, RevisionRow>();
  for (const row of deps.store.revisions.latestPerRepo(release.id))
    if (row.status === 'accepted') accepted.set(row.repo.toLowerCase(), row);
  const view = getComponentVersions(deps, release.version);
  const all = view.groups.flatMap((g) => g.components);
  return chosen.map(([component, c]) => {
    const ofRepo = all.filter((v) => v.repo.toLowerCase() === c.repo.toLowerCase());
    return {
      component,
      upstreamRepo: c.repo,
      file: c.file,
      pattern: c.pattern,
      accepted: accepted.get(c.repo.toLowerCase()) ?? null,
      notShipping: ofRepo.length > 0 && ofRepo.every((v) => v.notShipping),
    };
  });
}
