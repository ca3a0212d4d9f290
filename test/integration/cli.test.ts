import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../../src/cli/main';
import { MILESTONE_KEYS, PHASE_KEYS } from '../../src/domain/phases';

describe('kfrelease command line', () => {
  let dir: string;
  let env: Record<string, string>;
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, env, {
      out: (l: string) => out.push(l),
      err: (l: string) => err.push(l),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kfrelease-cli-'));
    env = { DATABASE_PATH: join(dir, 'k.db'), KFRELEASE_NOW: '2026-05-12T10:00:00Z', LOG_LEVEL: 'silent' };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates a new database', async () => {
    expect(await run('migrate')).toMatchObject({
      code: 0,
      out: expect.stringMatching(/at migration \d+, the latest/),
    });
  });

  it('creates a release that started in the past only with --yes, and imports a team', async () => {
    expect(await run('release', 'create', 'v1.10.0', '2026-03-02', 'handbook-17w', 'Europe/Berlin')).toEqual({
      code: 1,
      out: '',
      err: [
        'Its start date, 2026-03-02, is 71 days in the past (today is 2026-05-12 in Europe/Berlin); 2 milestones would already be past (the latest, First release candidate (rc.0) tagged, was due 2026-05-11).',
        'Nothing was created. If that is what you mean, run it again with --yes: kfrelease release create v1.10.0 2026-03-02 handbook-17w Europe/Berlin --yes',
      ].join('\n'),
    });
    expect(await run('status')).toMatchObject({
      code: 1,
      err: expect.stringContaining('There is no release yet'),
    });
    expect(
      await run('release', 'create', 'v1.10.0', '2026-03-02', 'handbook-17w', 'Europe/Berlin', '--yes'),
    ).toEqual({
      code: 0,
      out: 'Created v1.10.0 (handbook-17w, Europe/Berlin); week 1 starts 2026-03-02.',
      err: '',
    });
    const imported = await run('team', 'import', join(__dirname, '..', '..', 'examples', 'team.yml'));
    expect(imported).toMatchObject({ code: 0, out: expect.stringContaining('14 role(s) added') });
  });

  it('prints the status as JSON with the phase and milestone keys and ISO dates', async () => {
    const { code, out } = await run('status', '--json');
    expect(code).toBe(0);
    const status = JSON.parse(out);
    expect(status).toMatchObject({
      version: 'v1.10.0',
      week: 11,
      today: '2026-05-12',
      nextMilestone: { key: 'rc.1', dueOn: '2026-05-22', daysLeft: 10 },
    });
    expect(status.phases.map((p: { key: string }) => p.key)).toEqual(['feature_freeze', 'documentation']);
  });

  it('prints the status as text, each heading once', async () => {
    const { code, out } = await run('status');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines.filter((l) => l.includes('RC tags'))).toEqual([
      'RC tags:   no RC tag found yet; missing v1.10-branch (due 2026-05-11, 1 day late), v1.10.0-rc.0 (due 2026-05-11, 1 day late) (the manifests repository has not been checked yet)',
    ]);
  });

  it('prints the timeline as JSON with every phase and milestone key', async () => {
    const timeline = JSON.parse((await run('timeline', 'v1.10.0', '--json')).out);
    expect(timeline.phases.map((p: { key: string }) => p.key)).toEqual([...PHASE_KEYS]);
    expect(timeline.milestones.map((m: { key: string }) => m.key)).toEqual([...MILESTONE_KEYS]);
    for (const m of timeline.milestones) expect(m.current.startsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('answers bad arguments with what was wrong and the usage, exit code 1', async () => {
    const result = await run('release', 'create', 'v1.11.0', '2026-07-32');
    expect(result.code).toBe(1);
    expect(result.err).toContain('is not a real date');
    expect(result.err).toContain('Usage: kfrelease release create');
  });

  it('answers an unknown command with the closest one, exit code 2', async () => {
    expect(await run('frobnicate')).toEqual({
      code: 2,
      out: '',
      err: 'Unknown command: kfrelease frobnicate.\nSee every command with: kfrelease help',
    });
  });

  it('takes an online backup that opens with the same status', async () => {
    const file = join(dir, 'backup.db');
    expect((await run('backup', file)).code).toBe(0);
    expect(existsSync(file)).toBe(true);
    const copy = new Database(file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    const original = (await run('status', '--json')).out;
    env = { ...env, DATABASE_PATH: file };
    expect((await run('status', '--json')).out).toBe(original);
    expect((await run('backup', file)).err).toContain('already exists');
  });
});
