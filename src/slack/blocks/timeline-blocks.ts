import { isSkipped } from '../../domain/timeline';
import type { ReleaseTimelineView } from '../../workflows/release-timeline';
import { context, escapeMrkdwn, header, section, type SlackAnswer } from './block-kit';
import { formatDate, formatSlip } from './format';

/** `/kfrelease timeline`: every phase and milestone, planned against re-planned. */
export function timelineBlocks(view: ReleaseTimelineView): SlackAnswer {
  const slipNote = (days: number, planned: string) =>
    days ? ` _(first plan ${formatDate(planned)}, ${formatSlip(days)})_` : '';
  const entered = (p: (typeof view.phases)[number]) => {
    const e = p.entered;
    if (!e) return '';
    const early = e.daysEarly > 0 ? `, ${e.daysEarly} day${e.daysEarly === 1 ? '' : 's'} early` : '';
    const unmet = e.unmet > 0 ? ` with ${e.unmet} criteria unmet` : '';
    return `\n    :arrow_right: moved on by ${mentionActor(e.by)} on ${formatDate(e.onDate)}${early}${unmet}${e.reason ? `: ${escapeMrkdwn(e.reason)}` : ''}`;
  };
  const phases = view.phases.map(
    (p) =>
      `• *${p.name}*: ${isSkipped(p.current) ? `skipped on ${formatDate(p.current.startsOn)}` : `${formatDate(p.current.startsOn)} – ${formatDate(p.current.endsOn)}`}${slipNote(p.slipDays, p.planned.endsOn)}${entered(p)}`,
  );
  const release = view.milestones.find((m) => m.key === 'release');
  const milestones = view.milestones.map(
    (m) =>
      `• ${formatDate(m.current.startsOn)}: *${m.name}*${m.artifact ? ` \`${m.artifact}\`` : ''}${m.optional ? ' _(optional)_' : ''} · ${m.owner}${slipNote(m.slipDays, m.planned.startsOn)}`,
  );
  return {
    text: `Timeline of Kubeflow ${view.version}`,
    blocks: [
      header(`Timeline of Kubeflow ${view.version}`),
      section(`*Phases*\n${phases.join('\n')}`),
      section(`*Milestones*\n${milestones.join('\n')}`),
      ...(release?.slipDays
        ? [
            section(
              `:calendar: *Release day ${formatSlip(release.slipDays)}* (first plan ${formatDate(release.planned.startsOn)})`,
            ),
          ]
        : []),
      context(
        `Dates in ${view.timeZone} · template \`${view.template}\` · ${view.planRevision === 1 ? 'first plan' : `plan ${view.planRevision}, re-planned ${view.replannedAt?.slice(0, 10) ?? ''}${view.replanReason ? `: ${escapeMrkdwn(view.replanReason)}` : ''}`} · every decision: \`/kfrelease decisions\``,
      ),
    ],
  };
}

/** A Slack user as a mention; someone at the command line by name. */
function mentionActor(actor: string): string {
  return actor.startsWith('cli:') ? escapeMrkdwn(actor.slice(4)) : `<@${actor}>`;
}
