import { userInfo } from 'node:os';
import { DateTime } from 'luxon';
import type { AppServices } from '../app-services';
import { weekdayName } from '../domain/meeting-schedule';
import { formatOffset } from '../domain/reminders';
import { UserError } from '../errors';
import type { Actor } from '../workflows/actor';
import {
  getMeetingSettings,
  MEETING_SET_USAGE,
  REMINDERS_SET_USAGE,
  setMeetingSettings,
  setReminderSettings,
  type MeetingSettingsView,
} from '../workflows/meeting-settings';
import { rehearse } from '../workflows/rehearse';
import { runDueJobs } from '../workflows/run-due-jobs';
import type { CliInvocation, CliIo } from './cli-commands';
import { md, toPlainText } from '../text/mrkdwn';
import { renderNotice } from '../slack/notices/render-notice';

/** Flags only these commands read: `--from`, `--to` (rehearse) and `--at` (jobs run). */
export type ScheduleFlags = CliInvocation['flags'];
type Invocation = Omit<CliInvocation, 'flags'> & { flags: ScheduleFlags };

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
export const CLI_MEETING_COMMANDS: Record<
  string,
  { usage: string; run(s: AppServices, inv: Invocation, io: CliIo): Promise<void> | void }
> = {
  'meeting show': {
    usage: 'kfrelease meeting show [--release VERSION] [--json]',
    run: (s, { flags }, io) => show(getMeetingSettings(s, flags.release), flags, io),
  },
  'meeting set': {
    usage: `${cliUsage(MEETING_SET_USAGE)} [--release VERSION]`,
    run: (s, { positionals, flags }, io) =>
      show(
        setMeetingSettings(s, { version: flags.release, words: positionals, actor: cliActor() }),
        flags,
        io,
      ),
  },
  'reminders set': {
    usage: `${cliUsage(REMINDERS_SET_USAGE)} [--release VERSION]`,
    run: (s, { positionals, flags }, io) =>
      show(
        setReminderSettings(s, { version: flags.release, words: positionals, actor: cliActor() }),
        flags,
        io,
      ),
  },
  rehearse: {
    usage: 'kfrelease rehearse [VERSION] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]',
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
