import type { ComponentSkip, WorkingGroup } from '../db/working-group-repository';
import type { MissingRevisions } from '../domain/missing-revisions';
import { revisionTargets } from './revision-targets';

/** A component of a repository, and the release manager's mark when it does not ship this cycle. */
export interface StandingComponent {
  name: string;
  skip: ComponentSkip | null;
}

/** A repository a working group builds components from, and whether it has an accepted revision. */
export interface StandingRepository {
  repo: string;
  accepted: boolean;
  components: StandingComponent[];
}

/** Who owes a revision and which components do not ship: the versions table and status agree on it. */
export interface ComponentStanding {
  groups: { wg: WorkingGroup; complete: boolean; repos: StandingRepository[] }[];
  /** The repositories still without an accepted revision, by working group, with their shipping components. */
  missingRepos: MissingRevisions[];
  /** Components marked as not shipping in this release, and why. */
  notShipping: { component: string; wg: string; repo: string; reason: string }[];
}

type Targets = { repo: string; components: { name: string; id: number | undefined }[] }[];

// The configured working groups only change when they are synced, which makes new objects:
// each one's repositories with components are worked out once.
const targetsOf = new WeakMap<WorkingGroup, Targets>();

function componentTargets(wg: WorkingGroup): Targets {
  let targets = targetsOf.get(wg);
  if (!targets) {
    targets = revisionTargets(wg)
      .filter((t) => t.components.length > 0)
      .map((t) => ({
        repo: t.repo,
        components: t.components.map((name) => ({
          name,
          id: wg.components.find((c) => c.name === name && c.repo === t.repo)?.id,
        })),
      }));
    targetsOf.set(wg, targets);
  }
  return targets;
}

/**
 * Every working group's repositories with components, in configuration order: a repository is
 * missing while one of its shipping components has no accepted revision; a component the release
 * manager marked as not shipping owes nothing.
 */
export function componentStanding(
  workingGroups: readonly WorkingGroup[],
  skips: readonly ComponentSkip[],
  hasAccepted: (wgId: number, repo: string) => boolean,
): ComponentStanding {
  const skipOf = new Map(skips.map((s) => [s.componentId, s]));
  const missingRepos: MissingRevisions[] = [];
  const notShipping: ComponentStanding['notShipping'] = [];
  const groups = workingGroups.map((wg) => {
    const missing: MissingRevisions = { wg: wg.name, repos: [] };
    const repos = componentTargets(wg).map((target): StandingRepository => {
      const accepted = hasAccepted(wg.id, target.repo);
      const components = target.components.map((c) => ({
        name: c.name,
        skip: (c.id === undefined ? undefined : skipOf.get(c.id)) ?? null,
      }));
      const shipping = components.filter((c) => !c.skip).map((c) => c.name);
      if (!accepted && shipping.length > 0) missing.repos.push({ repo: target.repo, components: shipping });
      for (const c of components)
        if (c.skip)
          notShipping.push({ component: c.name, wg: wg.name, repo: target.repo, reason: c.skip.reason });
      return { repo: target.repo, accepted, components };
    });
    if (missing.repos.length > 0) missingRepos.push(missing);
    return { wg, complete: missing.repos.length === 0, repos };
  });
  return { groups, missingRepos, notShipping };
}
