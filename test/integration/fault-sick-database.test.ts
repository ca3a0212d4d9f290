import { createHash } from 'node:crypto';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfigFolder } from '../../src/app';
import { runCli } from '../../src/cli/main';
import { SHIPPED_CONFIG_DIR, useConfigDir } from '../../src/config-files/config-dir';
import { parseYamlText } from '../../src/config-files/parse-yaml-text';
import { loadMigrations, migrate, MIGRATIONS_DIR } from '../../src/db/migrate';
import { openDatabase } from '../../src/db/open-database';
import { createStore } from '../../src/db/store';
import { createWriteHealth } from '../../src/db/write-health';
import { UserError } from '../../src/errors';
import type * as StartupChecksModule from '../../src/startup/startup-checks';
import { md } from '../../src/text/mrkdwn';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack';
import { captureOutput, forkChild, killChild, killChildren } from '../fault/child-app';
import { ensureDistBuilt, PROJECT_DIR } from '../fault/dist-build';
import { childAppEnv, readDatabase, seedReleaseDatabase } from '../fault/fault-world';
import { answerText, startTestApp, type TestApp } from '../helpers/start-app';

const NOW = '2026-05-12T10:00:00Z';
const BOT_SCRIPT = join(PROJECT_DIR, 'dist', 'src', 'main.js');
/** A refusal comes within a second or two; a bot that started says so in its log. */
const BOT_TIMEOUT_MS = 15_000;
const PAGE_SIZE = 4096;

/**
 * Runs the compiled bot (`npm start`: dist/src/main.js) with `env` until it exits, or until it
 * logs that it listens (then it is killed, and `code` is null): its exit code and what it printed.
 */
