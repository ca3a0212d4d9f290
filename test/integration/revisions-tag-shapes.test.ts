import type { ReleaseRow } from '../../src/db/release-repository';
import type { FakeGitHub } from '../fakes/fake-github';
import { dmChannelId } from '../fakes/fake-slack';
import { fakeSha } from '../fakes/fake-github-model';
import { databaseSnapshot } from '../helpers/database-snapshot';
import {
  ALAN,
  heldMessage,
  outboxDelivered,
  P,
  PIPELINES,
  postedMessage,
  revisionsOf,
  RM,
  submitRevisionForm,
  textOf,
  useRevisionApp,
  viewAnswer,
  type FormShape,
} from '../helpers/revision-fixtures';
import { answerText, RELEASE_CHANNEL, type TestApp } from '../helpers/start-app';

/** Liaisons in examples/team.yml. */
const BARBARA = 'U0BARB001'; // Manifests
const KATHERINE = 'U0KATH001'; // AutoML

/** The Manifests working group's form: its components' repositories, then its own. */
const MANIFESTS: FormShape = {
  wg: 'Manifests',
  repos: [
    'istio/istio',
    'knative/serving',
    'knative/eventing',
    'cert-manager/cert-manager',
    'kubeflow/manifests',
  ],
};
const AUTOML: FormShape = { wg: 'AutoML', repos: ['kubeflow/katib'] };

const SERVING = 'knative/serving';
const EVENTING = 'knative/eventing';
const KFP = 'kubeflow/pipelines';
const KATIB = 'kubeflow/katib';
const CHANGELOG = '## Changelog\n\n* See the pull requests.';

const S = { s0: fakeSha('serving-0'), s1: fakeSha('serving-1'), s2: fakeSha('serving-2') };
const E = { e0: fakeSha('eventing-0') };
const KP = { p2: fakeSha('kfp-2'), p3: fakeSha('kfp-3') };
const KT = { k0: fakeSha('katib-0'), k1: fakeSha('katib-1') };

function tagWithRelease(github: FakeGitHub, repo: string, tag: string, sha: string): void {
  github.addTag(repo, tag, sha);
  github.addRelease(repo, { tag, body: CHANGELOG });
}

/**
 * Tags as Knative, Kubeflow Pipelines and Katib name them:
 *   knative/serving   knative-v1.16.4 - knative-v1.16.5 (PR #201 kind/bug) - knative-v1.16.6 (PR #202 kind/feature)
 *   knative/eventing  knative-v1.16.0-hotfix (no version the rules can read)
 *   kubeflow/pipelines 2.5.0 - (work in progress) - 2.5.1 (PR #301 bug) - 2.5.2 (PR #302 area/backend only)
 *   kubeflow/katib    v0.18.0-rc.0 - v0.18.0 (PR #401 kind/feature)
 */
