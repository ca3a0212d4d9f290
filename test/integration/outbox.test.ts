import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import { adjustableClock } from '../../src/clock';
import { loadMigrations, migrate, MIGRATIONS_DIR } from '../../src/db/migrate';
import { openDatabase } from '../../src/db/open-database';
import { createLogger } from '../../src/logger';
import { createOutboxRepository, type OutboxRepository } from '../../src/outbox/outbox-repository';
import { createOutboxSender, type OutboxSenderParams } from '../../src/outbox/outbox-sender';
import { renderOutbox } from '../../src/slack/notices/render-notice';
import { createWebClientPoster, type SlackPoster } from '../../src/slack/slack-poster';
import type { Notice } from '../../src/workflows/notice';
import { dmChannelId, startFakeSlack, type FakeSlack } from '../fakes/fake-slack';

const START = '2026-05-12T10:00:00.000Z';
const TOKEN = 'xoxb-outbox-test-token';
const CHANNEL = 'C0RELEASE';
const OTHER = 'C0OTHER';
const RM = 'U0RM1';
const ALICE = 'U0ALICE';

let slack: FakeSlack;
let dir: string;
let db: Database.Database;
let outbox: OutboxRepository;
let clock: ReturnType<typeof adjustableClock>;
let poster: SlackPoster;
let logLines: { level: number; msg: string; [key: string]: unknown }[];
let rawLog: string[];

const nowIso = (): string => clock.now().toISO() ?? '';
const plus = (seconds: number): string => clock.now().plus({ seconds }).toISO() ?? '';

/** A notice whose message names its key, so a test can tell messages apart. */
const testNotice = (key: string): Notice => ({
  kind: 'missed_posts',
  version: 'v1.10.0',
  items: [`message ${key}`],
});

function enqueue(key: string, channel = CHANNEL): boolean {
  return outbox.enqueue({ key, releaseId: null, channel, notice: testNotice(key) }, nowIso());
}

function sender(overrides: Partial<OutboxSenderParams> = {}) {
  const logger = createLogger('debug', {
    write: (line: string) => {
      rawLog.push(line);
      logLines.push(JSON.parse(line) as (typeof logLines)[number]);
    },
  });
  return createOutboxSender({
    outbox,
    poster,
    render: renderOutbox,
    clock,
    logger,
    releaseManagers: () => [RM],
    ...overrides,
  });
}

/** Messages in a conversation that carry the outbox key in their metadata. */
function withKey(channel: string, key: string) {
  return slack.messages(channel).filter((m) => m.metadata?.event_payload.key === key);
}

const posts = () => slack.callsTo('chat.postMessage').length;

beforeAll(async () => {
  slack = await startFakeSlack({ firstTs: DateTime.fromISO(START).toSeconds() });
});
afterAll(() => slack.close());

beforeEach(() => {
  slack.reset();
  for (const method of ['chat.postMessage', 'conversations.history', 'conversations.open'])
    slack.expect(method);
  slack.addUser({ id: RM, name: 'rm' });
  slack.addUser({ id: ALICE, name: 'alice' });
  clock = adjustableClock(START);
  dir = mkdtempSync(join(tmpdir(), 'kfrelease-outbox-'));
  db = openDatabase(join(dir, 'kfrelease.db'));
  migrate(db, loadMigrations(MIGRATIONS_DIR), nowIso);
  outbox = createOutboxRepository(db);
  poster = createWebClientPoster({ token: TOKEN, apiUrl: slack.url });
  logLines = [];
  rawLog = [];
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
  slack.assertNoUnexpectedCalls();
  expect(rawLog.join('\n')).not.toContain(TOKEN);
});