async function runBot(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = forkChild(BOT_SCRIPT, [], { ...env, LOG_LEVEL: 'info' });
  const output = captureOutput(child);
  let code: number | null | undefined;
  // 'close', not 'exit': by then everything it wrote has arrived.
  child.once('close', (exitCode) => (code = exitCode));
  const deadline = Date.now() + BOT_TIMEOUT_MS;
  while (code === undefined && !output().includes('kfrelease is listening')) {
    if (Date.now() > deadline) throw new Error(`the bot neither stopped nor started:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (code === undefined) {
    await killChild(child);
    return { code: null, output: output() };
  }
  return { code, output: output() };
}

async function cli(databasePath: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const env = { DATABASE_PATH: databasePath, KFRELEASE_NOW: NOW, LOG_LEVEL: 'silent' };
  const code = await runCli(argv, env, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function fileHash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(body) as Record<string, unknown> }),
      );
    })
      .on('error', reject)
      .end();
  });
}

describe('a sick database file at start', () => {
  let slack: FakeSlack;
  let dir: string;
  const botEnv = (databasePath: string) =>
    childAppEnv({ databasePath, slackUrl: slack.url, githubUrl: 'http://127.0.0.1:9', now: NOW });

  beforeAll(async () => {
    await ensureDistBuilt();
    slack = await startFakeSlack();
    slack.expect('auth.test');
    dir = mkdtempSync(join(tmpdir(), 'kfrelease-fault-sick-'));
  }, 120_000);
  afterAll(async () => {
    await killChildren();
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('corrupted page: refuses to start, naming the file, the findings and the restore steps (was: started and wrote into the damaged file)', async () => {
    const databasePath = join(dir, 'corrupted', 'kfrelease.db');
    seedReleaseDatabase(databasePath, NOW);
    expect(existsSync(`${databasePath}-wal`)).toBe(false);
    const fd = openSync(databasePath, 'r+');
    writeSync(fd, Buffer.alloc(PAGE_SIZE, 0xab), 0, PAGE_SIZE, PAGE_SIZE);
    closeSync(fd);
    const damaged = fileHash(databasePath);

    const bot = await runBot(botEnv(databasePath));
    expect(bot.code).toBe(1);
    expect(bot.output).toContain(`kfrelease stopped: the database file ${databasePath} is damaged`);
    expect(bot.output).toContain("SQLite's quick_check found:\n  Tree ");
    expect(bot.output).toContain('docs/operations.md, section "Data, backups and restore"');
    expect(bot.output).toContain('copy the backup to DATABASE_PATH, delete the -wal and -shm files');

    const status = await cli(databasePath, 'status');
    expect(status.code).toBe(1);
    expect(status.err).toContain(`kfrelease failed: the database file ${databasePath} is damaged`);
    const migrate = await cli(databasePath, 'migrate');
    expect(migrate.code).toBe(1);
    expect(migrate.err).toContain('is damaged');
    expect(fileHash(databasePath)).toBe(damaged);
  });

  it('garbage over the header: refuses to start the same way (was: "file is not a database" and nothing more)', async () => {
    const databasePath = join(dir, 'header', 'kfrelease.db');
    seedReleaseDatabase(databasePath, NOW);
    const fd = openSync(databasePath, 'r+');
    writeSync(fd, Buffer.alloc(100, 0xab), 0, 100, 0);
    closeSync(fd);

    const status = await cli(databasePath, 'status');
    expect(status.code).toBe(1);
    expect(status.err).toContain(`the database file ${databasePath} is damaged`);
    expect(status.err).toContain('SQLITE_NOTADB: file is not a database');
    expect(status.err).toContain('docs/operations.md, section "Data, backups and restore"');
  });

  it('zero-length file: refuses to start, saying it looks like a lost database (was: started as an empty install without a word)', async () => {
    const databasePath = join(dir, 'empty', 'kfrelease.db');
    seedReleaseDatabase(databasePath, NOW);
    writeFileSync(databasePath, '');

    const bot = await runBot(botEnv(databasePath));
    expect(bot.code).toBe(1);
    expect(bot.output).toContain(`kfrelease stopped: the database file ${databasePath} is empty (0 bytes)`);
    expect(bot.output).toContain('looks like a lost database');
    expect(bot.output).toContain('docs/operations.md, section "Data, backups and restore"');
    expect(bot.output).toContain(`run DATABASE_PATH=${databasePath} npx kfrelease migrate once`);

    const status = await cli(databasePath, 'status');
    expect(status).toMatchObject({ code: 1, out: '' });
    expect(status.err).toContain('is empty (0 bytes)');
    expect(statSync(databasePath).size).toBe(0);
  });

  it('zero-length file: kfrelease migrate starts an empty database in it, and then the bot starts', async () => {
    const databasePath = join(dir, 'empty-on-purpose', 'kfrelease.db');
    seedReleaseDatabase(databasePath, NOW);
    writeFileSync(databasePath, '');

    const migrate = await cli(databasePath, 'migrate');
    expect(migrate).toMatchObject({ code: 0, err: '' });
    expect(migrate.out).toMatch(/^The database is at migration \d+/);
    expect(readDatabase(databasePath, (db) => db.pragma('quick_check', { simple: true }))).toBe('ok');
    expect((await cli(databasePath, 'status')).err).not.toContain('is empty');

    const bot = await runBot(botEnv(databasePath));
    expect(bot.output).toContain('kfrelease is listening');
    expect(bot.code).toBeNull();
  });

  it('a missing file is still a new install', async () => {
    const databasePath = join(dir, 'new', 'kfrelease.db');
    const migrate = await cli(databasePath, 'migrate');
    expect(migrate).toMatchObject({ code: 0, err: '' });
    expect(statSync(databasePath).size).toBeGreaterThan(0);
  });
});

/** The compiled start-up worker (dist/), as main.ts starts it. */
function compiledStartupChecks(): typeof StartupChecksModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(
    join(PROJECT_DIR, 'dist', 'src', 'startup', 'startup-checks.js'),
  ) as typeof StartupChecksModule;
}

describe('the start-up worker (quick_check and the config YAML on the second core)', () => {
  let slack: FakeSlack;
  let dir: string;

  beforeAll(async () => {
    await ensureDistBuilt();
    slack = await startFakeSlack();
    slack.expect('auth.test');
    dir = mkdtempSync(join(tmpdir(), 'kfrelease-fault-worker-'));
  }, 120_000);
  afterAll(async () => {
    useConfigDir(SHIPPED_CONFIG_DIR);
    await killChildren();
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes a sound database and parses every YAML file of the config folder as this thread would', async () => {
    const databasePath = join(dir, 'sound', 'kfrelease.db');
    seedReleaseDatabase(databasePath, NOW);
    const verdict = await compiledStartupChecks().startStartupChecks({
      databasePath,
      configDir: SHIPPED_CONFIG_DIR,
    });
    if (!verdict || 'failed' in verdict) throw new Error(`no verdict: ${JSON.stringify(verdict)}`);
    expect(verdict.databaseSound).toBe(true);
    const files = [
      ...readdirSync(SHIPPED_CONFIG_DIR).filter((name) => name.endsWith('.yml')),
      ...readdirSync(join(SHIPPED_CONFIG_DIR, 'templates')).map((name) => join('templates', name)),
    ].map((name) => join(SHIPPED_CONFIG_DIR, name));
    expect(verdict.yaml.map((entry) => entry.file).sort()).toEqual(files.sort());
    for (const entry of verdict.yaml)
      expect(entry.parse).toEqual(parseYamlText(readFileSync(entry.file, 'utf8')));
  });

  it('leaves a damaged database to the main thread, which refuses it as before', async () => {
    const databasePath = join(dir, 'damaged', 'kfrelease.db');
    seedReleaseDatabase(databasePath, NOW);
    const fd = openSync(databasePath, 'r+');
    writeSync(fd, Buffer.alloc(PAGE_SIZE, 0xab), 0, PAGE_SIZE, PAGE_SIZE);
    closeSync(fd);
    const verdict = await compiledStartupChecks().startStartupChecks({
      databasePath,
      configDir: SHIPPED_CONFIG_DIR,
    });
    expect(verdict).toMatchObject({ databaseSound: false });
    const missing = await compiledStartupChecks().startStartupChecks({
      databasePath: join(dir, 'none', 'kfrelease.db'),
      configDir: join(dir, 'no-such-folder'),
    });
    expect(missing).toEqual({
      databasePath: join(dir, 'none', 'kfrelease.db'),
      yaml: [],
      databaseSound: false,
    });
  });

  it('a broken config folder stops the compiled bot with every problem, word for word as checked in one thread', async () => {
    const configDir = join(dir, 'config');
    cpSync(SHIPPED_CONFIG_DIR, configDir, { recursive: true });
    writeFileSync(join(configDir, 'calendar.yml'), 'holidays:\n  - name: Offsite\n    date: 2026-02-31\n');
    writeFileSync(join(configDir, 'agenda-items.yml'), 'always: [1\n');
    writeFileSync(join(configDir, 'templates', 'handbook-12w.yml'), 'key: handbook-12w\nphases: [\n');
    let inThread = '';
    try {
      readConfigFolder(configDir);
    } catch (error) {
      inThread = (error as Error).message;
    }
    expect(inThread).toContain('Problems in the holiday and conference calendar');
    expect(inThread).toContain('agenda-items.yml: is not valid YAML at line 2, column 1:');
    expect(inThread).toContain('handbook-12w.yml: is not valid YAML');

    const databasePath = join(dir, 'config-db', 'kfrelease.db');
    seedReleaseDatabase(databasePath, NOW);
    const bot = await runBot({
      ...childAppEnv({ databasePath, slackUrl: slack.url, githubUrl: 'http://127.0.0.1:9', now: NOW }),
      KFRELEASE_CONFIG_DIR: configDir,
    });
    expect(bot.code).toBe(1);
    expect(bot.output).toContain(`kfrelease stopped: ${inThread}\n`);
    expect(bot.output).not.toContain('start-up worker failed');
  });

  it('a sound database and config folder: the compiled bot starts on the verdict of the worker, which did not fail', async () => {
    const databasePath = join(dir, 'starts', 'kfrelease.db');
    seedReleaseDatabase(databasePath, NOW);
    const bot = await runBot(
      childAppEnv({ databasePath, slackUrl: slack.url, githubUrl: 'http://127.0.0.1:9', now: NOW }),
    );
    expect(bot.code).toBeNull();
    expect(bot.output).toContain('kfrelease is listening');
    expect(bot.output).not.toContain('start-up worker failed');
  });
});

describe('/healthz with a sick disk', () => {
  let app: TestApp;
  const pageCount = () => app.services.store.db.pragma('page_count', { simple: true }) as number;
  /** A disk that is full for this connection: no page beyond those the file has now. */
  const fillDisk = () => app.services.store.db.pragma(`max_page_count = ${pageCount()}`);
  const freeDisk = () => app.services.store.db.pragma('max_page_count = 1073741823');

  beforeAll(async () => {
    app = await startTestApp({ now: NOW });
    app.slack.expect('chat.postMessage');
  });
  afterAll(async () => {
    freeDisk();
    app.slack.assertNoUnexpectedCalls();
    await app.stop();
  });

  it('disk full: /healthz answers 503 with the reason, and 200 once a write succeeds (was: "database ok" while every write failed)', async () => {
    expect(await getJson(`${app.url}/healthz`)).toMatchObject({ status: 200, body: { status: 'ok' } });
    fillDisk();

    // Each release takes room (each starts next year: no question about dates in the past); the first that needs a page the full disk cannot give is refused.
    let refused: string | undefined;
    for (let minor = 20; minor < 60 && refused === undefined; minor += 1) {
      const answer = answerText(await app.command(`release create v1.${minor}.0 2027-03-01 handbook-17w`));
      if (!answer.includes('Created Kubeflow')) refused = answer;
      else expect((await getJson(`${app.url}/healthz`)).status).toBe(200);
    }
    expect(refused).toContain('Sorry, something went wrong on our side');
    expect(refused).toContain('Nothing was changed.');
    const releases = app.services.store.releases.list().length;
    const full = await getJson(`${app.url}/healthz`);
    expect(full.status).toBe(503);
    expect(full.body).toMatchObject({ status: 'unavailable', database: 'writes failing', releases });
    expect(full.body.reason).toBe(
      'the last write failed: the disk is full (SQLITE_FULL: database or disk is full)',
    );
    // Reading still works: a status request does not make it healthy again.
    await app.command('status');
    expect((await getJson(`${app.url}/healthz`)).status).toBe(503);

    freeDisk();
    const created = await app.command('release create v1.10.0 2027-03-01 handbook-17w Europe/Berlin');
    expect(answerText(created)).toContain('Created Kubeflow *v1.10.0*');
    expect(await getJson(`${app.url}/healthz`)).toMatchObject({
      status: 200,
      body: { status: 'ok', database: 'ok', releases: releases + 1 },
    });
    expect((await getJson(`${app.url}/healthz`)).body).not.toHaveProperty('reason');
  });
});

describe('the store records whether writes reach the disk', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kfrelease-write-health-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts disk failures, not a lock held by another connection or a refused request', () => {
    const file = join(dir, 'health.db');
    const db = openDatabase(file, { busyTimeoutMs: 0 });
    const other = openDatabase(file);
    try {
      migrate(db, loadMigrations(MIGRATIONS_DIR), () => NOW);
      const store = createStore(db);
      const write = (text: string) =>
        store.transaction(() =>
          store.audit.record({
            at: NOW,
            actor: 'cli:test',
            releaseId: null,
            action: 'note',
            details: { text },
          }),
        );

      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      expect(() => write('x'.repeat(3 * PAGE_SIZE))).toThrow('database or disk is full');
      expect(() => write('y'.repeat(3 * PAGE_SIZE))).toThrow('database or disk is full');
      expect(store.writeHealth.state()).toMatchObject({ ok: false, code: 'SQLITE_FULL', failures: 2 });
      store.transaction(() => store.releases.list());
      expect(store.writeHealth.state().ok).toBe(false);

      db.pragma('max_page_count = 1073741823');
      write('fits now');
      expect(store.writeHealth.state()).toEqual({ ok: true });

      other.exec('BEGIN IMMEDIATE');
      expect(() => write('locked')).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
      other.exec('ROLLBACK');
      expect(() =>
        store.transaction(() => {
          throw new UserError('bad_argument', md`No such release.`);
        }),
      ).toThrow('No such release.');
      expect(store.writeHealth.state()).toEqual({ ok: true });
    } finally {
      other.close();
      db.close();
    }
  });

  it.each([
    ['SQLITE_FULL', 'the disk is full'],
    ['SQLITE_IOERR_WRITE', 'the disk reported an I/O error'],
    ['SQLITE_READONLY_DBMOVED', 'the database file cannot be written (read-only)'],
    ['SQLITE_CORRUPT', 'the database file is damaged'],
  ])('%s makes writes unhealthy: %s', (code, what) => {
    const health = createWriteHealth();
    health.recordFailure(Object.assign(new Error('boom'), { code }));
    expect(health.state()).toEqual({
      ok: false,
      code,
      reason: `the last write failed: ${what} (${code}: boom)`,
      failures: 1,
    });
  });

  it.each(['SQLITE_BUSY', 'SQLITE_CONSTRAINT_UNIQUE', undefined])(
    '%s leaves the health as it was',
    (code) => {
      const health = createWriteHealth();
      health.recordFailure(Object.assign(new Error('boom'), { code }));
      expect(health.state()).toEqual({ ok: true });
    },
  );
});
