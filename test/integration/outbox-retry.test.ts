import { runCli } from '../../src/cli/main';
import { createLogger } from '../../src/logger';
import { createOutboxSender, type OutboxSender } from '../../src/outbox/outbox-sender';
import { renderOutbox } from '../../src/slack/notices/render-notice';
import { createWebClientPoster } from '../../src/slack/slack-poster';
import { releaseManagerIds } from '../../src/workflows/authority';
import type { Notice } from '../../src/workflows/notice';
import { dmChannelId, type StoredMessage } from '../fakes/fake-slack';
import { databaseSnapshot } from '../helpers/database-snapshot';
import { startAppWithTeam } from '../helpers/release-with-team';
import { blockAction } from '../helpers/slack-request';
import type { TestApp } from '../helpers/start-app';

const RM = 'U0ADA0001';
/** Alan Turing, the Pipelines liaison: on the team, not its release manager. */
const LIAISON = 'U0ALAN001';
const NOW = '2026-05-12T10:00:00Z';

let app: TestApp;
let sender: OutboxSender;

const outbox = () => app.services.store.outbox;
const nowIso = () => app.clock.now().toUTC().toISO() ?? '';
const releaseId = () => app.services.store.releases.findByVersion('v1.10.0')?.id ?? null;

/** A notice whose message names its key, so a test can tell messages apart. */
const noticeFor = (key: string): Notice => ({
  kind: 'missed_posts',
  version: 'v1.10.0',
  items: [`message ${key}`],
});

function enqueue(key: string, channel: string, replaces?: string): void {
  outbox().enqueue({ key, releaseId: releaseId(), channel, notice: noticeFor(key), replaces }, nowIso());
}

/** Messages in a conversation that carry the outbox key in their metadata. */
function withKey(channel: string, key: string): StoredMessage[] {
  return app.slack.messages(channel).filter((m) => m.metadata?.event_payload.key === key);
}

const postsTo = (channel: string) =>
  app.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel).length;

