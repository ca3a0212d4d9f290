import type { TeamSummary } from '../../domain/team';
import { join, md, type Mrkdwn } from '../../text/mrkdwn';
import {
  answer,
  context,
  divider,
  fields,
  header,
  LIMITS,
  listSection,
  section,
  type Block,
  type SlackAnswer,
} from './block-kit';
import { listOrNone, mention } from './format';

/** Where every liaison and representative is listed when Slack cannot show them all. */
const SEE_TEAM_FILE = md`the team file`;

/** The handbook's warnings, one context element each; Slack shows ten elements at most. */
function warningsContext(warnings: string[]): Block {
  const max = LIMITS.contextElements;
  const shown = warnings.length > max ? warnings.slice(0, max - 1) : warnings;
  const items = shown.map((w) => md`:warning: ${w}`);
  const hidden = warnings.length - shown.length;
  if (hidden > 0) items.push(md`_and ${hidden} more warnings_`);
  return context(...items);
}

/** `/kfrelease team`: roles, liaisons by working group, distribution representatives. */
export function teamBlocks(view: {
  version: string;
  summary: TeamSummary;
  warnings: string[];
  empty: boolean;
}): SlackAnswer {
  const s = view.summary;
  if (view.empty) {
    return answer(md`Kubeflow ${view.version} has no team yet`, [
      header(`Team of Kubeflow ${view.version}`),
      section(
        md`No team loaded yet. An admin loads it on the bot's host with \`npx kfrelease team import team.yml\` (see examples/team.yml).`,
      ),
    ]);
  }
  const people = (list: { name: string; slackId: string | null }[]) => listOrNone(list.map(mention));
  const wgLines = s.byWorkingGroup.map((g) => {
    const extra: Mrkdwn[] = [];
    if (g.docsLeads.length) extra.push(md`docs: ${people(g.docsLeads)}`);
    if (g.testLeads.length) extra.push(md`test: ${people(g.testLeads)}`);
    return md`• *${g.wg}*: ${people(g.liaisons)}${extra.length ? md` (${join(extra, '; ')})` : md``}`;
  });
  const distLines = s.byDistribution.map((d) => md`• *${d.distribution}*: ${people(d.reps)}`);
  const shadowLines = s.shadows.map((a) => md`${mention(a)} (${a.role.replace(/_/g, ' ')})`);
  const blocks: Block[] = [
    header(`Team of Kubeflow ${view.version}`),
    fields([
      md`*Release Manager*\n${people(s.releaseManagers)}`,
      md`*Docs Lead*\n${people(s.docsLeads)}${s.docsLeadImplied ? ' _(as Release Manager)_' : ''}`,
      md`*Product Manager*\n${people(s.productManagers)}`,
      md`*Shadows*\n${listOrNone(shadowLines, md`_none_`)}`,
    ]),
    divider(),
    listSection(md`*Working-group liaisons*`, wgLines, SEE_TEAM_FILE),
    distLines.length
      ? listSection(md`*Distribution representatives*`, distLines, SEE_TEAM_FILE)
      : section(md`*Distribution representatives*\n_none yet_`),
  ];
  if (view.warnings.length > 0) blocks.push(warningsContext(view.warnings));
  return answer(md`Team of Kubeflow ${view.version}`, blocks);
}
