import type { DateTime } from 'luxon';
import {
  addDays,
  agendaMoment,
  meetingDates,
  meetingMoment,
  noteTakerNoticeMoment,
  type MeetingSettings,
} from './meeting-schedule';
import {
  deadlineEnd,
  deadlinesOf,
  escalationMoment,
  formatOffset,
  morningAfter,
  inQuietHours,
  outOfQuietHours,
  reminderMoment,
  type Deadline,
  type ReminderOffset,
  type ReminderSettings,
} from './reminders';
import { isSkipped, type Timeline } from './timeline';

export type OccurrenceKind =
  'agenda' | 'note_taker' | 'reminder' | 'escalation' | 'phase_end' | 'phase_start';

/** One occurrence of one scheduled job: posting one agenda, one reminder, ... */
export interface Occurrence {
  /** Unique for ever: recorded in job_runs, and the prefix of its posts' outbox keys. */
  key: string;
  kind: OccurrenceKind;
  releaseId: number;
  /** When it should run. */
  dueAt: DateTime;
  /** From then on it is no use any more (the meeting started, the deadline passed). */
  expiresAt: DateTime;
  /** It pings people, so it waits out the quiet hours when caught up late. */
  pings: boolean;
  meeting?: { meetingOn: string; at: DateTime };
  deadline?: Deadline;
  offset?: ReminderOffset;
  /** The phase whose planned end passed (phase_end), or that starts (phase_start). */
  phase?: { key: string; name: string; endsOn: string };
}

/** Everything the schedule of one release depends on. */
export interface ReleaseSchedule {
  releaseId: number;
  zone: string;
  timeline: Timeline;
  /** Null when no meeting is set up. `since`: when the settings last changed. */
  meeting: (MeetingSettings & { since: DateTime }) | null;
  reminders: ReminderSettings & { since: DateTime };
}

/** How long after its morning an escalation, or a phase-end check, is still worth sending. */
const ESCALATION_USEFUL_DAYS = 7;

/** The span meetings are held in: the first day of the first phase to the last day of the last. */
export function meetingSpan(timeline: Timeline): { fromOn: string; toOn: string } {
  const starts = timeline.phases.map((p) => p.startsOn).sort();
  const ends = timeline.phases.map((p) => p.endsOn).sort();
  return { fromOn: starts[0] ?? timeline.startDate, toOn: ends[ends.length - 1] ?? timeline.startDate };
}

/** The meeting dates of a release's series, in the meeting's zone. */
export function seriesDates(schedule: Pick<ReleaseSchedule, 'timeline' | 'meeting'>): string[] {
  if (!schedule.meeting) return [];
  const { fromOn, toOn } = meetingSpan(schedule.timeline);
  return meetingDates(schedule.meeting.weekday, fromOn, toOn);
}

function meetingOccurrences(s: ReleaseSchedule): Occurrence[] {
  const meeting = s.meeting;
  if (!meeting) return [];
  return seriesDates(s).flatMap((meetingOn) => {
    const at = meetingMoment(meeting, meetingOn);
    const base = { releaseId: s.releaseId, expiresAt: at, meeting: { meetingOn, at } };
    return [
      {
        ...base,
        key: `agenda:${s.releaseId}:${meetingOn}`,
        kind: 'agenda' as const,
        dueAt: agendaMoment(at, meeting.agendaHours),
        pings: false,
      },
      {
        ...base,
        key: `note_taker:${s.releaseId}:${meetingOn}`,
        kind: 'note_taker' as const,
        dueAt: outOfQuietHours(noteTakerNoticeMoment(at), s.reminders, s.zone),
        pings: true,
      },
    ];
  });
}

function deadlineOccurrences(s: ReleaseSchedule): Occurrence[] {
  // An optional milestone (rc.3: cut only if needed) is on the agenda, but nags nobody.
  return deadlinesOf(s.timeline).flatMap((deadline) => {
    if (deadline.optional) return [];
    const end = deadlineEnd(deadline.dueOn, s.zone);
    const id = `${s.releaseId}:${deadline.key}:${deadline.dueOn}`;
    const reminders = s.reminders.offsets.map((offset) => ({
      key: `reminder:${id}:${formatOffset(offset)}`,
      kind: 'reminder' as const,
      releaseId: s.releaseId,
      dueAt: reminderMoment(deadline, offset, s.reminders, s.zone),
      expiresAt: end,
      pings: true,
      deadline,
      offset,
    }));
    const morning = escalationMoment(deadline, s.reminders, s.zone);
    const escalation = {
      key: `escalation:${id}`,
      kind: 'escalation' as const,
      releaseId: s.releaseId,
      dueAt: morning,
      expiresAt: morning.plus({ days: ESCALATION_USEFUL_DAYS }),
      pings: true,
      deadline,
    };
    return [...reminders, escalation];
  });
}

/**
 * The morning after each phase's planned end, its criteria are checked: the release manager hears
 * of the unmet ones. Not for a skipped phase, nor for the phases that end the cycle (nothing comes
 * after them to move on to). An end moved by a re-plan is a new occurrence.
 */
