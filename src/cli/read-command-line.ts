import { parseArgs } from 'node:util';
import { closestMatch } from '../text/closest-match';
import { CLI_OPTIONS, type CliCommand, type CliInvocation, type CliOptionName } from './cli-command';
import { commandHelpText, groupHelpText, optionFlag, overviewText } from './cli-help';

/** What a command line asks for: a help text, a command to run, or a mistake to point out (exit 2). */
export type CommandLine =
  | { kind: 'help'; text: string }
  | { kind: 'mistake'; text: string }
  | { kind: 'run'; name: string; command: CliCommand; invocation: CliInvocation };

type Token = ReturnType<typeof parseArgs>['tokens'] extends (infer T)[] | undefined ? T : never;

const SEE_ALL = 'See every command with: kfrelease help';

/** The groups of two-word commands, e.g. `release` for `release create`. */
function groupsOf(commands: Record<string, CliCommand>): Set<string> {
  return new Set(
    Object.keys(commands)
      .filter((name) => name.includes(' '))
      .map((name) => name.split(' ')[0] ?? ''),
  );
}

/** The command the first one or two words name, longest first. */
function commandNamed(words: string[], commands: Record<string, CliCommand>): string | undefined {
  const [first, second] = words;
  return [second === undefined ? undefined : `${first} ${second}`, first].find(
    (name) => name !== undefined && Object.hasOwn(commands, name),
  );
}

/** "Unknown command: kfrelease stauts. Did you mean kfrelease status?" and where to see them all. */
function unknownCommand(words: string[], commands: Record<string, CliCommand>): string {
  const names = Object.keys(commands);
  const typed = words.slice(0, 2).join(' ');
  const guess = (words.length > 1 ? closestMatch(typed, names) : null) ?? closestMatch(words[0] ?? '', names);
  const lines = [`Unknown command: kfrelease ${typed}.`];
  if (guess) lines.push(`Did you mean kfrelease ${guess}?`);
  lines.push(SEE_ALL);
  return lines.join('\n');
}

/** What a command does not take, or takes differently, among the options typed. */
function optionMistake(name: string, command: CliCommand, tokens: Token[]): string | null {
  const allowed = Object.keys(command.options ?? {}) as CliOptionName[];
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === 'help' || token.name === 'h') continue;
    const known = allowed.find((option) => option === token.name);
    const more = `Usage: ${command.usage}\nMore: kfrelease help ${name}`;
    if (!known) {
      const guess = closestMatch(token.name, allowed);
      const takes = allowed.length
        ? `It takes ${allowed.map(optionFlag).join(', ')}.`
        : 'It takes no options.';
      const hint = guess ? `Did you mean --${guess}?` : takes;
      return `kfrelease ${name} has no option ${token.rawName}. ${hint}\n${more}`;
    }
    const spec: { type: string; value?: string } = CLI_OPTIONS[known];
    if (spec.type === 'boolean' && token.inlineValue)
      return `${token.rawName} takes no value (it was given "${token.value ?? ''}").\n${more}`;
    if (spec.type === 'string' && (token.value === undefined || token.value.startsWith('--')))
      return `${token.rawName} needs a value: ${optionFlag(known)}.\n${more}`;
  }
  return null;
}

/** `kfrelease help [command]`: the overview, a command's help, a group's, or a guess. */
function helpFor(words: string[], commands: Record<string, CliCommand>): CommandLine {
  if (words.length === 0) return { kind: 'help', text: overviewText(commands) };
  const name = commandNamed(words, commands);
  if (name && words.length <= name.split(' ').length)
    return { kind: 'help', text: commandHelpText(commands[name] as CliCommand) };
  if (words.length === 1 && groupsOf(commands).has(words[0] ?? ''))
    return { kind: 'help', text: groupHelpText(words[0] ?? '', commands) };
  return { kind: 'mistake', text: unknownCommand(words, commands) };
}

/**
 * Reads a command line: which command, its words and options. Each command takes only its own
 * options; a mistyped command or option is answered with the closest one by edit distance.
 */
export function readCommandLine(argv: string[], commands: Record<string, CliCommand>): CommandLine {
  const parsed = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: { ...CLI_OPTIONS, help: { type: 'boolean', short: 'h' } },
  });
  const words = parsed.positionals;
  const help = parsed.values.help === true;
  if (words[0] === 'help') return helpFor(words.slice(1), commands);
  if (words.length === 0)
    return help ? helpFor([], commands) : { kind: 'mistake', text: overviewText(commands) };
  const name = commandNamed(words, commands);
  if (!name) {
    const group = words[0] ?? '';
    if (words.length === 1 && groupsOf(commands).has(group)) {
      const text = groupHelpText(group, commands);
      return help
        ? { kind: 'help', text }
        : { kind: 'mistake', text: `kfrelease ${group} needs a command.\n${text}` };
    }
    return { kind: 'mistake', text: unknownCommand(words, commands) };
  }
  const command = commands[name] as CliCommand;
  if (help) return { kind: 'help', text: commandHelpText(command) };
  const mistake = optionMistake(name, command, parsed.tokens);
  if (mistake) return { kind: 'mistake', text: mistake };
  const v = parsed.values as Record<string, string | boolean | undefined>;
  const text = (key: string) => (typeof v[key] === 'string' ? v[key] : undefined);
  const on = (key: string) => v[key] === true;
  return {
    kind: 'run',
    name,
    command,
    invocation: {
      positionals: words.slice(name.split(' ').length),
      flags: {
        json: on('json'),
        markdown: on('markdown'),
        release: text('release'),
        from: text('from'),
        to: text('to'),
        at: text('at'),
        failed: on('failed'),
        allFailed: on('all-failed'),
        limit: text('limit'),
        yes: on('yes'),
        dryRun: on('dry-run'),
      },
    },
  };
}
