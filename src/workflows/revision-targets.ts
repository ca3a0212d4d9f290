import type { Clock } from '../clock';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import type { WorkingGroup } from '../db/working-group-repository';
import { authorityOf, refuse } from './authority';
import { todayIn } from './today-in';

/** One repository a working group hands a revision for, with the components built from it. */
export interface RevisionTarget {
  repo: string;
  components: string[];
}

/** The repositories of a working group a revision can be submitted for, components first. */
export function revisionTargets(wg: WorkingGroup): RevisionTarget[] {
  const targets = new Map<string, string[]>();
  for (const c of wg.components) targets.set(c.repo, [...(targets.get(c.repo) ?? []), c.name]);
  for (const repo of wg.repos) if (!targets.has(repo)) targets.set(repo, []);
  return [...targets].map(([repo, components]) => ({ repo, components }));
}

/**
 * The working groups a user may submit revisions for: the ones they are a liaison of; every one
 * for the release manager and admins. Refuses people with none, naming who may.
 */
export function submittableWorkingGroups(
  deps: { store: Store; admins: string[] },
  release: ReleaseRow,
  userId: string,
): WorkingGroup[] {
  const authority = authorityOf(deps, release, userId);
  const all = deps.store.workingGroups.list();
  const allowed = authority.steers ? all : all.filter((g) => authority.liaisonOf.includes(g.name));
  if (allowed.length === 0) {
    refuse(
      `submit git revisions for ${release.version}`,
      "a working group's liaisons, the release manager or an admin",
    );
  }
  return allowed;
}

/** True from the first day of Feature Freeze (in the release's time zone) on. */
export function freezeStarted(deps: { store: Store; clock: Clock }, release: ReleaseRow): boolean {
  const plan = deps.store.releases.latestPlan(release);
  const freeze = plan?.timeline.phases.find((p) => p.key === 'feature_freeze');
  if (!freeze) return false;
  return todayIn(deps, release.timeZone) >= freeze.startsOn;
}
