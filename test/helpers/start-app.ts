import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServices, startApp, type RunningApp } from '../../src/app';
import type { AppServices } from '../../src/app-services';
import { adjustableClock } from '../../src/clock';
import { loadConfig, type Config } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createOutboxSender, type DeliveryResult } from '../../src/outbox/outbox-sender';
import { renderOutbox } from '../../src/slack/notices/render-notice';
import { createWebClientPoster } from '../../src/slack/slack-poster';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack';
import { postInteraction, postSlashCommand, type SignOptions, type SlackHttpResponse } from './slack-request';

export const SIGNING_SECRET = '8f742231b10e8888abcd99eeeeee85a5';
export const ADMIN = 'U0ADMIN01';
export const RELEASE_CHANNEL = 'C0RELEASE';

export interface TestApp {
  url: string;
  slack: FakeSlack;
  services: AppServices;
  clock: ReturnType<typeof adjustableClock>;
  config: Config;
  databasePath: string;
  running: RunningApp;
  /** Sends a signed `/kfrelease <text>` as `user`. */
  command(text: string, user?: string, opts?: SignOptions & { channel?: string }): Promise<SlackHttpResponse>;
  interact(payload: object, opts?: SignOptions): Promise<SlackHttpResponse>;
  /**
   * Delivers the outbox now, as the app's background sender would on its next run: for changes
   * made outside a request (e.g. a test calling revalidatePending), which nothing else kicks.
   */
  deliverOutbox(): Promise<DeliveryResult>;
  stop(): Promise<void>;
}

/**
 * The real app on a temporary SQLite file with the real migrations, answering signed HTTP on
 * loopback and talking to a fake Slack Web API.
 */
export async function startTestApp(
  options: {
    now?: string;
    env?: Record<string, string>;
    /** The GitHub API the app talks to, e.g. a fake GitHub's `url`; default a closed local port. */
    githubUrl?: string;
    /** How long a modal submission waits for GitHub; default the app's own. */
    githubDeadlineMs?: number;
    /**
     * Why this test lets the app call Slack methods it does not declare with `slack.expect()`;
     * without it, such a call fails the test it happens in.
     */
    unexpectedCallsAllowed?: string;
    /**
     * How long after listening the background work starts. Default at once, unlike the app's
     * default second: a post one test queues must not be delivered during the next.
     */
    backgroundStartDelayMs?: number;
  } = {},
): Promise<TestApp> {
  const slack = await startFakeSlack(
    options.unexpectedCallsAllowed === undefined
      ? {}
      : { unexpectedCallsAllowed: options.unexpectedCallsAllowed },
  );
  const dir = mkdtempSync(join(tmpdir(), 'kfrelease-test-'));
  const databasePath = join(dir, 'kfrelease.db');
  const loaded = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.url,
    GITHUB_API_URL: options.githubUrl ?? 'http://127.0.0.1:9',
    DATABASE_PATH: databasePath,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    KFRELEASE_ADMINS: ADMIN,
    ...options.env,
  });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const config = loaded.config;
  const clock = adjustableClock(options.now ?? '2026-05-12T10:00:00Z');
  const logger = createLogger('silent');
  const services = buildServices(config, {
    clock,
    logger,
    ...(options.githubDeadlineMs === undefined ? {} : { githubDeadlineMs: options.githubDeadlineMs }),
  });
  const running = await startApp(config, services, {
    backgroundStartDelayMs: options.backgroundStartDelayMs ?? 0,
  });
  return {
    url: running.url,
    slack,
    services,
    clock,
    config,
    databasePath,
    running,
    command: (text, user = ADMIN, opts = {}) =>
      postSlashCommand(
        running.url,
        SIGNING_SECRET,
        { command: '/kfrelease', text, user_id: user, channel_id: opts.channel ?? RELEASE_CHANNEL },
        opts,
      ),
    interact: (payload, opts = {}) => postInteraction(running.url, SIGNING_SECRET, payload, opts),
    deliverOutbox: () =>
      createOutboxSender({
        outbox: services.store.outbox,
        poster: createWebClientPoster({
          token: config.slack.botToken ?? '',
          apiUrl: config.slack.apiUrl,
          logger,
        }),
        render: renderOutbox,
        clock,
        logger,
        releaseManagers: () => [],
        transaction: services.store.transaction,
      }).deliverDue(),
    async stop() {
      await running.stop();
      services.store.db.close();
      await slack.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The mrkdwn and plain text of every block in a Slack answer, joined, for assertions. */
export function answerText(response: SlackHttpResponse): string {
  const body = response.json<{ text?: string; blocks?: unknown[] }>();
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'text' && typeof value === 'string') texts.push(value);
        else walk(value);
      }
    }
  };
  walk(body?.blocks ?? []);
  return texts.join('\n');
}
