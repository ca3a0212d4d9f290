import type { TeamSummary } from '../../domain/team';
import { context, divider, fields, header, section, type SlackAnswer } from './block-kit';
import { listOrNone, mention } from './format';

/** `/kfrelease team`: roles, liaisons by working group, distribution representatives. */
export function teamBlocks(view: {
  version: string;
  summary: TeamSummary;
  warnings: string[];
  empty: boolean;
}): SlackAnswer {
  const s = view.summary;
  if (view.empty) {
    return {
      text: `Kubeflow ${view.version} has no team yet`,
      blocks: [
        header(`Team of Kubeflow ${view.version}`),
        section(
          "No team loaded yet. An admin loads it on the bot's host with `npx kfrelease team import team.yml` (see examples/team.yml).",
        ),
      ],
    };
  }
  const people = (list: { name: string; slackId: string | null }[]) => listOrNone(list.map(mention));
  const wgLines = s.byWorkingGroup.map((g) => {
    const extra = [
      g.docsLeads.length ? `docs: ${people(g.docsLeads)}` : '',
      g.testLeads.length ? `test: ${people(g.testLeads)}` : '',
    ].filter(Boolean);
    return `• *${g.wg}*: ${people(g.liaisons)}${extra.length ? ` (${extra.join('; ')})` : ''}`;
  });
  const distLines = s.byDistribution.map((d) => `• *${d.distribution}*: ${people(d.reps)}`);
  const shadowLines = s.shadows.map((a) => `${mention(a)} (${a.role.replace(/_/g, ' ')})`);
  const blocks = [
    header(`Team of Kubeflow ${view.version}`),
    fields([
      `*Release Manager*\n${people(s.releaseManagers)}`,
      `*Docs Lead*\n${people(s.docsLeads)}${s.docsLeadImplied ? ' _(as Release Manager)_' : ''}`,
      `*Product Manager*\n${people(s.productManagers)}`,
      `*Shadows*\n${listOrNone(shadowLines, '_none_')}`,
    ]),
    divider(),
    section(`*Working-group liaisons*\n${wgLines.join('\n')}`),
    section(`*Distribution representatives*\n${distLines.length ? distLines.join('\n') : '_none yet_'}`),
  ];
  if (view.warnings.length > 0) blocks.push(context(...view.warnings.map((w) => `:warning: ${w}`)));
  return { text: `Team of Kubeflow ${view.version}`, blocks };
}
