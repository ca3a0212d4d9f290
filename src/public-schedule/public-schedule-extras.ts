import type { ReleaseRow } from '../db/release-repository';
import { seriesDates } from '../domain/due-occurrences';
import { meetingMoment, weekdayName } from '../domain/meeting-schedule';
import type { ArtifactState } from '../domain/rc-tags';
import { rcStatus } from '../workflows/rc-status';
import type { PublicFeature, ScheduleDeps } from './public-schedule';
import { currentPlan } from '../workflows/current-plan';

/** The release branch, an RC tag or the final tag, planned and as found on GitHub. */
export interface PublicRcTag {
  key: string;
  name: string;
  kind: 'branch' | 'tag';
  /** The name the plan expects, e.g. v1.11.0-rc.1. */
  expected: string | null;
  dueOn: string | null;
  optional: boolean;
  state: ArtifactState;
  daysLate: number;
  /** As found in the manifests repository, or null while not found. */
  found: { name: string; commit: string; committedAt: string | null } | null;
}

/** The weekly release team meeting, when one is set up. */
export interface PublicMeetings {
  weekday: string;
  /** Local time, HH:MM, in `zone`. */
  time: string;
  zone: string;
  /** Every meeting of the cycle: its date in `zone` and its start in UTC. */
  occurrences: { date: string; startsAt: string }[];
}

/** Where the branch and the tags stand; nothing of who noted what. */
export function publicRcTags(deps: ScheduleDeps, release: ReleaseRow): PublicRcTag[] {
  return rcStatus(deps, release.version).artifacts.map((a) => ({
    key: a.key,
    name: a.name,
    kind: a.kind,
    expected: a.expected,
    dueOn: a.dueOn,
    optional: a.optional,
    state: a.state,
    daysLate: a.daysLate,
    found: a.found
      ? { name: a.found.name, commit: a.found.commitSha, committedAt: a.found.commitDate }
      : null,
  }));
}

/** The meeting series over the whole cycle; its channel and notes stay private. */
export function publicMeetings(deps: ScheduleDeps, release: ReleaseRow): PublicMeetings | null {
  const meeting = deps.store.meetings.meeting(release.id);
  if (!meeting || !deps.store.releases.latestPlan(release)) return null;
  const plan = currentPlan(deps.store, release);
  const dates = seriesDates({ timeline: plan.timeline, meeting: { ...meeting, since: deps.clock.now() } });
  return {
    weekday: weekdayName(meeting.weekday),
    time: meeting.time,
    zone: meeting.zone,
    occurrences: dates.map((date) => ({
      date,
      startsAt: meetingMoment(meeting, date).toUTC().toISO() ?? '',
    })),
  };
}

/** The release's landed features (titles and links), unless the release manager hid them. */
export function publicFeatures(deps: ScheduleDeps, release: ReleaseRow): PublicFeature[] | null {
  if (!deps.store.features.publicLanded(release.id)) return null;
  return deps.store.features
    .forRelease(release.id)
    .filter((f) => f.state === 'landed')
    .map((f) => ({ workingGroup: f.wg, title: f.title, url: f.url }));
}
