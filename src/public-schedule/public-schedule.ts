import { DateTime } from 'luxon';
import type { Clock } from '../clock';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import type { ReleaseTemplate } from '../domain/release-template';
import { cycleWeek, lastDayOf, phasesOn } from '../domain/timeline';
import { currentPlan } from '../workflows/current-plan';
import { parseVersion } from '../domain/version';
import { getComponentVersions } from '../workflows/component-versions';
import { getReleaseTimeline } from '../workflows/release-timeline';
import {
  publicFeatures,
  publicMeetings,
  publicRcTags,
  type PublicMeetings,
  type PublicRcTag,
} from './public-schedule-extras';

export interface ScheduleDeps {
  store: Store;
  clock: Clock;
  templates: Map<string, ReleaseTemplate>;
}

export interface PublicDates {
  /** Calendar dates (YYYY-MM-DD) in the release's time zone, inclusive. */
  startsOn: string;
  endsOn: string;
}

export interface PublicPhase {
  key: string;
  name: string;
  /** As first planned. */
  planned: PublicDates;
  /** As planned now; equal to `planned` unless re-planned. */
  current: PublicDates;
  slipDays: number;
}

export interface PublicMilestone {
  key: string;
  name: string;
  owner: string;
  optional: boolean;
  /** The branch or tag it produces, e.g. v1.11.0-rc.1. */
  artifact: string | null;
  plannedOn: string;
  /** The day it was done once known (its tag found, or recorded), else the day it is planned for now. */
  dueOn: string;
  /** Set once it was done. */
  doneOn: string | null;
  slipDays: number;
}

export interface PublicComponent {
  workingGroup: string;
  component: string;
  repository: string;
  /** The accepted revision that ships, or null while the working group still owes one. */
  revision: string | null;
  version: string | null;
  commit: string | null;
}

/** A landed feature as the public sees it: no people, no docs status, no reasons. */
export interface PublicFeature {
  workingGroup: string;
  title: string;
  url: string;
}

/**
 * Everything the public schedule shows about one release. Only what is public on GitHub anyway:
 * no Slack IDs, names of submitters, notes, decisions or plan reasons.
 */
export interface PublicSchedule extends PublicReleaseSummary {
  template: { key: string; name: string };
  /** Today in the release's time zone, and the cycle week it falls in. */
  today: string;
  week: number;
  plan: { revision: number; replannedOn: string | null };
  phases: PublicPhase[];
  milestones: PublicMilestone[];
  components: PublicComponent[];
  rcTags: PublicRcTag[];
  meetings: PublicMeetings | null;
  /** Landed features, titles and links only; null when the release manager hides them. */
  features: PublicFeature[] | null;
  /** When this was put together (UTC), for DTSTAMP and caches. */
  generatedAt: string;
}

/** What the list of releases and each release's own schedule both say about it, alike. */
export interface PublicReleaseSummary {
  version: string;
  /** live, closed or cancelled. */
  status: ReleaseRow['status'];
  timeZone: string;
  /** The first day of week 1. */
  startDate: string;
  /** Release day: the day it shipped once known, else as planned now. */
  releaseOn: string | null;
  /** Set once the release shipped. */
  shippedOn: string | null;
  /** First and last day of the whole cycle, Preparation to Post Release. */
  cycle: PublicDates;
  /** Keys of the phases it is in today, and their names. */
  currentPhases: string[];
  currentPhaseNames: string[];
}

/** The summary of one release, the same in the list and in its own schedule. */
function summaryOf(deps: ScheduleDeps, release: ReleaseRow): PublicReleaseSummary {
  const today = deps.clock.now().setZone(release.timeZone).toISODate() ?? '';
  const timeline = deps.store.releases.latestPlan(release) ? currentPlan(deps.store, release).timeline : null;
  const releaseDay = timeline?.milestones.find((m) => m.key === 'release');
  return {
    version: release.version,
    status: release.status,
    timeZone: release.timeZone,
    startDate: release.startDate,
    releaseOn: releaseDay?.dueOn ?? null,
    shippedOn: releaseDay?.done?.doneOn ?? null,
    cycle: {
      startsOn: timeline?.phases[0]?.startsOn ?? release.startDate,
      endsOn: timeline ? lastDayOf(timeline) : release.startDate,
    },
    currentPhases: (timeline ? phasesOn(timeline, today) : []).map((p) => p.key),
    currentPhaseNames: (timeline ? phasesOn(timeline, today) : []).map((p) => p.name),
  };
}

/** The release a path names (v1.11.0, 1.11.0 and V1.11.0 alike), or null. */
export function findPublicRelease(store: Store, raw: string): ReleaseRow | null {
  const parsed = parseVersion(raw);
  return parsed.ok ? store.releases.findByVersion(parsed.version.canonical) : null;
}

/** Every release with its span and the phases it is in today, oldest first. */
export function listPublicReleases(deps: ScheduleDeps): PublicReleaseSummary[] {
  return deps.store.releases.list().map((release) => summaryOf(deps, release));
}

/** The public schedule of one release. */
export function getPublicSchedule(deps: ScheduleDeps, release: ReleaseRow): PublicSchedule {
  const timeline = getReleaseTimeline(deps, release.version);
  const versions = getComponentVersions(deps, release.version);
  const now = deps.clock.now();
  const today = now.setZone(release.timeZone).toISODate() ?? '';
  const replannedOn = timeline.replannedAt
    ? DateTime.fromISO(timeline.replannedAt, { zone: 'utc' }).setZone(release.timeZone).toISODate()
    : null;
  const phases = timeline.phases.map((p) => ({
    key: p.key,
    name: p.name,
    planned: p.planned,
    current: p.current,
    slipDays: p.slipDays,
  }));
  return {
    ...summaryOf(deps, release),
    template: { key: release.template, name: deps.templates.get(release.template)?.name ?? release.template },
    today,
    week: cycleWeek(release.startDate, today),
    plan: { revision: timeline.planRevision, replannedOn },
    phases,
    milestones: timeline.milestones.map((m) => ({
      key: m.key,
      name: m.name,
      owner: m.owner,
      optional: m.optional,
      artifact: m.artifact,
      plannedOn: m.planned.startsOn,
      dueOn: m.current.startsOn,
      doneOn: m.done?.doneOn ?? null,
      slipDays: m.slipDays,
    })),
    components: versions.groups.flatMap((group) =>
      group.components.map((c) => ({
        workingGroup: group.wg,
        component: c.component,
        repository: c.repo,
        revision: c.accepted?.revision ?? null,
        version: c.accepted?.version ?? null,
        commit: c.accepted?.commitSha ?? null,
      })),
    ),
    rcTags: publicRcTags(deps, release),
    meetings: publicMeetings(deps, release),
    features: publicFeatures(deps, release),
    generatedAt: now.toUTC().toISO() ?? '',
  };
}
