import { CLI_OPTIONS, type CliCommand, type CliOptionName } from './cli-command';

const HELP_OPTION = { flag: '-h, --help', text: 'Show this help.' };

/** `--from YYYY-MM-DD`, `--json`: an option as typed. */
export function optionFlag(name: CliOptionName): string {
  const spec: { type: string; value?: string } = CLI_OPTIONS[name];
  return spec.value ? `--${name} ${spec.value}` : `--${name}`;
}

function columns(rows: { left: string; right: string }[]): string[] {
  const width = Math.max(...rows.map((r) => r.left.length)) + 2;
  return rows.map((r) => `  ${r.left.padEnd(width)}${r.right}`);
}

/** What `kfrelease help` prints: every command with what it does, and where to read more. */
export function overviewText(commands: Record<string, CliCommand>): string {
  return [
    "kfrelease: the Kubeflow release bot's command line.",
    '',
    'Usage: kfrelease <command> [arguments] [options]',
    '',
    'Commands:',
    ...columns(
      Object.entries(commands).map(([name, c]) => ({ left: name, right: firstSentence(c.summary) })),
    ),
    '',
    "A command's usage, options and an example: kfrelease help <command>, or kfrelease <command> --help.",
    'Settings come from the environment (DATABASE_PATH, KFRELEASE_NOW, ...): see README.md.',
  ].join('\n');
}

function firstSentence(text: string): string {
  const end = text.search(/[.:](\s|$)/);
  return end === -1 ? text : text.slice(0, end);
}

/** What `kfrelease help <command>` and `kfrelease <command> --help` print. */
export function commandHelpText(command: CliCommand): string {
  const options = [
    ...Object.entries(command.options ?? {}).map(([name, text]) => ({
      left: optionFlag(name as CliOptionName),
      right: text,
    })),
    { left: HELP_OPTION.flag, right: HELP_OPTION.text },
  ];
  return [
    `Usage: ${command.usage}`,
    '',
    command.summary,
    '',
    'Options:',
    ...columns(options),
    '',
    'Example:',
    `  ${command.example}`,
  ].join('\n');
}

/** What `kfrelease help release` prints: the commands that start with that word. */
export function groupHelpText(group: string, commands: Record<string, CliCommand>): string {
  const members = Object.entries(commands).filter(([name]) => name.startsWith(`${group} `));
  return [
    `kfrelease ${group} has these commands:`,
    ...columns(members.map(([name, c]) => ({ left: name, right: firstSentence(c.summary) }))),
    '',
    `Usage, options and an example of one: kfrelease help ${members[0]?.[0] ?? group}`,
  ].join('\n');
}
