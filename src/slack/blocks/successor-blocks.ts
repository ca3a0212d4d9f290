import type { SuccessorCandidate } from '../../domain/successor-ranking';
import type { SuccessorView } from '../../workflows/successor';
import { code, listOr, md, type Mrkdwn } from '../../text/mrkdwn';
import { answer, context, header, listSection, section, type SlackAnswer } from './block-kit';
import { mention, plural } from './format';

const withOrganization = (p: { name: string; slackId: string | null; organization?: string | null }) =>
  md`${mention(p)}${p.organization ? ` (${p.organization})` : ''}`;

function candidateLine(c: SuccessorCandidate, minTeams: number): Mrkdwn {
  const mark = c.eligible ? ':white_check_mark:' : ':x:';
  const org =
    c.organizationVersusManager === 'different'
      ? 'another organization'
      : c.organizationVersusManager === 'same'
        ? 'same organization as the release manager'
        : 'organization unknown';
  const teams = `${plural(c.teamsServed, 'release team')}${c.eligible ? '' : ` (needs ${minTeams})`}`;
  return md`${mark} ${withOrganization(c)} · ${teams} · ${org}${c.shadowedReleaseManager ? ' · shadowed the release manager' : ''}`;
}

/** `/kfrelease successor`: the candidates against the handbook, and the call for participation. */
export function successorBlocks(view: SuccessorView): SlackAnswer {
  const managers = listOr(view.managers.map(withOrganization), md`_nobody named_`);
  const lead = view.recommended
    ? md`*Suggested:* ${mention(view.recommended)}: served on ${view.recommended.teamsServed} release teams${view.recommended.organizationVersusManager === 'different' ? ', from another organization than the release manager' : ''}. The release manager nominates and discusses it with the release team.`
    : md`*Nobody on this release team has served on ${view.minTeams} or more release teams.* The handbook asks for that; the release manager decides what to do.`;
  const candidates = view.candidates.map((c) => candidateLine(c, view.minTeams));
  const candidatesLead = md`*Candidates* (release teams served, this one included)`;
  return answer(
    view.recommended
      ? md`Suggested next release manager: ${view.recommended.name}`
      : md`No eligible next release manager`,
    [
      header(`Next release manager after Kubeflow ${view.version}`),
      section(md`${lead}\nRelease manager now: ${managers}`),
      candidates.length > 0
        ? listSection(candidatesLead, candidates, md`${code(`/kfrelease team ${view.version}`)}`)
        : section(md`${candidatesLead}\n_nobody else on the team_`),
      section(
        md`*Call for participation, ready to send to kubeflow-discuss:*\n\`\`\`${view.callForParticipation}\`\`\``,
      ),
      context(
        md`The handbook: served on ${view.minTeams} or more release teams; among several, prefer one from a different organization than the release manager's.`,
      ),
    ],
  );
}
