import { runCli } from '../../src/cli/main';
import type { ReleaseRow } from '../../src/db/release-repository';
import { previewTrackingIssue } from '../../src/workflows/tracking-issue';
import { syncManifestsPulls } from '../../src/workflows/sync-manifests-pulls';
import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github';
import { fakeSha } from '../fakes/fake-github-model';
import { dmChannelId } from '../fakes/fake-slack';
import {
  ALAN,
  BEFORE_FREEZE,
  GRACE,
  MARGARET,
  NOTEBOOKS,
  RM,
  outboxDelivered,
  revisionsOf,
  seedGitHub,
  seedRelease,
  submitRevisionForm,
  textOf,
} from '../helpers/revision-fixtures';
import { answerText, RELEASE_CHANNEL, startTestApp, type TestApp } from '../helpers/start-app';

const MANIFESTS = 'kubeflow/manifests';
const TOKEN = 'ghp_manifestsSyncToken';
const SCRIPT = 'scripts/synchronize-kubeflow-manifests.sh';
const BRANCH = 'kfrelease/v1.10.0/notebooks';

/** The top of kubeflow/manifests' sync script for kubeflow/kubeflow (v1.10 layout). */
const script = (revision: string) =>
  [
    '#!/usr/bin/env bash',
    '# This script helps to create a PR to update the Kubeflow (notebooks, dashboard) manifests',
    'SCRIPT_DIRECTORY=$( cd -- "$( dirname -- "${BASH_SOURCE[0]}" )" &> /dev/null && pwd )',
    'source "${SCRIPT_DIRECTORY}/library.sh"',
    '',
    'setup_error_handling',
    '',
    'COMPONENT_NAME="kubeflow"',
    'REPOSITORY_NAME="kubeflow/kubeflow"',
    `COMMIT="${revision}" # You can use tags as well`,
    '',
  ].join('\n');

/** The README's component table, as kubeflow/manifests keeps it. */
const readme = (kubeflow: string) =>
  [
    '# Kubeflow Manifests',
    '',
    '| Component | Local Manifests Path | Upstream Revision |',
    '| - | - | - |',
    `| Notebook Controller | apps/jupyter/notebook-controller/upstream | [${kubeflow}](https://github.com/kubeflow/kubeflow/tree/${kubeflow}/components/notebook-controller/config) |`,
    `| Central Dashboard | apps/centraldashboard/upstream | [${kubeflow}](https://github.com/kubeflow/kubeflow/tree/${kubeflow}/components/centraldashboard/manifests) |`,
    '| Katib | apps/katib/upstream | [v0.18.0](https://github.com/kubeflow/katib/tree/v0.18.0/manifests/v1beta1) |',
    '',
  ].join('\n');

function seedManifests(github: FakeGitHub): void {
  github.addRepo(MANIFESTS, { defaultBranch: 'master' });
  github.addCommit(MANIFESTS, fakeSha('manifests-0'), [], { message: 'Kubeflow 1.9' });
  github.addBranch(MANIFESTS, 'master', fakeSha('manifests-0'));
  github.model.setFiles(MANIFESTS, fakeSha('manifests-0'), {
    'README.md': readme('v1.9.2'),
    [SCRIPT]: { content: script('v1.9.2'), mode: '100755' },
    'scripts/library.sh': '#!/usr/bin/env bash\n',
  });
}