describe('outbox sender', () => {
  it('posts a message enqueued twice with the same key once, with its key in the metadata', async () => {
    expect(enqueue('agenda:1')).toBe(true);
    expect(enqueue('agenda:1')).toBe(false);

    await expect(sender().deliverDue()).resolves.toEqual({ sent: 1, retried: 0, failed: 0 });
    await expect(sender().deliverDue()).resolves.toEqual({ sent: 0, retried: 0, failed: 0 });

    const [message] = withKey(CHANNEL, 'agenda:1');
    expect(withKey(CHANNEL, 'agenda:1')).toHaveLength(1);
    expect(slack.callsTo('chat.postMessage')[0]?.args).toMatchObject({
      metadata: { event_type: 'kfrelease_post', event_payload: { key: 'agenda:1', seq: 1, attempt: 1 } },
      unfurl_links: 'false',
    });
    expect(outbox.byKey('agenda:1')).toMatchObject({
      status: 'sent',
      attempts: 1,
      sentAt: nowIso(),
      postedChannel: CHANNEL,
      messageTs: message?.ts,
    });
  });

  it('sends a direct message through conversations.open and records the D channel', async () => {
    enqueue('reminder:alice', ALICE);
    await sender().deliverDue();

    expect(slack.callsTo('conversations.open')[0]?.args).toMatchObject({ users: ALICE });
    expect(withKey(dmChannelId(ALICE), 'reminder:alice')).toHaveLength(1);
    expect(outbox.byKey('reminder:alice')?.postedChannel).toBe(dmChannelId(ALICE));
  });

  it('honours Retry-After exactly and holds only the rate-limited channel', async () => {
    enqueue('a');
    enqueue('b');
    enqueue('c', OTHER);
    slack.failNext('chat.postMessage', { kind: 'rate_limited', retryAfter: 7 });

    await expect(sender().deliverDue()).resolves.toEqual({ sent: 1, retried: 1, failed: 0 });
    expect(posts()).toBe(2); // a (429) and c; b waits behind a
    expect(slack.messages(CHANNEL)).toHaveLength(0);
    expect(outbox.byKey('a')).toMatchObject({ attempts: 1, nextAttemptAt: plus(7) });

    clock.advance({ seconds: 6 });
    await expect(sender().deliverDue()).resolves.toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(posts()).toBe(2);

    clock.advance({ seconds: 1 });
    await expect(sender().deliverDue()).resolves.toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(slack.messages(CHANNEL).map((m) => m.metadata?.event_payload.key)).toEqual(['a', 'b']);
  });

  it('retries after a 500 with backoff and posts once', async () => {
    enqueue('k');
    slack.failNext('chat.postMessage', { kind: 'http_500' });
    await expect(sender().deliverDue()).resolves.toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(outbox.byKey('k')).toMatchObject({ status: 'pending', nextAttemptAt: plus(5) });
    expect(outbox.byKey('k')?.lastError).toMatch(/http_500/);

    clock.advance({ seconds: 5 });
    await expect(sender().deliverDue()).resolves.toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(withKey(CHANNEL, 'k')).toHaveLength(1);
  });

  it('finds a message whose answer was lost in history instead of posting it again', async () => {
    enqueue('k');
    slack.failNext('chat.postMessage', { kind: 'drop_after_post' });
    await expect(sender().deliverDue()).resolves.toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(withKey(CHANNEL, 'k')).toHaveLength(1);

    clock.advance({ seconds: 5 });
    await expect(sender().deliverDue()).resolves.toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(posts()).toBe(1);
    expect(slack.callsTo('conversations.history')[0]?.args).toMatchObject({ include_all_metadata: 'true' });
    expect(withKey(CHANNEL, 'k')).toHaveLength(1);
    expect(outbox.byKey('k')).toMatchObject({ status: 'sent', messageTs: withKey(CHANNEL, 'k')[0]?.ts });
  });

  it('clock 10 minutes ahead of Slack: a lost answer is found and posted once (was: posted twice, the lookup window started after the post)', async () => {
    // Our clock runs 10 minutes ahead of Slack's: the lost post's ts is 10 minutes before created_at.
    clock = adjustableClock(DateTime.fromISO(START).plus({ minutes: 10 }).toISO() ?? '');
    enqueue('k');
    slack.failNext('chat.postMessage', { kind: 'drop_after_post' });
    await expect(sender().deliverDue()).resolves.toEqual({ sent: 0, retried: 1, failed: 0 });
    clock.advance({ seconds: 60 });
    await expect(sender().deliverDue()).resolves.toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(withKey(CHANNEL, 'k')).toHaveLength(1);
    expect(posts()).toBe(1);
  });

  it('a busy channel: the lookup stops at the first attempt of an earlier message, not at the clock', async () => {
    enqueue('earlier');
    await expect(sender().deliverDue()).resolves.toEqual({ sent: 1, retried: 0, failed: 0 });
    for (let i = 0; i < 250; i += 1) slack.addMessage(CHANNEL, { text: `chatter ${i}` });
    enqueue('k');
    slack.failNext('chat.postMessage', { kind: 'http_500' });
    await expect(sender().deliverDue()).resolves.toEqual({ sent: 0, retried: 1, failed: 0 });
    clock.advance({ seconds: 60 });
    await expect(sender().deliverDue()).resolves.toEqual({ sent: 1, retried: 0, failed: 0 });
    // Three pages of chatter, then the earlier post on the third: no further page is read.
    expect(slack.callsTo('conversations.history')).toHaveLength(3);
    expect(withKey(CHANNEL, 'k')).toHaveLength(1);
  });

  it('two senders on one database: a row claimed by one is skipped by the other (was: both posted it)', async () => {
    for (const key of ['a', 'b', 'c']) enqueue(key);
    const first = sender();
    const second = sender();
    const [one, two] = await Promise.all([first.deliverDue(), second.deliverDue()]);
    expect(one.sent + two.sent).toBe(3);
    expect(posts()).toBe(3);
    for (const key of ['a', 'b', 'c']) expect(withKey(CHANNEL, key)).toHaveLength(1);
  });

  it('does not post again after a process died between posting and recording', async () => {
    enqueue('k', ALICE);
    const row = outbox.byKey('k');
    // The dead process: it counted the attempt, posted, and never recorded the answer.
    expect(outbox.claim(row?.id ?? 0, 0, nowIso())).toBe(1);
    const dm = await poster.openDirectMessage(ALICE);
    await poster.post({
      channel: dm,
      text: 'message k',
      blocks: [],
      key: 'k',
      seq: row?.id ?? 0,
      attempt: 1,
    });

    await expect(sender().deliverDue()).resolves.toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(posts()).toBe(1);
    expect(withKey(dm, 'k')).toHaveLength(1);
    expect(outbox.byKey('k')).toMatchObject({ status: 'sent', attempts: 2, postedChannel: dm });
  });

  it('gives up on a permanent error at once and tells the release manager once', async () => {
    enqueue('k', 'C0GONE');
    slack.failNext('chat.postMessage', { kind: 'not_ok', error: 'channel_not_found' });
    await expect(sender().deliverDue()).resolves.toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(outbox.byKey('k')).toMatchObject({ status: 'failed', attempts: 1 });
    expect(outbox.byKey('k')?.lastError).toMatch(/channel_not_found/);

    await expect(sender().deliverDue()).resolves.toEqual({ sent: 1, retried: 0, failed: 0 });
    await expect(sender().deliverDue()).resolves.toEqual({ sent: 0, retried: 0, failed: 0 });
    const reports = slack.messages(dmChannelId(RM));
    expect(reports).toHaveLength(1);
    expect(reports[0]?.text).toMatch(/could not post a message to <#C0GONE>: the channel does not exist/);
    expect(reports[0]?.text).toMatch(/kept in the kfrelease database/);
    expect(outbox.byKey(`failed:k:${RM}`)?.status).toBe('sent');
    expect(posts()).toBe(2);
  });

  it('gives up after maxAttempts transient failures, backing off 5 s then 10 s', async () => {
    enqueue('k');
    for (let i = 0; i < 3; i += 1) slack.failNext('chat.postMessage', { kind: 'http_500' });
    const s = sender({ maxAttempts: 3 });

    await expect(s.deliverDue()).resolves.toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(outbox.byKey('k')?.nextAttemptAt).toBe(plus(5));
    clock.advance({ seconds: 5 });
    await expect(s.deliverDue()).resolves.toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(outbox.byKey('k')?.nextAttemptAt).toBe(plus(10));
    clock.advance({ seconds: 10 });
    await expect(s.deliverDue()).resolves.toEqual({ sent: 0, retried: 0, failed: 1 });
    await expect(s.deliverDue()).resolves.toEqual({ sent: 1, retried: 0, failed: 0 });

    expect(outbox.byKey('k')).toMatchObject({ status: 'failed', attempts: 3 });
    expect(slack.messages(dmChannelId(RM))[0]?.text).toMatch(/after 3 attempts/);
    expect(slack.messages(CHANNEL)).toHaveLength(0);
  });

  it('logs a failure report that cannot be posted instead of reporting it again', async () => {
    enqueue('k', 'C0GONE');
    slack.failNext('chat.postMessage', { kind: 'not_ok', error: 'is_archived' });
    // U0NOBODY is not in the workspace: conversations.open answers user_not_found.
    const s = sender({ releaseManagers: () => ['U0NOBODY'] });
    await s.deliverDue();
    await expect(s.deliverDue()).resolves.toEqual({ sent: 0, retried: 0, failed: 1 });
    await expect(s.deliverDue()).resolves.toEqual({ sent: 0, retried: 0, failed: 0 });

    expect(outbox.byKey('failed:k:U0NOBODY')?.status).toBe('failed');
    expect(outbox.pending()).toEqual([]);
    expect(logLines.filter((l) => l.level === 50).map((l) => [l.msg, l.key])).toEqual([
      ['message could not be posted; kept in the outbox as failed', 'k'],
      ['failure report could not be posted; kept in the outbox as failed', 'failed:k:U0NOBODY'],
    ]);
  });

  it('handles each due row at most once per run and never spins', async () => {
    slack.answer('chat.postMessage', () => ({ ok: false, error: 'fatal_error' }));
    ['a', 'b', 'c'].forEach((key, i) => enqueue(key, `C0CHAN${i}`));
    const s = sender({ maxAttempts: 4, releaseManagers: () => [] });

    await expect(s.deliverDue()).resolves.toEqual({ sent: 0, retried: 3, failed: 0 });
    for (let i = 0; i < 5; i += 1) await s.deliverDue();
    expect(posts()).toBe(3);

    for (let i = 0; i < 10; i += 1) {
      clock.advance({ minutes: 10 });
      await s.deliverDue();
    }
    expect(posts()).toBe(12); // 4 attempts each, then given up
    expect(outbox.pending()).toEqual([]);
    expect(slack.messages('C0CHAN0')).toHaveLength(0);
  });

  it('serialises runs: kicks during a slow post add one run after it, never a second post at once', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let started!: () => void;
    const firstPostStarted = new Promise<void>((resolve) => (started = resolve));
    const slow: SlackPoster = {
      ...poster,
      async post(msg) {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        started();
        await gate;
        return poster.post(msg).finally(() => (inFlight -= 1));
      },
    };
    let runs = 0;
    const counting: OutboxRepository = {
      ...outbox,
      due: (...args) => {
        runs += 1;
        return outbox.due(...args);
      },
    };
    const s = sender({ poster: slow, outbox: counting });

    enqueue('a');
    s.kick();
    await firstPostStarted;
    enqueue('b', OTHER);
    s.kick();
    s.kick();
    open();
    await s.stop();

    expect(maxInFlight).toBe(1);
    expect(runs).toBe(2);
    expect(posts()).toBe(2);
    expect([...withKey(CHANNEL, 'a'), ...withKey(OTHER, 'b')]).toHaveLength(2);
  });

  it('running on its interval, reports a message it gave up on at once, not after the next interval', async () => {
    const s = sender();
    enqueue('k', 'C0GONE');
    slack.failNext('chat.postMessage', { kind: 'not_ok', error: 'channel_not_found' });
    // An hour between timed runs: only the run that follows the one giving up can send the report.
    s.start(3_600_000);
    await slack.waitForCall('chat.postMessage', (call) => call.args.channel === dmChannelId(RM));
    await s.stop();
    expect(outbox.byKey(`failed:k:${RM}`)?.status).toBe('sent');
    expect(posts()).toBe(2);
  });

  it('start() delivers at once and on its interval until stopped', async () => {
    const s = sender();
    enqueue('a');
    s.start(20);
    await slack.waitForCall('chat.postMessage', (call) => call.args.channel === CHANNEL);
    enqueue('b', OTHER);
    await slack.waitForCall('chat.postMessage', (call) => call.args.channel === OTHER);
    await s.stop();
    expect(outbox.pending()).toEqual([]);
  });
});
