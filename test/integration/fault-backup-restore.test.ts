import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github';
import { readDatabase } from '../fault/fault-world';
import { databaseSnapshot } from '../helpers/database-snapshot';
import { DURING_FREEZE, heldAfterBugFix, seedGitHub, startRevisionApp } from '../helpers/revision-fixtures';
import { startTestApp, type TestApp } from '../helpers/start-app';

/**
 * test/integration/cli.test.ts shows a backup opens with the same `status --json`. Here the
 * backup is taken from a running app with revisions and posts in it, restored by copying it to a
 * new DATABASE_PATH, and the restored app answers Slack exactly as the original did.
 */
describe('backup, then restore to a new DATABASE_PATH', () => {
  let github: FakeGitHub;
  let original: TestApp;
  let restored: TestApp | undefined;
  let dir: string;

  beforeAll(async () => {
    github = await startFakeGitHub();
    seedGitHub(github);
    dir = mkdtempSync(join(tmpdir(), 'kfrelease-fault-backup-'));
  });
  afterAll(async () => {
    await restored?.stop();
    await original?.stop();
    await github.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = async (databasePath: string, ...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const env = { DATABASE_PATH: databasePath, KFRELEASE_NOW: DURING_FREEZE, LOG_LEVEL: 'silent' };
    const code = await runCli(argv, env, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  const integrity = (file: string) =>
    readDatabase(file, (db) => db.pragma('integrity_check', { simple: true }));
  /** Rows per table: a readable first look before the full snapshot is compared. */
  const rowCounts = (snapshot: string) =>
    Object.fromEntries(
      (JSON.parse(snapshot) as [string, unknown[]][]).map(([table, rows]) => [table, rows.length]),
    );

  it('passes integrity_check, holds every row, and answers status identically', async () => {
    const started = await startRevisionApp(github, { now: DURING_FREEZE });
    original = started.app;
    await heldAfterBugFix(original, started.release, 'v1.11.0');

    const backup = join(dir, 'backup.db');
    expect(await cli(original.databasePath, 'backup', backup)).toMatchObject({ code: 0, err: '' });
    expect(integrity(backup)).toBe('ok');

    const restoredPath = join(dir, 'restored', 'kfrelease.db');
    mkdirSync(join(dir, 'restored'));
    copyFileSync(backup, restoredPath);
    expect(integrity(restoredPath)).toBe('ok');
    const before = databaseSnapshot(original.services.store.db);
    const after = readDatabase(restoredPath, databaseSnapshot);
    expect(rowCounts(after)).toEqual(rowCounts(before));
    expect(after).toBe(before);

    const statusJson = await cli(original.databasePath, 'status', '--json');
    expect(statusJson.code).toBe(0);
    expect(await cli(restoredPath, 'status', '--json')).toEqual(statusJson);

    restored = await startTestApp({
      now: DURING_FREEZE,
      githubUrl: github.url,
      env: { DATABASE_PATH: restoredPath },
    });
    for (const text of ['status', 'status v1.10.0']) {
      const [answered, answeredRestored] = await Promise.all([
        original.command(text),
        restored.command(text),
      ]);
      expect(answered.status).toBe(200);
      expect(answeredRestored.json()).toEqual(answered.json());
      expect(JSON.stringify(answered.json())).toContain('v1.10.0');
    }
  });
});
