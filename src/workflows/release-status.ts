import type { Clock } from '../clock';
import type { TeamAssignment } from '../domain/team';
import { cycleWeek, daysUntil, lastDayOf, phasesOn, timelineSlip, type PhaseDates } from '../domain/timeline';
import type { Store } from '../db/store';
import { dependencySummary } from './dependency-matrix';
import { currentPlan } from './current-plan';
import { findRelease } from './find-release';
import type { ActualDate } from '../domain/actuals';
import type { ReleaseRow } from '../db/release-repository';
import type { BlockerCounts } from '../domain/blocker-triage';
import { blockerSummary } from './list-blockers';
import { rcSummary } from './rc-status';
import { revisionProgress } from './revision-progress';
import { signoffSummary } from './signoff-matrix';
import { teamSummary } from './release-team';
import { todayIn } from './today-in';

export interface MilestoneStatus {
  key: string;
  name: string;
  dueOn: string;
  daysLeft: number;
  owner: string;
  artifact: string | null;
  /** Days later than the first plan (negative: earlier). */
  slipDays: number;
  /** Set once it was actually done: the day, and how kfrelease knows. */
  done: ActualDate | null;
}

export interface PersonRef {
  name: string;
  slackId: string | null;
}

/** Where a release stands today, for `/kfrelease status` and `kfrelease status --json`. */
export interface ReleaseStatus {
  version: string;
  template: string;
  timeZone: string;
  channel: string | null;
  /** live, closed or cancelled; when and why it was closed or cancelled. */
  state: ReleaseRow['status'];
  closed: { at: string; by: string; reason: string | null } | null;
  today: string;
  /** The first day of week 1. */
  week1StartsOn: string;
  week: number;
  releaseWeek: number;
  phases: PhaseDates[];
  /** Set before the first phase starts or after the last one ends. */
  outside: 'before' | 'after' | null;
  nextMilestone: MilestoneStatus | null;
  release: MilestoneStatus | null;
  planRevision: number;
  /** The versions table in one line: who has handed over revisions. */
  revisions: {
    freeze: boolean;
    complete: number;
    total: number;
    /** "Pipelines (kubeflow/kfp-tekton)": the repositories still owing a revision, by working group. */
    missing: string[];
    /** "Kubeflow Tekton Pipelines (Pipelines)": components marked as not shipping this cycle. */
    notShipping: string[];
    held: number;
    pending: number;
  };
  /** Open blocking issues by working group, RC tags and distribution sign-offs, one line each. */
  blockers: BlockerCounts[];
  rcs: string;
  signoffs: string;
  /** Who has not declared expected versions and dependency ranges; null before Feature Freeze. */
  dependencies?: string | null;
  team: {
    releaseManagers: PersonRef[];
    docsLeads: PersonRef[];
    docsLeadImplied: boolean;
    productManagers: PersonRef[];
    liaisonsCovering: number;
    workingGroups: number;
    distributionReps: number;
  };
}

const person = (a: TeamAssignment): PersonRef => ({ name: a.name, slackId: a.slackId });

/** Assembles the status of the named release, or of the current one. */
export function getReleaseStatus(deps: { store: Store; clock: Clock }, version?: string): ReleaseStatus {
  return deps.store.readOnce(() => assembleStatus(deps, version));
}

function assembleStatus(deps: { store: Store; clock: Clock }, version?: string): ReleaseStatus {
  const { store } = deps;
  const release = findRelease(deps, version);
  const latest = currentPlan(store, release);
  const first = { timeline: latest.first };
  const timeline = latest.timeline;
  const today = todayIn(deps, release.timeZone);
  const slips = new Map(
    timelineSlip(first.timeline, timeline)
      .filter((s) => s.kind === 'milestone')
      .map((s) => [s.key, s.slipDays]),
  );
  const toStatus = (m: (typeof timeline.milestones)[number] | null | undefined): MilestoneStatus | null =>
    m
      ? {
          key: m.key,
          name: m.name,
          dueOn: m.dueOn,
          daysLeft: daysUntil(today, m.dueOn),
          owner: m.owner,
          artifact: m.artifact,
          slipDays: slips.get(m.key) ?? 0,
          done: m.done,
        }
      : null;
  const releaseMilestone = timeline.milestones.find((m) => m.key === 'release');
  const firstDay = timeline.phases[0]?.startsOn ?? release.startDate;
  const lastDay = lastDayOf(timeline);
  const team = teamSummary(store, release);
  const revisions = revisionProgress(store, release);
  const freeze = latest.planned.phases.find((p) => p.key === 'feature_freeze');
  return {
    version: release.version,
    template: release.template,
    timeZone: release.timeZone,
    channel: release.slackChannel,
    state: release.status,
    closed:
      release.closedAt && release.closedBy
        ? { at: release.closedAt, by: release.closedBy, reason: release.closeReason }
        : null,
    today,
    week1StartsOn: release.startDate,
    week: cycleWeek(release.startDate, today),
    releaseWeek: releaseMilestone ? cycleWeek(release.startDate, releaseMilestone.dueOn) : 0,
    phases: phasesOn(timeline, today),
    outside: today < firstDay ? 'before' : today > lastDay ? 'after' : null,
    // What is still to come: a milestone already done (its tag found early, say) is not next.
    nextMilestone: toStatus(timeline.milestones.find((m) => !m.done && m.dueOn >= today)),
    release: toStatus(releaseMilestone),
    planRevision: latest.revision,
    revisions: {
      // From the first day of Feature Freeze on (see freezeStarted).
      freeze: freeze !== undefined && today >= freeze.startsOn,
      complete: revisions.workingGroups - revisions.missing.length,
      total: revisions.workingGroups,
      missing: revisions.missing,
      notShipping: revisions.notShipping.map((c) => `${c.component} (${c.wg})`),
      held: revisions.held,
      pending: revisions.pending,
    },
    blockers: blockerSummary(deps, release.id),
    rcs: rcSummary(deps, release).text,
    signoffs: signoffSummary(deps, release.id).text,
    dependencies: dependencySummary(deps, release)?.text ?? null,
    team: {
      releaseManagers: team.releaseManagers.map(person),
      docsLeads: team.docsLeads.map(person),
      docsLeadImplied: team.docsLeadImplied,
      productManagers: team.productManagers.map(person),
      liaisonsCovering: team.byWorkingGroup.filter((g) => g.liaisons.length > 0).length,
      workingGroups: team.byWorkingGroup.length,
      distributionReps: team.byDistribution.length,
    },
  };
}