function seedTagShapes(github: FakeGitHub): void {
  github.addRepo(SERVING, { defaultBranch: 'main' });
  github.addCommit(SERVING, S.s0, [], { message: 'Serving 1.16.4' });
  github.addCommit(SERVING, S.s1, [S.s0], { message: 'Fix an activator panic on scale to zero (#201)' });
  github.addCommit(SERVING, S.s2, [S.s1], { message: 'Add a queue-proxy drain flag (#202)' });
  tagWithRelease(github, SERVING, 'knative-v1.16.4', S.s0);
  tagWithRelease(github, SERVING, 'knative-v1.16.5', S.s1);
  tagWithRelease(github, SERVING, 'knative-v1.16.6', S.s2);
  github.addPullRequest(SERVING, 201, {
    title: 'Fix an activator panic on scale to zero',
    labels: ['kind/bug'],
    commits: [S.s1],
  });
  github.addPullRequest(SERVING, 202, {
    title: 'Add a queue-proxy drain flag',
    labels: ['kind/feature'],
    commits: [S.s2],
  });

  github.addRepo(EVENTING, { defaultBranch: 'main' });
  github.addCommit(EVENTING, E.e0, [], { message: 'Eventing CVE fix' });
  tagWithRelease(github, EVENTING, 'knative-v1.16.0-hotfix', E.e0);

  github.addCommit(KFP, KP.p2, [P.p1], { message: 'Fix the cache key of retried tasks (#301)' });
  github.addCommit(KFP, KP.p3, [KP.p2], { message: 'Speed up the backend (#302)' });
  tagWithRelease(github, KFP, '2.5.1', KP.p2);
  tagWithRelease(github, KFP, '2.5.2', KP.p3);
  github.addPullRequest(KFP, 301, {
    title: 'Fix the cache key of retried tasks',
    labels: ['bug'],
    commits: [KP.p2],
  });
  github.addPullRequest(KFP, 302, {
    title: 'Speed up the backend',
    labels: ['area/backend'],
    commits: [KP.p3],
  });

  github.addRepo(KATIB, { defaultBranch: 'master' });
  github.addCommit(KATIB, KT.k0, [], { message: 'Katib 0.18 RC' });
  github.addCommit(KATIB, KT.k1, [KT.k0], { message: 'Add a Bayesian search space editor (#401)' });
  tagWithRelease(github, KATIB, 'v0.18.0-rc.0', KT.k0);
  tagWithRelease(github, KATIB, 'v0.18.0', KT.k1);
  github.addPullRequest(KATIB, 401, {
    title: 'Add a Bayesian search space editor',
    labels: ['kind/feature'],
    commits: [KT.k1],
  });
}

const pr = (repo: string, n: number) => `<https://github.com/${repo}/pull/${n}|#${n}>`;

