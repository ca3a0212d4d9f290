import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { addDocsItem } from '../../src/workflows/docs-tracking';
import { createRelease } from '../../src/workflows/create-release';
import { importTeam } from '../../src/workflows/import-team';
import { syncTrackingIssue } from '../../src/workflows/tracking-issue';
import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github';
import { dmChannelId } from '../fakes/fake-slack';
import { ADMIN, answerText, RELEASE_CHANNEL, startTestApp, type TestApp } from '../helpers/start-app';

const TEAM_YAML = readFileSync(join(__dirname, '..', '..', 'examples', 'team.yml'), 'utf8');
const RM = 'U0ADA0001';
const LIAISON = 'U0ALAN001';
const REPO = 'kubeflow/manifests';
const ISSUES = `/repos/${REPO}/issues`;

function seedRelease(app: TestApp, version = 'v1.10.0', startDate = '2026-03-02'): void {
  const actor = { kind: 'cli' as const, name: 'test' };
  createRelease(app.services, { version, startDate, channel: RELEASE_CHANNEL, actor });
  importTeam(app.services, { yaml: TEAM_YAML, source: 'team.yml', version, actor });
}

const bodyOf = (request: { body?: unknown } | undefined) =>
  (request?.body as { body?: string } | undefined)?.body ?? '';

