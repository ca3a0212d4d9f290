import type { DateTime } from 'luxon';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { selectDue, type DueSelection, type ReleaseSchedule } from '../domain/due-occurrences';
import { loadReleaseSchedule, occurrencesOf } from './release-schedule';

/** What is due for one release at one instant. */
export interface ReleaseDue extends DueSelection {
  release: ReleaseRow;
  schedule: ReleaseSchedule;
}

/**
 * What every active release has due at `at` and not yet done, computed from the database and
 * the instant alone (never from what the cron library remembers): occurrences to run now, and
 * those whose time has passed while kfrelease was down, to skip. Reads only.
 */
export function computeDue(deps: { store: Store }, at: DateTime): ReleaseDue[] {
  const due: ReleaseDue[] = [];
  for (const release of deps.store.releases.list()) {
    if (release.status !== 'live') continue;
    const schedule = loadReleaseSchedule(deps.store, release);
    if (!schedule) continue;
    const selection = selectDue(
      schedule,
      at,
      deps.store.jobRuns.doneKeys(release.id),
      occurrencesOf(schedule),
    );
    if (selection.run.length > 0 || selection.skip.length > 0) due.push({ release, schedule, ...selection });
  }
  return due;
}
