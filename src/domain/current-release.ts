/** What the choice of a "current" release needs to know about each release. */
export interface ReleaseWindow {
  version: string;
  timeZone: string;
  status: 'active' | 'released' | 'cancelled';
  /** First day of the first phase and last day of the release_day phase, in the release's zone. */
  startsOn: string;
  releaseOn: string;
}

/**
 * The release people mean when they name none: the active release whose cycle contains today,
 * else the next one to start, else the one released most recently.
 */
export function pickCurrentRelease<T extends ReleaseWindow>(
  releases: T[],
  todayIn: (zone: string) => string,
): T | null {
  const live = releases.filter((r) => r.status !== 'cancelled');
  const running = live.filter((r) => {
    const today = todayIn(r.timeZone);
    return r.status === 'active' && r.startsOn <= today && today <= r.releaseOn;
  });
  if (running.length > 0) return running.sort((a, b) => a.releaseOn.localeCompare(b.releaseOn))[0] ?? null;
  const upcoming = live
    .filter((r) => r.startsOn > todayIn(r.timeZone))
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  if (upcoming.length > 0) return upcoming[0] ?? null;
  const past = [...live].sort((a, b) => b.releaseOn.localeCompare(a.releaseOn));
  return past[0] ?? null;
}
