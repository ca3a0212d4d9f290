import type { CalendarConflict } from '../../domain/calendar-conflicts';
import { bold, code, join, md, type Mrkdwn } from '../../text/mrkdwn';
import type { ReleaseProposal } from '../../workflows/plan-release';
import { answer, context, header, listSection, section, type Block, type SlackAnswer } from './block-kit';
import { formatDate } from './format';

/**
 * One line per holiday or conference and day, naming every key date that falls on it, e.g.
 * "• Mon 23 Mar 2026: first day of Feature Freeze, rc.0 during *KubeCon Europe* (Amsterdam)".
 */
export function conflictLines(conflicts: CalendarConflict[]): Mrkdwn[] {
  const grouped = new Map<string, { conflict: CalendarConflict; labels: string[] }>();
  for (const c of conflicts) {
    const key = `${c.date}|${c.event.name}`;
    const entry = grouped.get(key) ?? { conflict: c, labels: [] };
    if (!entry.labels.includes(c.keyDate.label)) entry.labels.push(c.keyDate.label);
    grouped.set(key, entry);
  }
  return [...grouped.values()].map(({ conflict, labels }) => {
    const event = conflict.event;
    const what = event.kind === 'holiday' ? 'on' : 'during';
    const where = event.where ? md` (${event.where})` : md``;
    return md`• ${formatDate(conflict.date)}: ${join(labels)} ${what} ${bold(event.name)}${where}`;
  });
}

/** `/kfrelease release plan`: the proposed timeline, what the calendar says about it, how to create it. */
export function planBlocks(proposal: ReleaseProposal): SlackAnswer {
  const { timeline } = proposal;
  // Nothing is stored yet: the command line's `release plan`, given the same words, prints it all.
  const planCli = proposal.createCommand.replace(
    /^\/kfrelease release create\b/,
    'npx kfrelease release plan',
  );
  const seeAll = md`the command line, ${code(planCli)}`;
  const phases = timeline.phases.map(
    (p) => md`• *${p.name}*: ${formatDate(p.startsOn)} – ${formatDate(p.endsOn)}`,
  );
  const milestones = timeline.milestones.map(
    (m) =>
      md`• ${formatDate(m.dueOn)}: *${m.name}*${m.artifact ? md` ${code(m.artifact)}` : md``}${m.optional ? ' _(optional)_' : ''} · ${m.owner}`,
  );
  const conflicts = conflictLines(proposal.conflicts);
  const n = conflicts.length;
  const calendar: Block =
    proposal.calendarSource === null
      ? section(
          md`:grey_question: There is no holiday and conference calendar (config/calendar.yml), so no date was checked.`,
        )
      : n > 0
        ? listSection(
            md`:warning: *${n} date${n === 1 ? '' : 's'} to think about* (the handbook's timeline criteria; not a block):`,
            conflicts,
            seeAll,
          )
        : section(
            md`:white_check_mark: No milestone, first day of a phase or weekly meeting falls on a holiday or conference of the calendar.`,
          );
  const meeting = proposal.meeting
    ? `Weekly meetings checked on ${proposal.meeting.weekdayName}s, as set up for ${proposal.meeting.from}.`
    : 'No weekly meeting is set up for any release yet, so meetings were not checked.';
  return answer(
    md`Proposed timeline for Kubeflow ${proposal.version}${n ? `: ${n} dates on holidays or conferences` : ''}`,
    [
      header(`Proposed timeline for Kubeflow ${proposal.version}`),
      section(md`${proposal.template.name} · dates in ${proposal.timeZone} · *nothing is created yet*`),
      listSection(md`*Phases*`, phases, seeAll),
      listSection(md`*Milestones*`, milestones, seeAll),
      calendar,
      ...proposal.warnings.map((w) => section(md`:warning: ${w}`)),
      section(
        md`To create it as the first plan, an admin runs ${code(proposal.createCommand)}. Later re-plans are measured against it.`,
      ),
      context(
        join(
          [
            meeting,
            proposal.calendarSource ? `Holidays and conferences from ${proposal.calendarSource}.` : '',
            proposal.notes.length ? `Version read as ${proposal.version}: ${proposal.notes.join('; ')}.` : '',
          ],
          ' ',
        ),
      ),
    ],
  );
}
