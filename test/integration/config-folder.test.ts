import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../../src/cli/main';
import { SHIPPED_CONFIG_DIR, useConfigDir } from '../../src/config-files/config-dir';

/** The command line on a fresh database with the config folder KFRELEASE_CONFIG_DIR names. */
describe('a config folder mounted with KFRELEASE_CONFIG_DIR', () => {
  let dir: string;
  let configDir: string;
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const env = {
      DATABASE_PATH: join(dir, 'k.db'),
      KFRELEASE_NOW: '2026-05-12T10:00:00Z',
      LOG_LEVEL: 'silent',
      KFRELEASE_CONFIG_DIR: configDir,
    };
    const code = await runCli(argv, env, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kfrelease-config-folder-'));
    configDir = join(dir, 'config');
    cpSync(SHIPPED_CONFIG_DIR, configDir, { recursive: true });
  });
  afterEach(() => {
    useConfigDir(SHIPPED_CONFIG_DIR);
    rmSync(dir, { recursive: true, force: true });
  });

  it('is the calendar release plan warns about', async () => {
    writeFileSync(
      join(configDir, 'calendar.yml'),
      'holidays:\n  - name: Kubeflow team offsite\n    date: 2026-09-21\n    where: Berlin\n',
    );
    expect((await run('migrate')).code).toBe(0);
    const { code, out } = await run('release', 'plan', 'v1.12.0', '2026-06-01');
    expect(code).toBe(0);
    expect(out).toContain('Kubeflow team offsite');
    expect(out).not.toContain('Good Friday');
  });

  it('stops the start listing the problems of every broken file at once', async () => {
    writeFileSync(join(configDir, 'calendar.yml'), 'holidays:\n  - name: Offsite\n    date: 2026-02-31\n');
    writeFileSync(join(configDir, 'agenda-items.yml'), 'always: [1\n');
    const { code, err } = await run('status');
    expect(code).toBe(1);
    const calendar = join(configDir, 'calendar.yml');
    const agenda = join(configDir, 'agenda-items.yml');
    expect(err).toContain(
      `Problems in the holiday and conference calendar (${calendar}):\n• ${calendar}: holidays[0].date: is not a real date`,
    );
    expect(err).toContain(
      `Problems in the standing agenda items (${agenda}):\n• ${agenda}: is not valid YAML at line 2, column 1:`,
    );
    expect(err).toContain(`\n\nFix the files in ${configDir} and start again.`);
  });

  it('a start with the working groups unchanged commits nothing; an edited list is applied at the next start', async () => {
    expect((await run('migrate')).code).toBe(0);
    const db = new Database(join(dir, 'k.db'), { readonly: true });
    try {
      const dataVersion = () => db.pragma('data_version', { simple: true });
      const active = () =>
        db.prepare('SELECT name FROM working_groups WHERE retired = 0 ORDER BY name').pluck().all();
      const before = dataVersion();
      expect((await run('migrate')).code).toBe(0);
      expect(dataVersion()).toBe(before);
      expect(active()).toContain('Notebooks');
      const kubeflow = join(configDir, 'kubeflow.yml');
      writeFileSync(
        kubeflow,
        readFileSync(kubeflow, 'utf8').replace('  - name: Notebooks\n', '  - name: Workbenches\n'),
      );
      expect((await run('migrate')).code).toBe(0);
      expect(dataVersion()).not.toBe(before);
      expect(active()).toContain('Workbenches');
      expect(active()).not.toContain('Notebooks');
    } finally {
      db.close();
    }
  });

  it('must exist', async () => {
    configDir = join(dir, 'no-such-folder');
    const { code, err } = await run('status');
    expect(code).toBe(1);
    expect(err).toContain(`KFRELEASE_CONFIG_DIR: ${configDir} is not a folder.`);
  });
});
