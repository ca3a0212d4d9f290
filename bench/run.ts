import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { benchConfig, benchEnvironment } from './bench-environment';
import { buildBenchServices } from './build-bench-services';
import { compareUnderLoad } from './compare-under-load';
import { evaluateTargets } from './evaluate-targets';
import { startFakeSlackApi, type FakeSlackApi } from './fake-slack-api';
import { gitInfo, machineInfo } from './machine-info';
import { measureStatusAssembly } from './measure-status-assembly';
import { printSummary, writeResults, type BenchResults } from './report';
import { seedDatabase } from './seed-database';
import { signedSlashCommand } from './signed-slash-command';
import { startServerProcess, type ServerProcess } from './start-server-process';
import { verifyAnswers } from './verify-answers';

/** About a minute and a half on two cores. */
const SETTINGS = {
  levels: [10, 100],
  rounds: 3,
  roundMs: 5_000,
  /** V8 needs a few seconds of traffic before both apps reach their steady speed. */
  warmupMs: 2_000,
  /** RSS of each child is sampled while it serves this many connections. */
  sampleMemoryAt: 100,
  idleSettleMs: 1_000,
  statusWarmup: 300,
  statusIterations: 2_000,
};

const log = (line: string) => console.log(line);

/** `npm run bench`: our app against a bare Bolt app, side by side, on a seeded decade of releases. */
async function main(): Promise<number> {
  const startedAt = new Date().toISOString();
  const machine = machineInfo();
  const workDir = mkdtempSync(join(tmpdir(), 'kfrelease-bench-'));
  const databasePath = join(workDir, 'kfrelease.db');
  const signingSecret = randomBytes(16).toString('hex');
  const makeRequest = () => signedSlashCommand(signingSecret, 'status');
  const started: ServerProcess[] = [];
  let slack: FakeSlackApi | undefined;
  try {
    // 1. Seed ten years of releases, teams and working groups through the app's own workflows.
    log('1. seeding the database');
    const closedPort = 'http://127.0.0.1:9';
    const seedEnv = benchEnvironment({
      databasePath,
      signingSecret,
      slackApiUrl: `${closedPort}/api/`,
      githubApiUrl: closedPort,
    });
    const seeded = seedDatabase(benchConfig(seedEnv));
    log(`   ${seeded.releases.length} releases in ${seeded.seedMs.toFixed(0)} ms; now is ${seeded.now}`);

    // 2. Status assembly in this process, with the clock frozen in the current release's feature freeze.
    log('2. status assembly in-process');
    const services = buildBenchServices(benchConfig({ ...seedEnv, KFRELEASE_NOW: seeded.now }));
    const statusAssembly = measureStatusAssembly(services, {
      warmup: SETTINGS.statusWarmup,
      iterations: SETTINGS.statusIterations,
    });
    services.store.db.close();

    // 3. A fake Slack Web API on loopback for both apps' auth.test; GitHub goes there too.
    log('3. fake Slack Web API on loopback');
    slack = await startFakeSlackApi();
    const env = benchEnvironment({
      databasePath,
      now: seeded.now,
      signingSecret,
      slackApiUrl: slack.url,
      githubApiUrl: slack.githubUrl,
    });

    // 4. Start each app in its own process, one after the other: fork to first 200 is start-up time.
    log('4. starting our app, then the bare Bolt app, each in its own process');
    const ours = await startServerProcess({
      name: 'ours',
      modulePath: join(__dirname, 'app-process.js'),
      env,
      makeRequest,
    });
    started.push(ours);
    const bare = await startServerProcess({
      name: 'bare',
      modulePath: join(__dirname, 'bare-bolt-process.js'),
      env: {
        SLACK_BOT_TOKEN: env.SLACK_BOT_TOKEN ?? '',
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_API_URL: slack.url,
      },
      makeRequest,
    });
    started.push(bare);

    // 5. Measure nothing unless both answer for real and refuse forged requests.
    log('5. checking both answer for real (the bare app warns about the forged request)');
    const refused = await verifyAnswers({ ours, bare, currentVersion: seeded.currentVersion, makeRequest });
    if (refused.length > 0) throw new Error(`the apps do not answer as they should:\n${refused.join('\n')}`);

    // 6. Idle memory, once both have settled after start-up.
    log('6. idle memory');
    await sleep(SETTINGS.idleSettleMs);
    const [oursIdle, bareIdle] = await Promise.all([ours.usage(), bare.usage()]);

    // 7. Load: alternating short rounds at each level of concurrency.
    log('7. load, alternating ours and bare');
    const load = await compareUnderLoad({ ours, bare, ...SETTINGS, makeRequest, log });

    // 8. Targets, summary, results file.
    const problems = load.flatMap((level) =>
      [level.ours, level.bare]
        .filter((app) => app.errors > 0)
        .map(
          (app) =>
            `${app.errors} requests not answered 200 at ${level.connections} connections: ${JSON.stringify(app.errorsByKind)}`,
        ),
    );
    // Background work (outbox, scheduled posts) may call out while we measure: worth knowing, not fatal.
    const { calls } = slack;
    const warnings = slack
      .unexpected()
      .map((call) => `the app called ${call} (${calls[call]}x), which the fake refuses: background work ran`);
    const results: BenchResults = {
      startedAt,
      git: gitInfo(),
      machine,
      settings: SETTINGS,
      database: {
        currentVersion: seeded.currentVersion,
        now: seeded.now,
        seedMs: seeded.seedMs,
        rows: seeded.rows,
      },
      statusAssembly,
      startup: {
        ours: { ...ours.startup, rssIdleBytes: oursIdle.rss, answerBytes: ours.firstAnswer.text.length },
        bare: { ...bare.startup, rssIdleBytes: bareIdle.rss, answerBytes: bare.firstAnswer.text.length },
      },
      load,
      fakeSlackApi: { calls: slack.calls, unexpected: slack.unexpected() },
      targets: evaluateTargets({ load, statusAssembly }),
      problems,
      warnings,
    };
    printSummary(results, log);
    log(`\nresults: ${writeResults(results)}`);
    return problems.length > 0 ? 1 : 0;
  } finally {
    // 9. Stop what this run started and remove the database.
    for (const child of started) await child.stop();
    await slack?.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
