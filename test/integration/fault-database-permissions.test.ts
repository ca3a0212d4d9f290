import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runCli } from '../../src/cli/main';
import { ensureDistBuilt, PROJECT_DIR } from '../fault/dist-build';

/**
 * DATABASE_PATH where the user running kfrelease may not write. Root may write anywhere, so as
 * root the compiled bot and command line run as nobody (setpriv); otherwise the folder is made
 * read-only for its owner.
 */
const AS_ROOT = process.getuid?.() === 0;
const RUNNING_USER = AS_ROOT ? 'nobody (uid 65534)' : `${userInfo().username} (uid ${process.getuid?.()})`;
const AS_OTHER_USER = AS_ROOT ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];

/** Runs `node <script> <argv>` as the user who may not write, with only `env`. */
async function runAsUser(script: string, argv: string[], env: Record<string, string>) {
  const [command = process.execPath, ...prefix] = [...AS_OTHER_USER, process.execPath];
  const result = await promisify(execFile)(command, [...prefix, join(PROJECT_DIR, script), ...argv], {
    env,
    timeout: 20_000,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: error.code ?? -1,
      stdout: error.stdout ?? '',
      stderr: error.stderr ?? '',
    }),
  );
  return { code: result.code, out: result.stdout.trim(), err: result.stderr.trim() };
}

const BOT_ENV = {
  SLACK_BOT_TOKEN: 'xoxb-test-token',
  SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99eeeeee85a5',
  SLACK_API_URL: 'http://127.0.0.1:9/api/',
  LOG_LEVEL: 'silent',
  NODE_ENV: 'production',
};

describe('DATABASE_PATH where kfrelease may not write: the setting, the path and the fix', () => {
  let dir: string;
  let locked: string;

  beforeAll(async () => {
    await ensureDistBuilt();
    dir = mkdtempSync(join(tmpdir(), 'kfrelease-permissions-'));
    chmodSync(dir, 0o755);
    locked = join(dir, 'locked');
    mkdirSync(locked);
    // A database made by the owner, which the other user may read but not write.
    const owned = await runCli(
      ['migrate'],
      { DATABASE_PATH: join(locked, 'owned.db'), LOG_LEVEL: 'silent' },
      {
        out: () => undefined,
        err: () => undefined,
      },
    );
    expect(owned).toBe(0);
    chmodSync(join(locked, 'owned.db'), 0o444);
    chmodSync(locked, AS_ROOT ? 0o755 : 0o555);
  }, 180_000);
  afterAll(() => {
    chmodSync(locked, 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a folder it may not write in: the bot and the command line say so, and create nothing', async () => {
    const file = join(locked, 'kfrelease.db');
    const message = `DATABASE_PATH=${file}: ${RUNNING_USER} may not create the database file in the folder ${locked}. Give that user write access to ${locked} (chown or chmod), or point DATABASE_PATH at a place it may write to.`;
    expect(await runAsUser('dist/src/main.js', [], { ...BOT_ENV, DATABASE_PATH: file })).toEqual({
      code: 1,
      out: '',
      err: `kfrelease stopped: ${message}`,
    });
    expect(
      await runAsUser('bin/kfrelease.js', ['migrate'], { DATABASE_PATH: file, LOG_LEVEL: 'silent' }),
    ).toEqual({
      code: 1,
      out: '',
      err: `kfrelease failed: ${message}`,
    });
    expect(readdirSync(locked)).toEqual(['owned.db']);
  }, 60_000);

  it('a folder it may not create: names the folder it would go in', async () => {
    const file = join(locked, 'data', 'kfrelease.db');
    expect(
      await runAsUser('bin/kfrelease.js', ['migrate'], { DATABASE_PATH: file, LOG_LEVEL: 'silent' }),
    ).toEqual({
      code: 1,
      out: '',
      err: `kfrelease failed: DATABASE_PATH=${file}: ${RUNNING_USER} may not create the folder ${join(locked, 'data')} (it would go in ${locked}). Give that user write access to ${locked} (chown or chmod), or point DATABASE_PATH at a place it may write to.`,
    });
  }, 60_000);

  it('a database file it may not write: says whose access to fix', async () => {
    const file = join(locked, 'owned.db');
    expect(
      await runAsUser('bin/kfrelease.js', ['status'], { DATABASE_PATH: file, LOG_LEVEL: 'silent' }),
    ).toEqual({
      code: 1,
      out: '',
      err: `kfrelease failed: DATABASE_PATH=${file}: ${RUNNING_USER} may not write that file. Give that user read and write access to it and its folder (chown or chmod), or point DATABASE_PATH at a place it may write to.`,
    });
  }, 60_000);
});
