import { isSkipped } from '../../domain/timeline';
import type { ReleaseTimelineView } from '../../workflows/release-timeline';
import { bold, code, md, type Mrkdwn } from '../../text/mrkdwn';
import { answer, context, header, listSection, section, type SlackAnswer } from './block-kit';
import { actor, formatDate, formatSlip, plural } from './format';

type Phase = ReleaseTimelineView['phases'][number];

const SEE_ALL = md`${code('npx kfrelease timeline')}`;

const slipNote = (days: number, planned: string): Mrkdwn | '' =>
  days ? md` _(first plan ${formatDate(planned)}, ${formatSlip(days)})_` : '';

/** A milestone kfrelease knows was done: from its tag, or as the release manager recorded it. */
const doneNote = (done: NonNullable<ReleaseTimelineView['milestones'][number]['done']>): Mrkdwn =>
  done.source === 'tag' && done.ref
    ? md`done (tag ${code(done.ref)})`
    : md`done (recorded by the release manager)`;

/** How the release moved on to this phase: who, when, how early, and why. */
function entered(p: Phase): Mrkdwn | '' {
  const e = p.entered;
  if (!e) return '';
  const early = e.daysEarly > 0 ? `, ${plural(e.daysEarly, 'day')} early` : '';
  const unmet = e.unmet > 0 ? ` with ${e.unmet} criteria unmet` : '';
  return md`\n    :arrow_right: moved on by ${actor(e.by)} on ${formatDate(e.onDate)}${early}${unmet}${e.reason ? `: ${e.reason}` : ''}`;
}

function phaseLine(p: Phase): Mrkdwn {
  const dates = isSkipped(p.current)
    ? `skipped on ${formatDate(p.current.startsOn)}`
    : `${formatDate(p.current.startsOn)} – ${formatDate(p.current.endsOn)}`;
  return md`• ${bold(p.name)}: ${dates}${slipNote(p.slipDays, p.planned.endsOn)}${entered(p)}`;
}

/** `/kfrelease timeline`: every phase and milestone, planned against re-planned. */
export function timelineBlocks(view: ReleaseTimelineView): SlackAnswer {
  const release = view.milestones.find((m) => m.key === 'release');
  const milestones = view.milestones.map(
    (m) =>
      md`• ${m.done ? ':white_check_mark: ' : ''}${formatDate(m.current.startsOn)}: ${bold(m.name)}${m.artifact ? md` ${code(m.artifact)}` : ''}${m.optional ? md` _(optional)_` : ''} · ${m.done ? doneNote(m.done) : m.owner}${slipNote(m.slipDays, m.planned.startsOn)}`,
  );
  const plan =
    view.planRevision === 1
      ? md`first plan`
      : md`plan ${view.planRevision}, re-planned ${view.replannedAt?.slice(0, 10) ?? ''}${view.replanReason ? `: ${view.replanReason}` : ''}`;
  return answer(md`Timeline of Kubeflow ${view.version}`, [
    header(`Timeline of Kubeflow ${view.version}`),
    listSection(md`*Phases*`, view.phases.map(phaseLine), SEE_ALL),
    listSection(md`*Milestones*`, milestones, SEE_ALL),
    ...(release?.slipDays
      ? [
          section(
            md`:calendar: *Release day ${release.done ? 'came' : 'is'} ${formatSlip(release.slipDays)}* (first plan ${formatDate(release.planned.startsOn)})`,
          ),
        ]
      : []),
    context(
      md`Dates in ${view.timeZone} · template ${code(view.template)} · ${plan} · every decision: \`/kfrelease decisions\``,
    ),
  ]);
}