/** `kfrelease <argv>` on the app's database, as an operator beside the running bot. */
async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  // Its clock starts a minute behind the app's, so what it retries is due at once for the app.
  const start = app.clock.now().minus({ minutes: 1 }).toUTC().toISO() ?? '';
  const env = { DATABASE_PATH: app.databasePath, KFRELEASE_NOW: start, LOG_LEVEL: 'silent' };
  const code = await runCli(argv, env, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A post due now, or being posted right now by one of the senders (claimed, no outcome yet). */
function outboxBusy(): boolean {
  if (outbox().due(nowIso(), 1).length > 0) return true;
  return outbox()
    .pending()
    .some((row) => row.attempts > 0 && row.lastError === null);
}

/**
 * Delivers everything queued with a sender like the app's own, which reports a post it gives up to
 * the release managers (the test app's `deliverOutbox` reports to nobody). The app's background
 * sender may take a row now and then: what it is posting is waited for. Fails after 3 s.
 */
async function deliverAll(): Promise<void> {
  const deadline = Date.now() + 3000;
  while (outboxBusy()) {
    await sender.deliverDue();
    if (Date.now() > deadline) throw new Error('the outbox was not delivered within 3 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Queues a post to `channel` that Slack refuses for good, and lets the sender give it up. */
async function failedPost(key: string, channel: string): Promise<void> {
  await deliverAll();
  enqueue(key, channel);
  app.slack.failNext('chat.postMessage', { kind: 'not_ok', error: 'channel_not_found' });
  await deliverAll();
  expect(outbox().byKey(key)?.status).toBe('failed');
}

/** The report of `key` in the release manager's direct messages. */
function failureReport(key: string): StoredMessage {
  const report = app.slack
    .messages(dmChannelId(RM))
    .find((m) => String(m.metadata?.event_payload.key ?? '').startsWith(`failed:${key}:`));
  if (!report) throw new Error(`no failure report of ${key}`);
  return report;
}

/** The value of a message's Retry button. */
function retryButtonValue(report: StoredMessage): string {
  const buttons = (report.blocks ?? []).flatMap((block) =>
    (block as { type?: string }).type === 'actions'
      ? ((block as { elements?: { action_id: string; value?: string }[] }).elements ?? [])
      : [],
  );
  const value = buttons.find((b) => b.action_id === 'outbox_retry')?.value;
  if (!value) throw new Error('the failure report has no Retry button');
  return value;
}

/** Presses a Retry button (its value) of a failure report as `user`, from the release manager's DM. */
async function pressRetry(report: StoredMessage, value: string, user: string) {
  const payload = blockAction({ user, actionId: 'outbox_retry', value, channel: dmChannelId(RM) });
  const container = { ...(payload.container as object), message_ts: report.ts };
  const seen = app.slack.calls.length;
  const response = await app.interact({ ...payload, container });
  expect(response.status).toBe(200);
  return seen;
}

beforeAll(async () => {
  app = await startAppWithTeam(NOW);
  for (const method of ['conversations.open', 'conversations.history', 'chat.update', 'chat.postEphemeral'])
    app.slack.expect(method);
  for (const a of app.services.store.team.assignments(1))
    if (a.slackId) app.slack.addUser({ id: a.slackId, name: a.name });
  const { store } = app.services;
  sender = createOutboxSender({
    outbox: store.outbox,
    poster: createWebClientPoster({
      token: app.config.slack.botToken ?? '',
      apiUrl: app.config.slack.apiUrl,
    }),
    render: renderOutbox,
    clock: app.clock,
    logger: createLogger('silent'),
    releaseManagers: (id) => (id === null ? [] : releaseManagerIds(store, id)),
    transaction: store.transaction,
  });
  await deliverAll();
});
afterAll(async () => {
  app.slack.assertNoUnexpectedCalls();
  await app.stop();
});

describe('resending what failed', () => {
  it('a failed post retried by `outbox retry` posts once (was: nothing could resend it)', async () => {
    await failedPost('retry:cli', 'C0GONE1');
    expect(withKey('C0GONE1', 'retry:cli')).toHaveLength(0);

    const result = await cli('outbox', 'retry', 'retry:cli');
    expect(result).toMatchObject({ code: 0, out: expect.stringContaining('Retried outbox entry retry:cli') });
    // Pending again (unless the app's own sender took it at once), with who retried it.
    expect(outbox().byKey('retry:cli')).toMatchObject({
      status: expect.stringMatching(/^(pending|sent)$/),
      retries: 1,
      retriedBy: expect.stringMatching(/^cli:/),
    });

    await deliverAll();
    expect(withKey('C0GONE1', 'retry:cli')).toHaveLength(1);
    expect(outbox().byKey('retry:cli')).toMatchObject({ status: 'sent' });
    // The retry looked in Slack first: its first attempt might have posted.
    expect(app.slack.callsTo('conversations.history').some((c) => c.args.channel === 'C0GONE1')).toBe(true);
    const audit = app.services.store.audit.forRelease(releaseId() ?? 0);
    expect(audit.filter((e) => e.action === 'outbox.retried')).toEqual([
      expect.objectContaining({
        actor: expect.stringMatching(/^cli:/),
        details: expect.objectContaining({
          key: 'retry:cli',
          attempts: 1,
          lastError: expect.stringMatching(/channel_not_found/),
        }),
      }),
    ]);
  });

  it('a post given up after a lost answer is found in Slack by the retry, not posted twice (was: a resend would post it again)', async () => {
    await deliverAll();
    enqueue('retry:lost', 'C0LOST');
    // The first attempt reaches Slack and the answer is lost; the second cannot read the history.
    app.slack.failNext('chat.postMessage', { kind: 'drop_after_post' });
    app.slack.failNext('conversations.history', { kind: 'not_ok', error: 'not_in_channel' });
    await deliverAll();
    expect(outbox().byKey('retry:lost')).toMatchObject({ status: 'pending', attempts: 1 });
    app.clock.advance({ seconds: 10 });
    await deliverAll();
    expect(outbox().byKey('retry:lost')).toMatchObject({ status: 'failed', attempts: 2 });
    expect(withKey('C0LOST', 'retry:lost')).toHaveLength(1);

    expect((await cli('outbox', 'retry', 'retry:lost')).code).toBe(0);
    await deliverAll();

    expect(outbox().byKey('retry:lost')).toMatchObject({
      status: 'sent',
      messageTs: withKey('C0LOST', 'retry:lost')[0]?.ts,
    });
    expect(withKey('C0LOST', 'retry:lost')).toHaveLength(1);
    expect(postsTo('C0LOST')).toBe(1);
  });

  it('the Retry button of the failure report posts it once for the release manager, refused to a liaison (was: the report offered no way to resend)', async () => {
    await failedPost('retry:button', 'C0GONE2');
    const report = failureReport('retry:button');
    const value = retryButtonValue(report);
    expect(value).toBe('retry:button');

    const refusedAt = await pressRetry(report, value, LIAISON);
    const refusal = await app.slack.waitForCall(
      'chat.postEphemeral',
      (c) => app.slack.calls.indexOf(c) >= refusedAt && c.args.user === LIAISON,
    );
    expect(String(refusal.args.text)).toMatch(
      /Only the release manager of v1\.10\.0 .*or an admin can retry a failed post/,
    );
    expect(outbox().byKey('retry:button')?.status).toBe('failed');

    const pressedAt = await pressRetry(report, value, RM);
    const update = await app.slack.waitForCall(
      'chat.update',
      (c) => app.slack.calls.indexOf(c) >= pressedAt && c.args.ts === report.ts,
    );
    expect(JSON.stringify(update.args.blocks)).toContain(`Retried by <@${RM}>`);
    expect(JSON.stringify(update.args.blocks)).not.toContain('outbox_retry');
    await deliverAll();
    expect(withKey('C0GONE2', 'retry:button')).toHaveLength(1);
    expect(outbox().byKey('retry:button')).toMatchObject({ status: 'sent', retriedBy: RM });

    // Another copy of the report, pressed later: already retried, and posted.
    const againAt = await pressRetry(report, value, RM);
    const again = await app.slack.waitForCall(
      'chat.postEphemeral',
      (c) => app.slack.calls.indexOf(c) >= againAt && c.args.user === RM,
    );
    expect(String(again.args.text)).toMatch(/already retried by <@U0ADA0001> .*: it was posted/);
    await deliverAll();
    expect(withKey('C0GONE2', 'retry:button')).toHaveLength(1);
  });

  it('`outbox list --failed` shows the failed posts, newest first, with their error (was: only SQL could find them)', async () => {
    await failedPost('retry:listed', 'C0GONE3');
    const text = await cli('outbox', 'list', '--failed');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(
      /^\d+ failed outbox entr(y|ies), newest first:\nretry:listed {2}failed {2}C0GONE3\n/,
    );
    expect(text.out).toContain('last error: chat.postMessage answered channel_not_found');
    expect(text.out).not.toContain('retry:button');

    const json = JSON.parse((await cli('outbox', 'list', '--json', '--limit', '2')).out) as {
      key: string;
      status: string;
    }[];
    expect(json).toHaveLength(2);
    expect(json.find((e) => e.key === 'retry:listed')).toMatchObject({
      status: 'failed',
      attempts: 1,
      channel: 'C0GONE3',
    });
    expect((await cli('outbox', 'list', '--limit', '0')).code).toBe(1);
  });

  it('`outbox retry --all-failed` retries every failed post, each posted once (was: one by one, by hand)', async () => {
    await failedPost('retry:all-a', 'C0GONE4');
    await failedPost('retry:all-b', 'C0GONE5');
    const failed = outbox()
      .list({ status: 'failed', limit: 100 })
      .map((r) => r.key);
    expect(failed).toEqual(expect.arrayContaining(['retry:listed', 'retry:all-a', 'retry:all-b']));

    const result = await cli('outbox', 'retry', '--all-failed');
    expect(result).toMatchObject({
      code: 0,
      out: expect.stringContaining(`Retried ${failed.length} outbox entries`),
    });
    await deliverAll();

    expect(outbox().list({ status: 'failed', limit: 100 })).toEqual([]);
    const retried: [string, string][] = [
      ['retry:listed', 'C0GONE3'],
      ['retry:all-a', 'C0GONE4'],
      ['retry:all-b', 'C0GONE5'],
    ];
    for (const [key, channel] of retried) expect(withKey(channel, key)).toHaveLength(1);
    expect((await cli('outbox', 'retry', '--all-failed')).out).toBe(
      'No failed outbox entries: nothing to retry.',
    );
  });

  it('a failed edit retried edits the posted message once (was: an edit given up stayed unsent)', async () => {
    await deliverAll();
    enqueue('retry:original', 'C0EDITS');
    await deliverAll();
    enqueue('retry:edit', 'C0EDITS', 'retry:original');
    app.slack.failNext('chat.update', { kind: 'not_ok', error: 'invalid_blocks' });
    await deliverAll();
    expect(outbox().byKey('retry:edit')?.status).toBe('failed');

    expect((await cli('outbox', 'retry', 'retry:edit')).code).toBe(0);
    await deliverAll();
    expect(outbox().byKey('retry:edit')).toMatchObject({ status: 'sent' });
    const [posted] = withKey('C0EDITS', 'retry:original');
    expect(JSON.stringify(posted?.blocks)).toContain('message retry:edit');
    expect(postsTo('C0EDITS')).toBe(1);
  });

  it('retrying a sent, pending or unknown entry changes nothing and says so (was: not possible to ask)', async () => {
    const before = databaseSnapshot(app.services.store.db);
    const sent = await cli('outbox', 'retry', 'retry:original');
    expect(sent).toMatchObject({
      code: 1,
      err: expect.stringMatching(
        /^Outbox entry retry:original is not failed: it was posted .*Nothing changed\.$/,
      ),
    });
    const retried = await cli('outbox', 'retry', 'retry:all-a');
    expect(retried).toMatchObject({
      code: 1,
      err: expect.stringMatching(/already retried by .* it was posted .*Nothing changed/),
    });
    const unknown = await cli('outbox', 'retry', 'no-such-key');
    expect(unknown).toMatchObject({
      code: 1,
      err: expect.stringContaining('There is no outbox entry no-such-key'),
    });
    const neither = await cli('outbox', 'retry');
    expect(neither).toMatchObject({
      code: 1,
      err: expect.stringContaining('Give one outbox key, or --all-failed'),
    });
    expect(databaseSnapshot(app.services.store.db)).toBe(before);

    enqueue('retry:pending', 'C0PENDING');
    const pending = await cli('outbox', 'retry', 'retry:pending');
    expect(pending).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^Outbox entry retry:pending is not failed: .*Nothing changed\.$/),
    });
    await deliverAll();
    expect(withKey('C0PENDING', 'retry:pending')).toHaveLength(1);
  });
});
