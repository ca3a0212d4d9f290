import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack';
import { killChildren, warmChildApp } from '../fault/child-app';
import { ensureDistBuilt } from '../fault/dist-build';
import {
  addTeamToSlack,
  childAppEnv,
  eventually,
  expectOutboxCalls,
  readDatabase,
  postsPerKey,
  seedReleaseDatabase,
} from '../fault/fault-world';
import { startStallingProxy, type StallingProxy } from '../fault/stalling-proxy';
import {
  BEFORE_FREEZE,
  GRACE,
  NOTEBOOKS,
  revisionFormSubmission,
  seedGitHub,
  viewAnswer,
} from '../helpers/revision-fixtures';
import { postInteraction } from '../helpers/slack-request';
import { SIGNING_SECRET } from '../helpers/start-app';

const START = DateTime.fromISO(BEFORE_FREEZE, { zone: 'utc' });

interface OutboxState {
  key: string;
  status: string;
  attempts: number;
}

/**
 * test/integration/outbox.test.ts covers the same crash simulated in one process (the attempt
 * counted and posted, the answer never recorded). Here the app is a real process, killed by
 * SIGKILL while it waits for Slack's answer to a post Slack has already stored.
 */
describe('SIGKILL between a Slack post and its record', () => {
  let github: FakeGitHub;
  let slack: FakeSlack;
  let proxy: StallingProxy;
  let dir: string;
  let databasePath: string;

  beforeAll(async () => {
    await ensureDistBuilt();
    github = await startFakeGitHub();
    seedGitHub(github);
    slack = await startFakeSlack({ firstTs: START.toSeconds() });
    expectOutboxCalls(slack);
    addTeamToSlack(slack);
    proxy = await startStallingProxy(slack.url);
    dir = mkdtempSync(join(tmpdir(), 'kfrelease-fault-outbox-'));
    databasePath = join(dir, 'kfrelease.db');
    seedReleaseDatabase(databasePath, BEFORE_FREEZE);
  }, 180_000);

  afterAll(async () => {
    await killChildren();
    await proxy?.close();
    await slack?.close();
    await github?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The app as a child process, its clock `minutes` after the start, its Slack behind the proxy. */
  const startChild = (minutes: number) =>
    warmChildApp(
      childAppEnv({
        databasePath,
        slackUrl: proxy.url,
        githubUrl: github.url,
        now: START.plus({ minutes }).toISO() ?? '',
      }),
    ).start();

  const outbox = () =>
    readDatabase(databasePath, (db) =>
      db.prepare('SELECT key, status, attempts FROM outbox ORDER BY id').all(),
    ) as OutboxState[];

  const keyOf = (call: URLSearchParams) =>
    (JSON.parse(call.get('metadata') ?? '{}') as { event_payload?: { key?: string } }).event_payload?.key;

  it('posts every notice exactly once although the app died twice waiting for Slack’s answer', async () => {
    proxy.stallNext('chat.postMessage');
    const first = await startChild(0);
    // Two accepted revisions: two notices for the release channel.
    for (const revision of ['v1.10.1', 'v1.10.0']) {
      const form = revisionFormSubmission(GRACE, NOTEBOOKS, [revision], 'killed while posting');
      expect(viewAnswer(await postInteraction(first.url, SIGNING_SECRET, form)).response_action).toBe(
        'update',
      );
    }

    // Slack stored the first notice; the app waits for the answer and dies.
    const firstKey = keyOf(await proxy.nextStall());
    await first.kill();
    expect(postsPerKey(slack).get(firstKey ?? '')).toBe(1);
    const afterFirst = outbox();
    expect(afterFirst.length).toBeGreaterThanOrEqual(2);
    expect(afterFirst.find((row) => row.key === firstKey)).toMatchObject({ status: 'pending', attempts: 1 });

    // The next start finds that notice in the channel instead of posting it again, then dies
    // the same way on the next notice.
    proxy.stallNext('chat.postMessage');
    const second = await startChild(1);
    const secondKey = keyOf(await proxy.nextStall());
    await second.kill();
    expect(secondKey).not.toBe(firstKey);
    expect(outbox().find((row) => row.key === firstKey)).toMatchObject({ status: 'sent', attempts: 2 });

    const third = await startChild(2);
    await eventually(
      () => outbox().every((row) => row.status === 'sent'),
      () => `outbox not delivered: ${JSON.stringify(outbox())}`,
    );
    await third.kill();

    const keys = outbox().map((row) => row.key);
    const posts = postsPerKey(slack);
    expect(keys.map((key) => [key, posts.get(key)])).toEqual(keys.map((key) => [key, 1]));
    expect(posts.size).toBe(keys.length);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(keys.length);
    expect(slack.callsTo('conversations.history').length).toBeGreaterThanOrEqual(2);
    slack.assertNoUnexpectedCalls();
  }, 60_000);
});
