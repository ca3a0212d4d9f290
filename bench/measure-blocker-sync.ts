import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { adjustableClock } from '../src/clock';
import { createLogger } from '../src/logger';
import { startGitHubStandIn } from '../src/sandbox/github-stand-in';
import { createRelease } from '../src/workflows/create-release';
import { syncBlockers } from '../src/workflows/sync-blockers';
import { benchConfig, benchEnvironment } from './bench-environment';
import { buildBenchServices } from './build-bench-services';
import { generateWorkingGroups } from './generate-working-groups';

export const BLOCKER_SYNC_SIZES = { trackedIssues: 300, repositories: 10 };
/** One tracked issue in this many changed on GitHub since it was reported (closed or labelled). */
const CHANGED_EVERY = 5;
const REPORTED_AT = '2026-05-04T09:00:00Z';
const CHANGED_AT = '2026-05-12T15:00:00Z';
/** Longer than @octokit/plugin-throttling's one second between writes (GraphQL counts as one). */
const RUN_GAP_MS = 1_100;

export interface BlockerSyncRun {
  /** GraphQL queries syncBlockers says it sent. */
  requests: number;
  /** Requests the GitHub stand-in received during the run. */
  requestsReceived: number;
  /** Rate-limit points GitHub charged, as its `rateLimit { cost }` answered. */
  points: number;
  ms: number;
  /** Tracked issues whose change was announced. */
  changed: number;
  remaining: number;
  error: string | null;
}

export interface BlockerSyncFigures {
  trackedIssues: number;
  repositories: number;
  /** Tracked issues that changed on GitHub before the first run. */
  changedOnGitHub: number;
  first: BlockerSyncRun;
  /** The same sync again at once: nothing changed on GitHub in between. */
  rerun: BlockerSyncRun;
}

/**
 * syncBlockers in this process over a fresh database holding one release in its feature freeze
 * with 300 tracked issues across 10 repositories (every third a pull request), against the GitHub
 * stand-in on loopback, through the app's own Octokit client: a first run, in which one issue in
 * five has changed on GitHub since it was reported, and an unchanged re-run 1.1 s later.
 */
export async function measureBlockerSync(params: {
  workDir: string;
  signingSecret: string;
}): Promise<BlockerSyncFigures> {
  const github = await startGitHubStandIn();
  const clock = adjustableClock('2026-02-01T09:00:00Z');
  const config = benchConfig(
    benchEnvironment({
      databasePath: join(params.workDir, 'blocker-sync.db'),
      signingSecret: params.signingSecret,
      slackApiUrl: 'http://127.0.0.1:9/api/',
      githubApiUrl: github.url,
    }),
  );
  const services = buildBenchServices(config, clock);
  try {
    const { release } = createRelease(services, {
      version: 'v1.10.0',
      startDate: '2026-03-02',
      template: 'handbook-17w',
      timeZone: 'Europe/Berlin',
      channel: 'C0RELEASE',
      actor: { kind: 'cli', name: 'bench' },
    });
    const groups = services.store.workingGroups.list();
    const repos = generateWorkingGroups()
      .flatMap((g) => g.repos.map((repo) => ({ repo, wgId: groups.find((x) => x.name === g.name)?.id })))
      .slice(0, BLOCKER_SYNC_SIZES.repositories);
    for (const { repo } of repos) github.addRepo(repo);
    let changedOnGitHub = 0;
    services.store.transaction(() => {
      for (let i = 0; i < BLOCKER_SYNC_SIZES.trackedIssues; i++) {
        const target = repos[i % repos.length];
        if (!target?.wgId) throw new Error('working groups not seeded');
        const [owner = '', repo = ''] = target.repo.split('/');
        const number = 100 + Math.floor(i / repos.length);
        const isPullRequest = i % 3 === 1;
        const issue = {
          title: `Crash in ${repo} (${number})`,
          state: 'open' as const,
          labels: ['kind/bug', 'priority/p1'],
          assignees: ['ada-lovelace'],
          updatedAt: REPORTED_AT,
        };
        services.store.blockers.insert({
          ...issue,
          isPullRequest,
          url: `https://github.com/${owner}/${repo}/${isPullRequest ? 'pull' : 'issues'}/${number}`,
          releaseId: release.id,
          wgId: target.wgId,
          owner,
          repo,
          number,
          blocksRelease: true,
          submittedBy: 'U0P0004',
          submittedAt: REPORTED_AT,
          note: '',
        });
        const changed = i % CHANGED_EVERY === 0;
        if (changed) changedOnGitHub += 1;
        github.addIssue(target.repo, number, {
          ...issue,
          pull_request: isPullRequest,
          ...(changed
            ? isPullRequest
              ? { state: 'merged', updatedAt: CHANGED_AT }
              : { labels: [...issue.labels, 'release-blocker'], updatedAt: CHANGED_AT }
            : {}),
        });
      }
    });
    clock.set('2026-05-13T12:00:00Z');
    const deps = { store: services.store, clock, logger: createLogger('silent'), github: services.github };
    const run = async (): Promise<BlockerSyncRun> => {
      const before = github.requests.length;
      const started = performance.now();
      const result = await syncBlockers(deps);
      return {
        requests: result.requests,
        requestsReceived: github.requests.length - before,
        points: result.cost,
        ms: performance.now() - started,
        changed: result.changed,
        remaining: result.remaining,
        error: result.error,
      };
    };
    const first = await run();
    // Octokit's throttle spaces GraphQL queries (POSTs) a second apart, across runs too: the app's
    // runs are ten minutes apart, so the re-run must not wait for the first run's last query.
    await sleep(RUN_GAP_MS);
    const rerun = await run();
    const unexpected = github.unexpected();
    if (unexpected.length > 0)
      throw new Error(`the GitHub stand-in did not understand ${unexpected.length} request(s) of the sync`);
    return { ...BLOCKER_SYNC_SIZES, changedOnGitHub, first, rerun };
  } finally {
    services.store.db.close();
    await github.close();
  }
}
