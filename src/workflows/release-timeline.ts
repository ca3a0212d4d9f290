import type { Clock } from '../clock';
import { timelineSlip } from '../domain/timeline';
import type { Store } from '../db/store';
import type { ActualDate } from '../domain/actuals';
import { currentPlan } from './current-plan';
import { findRelease } from './find-release';

export interface DatedItem {
  key: string;
  name: string;
  /** The first plan's date(s). */
  planned: { startsOn: string; endsOn: string };
  /** The latest plan's date(s); equal to planned when never re-planned. */
  current: { startsOn: string; endsOn: string };
  slipDays: number;
}

/** How the release manager moved a release into a phase (`/kfrelease phase advance`). */
export interface PhaseEntry {
  onDate: string;
  /** Days before its planned start; 0 when it was due anyway. */
  daysEarly: number;
  by: string;
  reason: string;
  unmet: number;
}

/** Every phase and milestone of a release with its first-plan and latest dates. */
export interface ReleaseTimelineView {
  version: string;
  timeZone: string;
  template: string;
  planRevision: number;
  replannedAt: string | null;
  /** Why the latest plan was made, when it is a re-plan. */
  replanReason: string | null;
  phases: (DatedItem & { entered: PhaseEntry | null })[];
  /** `current` is the day it was done once kfrelease knows it (`done`), else the latest plan's. */
  milestones: (DatedItem & {
    owner: string;
    optional: boolean;
    artifact: string | null;
    done: ActualDate | null;
  })[];
}

/** The timeline of the named (or current) release, planned against re-planned. */
export function getReleaseTimeline(
  deps: { store: Store; clock: Clock },
  version?: string,
): ReleaseTimelineView {
  const release = findRelease(deps, version);
  const latest = currentPlan(deps.store, release);
  const first = { timeline: latest.first };
  const entered = new Map(
    deps.store.phaseControl
      .transitions(release.id)
      .map((t) => [
        t.toPhase,
        { onDate: t.onDate, daysEarly: t.daysEarly, by: t.actor, reason: t.reason, unmet: t.unmet.length },
      ]),
  );
  const slip = new Map(
    timelineSlip(first.timeline, latest.timeline).map((s) => [`${s.kind}:${s.key}`, s.slipDays]),
  );
  return {
    version: release.version,
    timeZone: release.timeZone,
    template: release.template,
    planRevision: latest.revision,
    replannedAt: latest.revision > 1 ? latest.createdAt : null,
    replanReason: latest.revision > 1 ? latest.reason : null,
    phases: latest.timeline.phases.map((phase) => {
      const planned = first.timeline.phases.find((p) => p.key === phase.key) ?? phase;
      return {
        key: phase.key,
        name: phase.name,
        planned: { startsOn: planned.startsOn, endsOn: planned.endsOn },
        current: { startsOn: phase.startsOn, endsOn: phase.endsOn },
        slipDays: slip.get(`phase:${phase.key}`) ?? 0,
        entered: entered.get(phase.key) ?? null,
      };
    }),
    milestones: latest.timeline.milestones.map((m) => {
      const planned = first.timeline.milestones.find((p) => p.key === m.key) ?? m;
      return {
        key: m.key,
        name: m.name,
        owner: m.owner,
        optional: m.optional,
        artifact: m.artifact,
        planned: { startsOn: planned.dueOn, endsOn: planned.dueOn },
        current: { startsOn: m.dueOn, endsOn: m.dueOn },
        slipDays: slip.get(`milestone:${m.key}`) ?? 0,
        done: m.done,
      };
    }),
  };
}
