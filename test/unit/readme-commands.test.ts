import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUBCOMMANDS } from '../../src/slack/commands/subcommands';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The commands the README's tables document: the words after `/kfrelease` up to the first argument. */
function documented(): string[] {
  const rows = README.split('\n').filter((line) => line.startsWith('| `/kfrelease '));
  return rows.map((row) => {
    const usage = /^\| `\/kfrelease ([^`]*)`/.exec(row)?.[1] ?? '';
    const words: string[] = [];
    for (const word of usage.split(' ')) {
      if (!/^[a-z-]+$/.test(word)) break;
      words.push(word);
    }
    return words.join(' ');
  });
}

/** `docs set` is `docs` with its own words: a subcommand reads the words after its name itself. */
const covers = (name: string, row: string) => row === name || row.startsWith(`${name} `);

describe('the README and /kfrelease help agree', () => {
  it('documents every subcommand help lists', () => {
    const rows = documented();
    const missing = SUBCOMMANDS.map((s) => s.name).filter((name) => !rows.some((row) => covers(name, row)));
    expect(missing).toEqual([]);
  });

  it('documents no subcommand help does not know', () => {
    const names = SUBCOMMANDS.map((s) => s.name);
    expect(documented().filter((row) => !names.some((name) => covers(name, row)))).toEqual([]);
  });

  it('documents the release-selection rule and the lifecycle', () => {
    expect(README).toContain('**Which release a command is about.**');
    expect(README).toContain("**A release's life.**");
    expect(README).toContain('four weeks after the last day of Post Release');
  });
});
