import type { ReleaseRow } from '../db/release-repository';
import { standingKey } from '../db/revision-repository';
import type { Store } from '../db/store';
import { missingGroupLine, type MissingRevisions } from '../domain/missing-revisions';
import { componentStanding, type ComponentStanding } from './component-standing';

/**
 * What status and the phase checklist say about revisions: the versions table's figures (see
 * getComponentVersions) without its rows, read in one short statement.
 */
export interface RevisionProgress {
  /** Working groups the table would list. */
  workingGroups: number;
  /** "Pipelines (kubeflow/kfp-tekton)": one line per working group still owing a revision. */
  missing: string[];
  missingRepos: MissingRevisions[];
  notShipping: ComponentStanding['notShipping'];
  held: number;
  pending: number;
  /** Each working group's repositories with components, and whether each has an accepted revision. */
  groups: ComponentStanding['groups'];
}

/** Where a release's revisions stand; inside one answer, worked out once. */
export function revisionProgress(store: Store, release: ReleaseRow): RevisionProgress {
  return store.remember(`revision-progress:${release.id}`, () => {
    const { accepted, held, pending } = store.revisions.standing(release.id);
    const workingGroups = store.workingGroups.list();
    const standing = componentStanding(workingGroups, store.workingGroups.skips(release.id), (wgId, repo) =>
      accepted.has(standingKey(wgId, repo)),
    );
    return {
      workingGroups: workingGroups.length,
      missing: standing.missingRepos.map(missingGroupLine),
      missingRepos: standing.missingRepos,
      notShipping: standing.notShipping,
      held,
      pending,
      groups: standing.groups,
    };
  });
}
