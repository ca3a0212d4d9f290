import type { ReleaseTimelineView } from '../../workflows/release-timeline';
import { context, header, section, type SlackAnswer } from './block-kit';
import { formatDate, formatSlip } from './format';

/** `/kfrelease timeline`: every phase and milestone, planned against re-planned. */
export function timelineBlocks(view: ReleaseTimelineView): SlackAnswer {
  const slipNote = (days: number, planned: string) =>
    days ? ` _(first plan ${formatDate(planned)}, ${formatSlip(days)})_` : '';
  const phases = view.phases.map(
    (p) =>
      `• *${p.name}*: ${formatDate(p.current.startsOn)} – ${formatDate(p.current.endsOn)}${slipNote(p.slipDays, p.planned.endsOn)}`,
  );
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
      context(
        `Dates in ${view.timeZone} · template \`${view.template}\` · ${view.planRevision === 1 ? 'first plan' : `plan ${view.planRevision}, re-planned ${view.replannedAt?.slice(0, 10) ?? ''}`}`,
      ),
    ],
  };
}
