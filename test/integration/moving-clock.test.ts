import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { buildServices, startApp, type RunningApp } from '../../src/app';
import type { AppServices } from '../../src/app-services';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack';
import { blockAction, postInteraction, postSlashCommand } from '../helpers/slack-request';
import { ADMIN, RELEASE_CHANNEL, SIGNING_SECRET } from '../helpers/start-app';

const KFRELEASE_NOW = '2026-05-12T10:00:00Z';
/** The app's background sender runs every 15 s; the first retry comes due 5 s after the failure. */
const RETRY_PATIENCE_MS = 30_000;

async function eventually<T>(read: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The app as `npm start` builds it, with KFRELEASE_NOW in its environment and no clock handed in:
 * buildServices picks the clock, as in a rehearsal or a demo.
 */
describe('KFRELEASE_NOW sets where the clock starts', () => {
  let slack: FakeSlack;
  let dir: string;
  let services: AppServices;
  let running: RunningApp;

  beforeAll(async () => {
    slack = await startFakeSlack({ firstTs: DateTime.fromISO(KFRELEASE_NOW).toSeconds() });
    dir = mkdtempSync(join(tmpdir(), 'kfrelease-moving-clock-'));
    const loaded = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      GITHUB_API_URL: 'http://127.0.0.1:9',
      DATABASE_PATH: join(dir, 'kfrelease.db'),
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      KFRELEASE_ADMINS: ADMIN,
      KFRELEASE_NOW,
    });
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    services = buildServices(loaded.config, { logger: createLogger('silent') });
    running = await startApp(loaded.config, services, { backgroundStartDelayMs: 0 });
  });
  afterAll(async () => {
    await running?.stop();
    services?.store.db.close();
    await slack?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'KFRELEASE_NOW: a failed post is retried (was: never, the frozen clock never reached the retry time)',
    async () => {
      slack.expect('chat.postMessage');
      slack.expect('conversations.history');

      const command = (text: string) =>
        postSlashCommand(running.url, SIGNING_SECRET, {
          command: '/kfrelease',
          text,
          user_id: ADMIN,
          channel_id: RELEASE_CHANNEL,
        });
      // The release started ten weeks ago: kfrelease asks, and the admin presses Create anyway.
      const asked = await command('release create v1.10.0 2026-03-02 handbook-17w Europe/Berlin');
      expect(asked.text).toContain('has dates in the past');
      const request = JSON.stringify({
        version: 'v1.10.0',
        startDate: '2026-03-02',
        template: 'handbook-17w',
        timeZone: 'Europe/Berlin',
      });
      const responseUrl = slack.responseUrl('create-anyway');
      const actionId = 'release_create_anyway';
      await postInteraction(
        running.url,
        SIGNING_SECRET,
        blockAction({ user: ADMIN, actionId, value: request, responseUrl }),
      );
      expect(JSON.stringify((await slack.waitForResponse('create-anyway')).body)).toContain(
        'Created Kubeflow v1.10.0',
      );
      slack.failNext('chat.postMessage', { kind: 'http_500' });
      const delayed = await command('delay rc.1 2026-05-29 Pipelines needs a week for the backend fix');
      expect(delayed.text).toContain('Delayed *rc.1');
      const [announcement] = await eventually(
        () => {
          const posted = slack.messages(RELEASE_CHANNEL);
          return posted.length > 0 ? posted : undefined;
        },
        RETRY_PATIENCE_MS,
        'the announcement that failed once reaching the channel',
      );
      expect(announcement?.text).toContain('v1.10.0');
      expect(slack.callsTo('chat.postMessage').length).toBeGreaterThanOrEqual(2);
      const rows = services.store.db.prepare('SELECT status, attempts FROM outbox').all();
      expect(rows).toContainEqual({ status: 'sent', attempts: 2 });
      expect(rows.every((row) => (row as { status: string }).status === 'sent')).toBe(true);
      expect(slack.messages(RELEASE_CHANNEL)).toHaveLength(1);

      const now = services.clock.now();
      expect(now > DateTime.fromISO(KFRELEASE_NOW)).toBe(true);
      expect(now.diff(DateTime.fromISO(KFRELEASE_NOW)).as('minutes')).toBeLessThan(2);
      slack.assertNoUnexpectedCalls();
    },
    RETRY_PATIENCE_MS + 10_000,
  );
});
