import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { App, LogLevel, isValidSlackRequest } from '@slack/bolt';
import { ErrorCode, WebClient } from '@slack/web-api';
import { Octokit } from '@octokit/rest';

import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack';
import { blockAction, postInteraction, postSlashCommand, signSlackRequest } from '../helpers/slack-request';

const quiet = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

describe('fake Slack', () => {
  let slack: FakeSlack;
  let client: WebClient;
  beforeAll(async () => {
    slack = await startFakeSlack({
      unexpectedCallsAllowed: 'these tests check how the fake itself reports calls nobody declared',
    });
  });
  beforeEach(() => {
    slack.reset();
    client = new WebClient('xoxb-test', {
      slackApiUrl: slack.url,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      logLevel: LogLevel.ERROR,
    });
  });
  afterAll(() => slack.close());

  it('returns a posted message from conversations.history, with metadata when asked', async () => {
    slack.expect('chat.postMessage');
    slack.expect('conversations.history', 2);
    const metadata = { event_type: 'agenda_posted', event_payload: { key: 'r1:2026-03-02' } };
    const posted = await client.chat.postMessage({ channel: 'C1', text: 'agenda', metadata });
    const withMetadata = await client.conversations.history({ channel: 'C1', include_all_metadata: true });
    const without = await client.conversations.history({ channel: 'C1' });

    expect(posted.ts).toMatch(/^\d+\.\d{6}$/);
    expect(withMetadata.messages).toEqual([
      expect.objectContaining({ ts: posted.ts, text: 'agenda', metadata }),
    ]);
    expect(without.messages?.[0]).not.toHaveProperty('metadata');
    expect(slack.callsTo('chat.postMessage')[0]).toMatchObject({ token: 'xoxb-test', args: { metadata } });
    slack.assertNoUnexpectedCalls();
    slack.assertExpectedCallsMade();
  });

  it('gives increasing ts and honours oldest and limit, newest first', async () => {
    slack.expect('chat.postMessage');
    slack.expect('conversations.history');
    const first = await client.chat.postMessage({ channel: 'C1', text: 'one' });
    await client.chat.postMessage({ channel: 'C1', text: 'two' });
    await client.chat.postMessage({ channel: 'C1', text: 'three' });
    const page = await client.conversations.history({ channel: 'C1', oldest: first.ts, limit: 1 });

    expect(page.messages?.map((message) => message.text)).toEqual(['three']);
    expect(page.has_more).toBe(true);
  });

  it('surfaces a 429 as a rate-limit error carrying retryAfter', async () => {
    slack.expect('chat.postMessage');
    slack.failNext('chat.postMessage', { kind: 'rate_limited', retryAfter: 7 });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 7,
    });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).resolves.toMatchObject({ ok: true });
  });

  it.each([
    [{ kind: 'drop' } as const, ErrorCode.RequestError],
    [{ kind: 'http_500' } as const, ErrorCode.HTTPError],
    [{ kind: 'not_ok', error: 'channel_not_found' } as const, ErrorCode.PlatformError],
  ])('surfaces %o as %s', async (failure, code) => {
    slack.expect('chat.postMessage');
    slack.failNext('chat.postMessage', failure);
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({ code });
    expect(slack.callsTo('chat.postMessage')[0]?.failedWith).toBe(failure.kind);
  });

  it('reports a method nobody declared, and calls beyond a declared count', async () => {
    slack.expect('chat.postMessage', 1);
    await client.chat.postMessage({ channel: 'C1', text: 'once' });
    await client.chat.postMessage({ channel: 'C1', text: 'twice' });
    await client.reactions.add({ channel: 'C1', timestamp: '1.000001', name: 'eyes' });
    await client.auth.test();

    expect(slack.unexpectedCalls().map((call) => call.method)).toEqual(['chat.postMessage', 'reactions.add']);
    expect(() => slack.assertNoUnexpectedCalls()).toThrow(/reactions\.add/);
  });

  it('answers views, users and chat.update like Slack', async () => {
    for (const method of ['views.open', 'views.update', 'users.info', 'chat.update']) slack.expect(method);
    slack.addUser({ id: 'U1', name: 'alice' });
    const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'T' }, blocks: [] };
    await expect(client.views.open({ trigger_id: '', view })).rejects.toMatchObject({
      data: { error: 'invalid_trigger_id' },
    });
    const opened = await client.views.open({ trigger_id: '1.2.3', view });
    const updated = await client.views.update({
      view_id: opened.view?.id ?? '',
      hash: opened.view?.hash,
      view,
    });
    const user = await client.users.info({ user: 'U1' });

    expect(updated.view?.id).toBe(opened.view?.id);
    expect(updated.view?.hash).not.toBe(opened.view?.hash);
    expect(user.user).toMatchObject({ id: 'U1', name: 'alice', tz: 'Europe/Berlin' });
    await expect(client.users.info({ user: 'U2' })).rejects.toMatchObject({
      data: { error: 'user_not_found' },
    });
    await expect(client.chat.update({ channel: 'C1', ts: '1.000001', text: 'x' })).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
  });

  it('parses JSON bodies and waits for calls still to come', async () => {
    slack.expect('chat.postMessage');
    const waiting = slack.waitForCall('chat.postMessage', (call) => call.args.channel === 'C9');
    await fetch(`${slack.url}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: 'Bearer xoxb-json' },
      body: JSON.stringify({ channel: 'C9', blocks: [{ type: 'divider' }] }),
    });
    await expect(waiting).resolves.toMatchObject({
      token: 'xoxb-json',
      args: { blocks: [{ type: 'divider' }] },
    });
    await expect(slack.waitForCall('views.open', undefined, 50)).rejects.toThrow(/no matching views\.open/);
  });
});

describe('signed requests', () => {
  it('signs like Slack: v0 HMAC-SHA256 of v0:{ts}:{body}', () => {
    const body = 'token=abc&command=%2Fkfrelease&text=status';
    const expected = `v0=${createHmac('sha256', 's3cret').update(`v0:1531420618:${body}`).digest('hex')}`;
    const headers = signSlackRequest('s3cret', body, 1531420618);
    const check = (signingSecret: string, nowMilliseconds = 1531420618_000): boolean =>
      isValidSlackRequest({
        signingSecret,
        body,
        nowMilliseconds,
        headers: {
          'x-slack-signature': headers['x-slack-signature'],
          'x-slack-request-timestamp': 1531420618,
        },
      });

    expect(headers).toEqual({ 'x-slack-signature': expected, 'x-slack-request-timestamp': '1531420618' });
    expect(check('s3cret')).toBe(true);
    expect(check('other-secret')).toBe(false);
  });

  it('reaches a real Bolt app, which answers through the fake response_url', async () => {
    const slack = await startFakeSlack();
    const app = new App({
      token: 'xoxb-test',
      signingSecret: 'secret',
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: slack.url, retryConfig: { retries: 0 } },
    });
    app.command('/kfrelease', async ({ ack, respond, command }) => {
      await ack();
      await respond({ text: `you said ${command.text}` });
    });
    app.action('release.open', async ({ ack }) => ack());
    const server = (await app.start(0)) as Server;
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const command = {
        command: '/kfrelease',
        text: 'status',
        user_id: 'U1',
        response_url: slack.responseUrl('c1'),
      };
      const ok = await postSlashCommand(base, 'secret', command);
      const forged = await postSlashCommand(base, 'secret', command, { signature: 'v0=00' });
      const click = await postInteraction(
        base,
        'secret',
        blockAction({ user: 'U1', actionId: 'release.open', value: 'x' }),
      );

      expect(ok.status).toBe(200);
      expect(forged.status).toBe(401);
      expect(click.status).toBe(200);
      await expect(slack.waitForResponse('c1')).resolves.toEqual({
        id: 'c1',
        body: { text: 'you said status' },
      });
      slack.assertNoUnexpectedCalls();
    } finally {
      await app.stop();
      await slack.close();
    }
  });
});

describe('fake GitHub', () => {
  let github: FakeGitHub;
  let octokit: Octokit;
  const repo = { owner: 'kubeflow', repo: 'manifests' };
  beforeAll(async () => {
    github = await startFakeGitHub({
      unexpectedCallsAllowed: 'these tests check how the fake itself reports requests it has no route for',
    });
    octokit = new Octokit({ baseUrl: github.url, log: quiet });
  });
  beforeEach(() => {
    github.reset();
    // a - b - c on main; a - d on release-1.11
    github.addRepo('kubeflow/manifests', { defaultBranch: 'master' });
    github.addCommit('kubeflow/manifests', 'a'.repeat(40), [], {
      message: 'root',
      date: '2026-01-01T00:00:00Z',
    });
    github.addCommit('kubeflow/manifests', 'b'.repeat(40), ['a'.repeat(40)], { message: 'b' });
    github.addCommit('kubeflow/manifests', 'c'.repeat(40), ['b'.repeat(40)], { message: 'c' });
    github.addCommit('kubeflow/manifests', 'd'.repeat(40), ['a'.repeat(40)], { message: 'd' });
    github.addBranch('kubeflow/manifests', 'master', 'c'.repeat(40));
    github.addBranch('kubeflow/manifests', 'release-1.11', 'd'.repeat(40));
    github.addTag('kubeflow/manifests', 'v1.11.0-rc.0', 'b'.repeat(40));
    github.addTag('kubeflow/manifests', 'v1.11.0-rc.1', 'c'.repeat(40), { annotated: true });
  });
  afterAll(() => github.close());

  it('decodes a ref with a slash and peels an annotated tag', async () => {
    const light = await octokit.git.getRef({ ...repo, ref: 'tags/v1.11.0-rc.0' });
    const annotated = await octokit.git.getRef({ ...repo, ref: 'tags/v1.11.0-rc.1' });
    const peeled = await octokit.git.getTag({ ...repo, tag_sha: annotated.data.object.sha });
    const matching = await octokit.git.listMatchingRefs({ ...repo, ref: 'tags/v1.11' });

    expect(light.data.object).toMatchObject({ type: 'commit', sha: 'b'.repeat(40) });
    expect(annotated.data.object.type).toBe('tag');
    expect(peeled.data.object).toMatchObject({ type: 'commit', sha: 'c'.repeat(40) });
    expect(matching.data.map((ref) => ref.ref)).toEqual(['refs/tags/v1.11.0-rc.0', 'refs/tags/v1.11.0-rc.1']);
    await expect(octokit.git.getRef({ ...repo, ref: 'heads/nope' })).rejects.toMatchObject({ status: 404 });
    expect(github.requests[0]?.rawPath).toBe('/repos/kubeflow/manifests/git/ref/tags%2Fv1.11.0-rc.0');
    github.assertNoUnexpectedRequests();
  });

  it('answers 404 for a draft release, like GitHub', async () => {
    github.addRelease('kubeflow/manifests', { tag: 'v1.11.0-rc.0', body: 'notes' });
    github.addRelease('kubeflow/manifests', { tag: 'v1.11.0-rc.1', draft: true });
    const published = await octokit.repos.getReleaseByTag({ ...repo, tag: 'v1.11.0-rc.0' });

    expect(published.data).toMatchObject({ tag_name: 'v1.11.0-rc.0', body: 'notes', draft: false });
    await expect(octokit.repos.getReleaseByTag({ ...repo, tag: 'v1.11.0-rc.1' })).rejects.toMatchObject({
      status: 404,
    });
  });

  it.each([
    ['v1.11.0-rc.0...master', 'ahead', 1, 0],
    ['master...v1.11.0-rc.0', 'behind', 0, 1],
    ['master...release-1.11', 'diverged', 1, 2],
    ['v1.11.0-rc.1...master', 'identical', 0, 0],
  ])('compares %s as %s', async (basehead, status, aheadBy, behindBy) => {
    const { data } = await octokit.repos.compareCommitsWithBasehead({ ...repo, basehead });
    expect(data).toMatchObject({ status, ahead_by: aheadBy, behind_by: behindBy });
    expect(data.commits).toHaveLength(aheadBy);
  });

  it('answers a repeated GET with its ETag by a bare 304 that costs nothing', async () => {
    const first = await octokit.repos.get(repo);
    const remaining = first.headers['x-ratelimit-remaining'];
    const etag = first.headers.etag ?? '';
    await expect(octokit.repos.get({ ...repo, headers: { 'if-none-match': etag } })).rejects.toMatchObject({
      status: 304,
    });
    expect(first.data.default_branch).toBe('master');
    expect(String(github.rateLimitRemaining())).toBe(remaining);
  });

  it('answers a graphql query with one alias per issue', async () => {
    github.addIssue('kubeflow/manifests', 12, {
      title: 'Bump',
      state: 'merged',
      pull_request: true,
      labels: ['x'],
    });
    github.addIssue('kubeflow/manifests', 13, { title: 'Bug', state: 'open', assignees: ['bob'] });
    const result = await octokit.graphql<
      Record<string, { issueOrPullRequest: Record<string, unknown> }>
    >(`query {
      i0: repository(owner: "kubeflow", name: "manifests") { issueOrPullRequest(number: 12) { __typename } }
      i1: repository(owner: "kubeflow", name: "manifests") { issueOrPullRequest(number: 13) { __typename } }
      rateLimit { cost remaining }
    }`);

    expect(result.i0?.issueOrPullRequest).toMatchObject({ __typename: 'PullRequest', state: 'MERGED' });
    expect(result.i1?.issueOrPullRequest).toMatchObject({ assignees: { nodes: [{ login: 'bob' }] } });
    expect(result.rateLimit).toMatchObject({ cost: 1 });
  });

  it('fails on demand and records unknown routes and written bodies', async () => {
    github.failNext('/repos/kubeflow/manifests', { rateLimited: true, resetInSeconds: 60 });
    const limited = await octokit.repos
      .get(repo)
      .catch((error: { status: number; response: unknown }) => error);
    const created = await octokit.issues.create({ ...repo, title: 'Release 1.11', labels: ['release'] });
    await expect(octokit.actions.listRepoWorkflows(repo)).rejects.toMatchObject({ status: 404 });

    expect(limited).toMatchObject({ status: 403, response: { headers: { 'x-ratelimit-remaining': '0' } } });
    expect(created.status).toBe(201);
    expect(github.requestsTo('POST', '/repos/kubeflow/manifests/issues')[0]?.body).toMatchObject({
      labels: ['release'],
    });
    expect(github.unexpected().map((request) => request.path)).toEqual([
      '/repos/kubeflow/manifests/actions/workflows',
    ]);
  });
});