/** The next direct message to `user` after the first `seen` Slack calls, as text. */
async function nextDm(app: TestApp, user: string, seen: number, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const call = app.slack.calls
      .slice(seen)
      .find((c) => c.method === 'chat.postMessage' && c.args.channel === dmChannelId(user));
    if (call) return textOf(call.args);
    if (Date.now() > deadline) throw new Error(`no direct message to ${user} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** `/kfrelease <text>` as `user`, and the direct message the work in the background ends with. */
async function commandAndDm(app: TestApp, text: string, user: string) {
  const seen = app.slack.calls.length;
  const answer = answerText(await app.command(text, user));
  return { answer, dm: await nextDm(app, user, seen) };
}

const writes = (github: FakeGitHub) =>
  github.requests
    .filter((r) => r.method !== 'GET' && r.path !== '/graphql')
    .map((r) => `${r.method} ${r.path}`);

// Direct messages to one person are paced about a second apart, as Slack wants.
jest.setTimeout(45_000);

describe('the manifests sync pull request', () => {
  let github: FakeGitHub;
  let app: TestApp;
  let release: ReleaseRow;
  let number = 0;
  const cli = async (args: string[]) => {
    const out: string[] = [];
    const env = {
      DATABASE_PATH: app.databasePath,
      GITHUB_API_URL: github.url,
      GITHUB_TOKEN: TOKEN,
      KFRELEASE_NOW: BEFORE_FREEZE,
      LOG_LEVEL: 'silent',
    };
    const code = await runCli(args, env, { out: (l) => out.push(l), err: (l) => out.push(l) });
    return { code, out: out.join('\n') };
  };

  beforeAll(async () => {
    github = await startFakeGitHub();
    seedGitHub(github);
    seedManifests(github);
    github.grantToken(TOKEN, { contents: 'write', pull_requests: 'write', issues: 'write' });
    app = await startTestApp({ now: BEFORE_FREEZE, githubUrl: github.url, env: { GITHUB_TOKEN: TOKEN } });
    for (const method of ['chat.postMessage', 'conversations.open', 'conversations.history', 'users.info'])
      app.slack.expect(method);
    release = seedRelease(app);
    await submitRevisionForm(app, GRACE, NOTEBOOKS, ['v1.10.0']);
    await outboxDelivered(app);
    expect(revisionsOf(app, release).map((r) => [r.revision, r.status])).toEqual([['v1.10.0', 'accepted']]);
  });
  afterAll(async () => {
    github.assertNoUnexpectedRequests();
    app.slack.assertNoUnexpectedCalls();
    await app.stop();
    await github.close();
  });

  it('previews the diff to anyone, and writes nothing', async () => {
    const { answer, dm } = await commandAndDm(app, 'manifests preview notebooks', MARGARET);
    expect(answer).toBe(
      ':hourglass: Reading kubeflow/manifests for the manifests change of Kubeflow v1.10.0 (notebooks); the preview comes as a direct message. Nothing is written to GitHub.',
    );
    expect(dm).toContain(
      '*Manifests preview for Kubeflow v1.10.0:* nothing was written to kubeflow/manifests.',
    );
    expect(dm).toContain(
      `• *notebooks* (kubeflow/kubeflow \`v1.10.0\`): would open a pull request from \`${BRANCH}\` into \`master\``,
    );
    expect(dm).toContain(
      [
        `--- a/${SCRIPT}`,
        `+++ b/${SCRIPT}`,
        '@@ -10,1 +10,1 @@',
        '-COMMIT="v1.9.2" # You can use tags as well',
        '+COMMIT="v1.10.0" # You can use tags as well',
        '--- a/README.md',
        '+++ b/README.md',
        '@@ -5,1 +5,1 @@',
        '-| Notebook Controller | apps/jupyter/notebook-controller/upstream | [v1.9.2](https://github.com/kubeflow/kubeflow/tree/v1.9.2/components/notebook-controller/config) |',
        '+| Notebook Controller | apps/jupyter/notebook-controller/upstream | [v1.10.0](https://github.com/kubeflow/kubeflow/tree/v1.10.0/components/notebook-controller/config) |',
      ].join('\n'),
    );
    expect(dm).toContain('+| Central Dashboard | apps/centraldashboard/upstream | [v1.10.0]');
    expect(dm).not.toContain('Katib |');
    expect(writes(github)).toEqual([]);
    expect(app.services.store.manifestsPulls.forRelease(release.id)).toEqual([]);
  });

  it('prints the same diff on the command line, writing nothing', async () => {
    const { code, out } = await cli(['manifests', 'preview', 'notebooks']);
    expect(code).toBe(0);
    expect(out).toContain(
      'Manifests change of Kubeflow v1.10.0 in kubeflow/manifests (into master); nothing is written.',
    );
    expect(out).toContain('notebooks (kubeflow/kubeflow v1.10.0): would open');
    expect(out).toContain('+COMMIT="v1.10.0" # You can use tags as well');
    expect(writes(github)).toEqual([]);
  });

  it('lists every component with `all`, saying which have no accepted revision yet', async () => {
    const { dm } = await commandAndDm(app, 'manifests preview all', ALAN);
    expect(dm).toContain('• *katib* (kubeflow/katib): no accepted revision yet');
    expect(dm).toContain('• *pipelines* (kubeflow/pipelines): no accepted revision yet');
    expect(writes(github)).toEqual([]);
  });

  it('refuses an unknown component, naming the known ones', async () => {
    const text = answerText(await app.command('manifests preview kfp', RM));
    expect(text).toContain('There is no manifests component "kfp".');
    expect(text).toContain('notebooks, pipelines, training-operator, katib');
  });

  it("refuses someone who is not on the release team's core, and writes nothing", async () => {
    const text = answerText(await app.command('manifests pr notebooks', MARGARET));
    expect(text).toContain(
      'Only the release manager, a release team member (WG liaison) or an admin can open the manifests pull requests of v1.10.0.',
    );
    expect(writes(github)).toEqual([]);
  });

  it('--dry-run says what it would do and writes nothing', async () => {
    const { answer, dm } = await commandAndDm(app, 'manifests pr notebooks --dry-run', RM);
    expect(answer).toContain('the dry run comes as a direct message. Nothing is written to GitHub.');
    expect(dm).toContain(
      '*Dry run:* nothing was written to kubeflow/manifests. For Kubeflow v1.10.0, `/kfrelease manifests pr` would:',
    );
    expect(dm).toContain(`would open a pull request from \`${BRANCH}\` into \`master\``);
    expect(writes(github)).toEqual([]);
    expect(app.services.store.manifestsPulls.forRelease(release.id)).toEqual([]);
  });

  it('names the permission a token without write access to contents lacks', async () => {
    github.grantToken(TOKEN, { contents: 'read', pull_requests: 'write', issues: 'write' });
    const { dm } = await commandAndDm(app, 'manifests pr notebooks', RM);
    expect(dm).toContain(
      '• *notebooks* (kubeflow/kubeflow `v1.10.0`): :x: GitHub refused the write to kubeflow/manifests: GITHUB_TOKEN lacks the permission "Contents: Read and write" (GitHub asked for contents=write). Give the token that permission on kubeflow/manifests (a classic token needs the public_repo scope), then try again.',
    );
    const refused = github.requestsTo('POST', `/repos/${MANIFESTS}/git/trees`);
    expect(refused).toHaveLength(1);
    expect(github.model.repo(MANIFESTS).branches.has(BRANCH)).toBe(false);
    expect(app.services.store.manifestsPulls.forRelease(release.id)).toEqual([]);
  });

  it('names the pull request permission when only that is missing', async () => {
    github.grantToken(TOKEN, { contents: 'write', pull_requests: 'read', issues: 'write' });
    const { dm } = await commandAndDm(app, 'manifests pr notebooks', RM);
    expect(dm).toContain(
      ':x: GitHub refused the write to kubeflow/manifests: GITHUB_TOKEN lacks the permission "Pull requests: Read and write" (GitHub asked for pull_requests=write).',
    );
    expect(app.services.store.manifestsPulls.forRelease(release.id)).toEqual([]);
    github.grantToken(TOKEN, { contents: 'write', pull_requests: 'write', issues: 'write' });
  });

  it('opens one labelled pull request for a liaison, linked to the revision', async () => {
    const { answer, dm } = await commandAndDm(app, 'manifests pr all', GRACE);
    expect(answer).toContain(
      ':hourglass: Opening the manifests pull requests of Kubeflow v1.10.0 in kubeflow/manifests (notebooks, pipelines,',
    );
    const pulls = github.model.repo(MANIFESTS).pulls;
    expect(pulls.size).toBe(1);
    number = [...pulls.keys()][0] ?? 0;
    const url = `https://github.com/${MANIFESTS}/pull/${number}`;
    expect(dm).toContain(
      `• *notebooks* (kubeflow/kubeflow \`v1.10.0\`): :white_check_mark: opened <${url}|kubeflow/manifests#${number}>`,
    );
    expect(dm).toContain('• *katib* (kubeflow/katib): no accepted revision yet');
    expect(pulls.get(number)).toMatchObject({ head: BRANCH, base: 'master' });
    const issue = github.model.repo(MANIFESTS).issues.get(number);
    expect(issue?.title).toBe('[kubeflow 1.10] Update kubeflow/kubeflow manifests from v1.10.0');
    expect(issue?.labels).toEqual(['release-sync']);
    const accepted = revisionsOf(app, release)[0];
    expect(issue?.body).toContain('Sync kubeflow/kubeflow tag v1.10.0 manifests.');
    expect(issue?.body).toContain(
      `- Upstream: [v1.10.0](https://github.com/kubeflow/kubeflow/releases/tag/v1.10.0) (commit ${accepted?.commitSha?.slice(0, 12)})`,
    );
    expect(issue?.body).toContain(`revision #${accepted?.id} of the Notebooks working group in kfrelease`);
    const onBranch = (path: string) => github.model.fileOnBranch(MANIFESTS, BRANCH, path);
    expect(onBranch(SCRIPT)).toBe(script('v1.10.0'));
    expect(onBranch('README.md')).toBe(
      readme('v1.10.0').replace(/\[v1\.10\.0\]\(https:\/\/github\.com\/kubeflow\/katib[^)]*\)/, ''),
    );
    expect(
      github.model.repo(MANIFESTS).git.fileAt(github.model.repo(MANIFESTS).branches.get(BRANCH) ?? '', SCRIPT)
        ?.mode,
    ).toBe('100755');
    expect(github.model.fileOnBranch(MANIFESTS, 'master', SCRIPT)).toBe(script('v1.9.2'));
    // What anyone reading the branch through GitHub's contents API sees.
    const contents = (await (
      await fetch(`${github.url}/repos/${MANIFESTS}/contents/${SCRIPT}?ref=${encodeURIComponent(BRANCH)}`)
    ).json()) as { content: string; encoding: string; path: string };
    expect(contents).toMatchObject({ encoding: 'base64', path: SCRIPT });
    expect(Buffer.from(contents.content, 'base64').toString('utf8')).toBe(script('v1.10.0'));
    expect(app.services.store.manifestsPulls.find(release.id, 'notebooks')).toMatchObject({
      number,
      url,
      state: 'open',
      revision: 'v1.10.0',
      branch: BRANCH,
      openedBy: GRACE,
    });
    expect(app.services.store.audit.forRelease(release.id).map((e) => e.action)).toContain(
      'manifests_pull.opened',
    );
    const versions = answerText(await app.command('versions', ALAN));
    expect(versions).toContain(`manifests <${url}|#${number}> open (\`v1.10.0\`)`);
  });

  it('leaves an open pull request alone while the revision is the same', async () => {
    const before = writes(github).length;
    const { dm } = await commandAndDm(app, 'manifests pr notebooks', RM);
    expect(dm).toContain(
      `• *notebooks* (kubeflow/kubeflow \`v1.10.0\`): <https://github.com/${MANIFESTS}/pull/${number}|kubeflow/manifests#${number}> already carries \`v1.10.0\``,
    );
    expect(writes(github)).toHaveLength(before);
  });

  it('answers the same on the command line', async () => {
    const before = writes(github).length;
    const { code, out } = await cli(['manifests', 'pr', 'notebooks']);
    expect({ code, out }).toEqual({
      code: 0,
      out: `notebooks (kubeflow/kubeflow v1.10.0): up to date https://github.com/${MANIFESTS}/pull/${number}`,
    });
    expect(writes(github)).toHaveLength(before);
  });

  it('updates the same pull request for a later revision', async () => {
    await submitRevisionForm(app, GRACE, NOTEBOOKS, ['v1.10.1']);
    await outboxDelivered(app);
    const moves = github.requestsTo('PATCH', `/repos/${MANIFESTS}/git/refs/heads/${BRANCH}`).length;
    const { dm } = await commandAndDm(app, 'manifests pr notebooks', RM);
    const url = `https://github.com/${MANIFESTS}/pull/${number}`;
    expect(dm).toContain(
      `• *notebooks* (kubeflow/kubeflow \`v1.10.1\`): :arrows_counterclockwise: updated <${url}|kubeflow/manifests#${number}> to \`v1.10.1\``,
    );
    const repo = github.model.repo(MANIFESTS);
    expect(repo.pulls.size).toBe(1);
    expect(repo.issues.get(number)?.title).toBe(
      '[kubeflow 1.10] Update kubeflow/kubeflow manifests from v1.10.1',
    );
    expect(github.model.fileOnBranch(MANIFESTS, BRANCH, SCRIPT)).toBe(script('v1.10.1'));
    // Rebuilt on master, not stacked on the earlier commit: the branch holds one commit.
    expect(repo.commits.get(repo.branches.get(BRANCH) ?? '')?.parents).toEqual([fakeSha('manifests-0')]);
    expect(github.requestsTo('PATCH', `/repos/${MANIFESTS}/git/refs/heads/${BRANCH}`)).toHaveLength(
      moves + 1,
    );
    expect(app.services.store.manifestsPulls.find(release.id, 'notebooks')).toMatchObject({
      number,
      revision: 'v1.10.1',
      state: 'open',
    });
  });

  it('syncs a closed pull request, and says nothing while nothing changed', async () => {
    github.updateIssue(MANIFESTS, number, { state: 'closed' });
    await expect(syncManifestsPulls(app.services)).resolves.toEqual({ checked: 1, changed: 1 });
    await app.deliverOutbox();
    const url = `https://github.com/${MANIFESTS}/pull/${number}`;
    expect(app.slack.messages(RELEASE_CHANNEL).map((m) => m.text)).toContain(
      `:x: The manifests pull request <${url}|#${number}> syncing kubeflow/kubeflow \`v1.10.1\` for Kubeflow v1.10.0 is now closed without merging.`,
    );
    expect(answerText(await app.command('versions', ALAN))).toContain(
      `manifests <${url}|#${number}> closed without merging (\`v1.10.1\`)`,
    );
    await expect(syncManifestsPulls(app.services)).resolves.toEqual({ checked: 1, changed: 0 });
  });

  it('syncs the state once it is merged, in the channel, the versions table and the tracking issue', async () => {
    github.updateIssue(MANIFESTS, number, { state: 'merged' });
    const synced = await cli(['manifests', 'sync']);
    expect(synced).toEqual({ code: 0, out: 'Refreshed 1 manifests pull request(s) from GitHub: 1 changed.' });
    // The command line's clock ran on from KFRELEASE_NOW while it worked: its post is due a moment later.
    app.clock.set('2026-04-15T10:01:00Z');
    await app.deliverOutbox();
    const url = `https://github.com/${MANIFESTS}/pull/${number}`;
    expect(app.services.store.outbox.pending()).toEqual([]);
    const post = app.slack
      .messages(RELEASE_CHANNEL)
      .find((m) => String(m.text).includes('manifests pull request') && String(m.text).includes('merged.'));
    expect(post?.text).toBe(
      `:tada: The manifests pull request <${url}|#${number}> syncing kubeflow/kubeflow \`v1.10.1\` for Kubeflow v1.10.0 is now merged.`,
    );
    expect(app.services.store.manifestsPulls.find(release.id, 'notebooks')?.state).toBe('merged');
    expect(answerText(await app.command('versions', ALAN))).toContain(
      `manifests <${url}|#${number}> merged (\`v1.10.1\`)`,
    );
    const body = previewTrackingIssue(app.services, 'v1.10.0').body;
    expect(body).toContain(
      `| notebooks | kubeflow/kubeflow | \`v1.10.1\` | [\\#${number}](${url}) | merged |`,
    );
    // Merged is final: the next sync does not ask again.
    await expect(syncManifestsPulls(app.services)).resolves.toEqual({ checked: 0, changed: 0 });
  });
});

describe('the manifests sync pull request without a GitHub token', () => {
  it('says so at once and points at the preview', async () => {
    const github = await startFakeGitHub();
    const app = await startTestApp({ now: BEFORE_FREEZE, githubUrl: github.url });
    try {
      seedRelease(app);
      const text = answerText(await app.command('manifests pr notebooks', RM));
      expect(text).toContain(
        'kfrelease has no GitHub token, so it cannot open pull requests in kubeflow/manifests.',
      );
      expect(text).toContain(
        'GITHUB_TOKEN needs the repository permissions "Contents: Read and write" and "Pull requests: Read and write" on the manifests repository',
      );
      expect(github.requests).toEqual([]);
    } finally {
      await app.stop();
      await github.close();
    }
  });
});
