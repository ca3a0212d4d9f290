import { UserError } from '../errors';
import { getDecisionLog } from '../workflows/decision-log';
import { PLAN_RELEASE_USAGE } from '../workflows/command-usages';
import { readCalendar } from '../workflows/calendar-file';
import { planRelease } from '../workflows/plan-release';
import { compileRetrospective, retrospectiveMarkdown } from '../workflows/retrospective';
import { draftScheduleAnnouncement } from '../workflows/schedule-announcement';
import { JSON_OPTION, type CliCommand } from './cli-command';
import { md } from '../text/mrkdwn';

const cliUsage = (usage: string) => usage.replace('/kfrelease', 'kfrelease').split(', e.g.')[0] ?? usage;

function atMostVersion(positionals: string[], usage: string): string | undefined {
  if (positionals.length > 1)
    throw new UserError('bad_argument', md`Give at most one release version.`, md`Usage: ${usage}`);
  return positionals[0];
}

/** The command line's release manager tools, over the same workflows as Slack. */
export const CLI_RELEASE_MANAGER_COMMANDS: Record<string, CliCommand> = {
  'release plan': {
    usage: `${cliUsage(PLAN_RELEASE_USAGE)} [--json]`,
    summary:
      'Propose a timeline and create nothing: warns about milestones, phase starts and weekly meetings on the holidays and events of config/calendar.yml, and ends with the release create command to use.',
    options: JSON_OPTION,
    example: 'kfrelease release plan v1.11.0 2026-07-06 handbook-17w Europe/Berlin',
    readsOnly: true,
    run: (s, { positionals, flags }, io) => {
      const [version, startDate, ...words] = positionals;
      if (!version || !startDate || positionals.length > 4) {
        throw new UserError(
          'bad_argument',
          md`Give a version and a start date, then optionally a template and a time zone.`,
          md`Usage: ${cliUsage(PLAN_RELEASE_USAGE)}`,
        );
      }
      const proposal = planRelease(s, { version, startDate, words }, readCalendar());
      if (flags.json) return io.out(JSON.stringify(proposal, null, 2));
      io.out(
        `Proposed timeline for Kubeflow ${proposal.version} (${proposal.template.key}, ${proposal.timeZone}); nothing is created yet.`,
      );
      for (const p of proposal.timeline.phases) io.out(`  ${p.startsOn} .. ${p.endsOn}  ${p.name}`);
      for (const m of proposal.timeline.milestones)
        io.out(`  ${m.dueOn}  ${m.name}${m.artifact ? ` [${m.artifact}]` : ''}`);
      for (const c of proposal.conflicts) {
        io.out(
          `warning: ${c.date} ${c.keyDate.label}: ${c.event.name}${c.event.where ? ` (${c.event.where})` : ''}`,
        );
      }
      for (const w of proposal.warnings) io.out(`warning: ${w}`);
      io.out(`Create it with: ${proposal.createCommand.replace('/kfrelease', 'kfrelease')}`);
    },
  },
  'schedule-announcement': {
    usage: 'kfrelease schedule-announcement [VERSION]',
    summary: 'Draft the schedule announcement for kubeflow-discuss, with the dates of the current plan.',
    example: 'kfrelease schedule-announcement v1.11.0',
    readsOnly: true,
    run: (s, { positionals }, io) => {
      const version = atMostVersion(positionals, 'kfrelease schedule-announcement [VERSION]');
      io.out(draftScheduleAnnouncement(s, { version, calendar: readCalendar().events }).text);
    },
  },
  retro: {
    usage: 'kfrelease retro [VERSION] [--json]',
    summary: "The release's retrospective as Markdown: slips, revisions, blockers, sign-offs, decisions.",
    options: JSON_OPTION,
    example: 'kfrelease retro v1.10.0',
    readsOnly: true,
    run: (s, { positionals, flags }, io) => {
      const view = compileRetrospective(s, atMostVersion(positionals, 'kfrelease retro [VERSION] [--json]'));
      io.out(flags.json ? JSON.stringify(view, null, 2) : retrospectiveMarkdown(view));
    },
  },
  decisions: {
    usage: 'kfrelease decisions [VERSION] [--json]',
    summary: 'Every decision of the release manager, with who made it, when and why.',
    options: JSON_OPTION,
    example: 'kfrelease decisions v1.10.0',
    readsOnly: true,
    run: (s, { positionals, flags }, io) => {
      const log = getDecisionLog(s, atMostVersion(positionals, 'kfrelease decisions [VERSION] [--json]'));
      if (flags.json) return io.out(JSON.stringify(log, null, 2));
      io.out(`Kubeflow ${log.version}: ${log.decisions.length} decision(s) of the release manager`);
      for (const d of log.decisions) {
        io.out(`  ${d.at.slice(0, 10)}  ${d.actor}  ${d.summary}${d.reason ? `: ${d.reason}` : ''}`);
      }
    },
  },
};
