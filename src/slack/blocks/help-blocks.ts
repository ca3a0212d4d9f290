import type { Subcommand } from '../commands/subcommands';
import { bold, code, lines, md, type Mrkdwn } from '../../text/mrkdwn';
import { answer, context, header, section, type Block, type SlackAnswer } from './block-kit';

/** Slack cuts a section's text at 3,000 characters: stay well below. */
const SECTION_BUDGET = 2800;

/** A subcommand: its usage and example as code, so placeholders like `<milestone>` show as typed. */
function usageLine(s: Subcommand): Mrkdwn {
  return md`• ${code(s.usage)}\n    ${s.summary} Example: ${code(s.example)}`;
}

/** A group's subcommands in as many sections as they need, each well below Slack's limit. */
function groupSections(group: { title: string; subcommands: Subcommand[] }): Block[] {
  const sections: Block[] = [];
  let title = bold(group.title);
  let page: Mrkdwn[] = [];
  let used = title.length;
  for (const s of group.subcommands) {
    const line = usageLine(s);
    if (page.length > 0 && used + 1 + line.length > SECTION_BUDGET) {
      sections.push(section(lines(title, ...page)));
      title = md`${bold(group.title)} (continued)`;
      page = [];
      used = title.length;
    }
    page.push(line);
    used += 1 + line.length;
  }
  sections.push(section(lines(title, ...page)));
  return sections;
}

/** `/kfrelease help`: every subcommand with an example, by area; optionally led by why help is shown. */
export function helpBlocks(
  groups: { title: string; subcommands: Subcommand[] }[],
  lead?: Mrkdwn,
): SlackAnswer {
  const blocks: Block[] = [
    ...(lead ? [section(lead)] : []),
    header('kfrelease: the Kubeflow release, from Slack'),
    ...groups.flatMap(groupSections),
    context(
      md`*Which release:* every command takes ${code('--release <version>')} (reading commands also take the version as their only word). Without it: the release of the channel you type in, else the live release whose cycle includes today, else the latest live one; the answer says when another release is live too.`,
    ),
    context(
      md`Answers are only shown to you; add \`--share\` to post one to the channel. \`/kfrelease help\` shows this again.`,
    ),
  ];
  return answer(lead ?? md`kfrelease help`, blocks);
}
