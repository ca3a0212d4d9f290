import type { DateTime } from 'luxon';
import { addDays, localMoment } from './meeting-schedule';
import type { Timeline } from './timeline';

/** How long before a deadline a reminder goes out: "7d" (days, at the send time) or "12h". */
export interface ReminderOffset {
  amount: number;
  unit: 'd' | 'h';
}

/** Deadline reminders of one release; times are wall-clock times in the release's zone. */
export interface ReminderSettings {
  offsets: ReminderOffset[];
  /** When day-offset reminders and next-morning escalations go out, HH:MM. */
  sendTime: string;
  /** Nobody is pinged from quietStart to quietEnd (HH:MM; may wrap midnight). */
  quietStart: string;
  quietEnd: string;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  offsets: [
    { amount: 7, unit: 'd' },
    { amount: 1, unit: 'd' },
    { amount: 0, unit: 'd' },
  ],
  sendTime: '09:00',
  quietStart: '20:00',
  quietEnd: '08:00',
};

/** Something the release owes on a date: a milestone of the plan, or the WGs' git revisions. */
export interface Deadline {
  /** A milestone key (rc.1, release, ...) or "revisions". */
  key: string;
  name: string;
  /** Calendar date in the release's zone; the deadline is the end of that day. */
  dueOn: string;
  /** Who delivers it, as the template says ("Manifests WG", "Release Team", "Working groups"). */
  owner: string;
  artifact: string | null;
  optional: boolean;
}

export const REVISIONS_DEADLINE = 'revisions';

export function formatOffset(offset: ReminderOffset): string {
  return `${offset.amount}${offset.unit}`;
}

/** "7d,1d,0d" or "7d 1d 12h" to offsets, largest first; a sentence when it cannot be read. */
export function parseOffsets(
  text: string,
): { ok: true; offsets: ReminderOffset[] } | { ok: false; problem: string } {
  const words = text.split(/[\s,]+/).filter(Boolean);
  const offsets: ReminderOffset[] = [];
  for (const word of words) {
    const match = /^(\d{1,3})([dh])$/.exec(word);
    const amount = Number(match?.[1]);
    if (!match || (match[2] === 'd' && amount > 60) || (match[2] === 'h' && amount > 23)) {
      return {
        ok: false,
        problem: `"${word}" is not an offset: write days as 0d to 60d or hours as 1h to 23h.`,
      };
    }
    offsets.push({ amount, unit: match[2] as 'd' | 'h' });
  }
  if (offsets.length === 0 || offsets.length > 6)
    return { ok: false, problem: 'Give one to six offsets, e.g. 7d,1d,0d.' };
  const unique = [...new Map(offsets.map((o) => [formatOffset(o), o])).values()];
  const hoursBefore = (o: ReminderOffset) => (o.unit === 'd' ? o.amount * 24 : o.amount);
  return { ok: true, offsets: unique.sort((a, b) => hoursBefore(b) - hoursBefore(a)) };
}

/** "a week before", "tomorrow", "today", "in 12 hours": how the reminder speaks of the deadline. */
export function describeOffset(offset: ReminderOffset): string {
  if (offset.unit === 'h') return `in ${offset.amount} hour${offset.amount === 1 ? '' : 's'}`;
  if (offset.amount === 0) return 'today';
  if (offset.amount === 1) return 'tomorrow';
  if (offset.amount === 7) return 'in a week';
  return `in ${offset.amount} days`;
}

/**
 * The deadlines reminders are sent for: every milestone of the plan, and the working groups' git
 * revisions, due on the first day of Feature Freeze (the handbook: "get a git revision from all
 * WGs, on the first day of the Feature Freeze period").
 */
export function deadlinesOf(timeline: Timeline): Deadline[] {
  const freeze = timeline.phases.find((p) => p.key === 'feature_freeze');
  const revisions: Deadline[] = freeze
    ? [
        {
          key: REVISIONS_DEADLINE,
          name: 'Git revisions from every working group',
          dueOn: freeze.startsOn,
          owner: 'Working groups',
          artifact: null,
          optional: false,
        },
      ]
    : [];
  const milestones = timeline.milestones.map((m) => ({
    key: m.key as string,
    name: m.name,
    dueOn: m.dueOn,
    owner: m.owner,
    artifact: m.artifact,
    optional: m.optional,
  }));
  return [...revisions, ...milestones].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/** The moment a deadline passes: midnight at the end of its day, in the release's zone. */
export function deadlineEnd(dueOn: string, zone: string): DateTime {
  return localMoment(addDays(dueOn, 1), '00:00', zone);
}

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** True when the moment falls inside the quiet hours, read in the release's zone. */
export function inQuietHours(
  at: DateTime,
  settings: Pick<ReminderSettings, 'quietStart' | 'quietEnd'>,
  zone: string,
): boolean {
  const local = at.setZone(zone);
  const minute = local.hour * 60 + local.minute;
  const [start, end] = [minutesOf(settings.quietStart), minutesOf(settings.quietEnd)];
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** A moment moved out of the quiet hours to their end; moments outside them stay where they are. */
export function outOfQuietHours(
  at: DateTime,
  settings: Pick<ReminderSettings, 'quietStart' | 'quietEnd'>,
  zone: string,
): DateTime {
  if (!inQuietHours(at, settings, zone)) return at;
  const local = at.setZone(zone);
  const date = local.toISODate() ?? '';
  const minute = local.hour * 60 + local.minute;
  const endDate = minute >= minutesOf(settings.quietEnd) ? addDays(date, 1) : date;
  return localMoment(endDate, settings.quietEnd, zone);
}

/**
 * When the reminder `offset` before a deadline goes out: day offsets at the send time that many
 * days before the due date, hour offsets that many hours before the deadline passes; then moved
 * out of the quiet hours.
 */
export function reminderMoment(
  deadline: Deadline,
  offset: ReminderOffset,
  settings: ReminderSettings,
  zone: string,
): DateTime {
  const at =
    offset.unit === 'd'
      ? localMoment(addDays(deadline.dueOn, -offset.amount), settings.sendTime, zone)
      : deadlineEnd(deadline.dueOn, zone).minus({ hours: offset.amount });
  return outOfQuietHours(at, settings, zone);
}

/** The morning after a date, at the send time (out of the quiet hours). */
export function morningAfter(date: string, settings: ReminderSettings, zone: string): DateTime {
  return outOfQuietHours(localMoment(addDays(date, 1), settings.sendTime, zone), settings, zone);
}

/** The morning after a deadline: escalations go out. */
export function escalationMoment(deadline: Deadline, settings: ReminderSettings, zone: string): DateTime {
  return morningAfter(deadline.dueOn, settings, zone);
}
