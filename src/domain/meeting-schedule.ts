import { DateTime } from 'luxon';

/** The weekly release team meeting of one release. */
export interface MeetingSettings {
  /** ISO weekday, 1 = Monday ... 7 = Sunday. */
  weekday: number;
  /** Local wall-clock time, HH:MM (24 h). */
  time: string;
  /** IANA zone the weekday and time are in; usually the release's. */
  zone: string;
  /** Slack channel the agenda is posted to. */
  channel: string;
  /** How long before the meeting the agenda goes out. */
  agendaHours: number;
  notesUrl: string | null;
}

export const DEFAULT_AGENDA_HOURS = 24;

const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** "tue", "Tuesday", "tues" or "2" to an ISO weekday; null when it is none of those. */
export function parseWeekday(word: string): number | null {
  const w = word.toLowerCase();
  if (/^[1-7]$/.test(w)) return Number(w);
  if (w.length < 2) return null;
  const index = WEEKDAY_NAMES.findIndex((name) => name.startsWith(w) && (w.length >= 3 || w === 'tu'));
  return index === -1 ? null : index + 1;
}

export function weekdayName(weekday: number): string {
  const name = WEEKDAY_NAMES[weekday - 1] ?? '?';
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** "9:30" or "09:30" to "09:30"; null unless it is a real 24-hour time. */
export function parseClockTime(word: string): string | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(word);
  if (!match) return null;
  return `${(match[1] ?? '').padStart(2, '0')}:${match[2] ?? '00'}`;
}

/**
 * The moment a wall-clock time happens on a calendar date in a zone. Built from the local date and
 * time each time, so 10:00 stays 10:00 across daylight-saving changes; a time that does not exist
 * (inside a spring-forward gap) moves forward by the gap, as clocks do.
 */
export function localMoment(date: string, time: string, zone: string): DateTime {
  const moment = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!moment.isValid) throw new Error(`cannot place ${date} ${time} in ${zone}`);
  return moment;
}

/** Adds whole days to an ISO date. */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate() ?? date;
}

/** Dates of the meeting's weekday from `fromDate` to `toDate`, inclusive. */
export function meetingDates(weekday: number, fromDate: string, toDate: string): string[] {
  const from = DateTime.fromISO(fromDate, { zone: 'utc' });
  let date = from.plus({ days: (weekday - from.weekday + 7) % 7 });
  const dates: string[] = [];
  for (; (date.toISODate() ?? '') <= toDate; date = date.plus({ days: 7 }))
    dates.push(date.toISODate() ?? '');
  return dates;
}

/** When a meeting on `date` starts. */
export function meetingMoment(settings: Pick<MeetingSettings, 'time' | 'zone'>, date: string): DateTime {
  return localMoment(date, settings.time, settings.zone);
}

/**
 * When the agenda of a meeting goes out: whole days before it at the same wall-clock time (so a
 * 24-hour lead is "the day before at 10:00" even across a daylight-saving change), then the hours
 * left over.
 */
export function agendaMoment(meeting: DateTime, agendaHours: number): DateTime {
  const days = Math.floor(agendaHours / 24);
  return meeting.minus({ days }).minus({ hours: agendaHours - days * 24 });
}

/** The note-taker hears the day before at the meeting's wall-clock time. */
export function noteTakerNoticeMoment(meeting: DateTime): DateTime {
  return meeting.minus({ days: 1 });
}

/** The first meeting date whose start is after `at`, or null when the series is over. */
export function nextMeetingDate(
  settings: Pick<MeetingSettings, 'time' | 'zone'>,
  dates: string[],
  at: DateTime,
): string | null {
  return dates.find((date) => meetingMoment(settings, date) > at) ?? null;
}

/** "Tue 12 May 2026, 16:00 Europe/Berlin". */
export function describeMeeting(at: DateTime, zone: string): string {
  return `${at.setZone(zone).toFormat('ccc d LLL yyyy, HH:mm')} ${zone}`;
}
