import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startGitHubStandIn, type GitHubStandIn } from '../src/sandbox/github-stand-in';
import { bareBoltEnvironment, benchConfig, benchEnvironment, seedingEnvironment } from './bench-environment';
import { buildBenchServices } from './build-bench-services';
import { compareUnderLoad } from './compare-under-load';
import { startDelayingProxy, type DelayingProxy } from './delaying-proxy';
import { evaluateTargets } from './evaluate-targets';
import { startFakeSlackApi, type FakeSlackApi } from './fake-slack-api';
import { gitInfo, machineInfo } from './machine-info';
import { measureBlockerSync } from './measure-blocker-sync';
import { measureModalAck, seedRevisionGitHub, type ModalCaseSettings } from './measure-modal-ack';
import { measureScheduler, SCHEDULER_RELEASES } from './measure-scheduler';
import { measureStatusAssembly } from './measure-status-assembly';
import { measureAnswers } from './measure-answers';
import { measureGrowth } from './measure-growth';
import { measureStartup } from './measure-startup';
import { printSummary, writeResults, type BenchResults } from './report';
import { seedDatabase } from './seed-database';
import { signedSlashCommand } from './signed-slash-command';
import { startServerProcess, type ServerProcess } from './start-server-process';
import { verifyAnswers } from './verify-answers';

/** About two and a half minutes on two cores. */
const SETTINGS = {
  levels: [10, 100],
  rounds: 3,
  roundMs: 5_000,
  /** V8 needs a few seconds of traffic before both apps reach their steady speed. */
  warmupMs: 2_000,
  /** RSS of each child is sampled while it serves this many connections. */
  sampleMemoryAt: 100,
  idleSettleMs: 1_000,
  /** With a decade of revisions and tracked issues a call takes several ms: 500 give a steady median. */
  statusWarmup: 100,
  statusIterations: 500,
  /** Revision form submissions timed per case (GitHub fast or slow, one or several at once). */
  modalSubmissionsPerCase: 20,
  modalConcurrency: [1, 5],
  modalWarmup: 2,
  /** How long the slow GitHub takes to answer every call. */
  slowGitHubMs: 5_000,
  rehearsals: 5,
  schedulerTicks: 20,
  /** Issue 18: each answer against bare Bolt at one connection, in short alternating rounds. */
  answerRounds: 2,
  answerRoundMs: 2_000,
  /**
   * Before each answer's rounds, both apps answer it for this long unmeasured. The load before
   * warms only the cached path: V8 optimises the assembly of an uncached status over its first
   * few thousand answers (1.2 ms of CPU per answer in the first 1,200 after start, 0.72 ms after
   * 6,000, on this machine), and the rounds are to show what each answer costs once warm.
   */
  answerWarmupMs: 3_000,
  /** The current release at 1x, 10x and 100x its tracked issues and revisions. */
  growthFactors: [1, 10, 100],
  startupRuns: 3,
};

const MODAL_CASES: ModalCaseSettings[] = [
  ...SETTINGS.modalConcurrency.map((concurrency) => ({
    github: 'fast' as const,
    githubDelayMs: 0,
    concurrency,
  })),
  ...SETTINGS.modalConcurrency.map((concurrency) => ({
    github: 'slow' as const,
    githubDelayMs: SETTINGS.slowGitHubMs,
    concurrency,
  })),
];

const log = (line: string) => console.log(line);

/**
 * `npm run bench`: our app against a bare Bolt app, side by side, on a seeded decade of releases;
 * the revision form's answer with a slow GitHub; the blocker sync's GitHub cost; the scheduler.
 */
