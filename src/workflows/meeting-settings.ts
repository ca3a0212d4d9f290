import type { Clock } from '../clock';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import {
  DEFAULT_AGENDA_HOURS,
  parseClockTime,
  parseWeekday,
  type MeetingSettings,
} from '../domain/meeting-schedule';
import { DEFAULT_REMINDER_SETTINGS, parseOffsets, type ReminderSettings } from '../domain/reminders';
import { isValidTimeZone } from '../domain/timeline';
import { UserError } from '../errors';
import { actorId, type Actor } from './actor';
import { authorityOf, refuse } from './authority';
import { requireLive } from './release-lifecycle';
import { findRelease } from './find-release';
import { code, md } from '../text/mrkdwn';
import { urlProblem } from '../text/safe-url';
import { MEETING_SET_USAGE, REMINDERS_SET_USAGE } from './command-usages';

type Deps = { store: Store; clock: Clock; admins: string[] };

const KEYS: Record<string, keyof MeetingSettings> = {
  day: 'weekday',
  weekday: 'weekday',
  time: 'time',
  zone: 'zone',
  tz: 'zone',
  channel: 'channel',
  agenda: 'agendaHours',
  notes: 'notesUrl',
};

function readValue(field: keyof MeetingSettings, raw: string, problems: string[]): Partial<MeetingSettings> {
  const value = raw;
  const bad = (what: string) => (problems.push(`"${raw}" is not ${what}.`), {});
  if (field === 'weekday') {
    const day = parseWeekday(value);
    return day ? { weekday: day } : bad('a weekday (mon ... sun)');
  }
  if (field === 'time') {
    const time = parseClockTime(value);
    return time ? { time } : bad('a 24-hour time such as 16:00');
  }
  if (field === 'zone')
    return isValidTimeZone(value) ? { zone: value } : bad('an IANA time zone such as Europe/Berlin');
  if (field === 'channel') {
    const id = value.replace(/^#/, '');
    if (/^[CG][A-Z0-9]{6,}$/.test(id)) return { channel: id };
    return bad('a channel: pick it with # in Slack so its ID comes along, or give an ID such as C0123ABCD');
  }
  if (field === 'agendaHours') {
    const hours = Number(value.replace(/h$/i, ''));
    return Number.isInteger(hours) && hours >= 1 && hours <= 168
      ? { agendaHours: hours }
      : bad('a number of hours before the meeting, 1 to 168 (e.g. 24h)');
  }
  if (/^none$/i.test(value)) return { notesUrl: null };
  const problem = urlProblem(value, { allowHttp: true });
  return problem ? bad(`a link to the meeting notes (${problem})`) : { notesUrl: value };
}

/** Which setting a word without a key is, by its shape. */
function fieldOf(word: string): keyof MeetingSettings | null {
  const value = word;
  if (parseWeekday(value)) return 'weekday';
  if (parseClockTime(value)) return 'time';
  if (value.includes('/') && !/^https?:/.test(value)) return 'zone';
  if (/^(UTC|GMT)$/i.test(value)) return 'zone';
  if (/^#|^[CG][A-Z0-9]{6,}$/.test(value)) return 'channel';
  if (/^\d+h?$/i.test(value)) return 'agendaHours';
  if (/^https?:/.test(value)) return 'notesUrl';
  return null;
}

/** Reads `meeting set` words: positional by shape, or key=value; every problem at once. */
export function parseMeetingWords(words: string[]): Partial<MeetingSettings> {
  const problems: string[] = [];
  let settings: Partial<MeetingSettings> = {};
  for (const word of words) {
    const eq = word.indexOf('=');
    const key = eq > 0 ? word.slice(0, eq).toLowerCase() : null;
    const field = key !== null ? KEYS[key] : fieldOf(word);
    if (!field) {
      problems.push(
        key !== null
          ? `There is no setting "${key}": use day, time, zone, channel, agenda or notes.`
          : `"${word}" is none of weekday, time, time zone, channel, agenda hours or notes link.`,
      );
      continue;
    }
    settings = { ...settings, ...readValue(field, eq > 0 ? word.slice(eq + 1) : word, problems) };
  }
  if (problems.length > 0)
    throw new UserError('bad_argument', md`${problems.join('\n')}`, md`Usage: ${code(MEETING_SET_USAGE)}`);
  return settings;
}

export interface MeetingSettingsView {
  release: ReleaseRow;
  meeting: (MeetingSettings & { since: string; updatedBy: string }) | null;
  reminders: ReminderSettings & { custom: boolean };
}

/** The meeting and reminder settings of the named (or current) release. */
export function getMeetingSettings(
  deps: { store: Store; clock: Clock },
  version?: string,
): MeetingSettingsView {
  const release = findRelease(deps, version);
  const reminders = deps.store.meetings.reminders(release.id);
  return {
    release,
    meeting: deps.store.meetings.meeting(release.id),
    reminders: reminders ? { ...reminders, custom: true } : { ...DEFAULT_REMINDER_SETTINGS, custom: false },
  };
}

function requireSteering(deps: Deps, release: ReleaseRow, actor: Actor, what: string): void {
  if (actor.kind === 'slack' && !authorityOf(deps, release, actor.userId).steers) {
    refuse(what, `the release manager of ${release.version} or an admin`);
  }
}

/**
 * Sets the weekly meeting: the words change only what they name; weekday and time are required
 * the first time. The time zone defaults to the release's, the channel to the release channel.
 */
export function setMeetingSettings(
  deps: Deps,
  input: { version?: string; words: string[]; actor: Actor },
): MeetingSettingsView {
  const release = findRelease(deps, input.version);
  requireLive(release);
  requireSteering(deps, release, input.actor, 'set the release team meeting');
  const given = parseMeetingWords(input.words);
  const existing = deps.store.meetings.meeting(release.id);
  const merged = {
    zone: release.timeZone,
    channel: release.slackChannel ?? undefined,
    agendaHours: DEFAULT_AGENDA_HOURS,
    notesUrl: null,
    ...existing,
    ...given,
  };
  const missing = [
    merged.weekday === undefined ? 'the weekday' : '',
    merged.time === undefined ? 'the time' : '',
    merged.channel === undefined ? 'the channel (the release has none)' : '',
  ].filter(Boolean);
  if (missing.length > 0 || merged.weekday === undefined || merged.time === undefined || !merged.channel) {
    throw new UserError(
      'bad_argument',
      md`Give ${missing.join(' and ')}.`,
      md`Usage: \`${MEETING_SET_USAGE}\``,
    );
  }
  const now = deps.clock.now().toUTC().toISO() ?? '';
  const settings = { ...merged, weekday: merged.weekday, time: merged.time, channel: merged.channel };
  deps.store.transaction(() => {
    deps.store.meetings.saveMeeting(release.id, { ...settings, since: now, updatedBy: actorId(input.actor) });
    deps.store.audit.record({
      at: now,
      actor: actorId(input.actor),
      releaseId: release.id,
      action: 'meeting.set',
      details: { ...settings },
    });
  });
  return getMeetingSettings(deps, release.version);
}

/** Sets reminder offsets, send time and quiet hours from `offsets= at= quiet=` words. */
export function setReminderSettings(
  deps: Deps,
  input: { version?: string; words: string[]; actor: Actor },
): MeetingSettingsView {
  const release = findRelease(deps, input.version);
  requireLive(release);
  requireSteering(deps, release, input.actor, 'set the deadline reminders');
  const current = getMeetingSettings(deps, release.version).reminders;
  const next: ReminderSettings = { ...current };
  const problems: string[] = [];
  for (const word of input.words) {
    const [key = '', value = ''] = word.split('=', 2);
    if (key === 'offsets') {
      const parsed = parseOffsets(value);
      if (parsed.ok) next.offsets = parsed.offsets;
      else problems.push(parsed.problem);
    } else if (key === 'at' && parseClockTime(value)) next.sendTime = parseClockTime(value) ?? value;
    else if (key === 'quiet' && /^[^-]+-[^-]+$/.test(value)) {
      const [start, end] = value.split('-').map(parseClockTime);
      if (start && end) [next.quietStart, next.quietEnd] = [start, end];
      else problems.push(`"${value}" is not a quiet-hours range such as 20:00-08:00.`);
    } else problems.push(`"${word}" is not offsets=..., at=HH:MM or quiet=HH:MM-HH:MM.`);
  }
  if (input.words.length === 0) problems.push('Say what to change.');
  if (problems.length > 0)
    throw new UserError('bad_argument', md`${problems.join('\n')}`, md`Usage: ${code(REMINDERS_SET_USAGE)}`);
  const now = deps.clock.now().toUTC().toISO() ?? '';
  const { offsets, sendTime, quietStart, quietEnd } = next;
  deps.store.transaction(() => {
    deps.store.meetings.saveReminders(release.id, {
      offsets,
      sendTime,
      quietStart,
      quietEnd,
      since: now,
      updatedBy: actorId(input.actor),
    });
    deps.store.audit.record({
      at: now,
      actor: actorId(input.actor),
      releaseId: release.id,
      action: 'reminders.set',
      details: { offsets: offsets.map((o) => `${o.amount}${o.unit}`), sendTime, quietStart, quietEnd },
    });
  });
  return getMeetingSettings(deps, release.version);
}
