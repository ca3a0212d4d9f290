/** What the choice of a release needs to know about each one. */
export interface ReleaseWindow {
  version: string;
  timeZone: string;
  status: 'live' | 'closed' | 'cancelled';
  /** The channel the release is bound to (where it was created, or `release channel`). */
  slackChannel: string | null;
  /** First day of the first phase (Preparation), first day of week 1, release day, and the last day of the plan. */
  startsOn: string;
  week1On: string;
  releaseOn: string;
  endsOn: string;
}

/** How a release was chosen for a command that named none. */
export type ReleaseChoice<T> = {
  release: T;
  /** `channel`: bound to the channel the command came from; `today`: its cycle contains today; `recent`: the latest live one. */
  how: 'channel' | 'today' | 'recent';
  /** The other live releases it could have been: worth telling, so nobody acts on the wrong one. */
  others: T[];
};

/**
 * The release people mean when they name none. A release is live from creation until it is closed
 * or cancelled, through Post Release, and several can be live at once. In this order: the live
 * release bound to the channel the command came from; otherwise the live release whose cycle
 * (first to last day of its plan) contains today; otherwise the live one that started last. When
 * several qualify, the one in its main stretch (week 1 to release day) comes first, then the one
 * whose release day is nearest to today.
 */
export function pickRelease<T extends ReleaseWindow>(
  releases: readonly T[],
  where: { todayIn: (zone: string) => string; channel?: string | null },
): ReleaseChoice<T> | null {
  const live = releases.filter((r) => r.status === 'live');
  const choose = (candidates: T[], how: ReleaseChoice<T>['how']): ReleaseChoice<T> | null => {
    const [release] = [...candidates].sort((a, b) => rank(a, where.todayIn) - rank(b, where.todayIn));
    return release ? { release, how, others: live.filter((r) => r !== release) } : null;
  };
  const bound = where.channel ? live.filter((r) => r.slackChannel === where.channel) : [];
  const inCycle = (r: T) => {
    const today = where.todayIn(r.timeZone);
    return r.startsOn <= today && today <= r.endsOn;
  };
  return (
    choose(bound, 'channel') ??
    choose(live.filter(inCycle), 'today') ??
    choose([...live].sort((a, b) => b.startsOn.localeCompare(a.startsOn)).slice(0, 1), 'recent')
  );
}

/** Lower first: a release between week 1 and release day, then the one whose release day is nearest. */
function rank(release: ReleaseWindow, todayIn: (zone: string) => string): number {
  const today = todayIn(release.timeZone);
  const running = release.week1On <= today && today <= release.releaseOn ? 0 : 1;
  return running * 1e9 + Math.abs(dayNumber(release.releaseOn) - dayNumber(today));
}

const dayNumber = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;
