import { DateTime } from 'luxon';
import type { Clock } from '../clock';
import { findCalendarConflicts, keyDates, type CalendarEvent } from '../domain/calendar-conflicts';
import { weekdayName } from '../domain/meeting-schedule';
import { summarizeTeam, type TeamAssignment } from '../domain/team';
import { isSkipped, localDate } from '../domain/timeline';
import type { Store } from '../db/store';
import { findRelease } from './find-release';

const pad = (text: string, width: number) => text.padEnd(width);
const plus = (date: string, days: number) =>
  DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() ?? date;
const names = (people: TeamAssignment[]) => people.map((p) => p.name).join(', ') || 'to be named';

/**
 * Drafts the schedule announcement for the kubeflow-discuss mailing list (plain text, ready to
 * send): every phase and milestone of the latest plan, what the working groups are asked for and
 * when, the weekly meeting, the patch releases, the holidays and conferences the dates run into,
 * and a lazy-consensus deadline a week from today.
 */
export function draftScheduleAnnouncement(
  deps: { store: Store; clock: Clock },
  input: { version?: string; calendar: CalendarEvent[] },
): { version: string; text: string } {
  const { store, clock } = deps;
  const release = findRelease(deps, input.version);
  const plan = store.releases.latestPlan(release);
  if (!plan) throw new Error(`release ${release.version} has no plan`);
  const timeline = plan.timeline;
  const today = localDate(clock.now(), release.timeZone);
  const summary = summarizeTeam(
    store.team.assignments(release.id),
    store.workingGroups.list().map((g) => g.name),
  );
  const phaseOf = (key: string) => timeline.phases.find((p) => p.key === key);
  const freeze = phaseOf('feature_freeze');
  const post = phaseOf('post_release');
  const meeting = store.meetings.meeting(release.id);
  const issue = store.trackingIssues.find(release.id);
  const conflicts = findCalendarConflicts(keyDates(timeline), input.calendar);
  const lines = [
    `Subject: Kubeflow ${release.version} release schedule`,
    '',
    'Hi everyone,',
    '',
    `The release team proposes the following schedule for Kubeflow ${release.version}. Dates are in ${release.timeZone}.`,
    ...(plan.revision > 1 ? [`It replaces the schedule sent earlier: ${plan.reason}.`] : []),
    '',
    'Phases:',
    ...timeline.phases.map((p) =>
      isSkipped(p) ? `  skipped on ${p.startsOn}  ${p.name}` : `  ${p.startsOn} to ${p.endsOn}  ${p.name}`,
    ),
    '',
    'Milestones:',
    ...timeline.milestones.map(
      (m) =>
        `  ${m.dueOn}  ${pad(m.name, 48)}${m.artifact ? ` ${m.artifact}` : ''}${m.optional ? ' (if needed)' : ''}`,
    ),
    '',
    'What we ask of the working groups:',
    '  - Plan and prioritise the features you want to land in this cycle, and say which need docs.',
    ...(freeze
      ? [
          `  - Have a git revision ready on the first day of Feature Freeze, ${freeze.startsOn}: a GitHub release with a changelog.`,
          '  - From then on, hand over bug fixes only; new features go to the next release.',
        ]
      : []),
    ...(post
      ? ['', `Patch releases follow the release during Post Release (${post.startsOn} to ${post.endsOn}).`]
      : []),
    ...(meeting
      ? [
          '',
          `The release team meets every ${weekdayName(meeting.weekday)} at ${meeting.time} ${meeting.zone}; everyone is welcome.`,
        ]
      : []),
    ...(issue?.url ? [`Release tracking issue: ${issue.url}`] : []),
    ...(conflicts.length > 0
      ? [
          '',
          'Dates that fall on holidays or conferences (we kept them in mind; tell us if they hurt):',
          ...conflicts.map(
            (c) =>
              `  - ${c.date}: ${c.keyDate.label} during ${c.event.name}${c.event.where ? ` (${c.event.where})` : ''}`,
          ),
        ]
      : []),
    '',
    `Release team: Release Manager ${names(summary.releaseManagers)}; Docs Lead ${names(summary.docsLeads)}; Product Manager ${names(summary.productManagers)}.`,
    '',
    `Working group leads: unless you object by ${plus(today, 7)}, we take this schedule as agreed (lazy consensus).`,
    '',
    'Thanks,',
    `${names(summary.releaseManagers)}, on behalf of the Kubeflow ${release.version} release team`,
  ];
  return { version: release.version, text: lines.join('\n') };
}
