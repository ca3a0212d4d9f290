import type { SuccessorCandidate } from '../../domain/successor';
import type { SuccessorView } from '../../workflows/successor';
import { context, escapeMrkdwn, header, section, type SlackAnswer } from './block-kit';
import { mention } from './format';

function candidateLine(c: SuccessorCandidate, minTeams: number): string {
  const mark = c.eligible ? ':white_check_mark:' : ':x:';
  const org =
    c.organizationVersusManager === 'different'
      ? 'another organization'
      : c.organizationVersusManager === 'same'
        ? 'same organization as the release manager'
        : 'organization unknown';
  const teams = `${c.teamsServed} release team${c.teamsServed === 1 ? '' : 's'}${c.eligible ? '' : ` (needs ${minTeams})`}`;
  return `${mark} ${mention(c)}${c.organization ? ` (${escapeMrkdwn(c.organization)})` : ''} · ${teams} · ${org}${c.shadowedReleaseManager ? ' · shadowed the release manager' : ''}`;
}

/** `/kfrelease successor`: the candidates against the handbook, and the call for participation. */
export function successorBlocks(view: SuccessorView): SlackAnswer {
  const managers = view.managers.map(
    (m) => `${mention(m)}${m.organization ? ` (${escapeMrkdwn(m.organization)})` : ''}`,
  );
  const lead = view.recommended
    ? `*Suggested:* ${mention(view.recommended)}: served on ${view.recommended.teamsServed} release teams${view.recommended.organizationVersusManager === 'different' ? ', from another organization than the release manager' : ''}. The release manager nominates and discusses it with the release team.`
    : `*Nobody on this release team has served on ${view.minTeams} or more release teams.* The handbook asks for that; the release manager decides what to do.`;
  const candidates = view.candidates.slice(0, 30).map((c) => candidateLine(c, view.minTeams));
  return {
    text: view.recommended
      ? `Suggested next release manager: ${view.recommended.name}`
      : 'No eligible next release manager',
    blocks: [
      header(`Next release manager after Kubeflow ${view.version}`),
      section(`${lead}\nRelease manager now: ${managers.join(', ') || '_nobody named_'}`),
      section(
        `*Candidates* (release teams served, this one included)\n${candidates.join('\n') || '_nobody else on the team_'}`,
      ),
      section(
        `*Call for participation, ready to send to kubeflow-discuss:*\n\`\`\`${view.callForParticipation}\`\`\``,
      ),
      context(
        `The handbook: served on ${view.minTeams} or more release teams; among several, prefer one from a different organization than the release manager's.`,
      ),
    ],
  };
}
