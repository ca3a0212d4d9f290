import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_COMMANDS } from '../../src/cli/cli-commands';
import { COMMAND_REFERENCE_FILE, commandReference } from '../../src/command-reference/command-reference';
import { SUBCOMMANDS } from '../../src/slack/commands/subcommands';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const written = readFileSync(COMMAND_REFERENCE_FILE, 'utf8');

describe('docs/commands.md, the command reference', () => {
  it('is what the command definitions say now (if not: npm run docs:commands)', () => {
    // toBe prints the lines that differ; the file is written by the script, never by hand.
    expect(written).toBe(commandReference());
  });

  it('has a row for every /kfrelease subcommand help lists, with its usage and example', () => {
    const missing = SUBCOMMANDS.filter(
      (s) => !written.includes(`| \`${s.usage.replaceAll('|', '\\|')}\` |`) || !written.includes(s.example),
    );
    expect(missing.map((s) => s.name)).toEqual([]);
  });

  it('has a row for every command of the command line', () => {
    const missing = Object.entries(CLI_COMMANDS).filter(
      ([, c]) => !written.includes(`| \`${c.usage.replaceAll('|', '\\|')}\` |`),
    );
    expect(missing.map(([name]) => name)).toEqual([]);
  });

  it('writes a usage like <version> as code and a | inside a cell escaped', () => {
    expect(written).toContain(
      '| `/kfrelease blocker at-risk\\|punt\\|blocking owner/repo#N [reason]` | Triage a tracked issue',
    );
    expect(written).not.toMatch(/^\| [^`].*<version>/m);
  });
});

describe('the README', () => {
  it('repeats no command table: the reference is docs/commands.md', () => {
    const rows = README.split('\n').filter((line) => /^\| `(\/kfrelease|kfrelease) /.test(line));
    expect(rows).toEqual([]);
    expect(README).toContain('[docs/commands.md](docs/commands.md)');
  });

  it('starts with the two commands of a fresh clone and names PORT', () => {
    const quickStart = README.slice(README.indexOf('## Quick start'), README.indexOf('## The sandbox'));
    expect(quickStart).toContain('```sh\nnpm install && npm start\nnpm test\n```');
    expect(quickStart).toContain('`PORT`');
  });

  it('documents the release-selection rule, the lifecycle and where operations are', () => {
    expect(README).toContain('**Which release a command is about.**');
    expect(README).toContain("**A release's life.**");
    expect(README).toContain('four weeks after the last day of Post Release');
    expect(README).toContain('[docs/operations.md](docs/operations.md)');
  });
});
