import type { CalendarConflict } from '../../domain/calendar-conflicts';
import type { ReleaseProposal } from '../../workflows/plan-release';
import { context, escapeMrkdwn, header, section, type Block, type SlackAnswer } from './block-kit';
import { formatDate } from './format';

/**
 * One line per holiday or conference and day, naming every key date that falls on it, e.g.
 * "• Mon 23 Mar 2026: first day of Feature Freeze, rc.0 during *KubeCon Europe* (Amsterdam)".
 */
export function conflictLines(conflicts: CalendarConflict[]): string[] {
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
    return `• ${formatDate(conflict.date)}: ${labels.map(escapeMrkdwn).join(', ')} ${what} *${escapeMrkdwn(event.name)}*${event.where ? ` (${escapeMrkdwn(event.where)})` : ''}`;
  });
}

/** `/kfrelease release plan`: the proposed timeline, what the calendar says about it, how to create it. */
export function planBlocks(proposal: ReleaseProposal): SlackAnswer {
  const { timeline } = proposal;
  const phases = timeline.phases.map(
    (p) => `• *${p.name}*: ${formatDate(p.startsOn)} – ${formatDate(p.endsOn)}`,
  );
  const milestones = timeline.milestones.map(
    (m) =>
      `• ${formatDate(m.dueOn)}: *${m.name}*${m.artifact ? ` \`${m.artifact}\`` : ''}${m.optional ? ' _(optional)_' : ''} · ${m.owner}`,
  );
  const lines = conflictLines(proposal.conflicts);
  const calendar: Block[] =
    proposal.calendarSource === null
      ? [
          section(
            ':grey_question: There is no holiday and conference calendar (config/calendar.yml), so no date was checked.',
          ),
        ]
      : lines.length > 0
        ? [
            section(
              `:warning: *${lines.length} date${lines.length === 1 ? '' : 's'} to think about* (the handbook's timeline criteria; not a block):\n${lines.join('\n')}`,
            ),
          ]
        : [
            section(
              ':white_check_mark: No milestone, first day of a phase or weekly meeting falls on a holiday or conference of the calendar.',
            ),
          ];
  const meeting = proposal.meeting
    ? `Weekly meetings checked on ${proposal.meeting.weekdayName}s, as set up for ${proposal.meeting.from}.`
    : 'No weekly meeting is set up for any release yet, so meetings were not checked.';
  return {
    text: `Proposed timeline for Kubeflow ${proposal.version}${lines.length ? `: ${lines.length} dates on holidays or conferences` : ''}`,
    blocks: [
      header(`Proposed timeline for Kubeflow ${proposal.version}`),
      section(
        `${escapeMrkdwn(proposal.template.name)} · dates in ${proposal.timeZone} · *nothing is created yet*`,
      ),
      section(`*Phases*\n${phases.join('\n')}`),
      section(`*Milestones*\n${milestones.join('\n')}`),
      ...calendar,
      ...proposal.warnings.map((w) => section(`:warning: ${escapeMrkdwn(w)}`)),
      section(
        `To create it as the first plan, an admin runs \`${proposal.createCommand}\`. Later re-plans are measured against it.`,
      ),
      context(
        [
          meeting,
          proposal.calendarSource ? `Holidays and conferences from ${proposal.calendarSource}.` : '',
          proposal.notes.length ? `Version read as ${proposal.version}: ${proposal.notes.join('; ')}.` : '',
        ]
          .filter(Boolean)
          .join(' '),
      ),
    ],
  };
}
