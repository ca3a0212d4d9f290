import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_COMMANDS } from '../../src/cli/cli-commands';
import { runCli } from '../../src/cli/main';
import { readCommandLine } from '../../src/cli/read-command-line';

/** `kfrelease <argv>` with `env`: its exit code and what it printed. */
async function kfrelease(env: Record<string, string>, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, env, { out: (l: string) => out.push(l), err: (l: string) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const STATUS_HELP = [
  'Usage: kfrelease status [VERSION] [--json]',
  '',
  'Where the release stands: phase, week, next milestone, release day, key roles, revisions, blockers, RC tags, sign-offs.',
  '',
  'Options:',
  '  --json      Print it as JSON instead of text.',
  '  -h, --help  Show this help.',
  '',
  'Example:',
  '  kfrelease status v1.10.0',
].join('\n');

describe('kfrelease help, usage mistakes and did-you-mean', () => {
  let dir: string;
  let env: Record<string, string>;
  const run = (...argv: string[]) => kfrelease(env, ...argv);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kfrelease-cli-help-'));
    env = { DATABASE_PATH: join(dir, 'kfrelease.db'), LOG_LEVEL: 'silent' };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('kfrelease help lists every command with what it does, exit code 0', async () => {
    const help = await run('help');
    expect(help.code).toBe(0);
    const lines = help.out.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      "kfrelease: the Kubeflow release bot's command line.",
      '',
      'Usage: kfrelease <command> [arguments] [options]',
      '',
      'Commands:',
    ]);
    expect(lines).toContain('  status                  Where the release stands');
    expect(lines).toContain(
      '  release create          Create a release and its first plan, without a release channel (create it in Slack if it should post anywhere)',
    );
    expect(lines.slice(-2)).toEqual([
      "A command's usage, options and an example: kfrelease help <command>, or kfrelease <command> --help.",
      'Settings come from the environment (DATABASE_PATH, KFRELEASE_NOW, ...): see README.md.',
    ]);
    expect(lines.filter((l) => /^ {2}\S/.test(l))).toHaveLength(Object.keys(CLI_COMMANDS).length);
    expect(await run('--help')).toEqual(help);
    // No command at all is a mistake: the same list, on stderr, exit code 2.
    expect(await run()).toEqual({ code: 2, out: '', err: help.out });
  });

  it.each([
    [['help', 'status']],
    [['status', '--help']],
    [['status', '-h']],
    [['status', 'v1.10.0', '--json', '--help']],
  ])('kfrelease %j prints the usage, options and an example of status', async (argv) => {
    expect(await run(...argv)).toEqual({ code: 0, out: STATUS_HELP, err: '' });
  });

  it('release --help lists the release commands; help release create explains one', async () => {
    const group = await run('release', '--help');
    expect(group.code).toBe(0);
    expect(group.out.split('\n')).toEqual([
      'kfrelease release has these commands:',
      '  release create   Create a release and its first plan, without a release channel (create it in Slack if it should post anywhere)',
      '  release shipped  Record the day the release actually shipped, today by default',
      '  release close    End a release',
      '  release cancel   Give a release up, with a reason; it stays readable by version',
      '  release plan     Propose a timeline and create nothing',
      '',
      'Usage, options and an example of one: kfrelease help release create',
    ]);
    expect(await run('help', 'release')).toEqual(group);
    expect(await run('help', 'release', 'create')).toEqual({
      code: 0,
      err: '',
      out: [
        'Usage: kfrelease release create <version> <start-date> [template] [time-zone] [--yes] [--json]',
        '',
        'Create a release and its first plan, without a release channel (create it in Slack if it should post anywhere). A start date or release day in the past is refused unless --yes confirms it.',
        '',
        'Options:',
        '  --yes       Create it even though its start date or release day is in the past.',
        '  --json      Print the release and its timeline as JSON.',
        '  -h, --help  Show this help.',
        '',
        'Example:',
        '  kfrelease release create v1.11.0 2026-07-06 handbook-17w Europe/Berlin',
      ].join('\n'),
    });
    expect(await run('release')).toEqual({
      code: 2,
      out: '',
      err: `kfrelease release needs a command.\n${group.out}`,
    });
  });

  it.each([
    [['stauts'], 'Unknown command: kfrelease stauts.\nDid you mean kfrelease status?'],
    [
      ['release', 'creat', 'v1.11.0'],
      'Unknown command: kfrelease release creat.\nDid you mean kfrelease release create?',
    ],
    [['outbox', 'lst'], 'Unknown command: kfrelease outbox lst.\nDid you mean kfrelease outbox list?'],
    [['help', 'timline'], 'Unknown command: kfrelease timline.\nDid you mean kfrelease timeline?'],
    [['frobnicate'], 'Unknown command: kfrelease frobnicate.'],
  ])('kfrelease %j: an unknown command, the closest one, exit code 2', async (argv, text) => {
    expect(await run(...argv)).toEqual({
      code: 2,
      out: '',
      err: `${text}\nSee every command with: kfrelease help`,
    });
  });

  it.each([
    [
      ['status', '--jsn'],
      'kfrelease status has no option --jsn. Did you mean --json?\nUsage: kfrelease status [VERSION] [--json]\nMore: kfrelease help status',
    ],
    [
      ['rehearse', 'v1.10.0', '--form', '2026-05-04'],
      'kfrelease rehearse has no option --form. Did you mean --from?\nUsage: kfrelease rehearse [VERSION] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]\nMore: kfrelease help rehearse',
    ],
    [
      ['backup', 'copy.db', '--json'],
      'kfrelease backup has no option --json. It takes no options.\nUsage: kfrelease backup FILE\nMore: kfrelease help backup',
    ],
    [
      ['outbox', 'list', '--all-failed'],
      'kfrelease outbox list has no option --all-failed. It takes --failed, --limit N, --json.\nUsage: kfrelease outbox list [--failed] [--limit N] [--json]\nMore: kfrelease help outbox list',
    ],
    [
      ['timeline', '--release', 'v1.10.0'],
      'kfrelease timeline has no option --release. It takes --json.\nUsage: kfrelease timeline [VERSION] [--json]\nMore: kfrelease help timeline',
    ],
    [
      ['rehearse', '--to'],
      '--to needs a value: --to YYYY-MM-DD.\nUsage: kfrelease rehearse [VERSION] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]\nMore: kfrelease help rehearse',
    ],
    [
      ['rehearse', '--from', '--json'],
      '--from needs a value: --from YYYY-MM-DD.\nUsage: kfrelease rehearse [VERSION] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]\nMore: kfrelease help rehearse',
    ],
    [
      ['status', '--json=yes'],
      '--json takes no value (it was given "yes").\nUsage: kfrelease status [VERSION] [--json]\nMore: kfrelease help status',
    ],
  ])('kfrelease %j: a bad option, exit code 2, nothing opened', async (argv, text) => {
    expect(await run(...argv)).toEqual({ code: 2, out: '', err: text });
    expect(existsSync(env.DATABASE_PATH ?? '')).toBe(false);
  });

  it.each(Object.entries(CLI_COMMANDS))(
    '%s: its help has a usage, a summary and an example that is a valid command line',
    (name, command) => {
      expect(command.usage.startsWith(`kfrelease ${name}`)).toBe(true);
      expect(command.summary).toMatch(/^[A-Z].*\.$/);
      const words = command.example.split(' ').filter((w) => !/^[A-Z_]+=/.test(w));
      expect(words[0]).toBe('kfrelease');
      const line = readCommandLine(words.slice(1), CLI_COMMANDS);
      expect(line.kind === 'run' ? line.name : line).toBe(name);
    },
  );
});