describe('tag shapes per repository and the bug-fix-only rule, through the modal', () => {
  let app: TestApp;
  let release: ReleaseRow;

  useRevisionApp((world) => {
    ({ app, release } = world);
  }, seedTagShapes);

  /** One revision in field `index` of a form, the others left empty. */
  const submit = (user: string, form: FormShape, index: number, revision: string) =>
    submitRevisionForm(
      app,
      user,
      form,
      form.repos.map((_repo, i) => (i === index ? revision : null)),
    );
  const latest = () => revisionsOf(app, release).at(-1);

  beforeEach(() => {
    app.slack.expect('chat.postMessage');
    app.slack.expect('conversations.open');
  });

  it('accepts knative-v1.16.4 in the freeze as v1.16.4, then a bug-fix patch, and holds a patch carrying a kind/feature pull request', async () => {
    const first = await submit(BARBARA, MANIFESTS, 1, 'knative-v1.16.4');
    expect(textOf(viewAnswer(first).view)).toContain(
      '*knative/serving* `knative-v1.16.4`: :white_check_mark: accepted',
    );
    expect(latest()).toMatchObject({
      wg: 'Manifests',
      repo: SERVING,
      revision: 'knative-v1.16.4',
      status: 'accepted',
      kind: 'tag',
      commitSha: S.s0,
      version: 'v1.16.4',
      freeze: true,
      warnings: [],
    });

    await submit(BARBARA, MANIFESTS, 1, 'knative-v1.16.5');
    expect(latest()).toMatchObject({ revision: 'knative-v1.16.5', status: 'accepted', version: 'v1.16.5' });
    expect(latest()?.review).toMatchObject({
      reasons: [],
      previous: 'knative-v1.16.4',
      pullRequests: [expect.objectContaining({ number: 201, labels: ['kind/bug'], flagged: false })],
    });

    const third = await submit(BARBARA, MANIFESTS, 1, 'knative-v1.16.6');
    expect(textOf(viewAnswer(third).view)).toContain(
      '`knative-v1.16.6`: :raised_hand: held for the release manager',
    );
    const held = latest();
    expect(held).toMatchObject({
      revision: 'knative-v1.16.6',
      status: 'needs_exception',
      version: 'v1.16.6',
    });
    expect(held?.review?.reasons).toEqual([
      'A pull request since `knative-v1.16.5` is not bug-fix-only: #202 (labelled kind/feature). After the freeze only bug fixes, docs, tests and chores may ship.',
    ]);
    const message = textOf((await heldMessage(app, held?.id ?? 0)).blocks);
    expect(message).toContain(
      '• A pull request since `knative-v1.16.5` is not bug-fix-only: #202 (labelled kind/feature).',
    );
    expect(message).toContain(
      `${pr(SERVING, 202)} Add a queue-proxy drain flag :warning: _labelled kind/feature_`,
    );
    expect(message).not.toContain(pr(SERVING, 201));
    await outboxDelivered(app);
  });

  it('accepts 2.5.0 (Kubeflow Pipelines tags without a v) and a bug fix after it, and holds a patch whose pull request has no fix label', async () => {
    await submit(ALAN, PIPELINES, 0, '2.5.0');
    expect(latest()).toMatchObject({
      repo: KFP,
      revision: '2.5.0',
      status: 'accepted',
      version: 'v2.5.0',
      warnings: [],
    });

    await submit(ALAN, PIPELINES, 0, '2.5.1');
    expect(latest()).toMatchObject({ revision: '2.5.1', status: 'accepted', version: 'v2.5.1' });
    expect(latest()?.review?.pullRequests).toEqual([
      expect.objectContaining({ number: 301, labels: ['bug'], flagged: false }),
    ]);

    await submit(ALAN, PIPELINES, 0, '2.5.2');
    const held = latest();
    expect(held).toMatchObject({ revision: '2.5.2', status: 'needs_exception' });
    expect(held?.review?.reasons).toEqual([
      'A pull request since `2.5.1` is not bug-fix-only: #302 (no bug/fix/docs/test/chore label). After the freeze only bug fixes, docs, tests and chores may ship.',
    ]);
    const message = textOf((await heldMessage(app, held?.id ?? 0)).blocks);
    expect(message).toContain(
      `${pr(KFP, 302)} Speed up the backend :warning: _no bug/fix/docs/test/chore label_`,
    );
    await outboxDelivered(app);
  });

  it('holds v0.18.0-rc.0 → v0.18.0 when a kind/feature pull request came in between, and the versions table marks the RC', async () => {
    await submit(KATHERINE, AUTOML, 0, 'v0.18.0-rc.0');
    expect(latest()).toMatchObject({ repo: KATIB, status: 'accepted', version: 'v0.18.0-rc.0' });
    const versions = answerText(await app.command('versions', KATHERINE));
    expect(versions).toContain(
      `• Katib: \`v0.18.0-rc.0\` (${KT.k0.slice(0, 7)}) _release candidate_ by <@${KATHERINE}>`,
    );

    await submit(KATHERINE, AUTOML, 0, 'v0.18.0');
    const held = latest();
    expect(held).toMatchObject({ revision: 'v0.18.0', status: 'needs_exception' });
    expect(held?.review?.reasons).toEqual([
      'A pull request since `v0.18.0-rc.0` is not bug-fix-only: #401 (labelled kind/feature). After the freeze only bug fixes, docs, tests and chores may ship.',
    ]);
    const dm = await postedMessage(app, dmChannelId(KATHERINE), `revision:${held?.id}:held:${KATHERINE}`);
    expect(textOf(dm.blocks)).toContain('#401 (labelled kind/feature)');
    await outboxDelivered(app);
  });

  it('refuses a tag the rules cannot read, saying the shape and how the release manager can accept it; the release manager accepts it with a reason in the decision log', async () => {
    const before = databaseSnapshot(app.services.store.db);
    const refused = await submit(BARBARA, MANIFESTS, 2, 'knative-v1.16.0-hotfix');
    expect(viewAnswer(refused)).toEqual({
      response_action: 'errors',
      errors: {
        'repo:2':
          "Tag `knative-v1.16.0-hotfix` is not a version: this repository's tags look like `knative-v1.10.0` or `knative-v1.10.0-rc.1` (`knative-v{version}` in config/kubeflow.yml). From Feature Freeze on, tag a version of that shape. Otherwise the release manager can accept it as it is: /kfrelease revision accept knative/eventing knative-v1.16.0-hotfix <reason>",
      },
    });
    expect(databaseSnapshot(app.services.store.db)).toBe(before);

    const reason = 'Knative shipped the CVE fix under this tag';
    const answer = answerText(
      await app.command(`revision accept knative/eventing knative-v1.16.0-hotfix ${reason}`, RM),
    );
    expect(answer).toContain(
      ":hourglass_flowing_sand: Checking knative/eventing `knative-v1.16.0-hotfix` on GitHub. Once GitHub shows it, it is Manifests's accepted revision for Kubeflow v1.10.0 whatever the rules say",
    );
    const id = latest()?.id ?? 0;
    const post = await postedMessage(app, RELEASE_CHANNEL, `revision:${id}:accepted`);
    expect(textOf(post.blocks)).toContain('*Manifests* revision accepted for Kubeflow v1.10.0');
    expect(textOf(post.blocks)).toContain(`exception granted by <@${RM}>`);
    expect(latest()).toMatchObject({
      repo: EVENTING,
      revision: 'knative-v1.16.0-hotfix',
      status: 'accepted',
      kind: 'tag',
      commitSha: E.e0,
      version: null,
      decidedBy: RM,
      decisionReason: reason,
      submittedBy: RM,
    });
    expect(latest()?.warnings).toEqual([
      "Accepted by the release manager although the rules say: Tag `knative-v1.16.0-hotfix` is not a version: this repository's tags look like `knative-v1.10.0` or `knative-v1.10.0-rc.1` (`knative-v{version}` in config/kubeflow.yml). From Feature Freeze on, tag a version of that shape.",
    ]);
    const decisions = answerText(await app.command('decisions', RM));
    expect(decisions).toContain(
      `<@${RM}> · Accepted a revision whatever the revision rules say: Manifests knative/eventing knative-v1.16.0-hotfix\n    _${reason}_`,
    );
    const versions = answerText(await app.command('versions', RM));
    expect(versions).toContain(
      `• Knative Eventing: \`knative-v1.16.0-hotfix\` (${E.e0.slice(0, 7)}) by <@${RM}>`,
    );
    await outboxDelivered(app);
  });

  it('keeps a revision GitHub does not have rejected, even when the release manager accepts it', async () => {
    await app.command('revision accept knative/eventing knative-v9.9.9 Typed from memory', RM);
    const id = latest()?.id ?? 0;
    const dm = await postedMessage(app, dmChannelId(RM), `revision:${id}:rejected:${RM}`);
    expect(textOf(dm.blocks)).toContain('`knative-v9.9.9` is not a tag, branch or commit of this repository');
    expect(latest()).toMatchObject({ revision: 'knative-v9.9.9', status: 'rejected' });
    await outboxDelivered(app);
  });

  it.each([
    [
      'no reason',
      'revision accept knative/eventing knative-v1.16.0-hotfix',
      'Say why knative-v1.16.0-hotfix is accepted',
    ],
    [
      'an unknown repository',
      'revision accept knative/client knative-v1.16.0 Reason',
      'knative/client is not a repository of any working group',
    ],
    ['no revision', 'revision accept knative/eventing', 'Give the repository, the revision and your reason.'],
    [
      'a semicolon in the revision',
      'revision accept knative/eventing knative-v1.16.0; Reason here',
      '";" cannot be in a git name',
    ],
  ])('refuses revision accept with %s, changing nothing', async (_case, text, message) => {
    const before = databaseSnapshot(app.services.store.db);
    const answer = answerText(await app.command(text, RM));
    expect(answer).toContain(`:warning: ${message}`);
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });
});
