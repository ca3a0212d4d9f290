import type { ReleaseStatus } from '../../workflows/release-status';
import { context, divider, fields, header, section, type SlackAnswer } from './block-kit';
import { formatCountdown, formatDate, formatSlip, listOrNone, mention } from './format';

export const OPEN_SUBMIT_FORM = 'open_submit_revision';

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

/** `/kfrelease status`: where the release stands, at a glance. */
export function statusBlocks(status: ReleaseStatus): SlackAnswer {
  const phaseNames = status.phases.map((p) => `*${p.name}* (until ${formatDate(p.endsOn)})`);
  const where =
    status.outside === 'before'
      ? `Not started yet: week 1 starts ${formatDate(status.phases[0]?.startsOn ?? status.today)}.`
      : status.outside === 'after'
        ? 'The cycle is over.'
        : `${phaseNames.join(' and ')}`;
  const weekLine =
    status.week >= 1
      ? `Week ${status.week} of ${status.releaseWeek}`
      : `${1 - status.week} week(s) before week 1`;
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
      section(revisionsLine(status)),
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
        ],
      },
      context(
        `Plan ${status.planRevision === 1 ? 'as first planned' : `re-planned (plan ${status.planRevision})`} · template \`${status.template}\` · \`/kfrelease timeline ${status.version}\` for every date`,
      ),
    ],
  };
}
