import type { Subcommand } from '../commands/subcommands';
import { context, header, section, type Block, type SlackAnswer } from './block-kit';

/** Slack cuts a section's text at 3,000 characters: stay well below. */
const SECTION_BUDGET = 2800;

/** `/kfrelease help`: every subcommand with an example, by area; optionally led by why help is shown. */
export function helpBlocks(
  groups: { title: string; subcommands: Subcommand[] }[],
  lead?: string,
): SlackAnswer {
  const blocks: Block[] = [
    ...(lead ? [section(lead)] : []),
    header('kfrelease: the Kubeflow release, from Slack'),
  ];
  for (const group of groups) {
    let text = `*${group.title}*`;
    for (const s of group.subcommands) {
      const line = `\n• \`${s.usage}\`\n    ${s.summary} Example: \`${s.example}\``;
      if (text.length + line.length > SECTION_BUDGET) {
        blocks.push(section(text));
        text = `*${group.title}* (continued)`;
      }
      text += line;
    }
    blocks.push(section(text));
  }
  blocks.push(
    context(
      'Answers are only shown to you; add `--share` to post one to the channel. `/kfrelease help` shows this again.',
    ),
  );
  return { text: lead ?? 'kfrelease help', blocks };
}
