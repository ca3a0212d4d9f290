import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { buildServices, startApp, type RunningApp } from '../../src/app';
import type { AppServices } from '../../src/app-services';
import { adjustableClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { createOctokitGitHubClient } from '../../src/github/octokit-github-client';
import { createLogger } from '../../src/logger';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack';
import { postInteraction, type SlackHttpResponse } from '../helpers/slack-request';
import { ADMIN, SIGNING_SECRET } from '../helpers/start-app';
import { addTeamToSlack, seedReleaseDatabase } from './fault-world';

/** The real app in this process, with its own background sender, which the test can wake. */
export interface RunningTestApp {
  url: string;
  slack: FakeSlack;
  /** The services the app's listeners and background work use (`deliverSoon` wakes the sender). */
  services: AppServices;
  clock: ReturnType<typeof adjustableClock>;
  /** Wakes the app's own outbox sender, as a request that queued posts does. */
  kick(): void;
  interact(payload: object): Promise<SlackHttpResponse>;
  stop(): Promise<void>;
}

/**
 * Starts the app on a new database holding v1.10.0 and the example team, against a fresh fake
 * Slack (its clock in step with the app's) and `githubUrl`. GitHub's retries wait 1 s and 4 s in
 * production; here a hundredth of that, so a failing check ends within the test's patience.
 */
export async function startRunningApp(options: { githubUrl: string; now: string }): Promise<RunningTestApp> {
  const slack = await startFakeSlack({ firstTs: DateTime.fromISO(options.now).toSeconds() });
  addTeamToSlack(slack);
  const dir = mkdtempSync(join(tmpdir(), 'kfrelease-fault-app-'));
  const databasePath = join(dir, 'kfrelease.db');
  seedReleaseDatabase(databasePath, options.now);
  const loaded = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-fault-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.url,
    GITHUB_API_URL: options.githubUrl,
    DATABASE_PATH: databasePath,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    KFRELEASE_ADMINS: ADMIN,
  });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const clock = adjustableClock(options.now);
  const logger = createLogger('silent');
  const built = buildServices(loaded.config, { clock, logger });
  const github = createOctokitGitHubClient({ baseUrl: options.githubUrl, logger, retryDelayUnitMs: 10 });
  let services: AppServices | undefined;
  // startApp hands its extra routes the services its listeners use: the way to its sender's kick.
  const running: RunningApp = await startApp(
    loaded.config,
    { ...built, github },
    {
      routes: (appServices) => ((services = appServices), []),
      backgroundStartDelayMs: 0,
    },
  );
  if (!services) throw new Error('startApp did not hand over its services');
  const appServices = services;
  return {
    url: running.url,
    slack,
    services: appServices,
    clock,
    kick: () => appServices.deliverSoon(),
    interact: (payload) => postInteraction(running.url, SIGNING_SECRET, payload),
    async stop() {
      await running.stop();
      appServices.store.db.close();
      await slack.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
