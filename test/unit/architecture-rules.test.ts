import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const ESLINT = join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

/** Lints `code` as if it were the file at `path`, with the project's own ESLint configuration. */
function lint(path: string, code: string): { ruleIds: string[]; messages: string[] } {
  const run = spawnSync(process.execPath, [ESLINT, '--stdin', '--stdin-filename', path, '--format', 'json'], {
    cwd: ROOT,
    input: code,
    encoding: 'utf8',
  });
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  const messages = result?.messages ?? [];
  return { ruleIds: messages.map((m) => m.ruleId ?? 'parse'), messages: messages.map((m) => m.message) };
}

describe('the layers, as npm run lint enforces them', () => {
  it.each([
    [
      'src/workflows/example.ts',
      "import { section } from '../slack/blocks/block-kit';\nexport const s = section;\n",
    ],
    [
      'src/workflows/example.ts',
      "import type { KnownBlock } from '@slack/types';\nexport type B = KnownBlock;\n",
    ],
    ['src/domain/example.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"],
    ['src/domain/example.ts', "import type { Store } from '../db/store';\nexport type S = Store;\n"],
    [
      'src/domain/example.ts',
      "import { findRelease } from '../workflows/find-release';\nexport const f = findRelease;\n",
    ],
    [
      'src/slack/commands/example-subcommands.ts',
      "import { findRelease } from '../../workflows/find-release';\nexport const f = findRelease;\n",
    ],
    ['src/slack/commands/example-subcommands.ts', "import { z } from 'zod';\nexport const s = z.string();\n"],
    [
      'src/slack/commands/example-subcommands.ts',
      "import { EXAMPLE_HANDLERS } from './example-subcommand-handlers';\nexport const h = EXAMPLE_HANDLERS;\n",
    ],
  ])('refuses in %s: %j', (path, code) => {
    expect(lint(path, code).ruleIds).toContain('@typescript-eslint/no-restricted-imports');
  });

  it.each([
    ['src/workflows/example.ts', "import { md } from '../text/mrkdwn';\nexport const m = md`ok`;\n"],
    ['src/domain/example.ts', "import { DateTime } from 'luxon';\nexport const d = DateTime;\n"],
    [
      'src/slack/example.ts',
      "import { findRelease } from '../workflows/find-release';\nexport const f = findRelease;\n",
    ],
    [
      'src/slack/commands/example-subcommands.ts',
      "import { ACCEPT_USAGE } from '../../workflows/command-usages';\nexport const u = ACCEPT_USAGE;\n",
    ],
    [
      'src/slack/commands/example-subcommands.ts',
      "import type { ReleaseRow } from '../../db/release-repository';\nexport type R = ReleaseRow;\n",
    ],
  ])('allows in %s: %j', (path, code) => {
    expect(lint(path, code).ruleIds).toEqual([]);
  });

  it('refuses mrkdwn made by hand outside src/text and the Block Kit builders', () => {
    const minted = lint(
      'src/slack/blocks/example.ts',
      "import { Mrkdwn } from '../../text/mrkdwn';\nexport const m = Mrkdwn.mint('<!channel>');\n",
    );
    expect(minted.ruleIds).toEqual(['no-restricted-syntax']);
    const raw = lint(
      'src/slack/blocks/example.ts',
      "export const t = { type: 'mrkdwn', text: '<!here>' };\n",
    );
    expect(raw.ruleIds).toEqual(['no-restricted-syntax']);
    expect(lint('src/text/example.ts', "export const t = { type: 'mrkdwn', text: 'x' };\n").ruleIds).toEqual(
      [],
    );
  });
});