describe('the release tracking issue on GitHub', () => {
  let github: FakeGitHub;
  let app: TestApp;

  beforeAll(async () => {
    github = await startFakeGitHub();
    github.addRepo(REPO);
    app = await startTestApp({ githubUrl: github.url, env: { GITHUB_TOKEN: 'ghp_trackingIssueTestToken' } });
    for (const method of ['chat.postMessage', 'conversations.open', 'conversations.history'])
      app.slack.expect(method);
    for (const id of [RM, ADMIN]) app.slack.addUser({ id, name: id.toLowerCase() });
    seedRelease(app);
  });
  afterAll(async () => {
    app.slack.assertNoUnexpectedCalls();
    github.assertNoUnexpectedRequests();
    await app.stop();
    await github.close();
  });

  it('shows a dry run to anyone, without a word to GitHub', async () => {
    const text = answerText(await app.command('tracking-issue preview', LIAISON));
    expect(text).toContain('*Dry run:* nothing was sent to GitHub. *Kubeflow v1.10.0 release tracking*');
    expect(text).toContain('### Notebooks');
    expect(text).toContain('| AWS | @dknuth |');
    expect(text).toContain('There is no tracking issue yet');
    expect(github.requests).toHaveLength(0);
  });

  it('prints the dry run on the command line too', async () => {
    const out: string[] = [];
    const env = {
      DATABASE_PATH: app.databasePath,
      KFRELEASE_NOW: '2026-05-12T10:00:00Z',
      LOG_LEVEL: 'silent',
    };
    const code = await runCli(['tracking-issue', 'preview', 'v1.10.0'], env, {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
    });
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('# Kubeflow v1.10.0 release tracking');
    expect(out.join('\n')).toContain('(dry run: nothing sent to GitHub; no tracking issue exists yet)');
    expect(github.requests).toHaveLength(0);
  });

  it("refuses a liaison's setup, naming who may, and writes nothing", async () => {
    const text = answerText(await app.command(`tracking-issue setup ${REPO}`, LIAISON));
    expect(text).toContain(
      'Only the release manager or a kfrelease admin can create the tracking issue of v1.10.0',
    );
    expect(github.requests).toHaveLength(0);
    expect(app.services.store.trackingIssues.find(1)).toBeNull();
  });

  it('refuses a repository that is not owner/name', async () => {
    const text = answerText(await app.command('tracking-issue setup manifests', RM));
    expect(text).toContain('"manifests" is not a GitHub repository');
    expect(github.requests).toHaveLength(0);
  });

  it('creates the issue for the release manager and announces it in the release channel', async () => {
    const text = answerText(await app.command(`tracking-issue setup https://github.com/${REPO}`, RM));
    expect(text).toContain(`Creating the tracking issue of Kubeflow v1.10.0 in ${REPO}`);
    const post = await app.slack.waitForCall('chat.postMessage', (c) => c.args.channel === RELEASE_CHANNEL);
    const [created] = github.requestsTo('POST', ISSUES);
    expect(created?.body).toMatchObject({ title: 'Kubeflow v1.10.0 release tracking' });
    const body = bodyOf(created);
    for (const part of [
      '## Timeline',
      '## Release team',
      '### Pipelines',
      '**Expected final version:**',
      '## Distributions',
    ])
      expect(body).toContain(part);
    expect(body).toContain('- Release Manager: @ada-l');
    const url = `https://github.com/${REPO}/issues/1`;
    expect(String(post.args.text)).toContain(url);
    expect(app.services.store.trackingIssues.find(1)).toMatchObject({ repo: REPO, issueNumber: 1, url });
    expect(app.services.store.audit.forRelease(1).map((e) => e.action)).toContain('tracking_issue.created');
  });

  it('refuses a second tracking issue for the same release', async () => {
    const text = answerText(await app.command(`tracking-issue setup ${REPO}`, ADMIN));
    expect(text).toContain('already has its tracking issue');
    expect(github.requestsTo('POST', ISSUES)).toHaveLength(1);
  });

  it('does not write to GitHub when nothing changed', async () => {
    const text = answerText(await app.command('tracking-issue sync', RM));
    expect(text).toContain('already up to date');
    await expect(
      syncTrackingIssue(app.services, app.services.store.releases.findByVersion('v1.10.0')!),
    ).resolves.toEqual({
      status: 'unchanged',
      url: `https://github.com/${REPO}/issues/1`,
    });
    expect(github.requestsTo('PATCH', ISSUES)).toHaveLength(0);
  });

  it('refuses a liaison the sync too', async () => {
    expect(answerText(await app.command('tracking-issue sync', LIAISON))).toContain(
      'Only the release manager',
    );
  });

  it('updates the body once the state changed, and tells the release manager', async () => {
    const added = addDocsItem(app.services, {
      userId: RM,
      version: 'v1.10.0',
      values: {
        wg: 'Pipelines',
        feature: 'KFP v2 caching',
        pages: '/docs/pipelines/caching',
        owner: null,
        status: 'needed',
      },
    });
    expect(added.kind).toBe('saved');
    const text = answerText(await app.command('tracking-issue sync', RM));
    expect(text).toContain('Updating the tracking issue of Kubeflow v1.10.0');
    await app.slack.waitForCall('chat.postMessage', (c) => c.args.channel === dmChannelId(RM));
    const patches = github.requestsTo('PATCH', `${ISSUES}/1`);
    expect(patches).toHaveLength(1);
    expect(bodyOf(patches[0])).toContain('#1 KFP v2 caching (Needed; pages: /docs/pipelines/caching)');
    expect(github.model.repo(REPO).issues.get(1)?.body).toBe(bodyOf(patches[0]));
  });

  it('keeps the issue in step from the background, patching only on change', async () => {
    const release = app.services.store.releases.findByVersion('v1.10.0')!;
    await expect(syncTrackingIssue(app.services, release)).resolves.toMatchObject({ status: 'unchanged' });
    app.services.store.docsItems.setStatus(1, 'done', RM, '2026-05-12T11:00:00Z');
    await expect(syncTrackingIssue(app.services, release)).resolves.toMatchObject({ status: 'updated' });
    const patches = github.requestsTo('PATCH', `${ISSUES}/1`);
    expect(patches).toHaveLength(2);
    expect(bodyOf(patches[1])).toContain('- [x] #1 KFP v2 caching (Done');
  });

  it('tells the release manager what to fix when GitHub refuses, and lets setup run again', async () => {
    seedRelease(app, 'v1.11.0', '2026-07-06');
    const text = answerText(await app.command('tracking-issue setup kubeflow/no-such-repo v1.11.0', RM));
    expect(text).toContain('Creating the tracking issue of Kubeflow v1.11.0');
    const dm = await app.slack.waitForCall(
      'chat.postMessage',
      (c) => c.args.channel === dmChannelId(RM) && String(c.args.text).includes('v1.11.0'),
    );
    expect(String(dm.args.text)).toContain('GitHub refused to write to kubeflow/no-such-repo (404)');
    expect(String(dm.args.text)).toContain('Issues: Read and write');
    const release = app.services.store.releases.findByVersion('v1.11.0')!;
    expect(app.services.store.trackingIssues.find(release.id)).toBeNull();
  });
});

describe('the tracking issue without a GitHub token', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    seedRelease(app);
  });
  afterAll(async () => {
    app.slack.assertNoUnexpectedCalls();
    await app.stop();
  });

  it('refuses setup and says which token scope is needed', async () => {
    const text = answerText(await app.command('tracking-issue setup kubeflow/manifests', RM));
    expect(text).toContain('kfrelease has no GitHub token, so it cannot write the tracking issue.');
    expect(text).toContain('GITHUB_TOKEN');
    expect(text).toContain('Issues: Read and write');
    expect(app.services.store.trackingIssues.find(1)).toBeNull();
  });

  it('still refuses someone without the role first', async () => {
    expect(answerText(await app.command('tracking-issue setup kubeflow/manifests', LIAISON))).toContain(
      'Only the release manager',
    );
  });

  it('still offers the dry run', async () => {
    expect(answerText(await app.command('tracking-issue preview', RM))).toContain('*Dry run:*');
  });
});
