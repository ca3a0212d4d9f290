import type { PhaseView } from '../../workflows/phase-control';
import type { ReleaseStatus } from '../../workflows/release-status';
import { context, divider, escapeMrkdwn, fields, header, section, type SlackAnswer } from './block-kit';
import { formatCountdown, formatDate, formatSlip, listOrNone, mention } from './format';

import { OPEN_BLOCKER_FORM } from './blocker-blocks';

export const OPEN_SUBMIT_FORM = 'open_submit_revision';

function blockersLine(status: ReleaseStatus): string {
  const open = status.blockers.filter((b) => b.open > 0);
  if (open.length === 0) return '*Blocking issues:* none open · `/kfrelease block` to report one';
  const byWg = open.map(
    (b) =>
      `${b.wg} ${b.releaseBlocking} release-blocking${b.atRisk ? `, ${b.atRisk} at risk` : ''} of ${b.open}`,
  );
  return `*Blocking issues:* ${byWg.join(' · ')} · \`/kfrelease blockers\``;
}

function revisionsLine(status: ReleaseStatus): string {
  const r = status.revisions;
  const waiting = [
    r.held ? `${r.held} held for the release manager` : '',
    r.pending ? `${r.pending} pending validation` : '',
  ].filter(Boolean);
  const missing =
    r.missing.length > 0
      ? ` · ${r.freeze ? ':rotating_light: missing' : 'not yet'}: ${r.missing.join(', ')}`
      : '';
  return `*Revisions:* ${r.complete} of ${r.total} working groups complete${waiting.length ? ` · ${waiting.join(', ')}` : ''}${missing} · \`/kfrelease versions\``;
}

/** The current phase's checklist progress and how the release manager moved the release into it. */
function phaseLine(phase: PhaseView): string {
  const name = phase.position.current.name;
  const items = phase.sections[0]?.items ?? [];
  const done = items.filter((s) => s.done).length;
  const unmet = phase.unmet.length > 0 ? ` · ${phase.unmet.length} criteria unmet` : '';
  const progress = `*Checklist of ${name}:* ${done} of ${items.length} done${unmet} · \`/kfrelease phase\``;
  const e = phase.enteredBy;
  if (!e) return progress;
  const by = e.actor.startsWith('cli:') ? e.actor.slice(4) : `<@${e.actor}>`;
  const early = e.daysEarly > 0 ? `, ${e.daysEarly} day${e.daysEarly === 1 ? '' : 's'} early` : '';
  const before = e.unmet.length > 0 ? ` with ${e.unmet.length} criteria of the phase before unmet` : '';
  return `${progress}\n:arrow_right: Moved to ${name} by ${by} on ${formatDate(e.onDate)}${early}${before}${e.reason ? `: ${escapeMrkdwn(e.reason)}` : ''}`;
}

/**
 * `/kfrelease status`: where the release stands, at a glance. With the phase summary, also the
 * current phase's checklist progress and how the release got into it.
 */
export function statusBlocks(status: ReleaseStatus, phase?: PhaseView): SlackAnswer {
  const phaseNames = status.phases.map((p) => `*${p.name}* (until ${formatDate(p.endsOn)})`);
  const where =
    status.outside === 'before'
      ? `Not started yet: week 1 starts ${formatDate(status.phases[0]?.startsOn ?? status.today)}.`
      : status.outside === 'after'
        ? 'The cycle is over.'
        : `${phaseNames.join(' and ')}`;
  const weekLine =
    status.week < 1
      ? `${1 - status.week} week(s) before week 1`
      : status.week <= status.releaseWeek
        ? `Week ${status.week} of ${status.releaseWeek}`
        : `Week ${status.week}, after release day`;
  const next = status.nextMilestone;
  const nextLine = next
    ? `*Next:* ${next.name}${next.artifact ? ` (\`${next.artifact}\`)` : ''}, ${formatDate(next.dueOn)}, ${formatCountdown(next.daysLeft)} · ${next.owner}${next.slipDays ? ` · _${formatSlip(next.slipDays)}_` : ''}`
    : '*Next:* no milestones left.';
  const release = status.release;
  const releaseLine = release
    ? `*Release day:* ${formatDate(release.dueOn)}, ${formatCountdown(release.daysLeft)}${release.slipDays ? ` · _${formatSlip(release.slipDays)}_` : ''}`
    : '';
  const team = status.team;
  const docsLead = `${listOrNone(team.docsLeads.map(mention))}${team.docsLeadImplied ? ' _(as Release Manager)_' : ''}`;
  const text = `Kubeflow ${status.version}: ${status.outside ? where : `${status.phases.map((p) => p.name).join(' + ')}, ${weekLine.toLowerCase()}`}${next ? `; next: ${next.name} ${formatDate(next.dueOn)}` : ''}`;
  return {
    text,
    blocks: [
      header(`Kubeflow ${status.version}`),
      section(`${where}\n${weekLine} · today is ${formatDate(status.today)} (${status.timeZone})`),
      section([nextLine, releaseLine].filter(Boolean).join('\n')),
      section([revisionsLine(status), blockersLine(status), status.rcs, status.signoffs].join('\n')),
      ...(phase ? [section(phaseLine(phase))] : []),
      divider(),
      fields([
        `*Release Manager*\n${listOrNone(team.releaseManagers.map(mention))}`,
        `*Docs Lead*\n${docsLead}`,
        `*Product Manager*\n${listOrNone(team.productManagers.map(mention))}`,
        `*WG liaisons*\n${team.liaisonsCovering} of ${team.workingGroups} working groups covered`,
      ]),
      {
        type: 'actions',
        block_id: 'status_actions',
        elements: [
          {
            type: 'button',
            action_id: OPEN_SUBMIT_FORM,
            text: { type: 'plain_text', text: 'Submit revisions' },
          },
          {
            type: 'button',
            action_id: OPEN_BLOCKER_FORM,
            text: { type: 'plain_text', text: 'Report blocking issues' },
          },
        ],
      },
      context(
        `Plan ${status.planRevision === 1 ? 'as first planned' : `re-planned (plan ${status.planRevision})`} · template \`${status.template}\` · \`/kfrelease timeline ${status.version}\` for every date`,
      ),
    ],
  };
}
