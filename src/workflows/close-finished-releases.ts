import type { Clock } from '../clock';
import type { Store } from '../db/store';
import { daysUntil, lastDayOf, localDate } from '../domain/timeline';
import { currentPlan } from './current-plan';
import { announceDecision } from './decision-log';

/** Weeks after the end of Post Release that a release nobody closed is closed by kfrelease. */
export const AUTO_CLOSE_WEEKS = 4;

/**
 * Closes every live release that nobody closed, four weeks after the last day of its plan as it
 * stands (the end of Post Release, which moves with the real release day): patch releases,
 * retrospective and hand-over have had their time. From then on the scheduler and the upkeep
 * leave it alone; it stays readable by version. Recorded in the audit log and told in the release
 * channel. Only `release close` and `release cancel` end a release earlier. Answers the versions
 * closed.
 */
export function closeFinishedReleases(deps: { store: Store; clock: Clock }): string[] {
  const { store, clock } = deps;
  const closed: string[] = [];
  for (const release of store.releases.list()) {
    if (release.status !== 'live' || !store.releases.latestPlan(release)) continue;
    const lastDay = lastDayOf(currentPlan(store, release).timeline);
    if (daysUntil(lastDay, localDate(clock.now(), release.timeZone)) <= AUTO_CLOSE_WEEKS * 7) continue;
    const at = clock.now().toUTC().toISO() ?? '';
    const done = store.transaction(() => {
      const record = { at, by: 'kfrelease', reason: null };
      if (!store.releases.setStatus(release.id, 'live', 'closed', record)) return false;
      const entry = {
        at,
        actor: 'kfrelease',
        action: 'release.closed',
        details: { status: 'closed', lastDay },
      };
      store.audit.record({ ...entry, releaseId: release.id });
      announceDecision(store, release, entry);
      return true;
    });
    if (done) closed.push(release.version);
  }
  return closed;
}