function phaseEndOccurrences(s: ReleaseSchedule): Occurrence[] {
  const lastDay = meetingSpan(s.timeline).toOn;
  return s.timeline.phases.flatMap((phase) => {
    if (isSkipped(phase) || phase.endsOn >= lastDay) return [];
    const dueAt = morningAfter(phase.endsOn, s.reminders, s.zone);
    return [
      {
        key: `phase_end:${s.releaseId}:${phase.key}:${phase.endsOn}`,
        kind: 'phase_end' as const,
        releaseId: s.releaseId,
        dueAt,
        expiresAt: dueAt.plus({ days: ESCALATION_USEFUL_DAYS }),
        pings: true,
        phase: { key: phase.key, name: phase.name, endsOn: phase.endsOn },
      },
    ];
  });
}

/** Phases with work of their own on their first morning: Feature Freeze turns unlanded features at risk. */
const PHASES_WITH_START_WORK = ['feature_freeze'];

/**
 * The first morning of each phase with start work. Once per release (the key has no date, so a
 * re-plan does not do it again); still worth doing until the phase has ended.
 */
function phaseStartOccurrences(s: ReleaseSchedule): Occurrence[] {
  return s.timeline.phases.flatMap((phase) => {
    if (isSkipped(phase) || !PHASES_WITH_START_WORK.includes(phase.key)) return [];
    return [
      {
        key: `phase_start:${s.releaseId}:${phase.key}`,
        kind: 'phase_start' as const,
        releaseId: s.releaseId,
        dueAt: morningAfter(addDays(phase.startsOn, -1), s.reminders, s.zone),
        expiresAt: morningAfter(phase.endsOn, s.reminders, s.zone),
        pings: true,
        phase: { key: phase.key, name: phase.name, endsOn: phase.endsOn },
      },
    ];
  });
}

function byTime(a: Occurrence, b: Occurrence): number {
  return a.dueAt.toMillis() - b.dueAt.toMillis() || a.key.localeCompare(b.key);
}

/**
 * Every occurrence of every job of one release over its whole cycle, in the order they run: the
 * agenda and the note-taker's notice of each weekly meeting, each reminder before each deadline,
 * the morning-after escalation of each deadline (none for an optional one), and the morning-after
 * check of each phase's criteria. A reminder that would fall after its deadline (a long offset
 * moved by quiet hours) is left out.
 */
export function scheduleOccurrences(schedule: ReleaseSchedule): Occurrence[] {
  return [
    ...meetingOccurrences(schedule),
    ...deadlineOccurrences(schedule),
    ...phaseEndOccurrences(schedule),
    ...phaseStartOccurrences(schedule),
  ]
    .filter((o) => o.dueAt < o.expiresAt)
    .sort(byTime);
}

/** The occurrences due in [from, to), in order: what a rehearsal shows. */
export function occurrencesBetween(schedule: ReleaseSchedule, from: DateTime, to: DateTime): Occurrence[] {
  return scheduleOccurrences(schedule).filter((o) => o.dueAt >= from && o.dueAt < to);
}

/**
 * Whether the settings an occurrence comes from existed in time for it. A meeting's agenda and
 * notice count while the meeting is still ahead when the meeting is set (so a meeting set the day
 * before still gets its agenda); a reminder or escalation only when it fell due after the release
 * was created or its reminder settings changed (a release created mid-cycle is not flooded).
 */
function inScope(schedule: ReleaseSchedule, o: Occurrence): boolean {
  if (o.kind === 'agenda' || o.kind === 'note_taker') {
    return schedule.meeting !== null && o.expiresAt > schedule.meeting.since;
  }
  return o.dueAt >= schedule.reminders.since;
}

export interface DueSelection {
  /** Due and still useful: run now. */
  run: Occurrence[];
  /** Due but no use any more (the process was down): record as skipped and tell the release manager. */
  skip: Occurrence[];
}

/**
 * What is due at `at` and not done yet (and in scope: see inScope). One still useful runs, except
 * that one pinging people waits for the end of the quiet hours; one past its use is skipped.
 */
export function selectDue(
  schedule: ReleaseSchedule,
  at: DateTime,
  done: ReadonlySet<string>,
  occurrences: Occurrence[] = scheduleOccurrences(schedule),
): DueSelection {
  const selection: DueSelection = { run: [], skip: [] };
  for (const o of occurrences) {
    if (o.dueAt > at) break;
    if (done.has(o.key) || !inScope(schedule, o)) continue;
    if (at >= o.expiresAt) selection.skip.push(o);
    else if (!(o.pings && inQuietHours(at, schedule.reminders, schedule.zone))) selection.run.push(o);
  }
  return selection;
}

/** The date of the meeting before `meetingOn` in the series, or null for the first. */
export function previousMeetingOn(dates: string[], meetingOn: string): string | null {
  const earlier = dates.filter((d) => d < meetingOn);
  return earlier[earlier.length - 1] ?? null;
}
