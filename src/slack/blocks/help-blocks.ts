import type { Subcommand } from '../commands/subcommands';
import { context, header, section, type SlackAnswer } from './block-kit';

/** `/kfrelease help`: every subcommand with an example; optionally led by why help is shown. */
export function helpBlocks(subcommands: Subcommand[], lead?: string): SlackAnswer {
  const lines = subcommands.map((s) => `• \`${s.usage}\`\n    ${s.summary} Example: \`${s.example}\``);
  return {
    text: lead ?? 'kfrelease help',
    blocks: [
      ...(lead ? [section(lead)] : []),
      header('kfrelease: the Kubeflow release, from Slack'),
      section(lines.join('\n')),
      context(
        'Answers are only shown to you; add `--share` to post one to the channel. `/kfrelease help` shows this again.',
      ),
    ],
  };
}
