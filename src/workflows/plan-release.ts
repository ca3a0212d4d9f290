import type { Clock } from '../clock';
import {
  findCalendarConflicts,
  keyDates,
  type CalendarConflict,
  type CalendarEvent,
  type KeyDate,
} from '../domain/calendar-conflicts';
import { meetingSpan } from '../domain/due-occurrences';
import { meetingDates, weekdayName } from '../domain/meeting-schedule';
import type { ReleaseTemplate } from '../domain/release-template';
import {
  computeTimeline,
  daysUntil,
  isValidTimeZone,
  validateStartDate,
  type Timeline,
} from '../domain/timeline';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { isUserError, UserError } from '../errors';
import { checkReleaseVersion, DEFAULT_TEMPLATE, DEFAULT_TIME_ZONE, templateAndZone } from './create-release';
import { code, md } from '../text/mrkdwn';
import { PLAN_RELEASE_USAGE } from './command-usages';

/** The weekly meeting a plan is checked with: the release's own, or the latest release's when it has none. */
export interface MeetingAssumption {
  weekday: number;
  /** The release whose meeting settings these are. */
  from: string;
}

/** Each weekly meeting of a plan as a key date. */
export function meetingKeyDates(timeline: Timeline, meeting: MeetingAssumption | null): KeyDate[] {
  if (!meeting) return [];
  const { fromOn, toOn } = meetingSpan(timeline);
  return meetingDates(meeting.weekday, fromOn, toOn).map((date) => ({
    date,
    kind: 'meeting' as const,
    label: 'weekly release team meeting',
  }));
}

/** The meeting of `release`, else of the most recent release that has one set up. */
export function meetingFor(store: Store, release: ReleaseRow | null): MeetingAssumption | null {
  const releases = release ? [release] : [...store.releases.list()].reverse();
  for (const r of releases) {
    const meeting = store.meetings.meeting(r.id);
    if (meeting) return { weekday: meeting.weekday, from: r.version };
  }
  return null;
}

/** A release timeline proposed before the release is created, with what the calendar says about it. */
export interface ReleaseProposal {
  version: string;
  template: { key: string; name: string };
  timeZone: string;
  timeline: Timeline;
  conflicts: CalendarConflict[];
  calendarSource: string | null;
  meeting: (MeetingAssumption & { weekdayName: string }) | null;
  notes: string[];
  warnings: string[];
  /** The command that creates the release as proposed. */
  createCommand: string;
}

/**
 * Proposes a release's timeline without creating anything: the same dates `release create` would
 * store as the first plan, with every milestone, first day of a phase and weekly meeting that falls
 * on a holiday or during a conference of the calendar. Every problem with the arguments at once.
 */
export function planRelease(
  deps: { store: Store; clock: Clock; templates: Map<string, ReleaseTemplate> },
  input: { version: string; startDate: string; words: string[] },
  calendar: { events: CalendarEvent[]; source: string | null },
): ReleaseProposal {
  const { store, clock, templates } = deps;
  let chosen: { template?: string; timeZone?: string };
  try {
    chosen = templateAndZone(input.words);
  } catch (error) {
    if (isUserError(error))
      throw new UserError('bad_argument', error.text, md`Usage: ${code(PLAN_RELEASE_USAGE)}`);
    throw error;
  }
  const problems: string[] = [];
  const templateKey = chosen.template ?? DEFAULT_TEMPLATE;
  const template = templates.get(templateKey);
  if (!template)
    problems.push(`There is no template "${templateKey}". Templates: ${[...templates.keys()].join(', ')}.`);
  const timeZone = chosen.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone))
    problems.push(`"${timeZone}" is not a time zone. Use an IANA name such as Europe/Berlin or UTC.`);
  const dateProblem = validateStartDate(input.startDate, isValidTimeZone(timeZone) ? timeZone : 'UTC');
  if (dateProblem) problems.push(dateProblem);
  const version = checkReleaseVersion(input.version, template, problems);
  if (version && store.releases.findByVersion(version.canonical)) {
    problems.push(
      `Release ${version.canonical} already exists: see its dates with /kfrelease timeline ${version.canonical}.`,
    );
  }
  if (problems.length > 0 || !template || !version) {
    throw new UserError('bad_argument', md`${problems.join('\n')}`, md`Usage: ${code(PLAN_RELEASE_USAGE)}`);
  }

  const timeline = computeTimeline({ template, version, startDate: input.startDate, zone: timeZone });
  const meeting = meetingFor(store, null);
  const dates = [...keyDates(timeline), ...meetingKeyDates(timeline, meeting)];
  const today = clock.now().setZone(timeZone).toISODate() ?? '';
  const warnings: string[] = [];
  const firstDay = timeline.phases[0]?.startsOn ?? input.startDate;
  if (firstDay < today) {
    warnings.push(
      `${timeline.phases[0]?.name ?? 'The cycle'} would have started ${-daysUntil(today, firstDay)} days ago (${firstDay}).`,
    );
  }
  const extra = [chosen.template ? template.key : '', chosen.timeZone ? timeZone : '']
    .filter(Boolean)
    .join(' ');
  return {
    version: version.canonical,
    template: { key: template.key, name: template.name },
    timeZone,
    timeline,
    conflicts: findCalendarConflicts(dates, calendar.events),
    calendarSource: calendar.source,
    meeting: meeting ? { ...meeting, weekdayName: weekdayName(meeting.weekday) } : null,
    notes: version.notes,
    warnings,
    createCommand: `/kfrelease release create ${version.canonical} ${input.startDate}${extra ? ` ${extra}` : ''}`,
  };
}
