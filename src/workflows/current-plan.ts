import type { ReleaseArtifactRow } from '../db/rc-tag-repository';
import type { PlanInfo, ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { withActuals, type ActualDate, type ActualTimeline } from '../domain/actuals';
import { localDateOfInstant, type Timeline } from '../domain/timeline';

/** The day a branch or tag counts as cut: its commit's (a lightweight tag has no date of its own), else first seen. */
export function artifactDate(
  row: Pick<ReleaseArtifactRow, 'commitDate' | 'firstSeenAt'>,
  zone: string,
): string {
  const date =
    localDateOfInstant(row.commitDate ?? row.firstSeenAt, zone) ?? localDateOfInstant(row.firstSeenAt, zone);
  if (date === null) throw new Error(`Cannot place ${row.firstSeenAt} in time zone "${zone}".`);
  return date;
}

/**
 * What actually happened, milestone by milestone: the release branch and tags found on the
 * manifests repository, and the dates the release manager recorded (which win over a tag's).
 */
export function actualDates(store: Store, release: ReleaseRow): Map<string, ActualDate> {
  const dates = new Map<string, ActualDate>();
  for (const row of store.rcTags.forRelease(release.id)) {
    dates.set(row.milestone, { doneOn: artifactDate(row, release.timeZone), source: 'tag', ref: row.name });
  }
  for (const actual of store.actuals.forRelease(release.id)) {
    if (actual.source === 'manual' || !dates.has(actual.milestone))
      dates.set(actual.milestone, { doneOn: actual.doneOn, source: actual.source, ref: actual.ref });
  }
  return dates;
}

/** A release's plan as it stands: the latest plan, what actually happened laid over it, and the first plan. */
export interface CurrentPlan extends PlanInfo {
  /** The latest plan with the actual dates (withActuals): what to show and count slip with. */
  timeline: ActualTimeline;
  /** The latest plan as planned, for re-planning and for what is still to come. */
  planned: Timeline;
  first: Timeline;
  actuals: Map<string, ActualDate>;
}

/** The plan of a release as it stands now (see CurrentPlan); throws when the release has none. */
export function currentPlan(store: Store, release: ReleaseRow): CurrentPlan {
  const latest = store.releases.latestPlan(release);
  const first = store.releases.firstPlan(release);
  if (!latest || !first) throw new Error(`release ${release.version} has no plan`);
  const actuals = actualDates(store, release);
  return {
    ...latest,
    timeline: withActuals(latest.timeline, actuals),
    planned: latest.timeline,
    first: first.timeline,
    actuals,
  };
}

/** The day a release actually shipped, when kfrelease knows it. */
export function shippedOn(store: Store, release: ReleaseRow): ActualDate | null {
  return actualDates(store, release).get('release') ?? null;
}
