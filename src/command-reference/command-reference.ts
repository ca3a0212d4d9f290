import path from 'node:path';
import { CLI_COMMANDS } from '../cli/cli-commands';
import { PROJECT_ROOT } from '../project-root';
import { SUBCOMMAND_GROUPS } from '../slack/commands/subcommands';

/** Where `npm run docs:commands` writes the reference, and what its test compares. */
export const COMMAND_REFERENCE_FILE = path.join(PROJECT_ROOT, 'docs', 'commands.md');

/** What the reference reads of a command-line command (the fields help prints, where given). */
interface DocumentedCliCommand {
  usage: string;
  summary?: string;
  options?: Partial<Record<string, string>>;
  example?: string;
}

/** Text in a Markdown table cell: a `|` would end the cell, a line break the row. */
const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** Prose in a cell: outside its code spans, a `<` would start an HTML tag (`<version>`). */
const prose = (text: string) =>
  cell(
    text
      .split('`')
      .map((part, i) => (i % 2 === 0 ? part.replaceAll('<', '&lt;') : part))
      .join('`'),
  );
const codeCell = (text: string | undefined) => (text ? `\`${cell(text)}\`` : '');

function slackSection(): string[] {
  const lines = [
    '## In Slack: `/kfrelease`',
    '',
    '`/kfrelease help` (or `/kfrelease` alone) lists the same commands. Answers are shown only to you;',
    'add `--share` where a command offers it to post the answer to the channel. A command about a',
    'release takes `--release <version>` anywhere in it.',
  ];
  for (const group of SUBCOMMAND_GROUPS) {
    lines.push('', `### ${group.title}`, '', '| Command | What it does | Example |', '|---|---|---|');
    for (const command of group.subcommands)
      lines.push(`| ${codeCell(command.usage)} | ${prose(command.summary)} | ${codeCell(command.example)} |`);
  }
  return lines;
}

function cliWhatItDoes(command: DocumentedCliCommand): string {
  const options = Object.entries(command.options ?? {}).map(
    ([name, what]) => `\`--${name}\`: ${prose(what ?? '')}`,
  );
  return [prose(command.summary ?? ''), ...options].filter(Boolean).join('<br>');
}

function cliSection(): string[] {
  const commands: Record<string, DocumentedCliCommand> = CLI_COMMANDS;
  const lines = [
    '## On the command line: `kfrelease`',
    '',
    '`npx kfrelease` in the project folder (`docker exec <container> node bin/kfrelease.js` in the',
    'image) works on the database in `DATABASE_PATH`, like the bot, and may run while the bot runs.',
    'It needs no admin; posts it queues are delivered by the running bot.',
    '',
    '| Command | What it does | Example |',
    '|---|---|---|',
  ];
  for (const command of Object.values(commands))
    lines.push(`| ${codeCell(command.usage)} | ${cliWhatItDoes(command)} | ${codeCell(command.example)} |`);
  return lines;
}

/**
 * The command reference, docs/commands.md, built from the same definitions `/kfrelease help` and
 * `kfrelease --help` print, so the reference cannot drift from what the commands say.
 */
export function commandReference(): string {
  return [
    '# Command reference',
    '',
    '<!-- Written by `npm run docs:commands` from the command definitions in src/slack/commands/ and',
    'src/cli/: change those and run it again; test/unit/command-reference.test.ts fails until then. -->',
    '',
    'Every `/kfrelease` command in Slack and every `kfrelease` command of the command line. Who may',
    'do what: [authorization.md](authorization.md). How the release process works:',
    '[the README](../README.md#using-it).',
    '',
    ...slackSection(),
    '',
    ...cliSection(),
    '',
  ].join('\n');
}
