import { userInfo } from 'node:os';
import { DateTime } from 'luxon';
import { weekdayName } from '../domain/meeting-schedule';
import { formatOffset } from '../domain/reminders';
import { UserError } from '../errors';
import type { Actor } from '../workflows/actor';
import { MEETING_SET_USAGE, REMINDERS_SET_USAGE } from '../workflows/command-usages';
import {
  getMeetingSettings,
  setMeetingSettings,
  setReminderSettings,
  type MeetingSettingsView,
} from '../workflows/meeting-settings';
import { rehearse } from '../workflows/rehearse';
import { runDueJobs } from '../workflows/run-due-jobs';
import { JSON_OPTION, type CliCommand, type CliInvocation, type CliIo } from './cli-command';
import { md, toPlainText } from '../text/mrkdwn';
import { renderNotice } from '../slack/notices/render-notice';

/** Flags only these commands read: `--from`, `--to` (rehearse) and `--at` (jobs run). */
export type ScheduleFlags = CliInvocation['flags'];

const cliActor = (): Actor => ({ kind: 'cli', name: userInfo().username || 'operator' });
const cliUsage = (usage: string) => usage.replace('/kfrelease', 'kfrelease');

function settingsText(view: MeetingSettingsView): string {
  const m = view.meeting;
  const r = view.reminders;
  return [
    `Kubeflow ${view.release.version}: release team meeting`,
    m
      ? `Meeting:   ${weekdayName(m.weekday)}s at ${m.time} (${m.zone}) in ${m.channel}; agenda ${m.agendaHours} h before; notes ${m.notesUrl ?? '-'}`
      : 'Meeting:   not set (kfrelease meeting set tue 16:00)',
    `Reminders: ${r.offsets.map(formatOffset).join(', ')} before, at ${r.sendTime}; quiet ${r.quietStart}-${r.quietEnd} (${view.release.timeZone})${r.custom ? '' : ' (defaults)'}`,
  ].join('\n');
}

function show(view: MeetingSettingsView, flags: ScheduleFlags, io: CliIo): void {
  io.out(flags.json ? JSON.stringify(view, null, 2) : settingsText(view));
}

/** The command line's meeting, rehearsal and job commands, over the same workflows as Slack. */
export const CLI_MEETING_COMMANDS: Record<string, CliCommand> = {
  'meeting show': {
    usage: 'kfrelease meeting show [--release VERSION] [--json]',
    summary: "The release team meeting's day, time, channel and notes, and the reminder settings.",
    options: { release: 'The release; default the current one.', ...JSON_OPTION },
    example: 'kfrelease meeting show --release v1.10.0',
    readsOnly: true,
    run: (s, { flags }, io) => show(getMeetingSettings(s, flags.release), flags, io),
  },
  'meeting set': {
    usage: `${cliUsage(MEETING_SET_USAGE)} [--release VERSION]`,
    summary:
      'Set the weekly release team meeting: weekday, time, channel, how long before it the agenda is posted, the notes document.',
    options: { release: 'The release; default the current one.', ...JSON_OPTION },
    example: 'kfrelease meeting set tue 16:00 C0RELEASE notes=https://example.com/notes',
    run: (s, { positionals, flags }, io) =>
      show(
        setMeetingSettings(s, { version: flags.release, words: positionals, actor: cliActor() }),
        flags,
        io,
      ),
  },
  'reminders set': {
    usage: `${cliUsage(REMINDERS_SET_USAGE)} [--release VERSION]`,
    summary: 'Set when reminders go out: days before a deadline, the time of day, the quiet hours.',
    options: { release: 'The release; default the current one.', ...JSON_OPTION },
    example: 'kfrelease reminders set offsets=7d,2d,0d at=09:30 quiet=20:00-08:00',
    run: (s, { positionals, flags }, io) =>
      show(
        setReminderSettings(s, { version: flags.release, words: positionals, actor: cliActor() }),
        flags,
        io,
      ),
  },
  rehearse: {
    usage: 'kfrelease rehearse [VERSION] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]',
    summary:
      'Every post kfrelease would make over a span of days (reminders, agendas, note-taker notices, escalations), in order; nothing is posted.',
    options: {
      release: 'The release, when no VERSION is given.',
      from: 'The first day to rehearse; default today.',
      to: 'The last day to rehearse; default the end of the cycle.',
      ...JSON_OPTION,
    },
    example: 'kfrelease rehearse v1.10.0 --from 2026-05-11 --to 2026-05-24',
    readsOnly: true,
    run: (s, { positionals, flags }, io) => {
      if (positionals.length > 1) throw new UserError('bad_argument', md`Give at most one release version.`);
      const rehearsal = rehearse(s, {
        version: positionals[0] ?? flags.release,
        from: flags.from,
        to: flags.to,
      });
      const posts = rehearsal.posts.map(({ notice, ...post }) => ({ ...post, ...renderNotice(notice) }));
      if (flags.json) return io.out(JSON.stringify({ ...rehearsal, posts }, null, 2));
      io.out(
        `Kubeflow ${rehearsal.version}: ${rehearsal.posts.length} posts from ${rehearsal.from} to ${rehearsal.to} (${rehearsal.zone}); nothing is posted.`,
      );
      for (const p of posts)
        io.out(`${p.local}  ${p.channel.padEnd(11)} ${p.kind.padEnd(10)} ${toPlainText(p.text)}`);
    },
  },
  'jobs run': {
    usage: 'kfrelease jobs run [--at ISO-TIMESTAMP] [--json]',
    summary:
      'Run the scheduled jobs due at an instant (now by default), exactly once each; the running bot delivers what they queue.',
    options: { at: 'The instant to run them at, e.g. 2026-05-11T07:00:00Z; default now.', ...JSON_OPTION },
    example: 'kfrelease jobs run --at 2026-05-11T07:00:00Z',
    run: (s, { flags }, io) => {
      const at = flags.at ? DateTime.fromISO(flags.at, { zone: 'utc' }) : s.clock.now();
      if (!at.isValid) {
        throw new UserError(
          'bad_argument',
          md`--at ${flags.at} is not an ISO timestamp.`,
          md`e.g. --at 2026-05-11T07:00:00Z`,
        );
      }
      const summary = runDueJobs(s, at);
      if (flags.json) return io.out(JSON.stringify(summary, null, 2));
      io.out(
        `Ran ${summary.ran.length} job(s), skipped ${summary.skipped.length} that came too late, queued ${summary.posts} post(s) at ${at.toUTC().toISO()}; the running kfrelease delivers them.`,
      );
      for (const key of summary.failed) io.out(`failed (tried again next time): ${key}`);
    },
  },
};
