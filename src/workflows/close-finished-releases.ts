import type { Clock } from '../clock';
import type { Store } from '../db/store';
import { lastDayOf, localDate } from '../domain/timeline';

/**
 * Marks released every active release whose cycle is over: the last day of its latest plan (the
 * end of Post Release: patch releases, retrospective, hand-over) has passed in its time zone.
 * From then on the scheduler and the upkeep leave it alone, so GitHub is no longer asked about
 * its tags and issues every ten minutes; `status`, `timeline`, `retro` and `patch` still answer
 * for it by version. Recorded in the audit log. Answers the versions closed.
 */
export function closeFinishedReleases(deps: { store: Store; clock: Clock }): string[] {
  const { store, clock } = deps;
  const closed: string[] = [];
  for (const release of store.releases.list()) {
    if (release.status !== 'live') continue;
    const plan = store.releases.latestPlan(release);
    if (!plan) continue;
    const lastDay = lastDayOf(plan.timeline);
    if (localDate(clock.now(), release.timeZone) <= lastDay) continue;
    const at = clock.now().toUTC().toISO() ?? '';
    const done = store.transaction(() => {
      const record = { at, by: 'kfrelease', reason: 'its cycle is over' };
      if (!store.releases.setStatus(release.id, 'live', 'closed', record)) return false;
      store.audit.record({
        at,
        actor: 'kfrelease',
        releaseId: release.id,
        action: 'release.closed',
        details: { status: 'closed', lastDay },
      });
      return true;
    });
    if (done) closed.push(release.version);
  }
  return closed;
}
