import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServices } from '../../src/app';
import { CLI_COMMANDS } from '../../src/cli/cli-commands';
import { runCli } from '../../src/cli/main';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startupMode } from '../../src/startup-settings';

/** `kfrelease <argv>` with `env`: its exit code and what it printed. */
async function kfrelease(env: Record<string, string>, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, env, { out: (l: string) => out.push(l), err: (l: string) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** What the bot says when it cannot open its database: the message `kfrelease stopped:` prints. */
function botStartProblem(env: Record<string, string>): string {
  const mode = startupMode(env);
  if (mode.kind === 'stop') return mode.message;
  try {
    buildServices(mode.config, { logger: createLogger('silent') }).store.db.close();
    return 'started';
  } catch (error) {
    return (error as Error).message;
  }
}

const BOT = {
  SLACK_BOT_TOKEN: 'xoxb-1',
  SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99eeeeee85a5',
  LOG_LEVEL: 'silent',
};
const READING = Object.entries(CLI_COMMANDS)
  .filter(([, c]) => c.readsOnly)
  .map(([name]) => name);
/** Every command but migrate and release create needs a database already. */
const NEEDING = Object.entries(CLI_COMMANDS)
  .filter(([, c]) => !c.createsDatabase)
  .map(([name]) => name);

describe('kfrelease settings and DATABASE_PATH: every problem named, with what to do', () => {
  let dir: string;
  beforeEach(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'kfrelease-settings-')));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the reading commands are the ones that only read', () => {
    expect(READING).toEqual([
      'status',
      'timeline',
      'versions',
      'backup',
      'tracking-issue preview',
      'announcement',
      'features',
      'release-notes',
      'meeting show',
      'rehearse',
      'release plan',
      'schedule-announcement',
      'retro',
      'decisions',
      'rcs',
      'signoffs',
      'deps',
      'outbox list',
      'manifests preview',
    ]);
  });

  it('only migrate and release create start a database', () => {
    expect(Object.keys(CLI_COMMANDS).filter((name) => !NEEDING.includes(name))).toEqual([
      'migrate',
      'release create',
    ]);
  });

  it.each(NEEDING)(
    '%s without a database: says which one it looked for, creates nothing, exit 1',
    async (name) => {
      const file = join(dir, 'data', 'kfrelease.db');
      const argv = [...name.split(' '), ...(name === 'backup' ? ['copy.db'] : [])];
      expect(await kfrelease({ DATABASE_PATH: file, LOG_LEVEL: 'silent' }, ...argv)).toEqual({
        code: 1,
        out: '',
        err: [
          `There is no kfrelease database at ${file} (DATABASE_PATH=${file}).`,
          'Nothing was created. Set DATABASE_PATH to the database the bot uses (or run kfrelease from the folder that holds data/kfrelease.db),',
          'or start one by creating a release: kfrelease release create VERSION START-DATE (kfrelease migrate creates an empty one).',
        ].join('\n'),
      });
      expect(readdirSync(dir)).toEqual([]);
    },
  );

  it('without DATABASE_PATH: names the default, resolved in the folder kfrelease runs in', async () => {
    const before = process.cwd();
    process.chdir(dir);
    try {
      expect(await kfrelease({ LOG_LEVEL: 'silent' }, 'status')).toEqual({
        code: 1,
        out: '',
        err: [
          `There is no kfrelease database at ${join(dir, 'data', 'kfrelease.db')}: DATABASE_PATH is not set, so kfrelease looked for ./data/kfrelease.db in the folder it runs in.`,
          'Nothing was created. Set DATABASE_PATH to the database the bot uses (or run kfrelease from the folder that holds data/kfrelease.db),',
          'or start one by creating a release: kfrelease release create VERSION START-DATE (kfrelease migrate creates an empty one).',
        ].join('\n'),
      });
      expect(existsSync(join(dir, 'data'))).toBe(false);
    } finally {
      process.chdir(before);
    }
  });

  it('every bad setting is named with its value and what a good one looks like, all at once', async () => {
    const env = {
      DATABASE_PATH: join(dir, 'k.db'),
      KFRELEASE_ADMINS: 'U0ADMIN01, u0bob, @alice',
      PORT: '70000',
      LOG_LEVEL: 'verbose',
      KFRELEASE_NOW: 'yesterday',
      NODE_ENV: 'prod',
      SLACK_BOT_TOKEN: 'xoxp-1234-secret',
      SLACK_SIGNING_SECRET: 'not-the-secret',
      SLACK_APP_TOKEN: 'xoxb-123',
      SLACK_API_URL: 'slack.com/api',
      GITHUB_API_URL: 'ftp://github.example.com',
    };
    const problems = [
      '  - SLACK_BOT_TOKEN: starts with "xoxp-…", but must be the Bot User OAuth Token (OAuth & Permissions page of https://api.slack.com/apps (your app)) starting with xoxb-',
      '  - SLACK_SIGNING_SECRET: the value given (14 characters) is not a Signing Secret, which is hexadecimal digits (Basic Information page of https://api.slack.com/apps (your app))',
      '  - SLACK_APP_TOKEN: starts with "xoxb-…", but must be an app-level token (Basic Information page, App-Level Tokens) starting with xapp-',
      '  - SLACK_API_URL: "slack.com/api" is not an http(s) URL, e.g. https://slack.com/api/',
      '  - GITHUB_API_URL: "ftp://github.example.com" is not an http(s) URL, e.g. https://api.github.com',
      '  - PORT: "70000" is not a port: give a whole number from 0 to 65535 (0 picks a free one)',
      '  - LOG_LEVEL: "verbose" is not a log level: use one of fatal, error, warn, info, debug, trace, silent',
      '  - KFRELEASE_ADMINS: "u0bob", "@alice" are not Slack user IDs: give member IDs separated by commas, e.g. U012ABCDEF,U034GHIJKL (in Slack, a profile\'s ⋮ menu, "Copy member ID")',
      '  - KFRELEASE_NOW: "yesterday" is not an ISO timestamp: write it like 2026-03-02T09:00:00Z',
      '  - NODE_ENV: "prod" is not allowed: use development, test or production (production runs for a Slack workspace and needs its credentials; development and test start the sandbox when there are none)',
    ];
    expect(await kfrelease(env, 'status')).toEqual({
      code: 2,
      out: '',
      err: ['Fix these settings first:', ...problems].join('\n'),
    });
    expect(botStartProblem(env)).toBe(
      ['kfrelease cannot start: fix these settings and start again.', ...problems].join('\n'),
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['KFRELEASE_ADMINS', 'U0ADMIN01,bob', 'KFRELEASE_ADMINS: "bob" is not a Slack user ID: give member IDs'],
    ['PORT', 'http', 'PORT: "http" is not a port'],
    ['PORT', '-1', 'PORT: "-1" is not a port'],
    ['NODE_ENV', 'staging', 'NODE_ENV: "staging" is not allowed: use development, test or production'],
  ])('%s=%s is refused by the bot, naming the value', (name, value, problem) => {
    expect(botStartProblem({ ...BOT, DATABASE_PATH: join(dir, 'k.db'), [name]: value })).toContain(
      `kfrelease cannot start: fix these settings and start again.\n  - ${problem}`,
    );
  });

  it('NODE_ENV=prod without Slack credentials does not start the sandbox: it says which values are allowed', () => {
    expect(startupMode({ NODE_ENV: 'prod', DATABASE_PATH: join(dir, 'k.db') })).toEqual({
      kind: 'stop',
      message:
        'kfrelease cannot start: fix these settings and start again.\n  - NODE_ENV: "prod" is not allowed: use development, test or production (production runs for a Slack workspace and needs its credentials; development and test start the sandbox when there are none)',
    });
    expect(startupMode({ NODE_ENV: 'test', DATABASE_PATH: join(dir, 'k.db') }).kind).toBe('sandbox');
  });

  it('DATABASE_PATH naming a folder: says so and how to name a file in it (bot and command line)', async () => {
    const message = `DATABASE_PATH=${dir} is a folder, not a database file. Point DATABASE_PATH at a file in it, e.g. DATABASE_PATH=${join(dir, 'kfrelease.db')}.`;
    expect(botStartProblem({ ...BOT, DATABASE_PATH: dir })).toBe(message);
    expect(await kfrelease({ DATABASE_PATH: dir, LOG_LEVEL: 'silent' }, 'migrate')).toEqual({
      code: 1,
      out: '',
      err: `kfrelease failed: ${message}`,
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('DATABASE_PATH under a file where a folder should be: says which one', async () => {
    writeFileSync(join(dir, 'data'), 'a file, not a folder');
    const file = join(dir, 'data', 'db', 'kfrelease.db');
    const message = `DATABASE_PATH=${file}: ${join(dir, 'data')} is a file, so the folder ${join(dir, 'data', 'db')} cannot be created. Point DATABASE_PATH at a file in a folder.`;
    expect(botStartProblem({ ...BOT, DATABASE_PATH: file })).toBe(message);
    expect(
      (
        await kfrelease(
          { DATABASE_PATH: file, LOG_LEVEL: 'silent' },
          'release',
          'create',
          'v1.11.0',
          '2099-01-05',
        )
      ).err,
    ).toBe(`kfrelease failed: ${message}`);
  });

  it('DATABASE_PATH naming a file that is not a SQLite database: says so, and that it may be the wrong file', async () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'Release notes for Kubeflow v1.10.0, not a database.\n'.repeat(200));
    const first = `DATABASE_PATH=${file} is not a SQLite database (it does not start with "SQLite format 3"). If DATABASE_PATH points at the wrong file, set it to kfrelease's database (by default ./data/kfrelease.db); if it is kfrelease's database, ${file} was overwritten:`;
    expect(
      botStartProblem({ ...BOT, DATABASE_PATH: file })
        .split('\n')
        .slice(0, 2),
    ).toEqual([
      first,
      `the database file ${file} is damaged; kfrelease does not use it, since writing into it could lose more. SQLite's quick_check found:`,
    ]);
    const status = await kfrelease({ DATABASE_PATH: file, LOG_LEVEL: 'silent' }, 'status');
    expect(status.code).toBe(1);
    expect(status.err.split('\n')[0]).toBe(`kfrelease failed: ${first}`);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('a folder that does not exist yet is created for a new database', async () => {
    const file = join(dir, 'new', 'folder', 'kfrelease.db');
    mkdirSync(join(dir, 'new'));
    expect(await kfrelease({ DATABASE_PATH: file, LOG_LEVEL: 'silent' }, 'migrate')).toMatchObject({
      code: 0,
    });
    expect(existsSync(file)).toBe(true);
  });
});

describe('kfrelease on a cycle that is over', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kfrelease-over-'));
    env = { DATABASE_PATH: join(dir, 'k.db'), KFRELEASE_NOW: '2026-12-06T10:00:00Z', LOG_LEVEL: 'silent' };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('release create with its release day over says so plainly and creates nothing without --yes', async () => {
    expect(await kfrelease(env, 'release', 'create', 'v1.10.0', '2026-03-02')).toEqual({
      code: 1,
      out: '',
      err: [
        'Its release day, 2026-06-22, is already over (today is 2026-12-06 in UTC): the whole cycle from 2026-03-02 is in the past.',
        'Nothing was created. If that is what you mean, run it again with --yes: kfrelease release create v1.10.0 2026-03-02 --yes',
      ].join('\n'),
    });
    const loaded = loadConfig(env);
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    expect((await kfrelease(env, 'status')).err).toContain('There is no release yet.');
    expect(await kfrelease(env, 'release', 'create', 'v1.10.0', '2026-03-02', '--yes')).toMatchObject({
      code: 0,
      out: 'Created v1.10.0 (handbook-17w, UTC); week 1 starts 2026-03-02.',
    });
  });

  it('rehearse says the cycle is over instead of complaining about a --to nobody gave', async () => {
    expect(await kfrelease(env, 'rehearse')).toEqual({
      code: 1,
      out: '',
      err: [
        'The cycle of Kubeflow v1.10.0 ended on 2026-07-26, before today (2026-12-06): there is nothing left to rehearse.',
        'Rehearse a span of it with --from and --to, e.g. kfrelease rehearse v1.10.0 --from 2026-02-02 --to 2026-02-15',
      ].join('\n'),
    });
    expect((await kfrelease(env, 'rehearse', '--from', '2026-08-03')).err.split('\n')[0]).toBe(
      'The cycle of Kubeflow v1.10.0 ended on 2026-07-26, before --from 2026-08-03: there is nothing left to rehearse.',
    );
    expect((await kfrelease(env, 'rehearse', '--from', '2026-07-20', '--to', '2026-07-10')).err).toBe(
      '--to 2026-07-10 is before --from 2026-07-20.',
    );
  });
});
