import type { Clock } from '../clock';
import { summarizeTeam, teamWarnings, type TeamSummary } from '../domain/team';
import type { Store } from '../db/store';
import { findRelease } from './find-release';

/** A release's team grouped by role (summarizeTeam, every working group listed); once per answer. */
export function teamSummary(store: Store, release: { id: number }): TeamSummary {
  return store.remember(`team:${release.id}`, () =>
    summarizeTeam(
      store.team.assignments(release.id),
      store.workingGroups.list().map((g) => g.name),
    ),
  );
}

/** The team of the named (or current) release, grouped by role, with the handbook's warnings. */
export function getReleaseTeam(
  deps: { store: Store; clock: Clock },
  version?: string,
): { version: string; summary: TeamSummary; warnings: string[]; empty: boolean } {
  const { store } = deps;
  const release = findRelease(deps, version);
  const assignments = store.team.assignments(release.id);
  const summary = summarizeTeam(
    assignments,
    store.workingGroups.list().map((g) => g.name),
  );
  const warnings =
    assignments.length === 0 ? [] : teamWarnings(summary, store.team.earlierTeams(release.startDate));
  return { version: release.version, summary, warnings, empty: assignments.length === 0 };
}
