import { DateTime } from 'luxon';
import type { MilestoneDate, PhaseDates, Timeline } from './timeline';

/** How kfrelease knows a milestone was done: its tag on the manifests repository, or the release manager. */
export interface ActualDate {
  /** Calendar date (YYYY-MM-DD) in the release's zone. */
  doneOn: string;
  source: 'tag' | 'manual';
  /** The branch or tag it was read from. */
  ref: string | null;
}

/** A milestone of the plan as it happened: `done` when kfrelease knows the day it was done. */
export type ActualMilestone = MilestoneDate & { done: ActualDate | null };

/** A plan with what actually happened laid over it (see withActuals). */
export interface ActualTimeline extends Timeline {
  milestones: ActualMilestone[];
}

const addDays = (date: string, days: number): string =>
  DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() ?? date;
const daysBetween = (from: string, to: string): number =>
  DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days;

/**
 * The plan as it happened: every milestone kfrelease knows was done sits on the day it was done
 * (so it is no longer "next", and its slip against the first plan is the real one). When release
 * day itself came early or late, Release Day and what follows move with it, and the phases that
 * would have run past it end the day before. Nothing else moves: the rest is still the plan.
 */
export function withActuals(timeline: Timeline, actuals: ReadonlyMap<string, ActualDate>): ActualTimeline {
  const planned = timeline.milestones.find((m) => m.key === 'release');
  const shipped = actuals.get('release');
  const phases =
    planned && shipped ? moveReleaseDay(timeline.phases, planned.dueOn, shipped.doneOn) : timeline.phases;
  const milestones = timeline.milestones
    .map((m, order) => {
      const done = actuals.get(m.key) ?? null;
      return { order, milestone: { ...m, dueOn: done?.doneOn ?? m.dueOn, done } };
    })
    .sort((a, b) => a.milestone.dueOn.localeCompare(b.milestone.dueOn) || a.order - b.order)
    .map(({ milestone }) => milestone);
  return { ...timeline, phases, milestones };
}

function moveReleaseDay(phases: PhaseDates[], plannedOn: string, shippedOn: string): PhaseDates[] {
  const days = daysBetween(plannedOn, shippedOn);
  if (days === 0) return phases;
  const releasePhase =
    phases.find((p) => p.key === 'release_day') ??
    phases.find((p) => p.startsOn <= plannedOn && plannedOn <= p.endsOn);
  if (!releasePhase) return phases;
  const from = releasePhase.startsOn;
  const newStart = addDays(from, days);
  return phases.map((p) => {
    if (p.startsOn >= from)
      return { ...p, startsOn: addDays(p.startsOn, days), endsOn: addDays(p.endsOn, days) };
    if (p.endsOn < addDays(from, -1)) return p;
    // A phase that ran up to release day runs up to the day it really came, never past it.
    const endsOn = addDays(newStart, -1);
    return { ...p, endsOn: endsOn < addDays(p.startsOn, -1) ? addDays(p.startsOn, -1) : endsOn };
  });
}