async function main(): Promise<number> {
  const startedAt = new Date().toISOString();
  const machine = machineInfo();
  const workDir = mkdtempSync(join(tmpdir(), 'kfrelease-bench-'));
  const databasePath = join(workDir, 'kfrelease.db');
  const signingSecret = randomBytes(16).toString('hex');
  const makeRequest = () => signedSlashCommand(signingSecret, 'status');
  const started: ServerProcess[] = [];
  let slack: FakeSlackApi | undefined;
  let modalSlack: FakeSlackApi | undefined;
  let github: GitHubStandIn | undefined;
  let proxy: DelayingProxy | undefined;
  try {
    // 1. Seed ten years of releases, teams, working groups, revisions and tracked issues.
    log('1. seeding the database');
    const seedEnv = seedingEnvironment(databasePath, signingSecret);
    const seeded = seedDatabase(benchConfig(seedEnv));
    log(
      `   ${seeded.releases.length} releases, ${seeded.rows.revisions} revisions, ` +
        `${seeded.rows.blockers} tracked issues in ${seeded.seedMs.toFixed(0)} ms; now is ${seeded.now}`,
    );

    // 2. Status assembly in this process, with the clock frozen in the current release's feature freeze.
    log('2. status assembly in-process');
    const services = buildBenchServices(benchConfig({ ...seedEnv, KFRELEASE_NOW: seeded.now }));
    const statusAssembly = measureStatusAssembly(services, {
      warmup: SETTINGS.statusWarmup,
      iterations: SETTINGS.statusIterations,
    });
    // What the revision form's GitHub must know: the revisions each repository last had accepted.
    const currentRelease = services.store.releases.findByVersion(seeded.currentVersion);
    const formRepos = seeded.liaison.repos.map((repo) => ({
      repo,
      previousSha: currentRelease
        ? (services.store.revisions.lastAcceptedFreeze(currentRelease.id, repo)?.commitSha ?? null)
        : null,
    }));
    const githubDeadlineMs = services.githubDeadlineMs;
    services.store.db.close();

    // 2a. Issue 18: every answer in-process as the current release grows 10x and 100x.
    log(
      `2a. growth: the current release at ${SETTINGS.growthFactors.join('x, ')}x its tracked issues and revisions`,
    );
    const growth = measureGrowth({
      workDir,
      databasePath,
      env: { ...seedEnv, KFRELEASE_NOW: seeded.now },
      currentVersion: seeded.currentVersion,
      homeUser: seeded.liaison.userId,
      factors: SETTINGS.growthFactors,
      log,
    });

    // 2b. Issue 5: the scheduler's rehearsal and minute tick, on twenty releases of their own.
    log(`2b. scheduler: rehearse and computeDue on ${SCHEDULER_RELEASES} active releases`);
    const scheduler = measureScheduler({
      workDir,
      signingSecret,
      rehearsals: SETTINGS.rehearsals,
      ticks: SETTINGS.schedulerTicks,
    });
    log(
      `   rehearse ${scheduler.rehearse.version}: median ${scheduler.rehearse.p50.toFixed(0)} ms ` +
        `(${scheduler.rehearse.posts} posts); computeDue first tick ${scheduler.computeDue.firstTickMs.toFixed(0)} ms, ` +
        `then median ${scheduler.computeDue.ticks.p50.toFixed(1)} ms`,
    );

    // 2c. Issue 4: the blocker sync's cost on GitHub, 300 tracked issues in 10 repositories.
    log('2c. blocker sync against the GitHub stand-in');
    const blockerSync = await measureBlockerSync({ workDir, signingSecret });
    for (const [name, run] of [
      ['first run', blockerSync.first],
      ['re-run', blockerSync.rerun],
    ] as const) {
      log(
        `   ${name}: ${run.requests} requests, ${run.points} points, ${run.ms.toFixed(0)} ms, ${run.changed} changed`,
      );
    }

    // 3. A fake Slack Web API on loopback for both apps' auth.test; GitHub goes there too.
    log('3. fake Slack Web API on loopback');
    slack = await startFakeSlackApi({ acceptViews: true });
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
      env: bareBoltEnvironment(env),
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

    // 7b. Issue 18: uncached status, versions, blockers, timeline and App Home over HTTP.
    log('7b. each answer against bare Bolt, one connection, alternating');
    const answers = await measureAnswers({
      ours,
      bare,
      databasePath,
      signingSecret,
      homeUser: seeded.liaison.userId,
      rounds: SETTINGS.answerRounds,
      roundMs: SETTINGS.answerRoundMs,
      warmupMs: SETTINGS.answerWarmupMs,
      log,
    });
    await Promise.all([ours.stop(), bare.stop()]);

    // 7c. Issue 18: start-up and idle memory over three alternating runs.
    log(`7c. start-up and idle RSS, ${SETTINGS.startupRuns} runs each, alternating`);
    const startupRuns = await measureStartup({
      runs: SETTINGS.startupRuns,
      idleSettleMs: SETTINGS.idleSettleMs,
      ours: { modulePath: join(__dirname, 'app-process.js'), env },
      bare: {
        modulePath: join(__dirname, 'bare-bolt-process.js'),
        env: bareBoltEnvironment(env),
      },
      makeRequest,
      log,
    });

    // 8. Issue 3: the revision form's answer with GitHub fast, then slow, through our app in a process
    //    of its own whose GitHub is the stand-in behind a proxy that can hold every call.
    log('8. revision form (view_submission) with a fast, then a slow GitHub');
    github = await startGitHubStandIn();
    const tags = Array.from(
      { length: SETTINGS.modalWarmup + MODAL_CASES.length * SETTINGS.modalSubmissionsPerCase },
      (_, k) => `${seeded.currentVersion}-rc.${10 + k}`,
    );
    seedRevisionGitHub(github, formRepos, tags);
    proxy = await startDelayingProxy(github.url);
    modalSlack = await startFakeSlackApi({ acceptPosts: true });
    const formApp = await startServerProcess({
      name: 'ours+github',
      modulePath: join(__dirname, 'app-process.js'),
      env: { ...env, SLACK_API_URL: modalSlack.url, GITHUB_API_URL: proxy.url },
      makeRequest,
    });
    started.push(formApp);
    let nextTag = 0;
    const modal = await measureModalAck({
      eventsUrl: formApp.eventsUrl,
      signingSecret,
      liaison: seeded.liaison,
      version: seeded.currentVersion,
      proxy,
      cases: MODAL_CASES,
      submissionsPerCase: SETTINGS.modalSubmissionsPerCase,
      warmup: SETTINGS.modalWarmup,
      nextTag: () => tags[nextTag++] ?? `${seeded.currentVersion}-rc.${10 + nextTag}`,
      log,
    });

    // 9. Targets, summary, results file.
    const problems = [
      ...load.flatMap((level) =>
        [level.ours, level.bare]
          .filter((app) => app.errors > 0)
          .map(
            (app) =>
              `${app.errors} requests not answered 200 at ${level.connections} connections: ${JSON.stringify(app.errorsByKind)}`,
          ),
      ),
      ...modal
        .filter((c) => c.errors > 0)
        .map(
          (c) =>
            `${c.errors} revision submissions not answered 200 (GitHub ${c.github}, ${c.concurrency} at once): ${JSON.stringify(c.answers)}`,
        ),
      ...answers.flatMap((c) =>
        [c.ours, c.bare]
          .filter((app) => app.errors > 0)
          .map(
            (app) => `${app.errors} ${c.name} requests not answered 200: ${JSON.stringify(app.errorsByKind)}`,
          ),
      ),
      ...[blockerSync.first, blockerSync.rerun]
        .filter((run) => run.error !== null)
        .map((run) => `the blocker sync failed: ${run.error}`),
    ];
    // Background work (outbox, scheduled posts) may call out while we measure: worth knowing, not fatal.
    const { calls } = slack;
    const modalCalls = modalSlack.calls;
    const warnings = [
      ...slack
        .unexpected()
        .map(
          (call) => `the app called ${call} (${calls[call]}x), which the fake refuses: background work ran`,
        ),
      ...modalSlack
        .unexpected()
        .map(
          (call) => `the revision form's app called ${call} (${modalCalls[call]}x), which the fake refuses`,
        ),
      ...github
        .unexpected()
        .map((request) => `the GitHub stand-in has no route for ${request.method} ${request.path}`),
      ...modal
        .filter((c) => c.refusals.length > 0 || (c.github === 'fast' && (c.revisions.pending ?? 0) > 0))
        .map(
          (c) =>
            `revision form, GitHub ${c.github}, ${c.concurrency} at once: answers ${JSON.stringify(c.answers)}, ` +
            `revisions ${JSON.stringify(c.revisions)}${c.refusals.length > 0 ? `, e.g. ${c.refusals[0]}` : ''}`,
        ),
    ];
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
      revisionForm: {
        liaison: seeded.liaison,
        slowGitHubMs: SETTINGS.slowGitHubMs,
        githubDeadlineMs,
        cases: modal,
        slackCalls: modalSlack.calls,
      },
      blockerSync,
      scheduler,
      fakeSlackApi: { calls: slack.calls, unexpected: slack.unexpected() },
      answers,
      growth,
      startupRuns,
      targets: evaluateTargets({
        load,
        statusAssembly,
        modal,
        blockerSync,
        scheduler,
        answers,
        growth,
        startup: startupRuns,
      }),
      problems,
      warnings,
    };
    printSummary(results, log);
    log(`\nresults: ${writeResults(results)}`);
    return problems.length > 0 ? 1 : 0;
  } finally {
    // 10. Stop what this run started and remove the databases.
    for (const child of started) await child.stop();
    await slack?.close();
    await modalSlack?.close();
    await proxy?.close();
    await github?.close();
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
