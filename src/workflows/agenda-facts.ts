import type { DateTime } from 'luxon';
import type { Clock } from '../clock';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { standingItemsFor, type AgendaFacts, type PersonRef } from '../domain/agenda';
import type { AgendaItemsConfig } from '../domain/agenda-items-schema';
import { featuresByWg } from '../domain/features';
import { previousMeetingOn, seriesDates } from '../domain/due-occurrences';
import { addDays, meetingMoment, nextMeetingDate } from '../domain/meeting-schedule';
import { cycleWeek, phasesOn } from '../domain/timeline';
import { UserError } from '../errors';
import { gatherAgendaExtras } from './agenda-extras';
import { getComponentVersions } from './component-versions';
import { dependencyStanding } from './dependency-matrix';
import { shippedAgendaItems } from './load-agenda-items';
import { noteTakerOn } from './note-takers';
import { phasesEndedUnmet } from './phase-ends';
import { loadReleaseSchedule } from './release-schedule';
import { md } from '../text/mrkdwn';

export type AgendaDeps = { store: Store; clock: Clock; agendaItems?: AgendaItemsConfig };

/** How many upcoming milestones an agenda lists. */
const MILESTONES_SHOWN = 3;

/** A Slack user as the agenda names them: their name from the team when known. */
export function personOf(store: Store, releaseId: number, slackId: string): PersonRef {
  const known = store.team.assignments(releaseId).find((a) => a.slackId === slackId);
  return { name: known?.name ?? slackId, slackId };
}

/** The Git revisions section, from Feature Freeze on: repositories still owed, components not shipping. */
function revisionFacts(
  deps: AgendaDeps,
  release: ReleaseRow,
  frozen: boolean,
): Pick<AgendaFacts, 'missingRevisions' | 'notShipping'> {
  if (!frozen) return { missingRevisions: null };
  const view = getComponentVersions(deps, release.version);
  return {
    missingRevisions: view.missing,
    notShipping: view.notShipping.map((c) => `${c.component} (${c.wg})`),
  };
}

/** The release's at-risk features per working group, as agenda lines. */
function featuresAtRisk(store: Store, release: ReleaseRow): { wg: string; items: string[] }[] {
  const atRisk = store.features.forRelease(release.id).filter((f) => f.state === 'at_risk');
  return featuresByWg(
    atRisk,
    store.workingGroups.list().map((g) => g.name),
  ).map((g) => ({
    wg: g.wg,
    items: g.features.map((f) => `#${f.id} ${f.title} (${f.ref}${f.kept ? ', kept' : ''})`),
  }));
}

/**
 * The facts of the agenda of the next meeting after `at` (or of the meeting on `meetingOn`),
 * from live state: phase and week of the meeting date, the next milestones, the WGs without a
 * revision (from the freeze on), the optional sections, the open action items and those done
 * since the previous meeting, the note-taker, and the standing items for the phase.
 */
export function gatherAgendaFacts(
  deps: AgendaDeps,
  release: ReleaseRow,
  at: DateTime,
  meetingOn?: string,
): AgendaFacts {
  const { store } = deps;
  const schedule = loadReleaseSchedule(store, release);
  const meeting = schedule?.meeting;
  if (!schedule || !meeting) {
    throw new UserError(
      'not_found',
      md`${release.version} has no release team meeting yet.`,
      md`Set it with \`/kfrelease meeting set tue 16:00\`.`,
    );
  }
  const dates = seriesDates(schedule);
  const date = meetingOn ?? nextMeetingDate(meeting, dates, at);
  if (!date)
    throw new UserError(
      'not_found',
      md`The meetings of ${release.version} are over: its last phase has ended.`,
    );
  const timeline = schedule.timeline;
  const phases = phasesOn(timeline, date);
  const freeze = timeline.phases.find((p) => p.key === 'feature_freeze');
  const releaseDay = timeline.milestones.find((m) => m.key === 'release');
  const previous = previousMeetingOn(dates, date);
  const doneSince = previous ? (meetingMoment(meeting, previous).toUTC().toISO() ?? '') : '9999-12-31';
  const noteTaker = noteTakerOn(store, release, date);
  return {
    version: release.version,
    meetingOn: date,
    meetingAt: meetingMoment(meeting, date).toISO() ?? '',
    meetingZone: meeting.zone,
    notesUrl: meeting.notesUrl,
    week: cycleWeek(release.startDate, date),
    releaseWeek: releaseDay ? cycleWeek(release.startDate, releaseDay.dueOn) : 0,
    phases: phases.map((p) => ({ key: p.key, name: p.name, endsOn: p.endsOn })),
    nextMilestones: timeline.milestones
      .filter((m) => m.dueOn >= date)
      .slice(0, MILESTONES_SHOWN)
      .map(({ name, dueOn, owner, artifact, optional }) => ({ name, dueOn, owner, artifact, optional })),
    ...revisionFacts(deps, release, freeze !== undefined && date >= freeze.startsOn),
    ...gatherAgendaExtras(deps, release, date),
    ...(freeze && date >= freeze.startsOn
      ? {
          dependencyDeclarations: dependencyStanding(deps, release),
          featuresAtRisk: featuresAtRisk(store, release),
        }
      : {}),
    phaseEnds: phasesEndedUnmet(deps, release, previous ?? addDays(date, -7), date).map((end) => ({
      ...end,
      decided: end.decided && {
        ...end.decided,
        by: end.decided.by.startsWith('cli:')
          ? { name: end.decided.by.slice(4), slackId: null }
          : personOf(store, release.id, end.decided.by),
      },
    })),
    actionItems: store.actionItems.openOrDoneSince(release.id, doneSince).map((item) => ({
      id: item.id,
      text: item.text,
      owner: item.owner ? personOf(store, release.id, item.owner) : null,
      done: item.doneAt !== null,
    })),
    noteTaker: noteTaker ? { name: noteTaker.name, slackId: noteTaker.slackId } : null,
    standingItems: standingItemsFor(deps.agendaItems ?? shippedAgendaItems(), phases),
  };
}
