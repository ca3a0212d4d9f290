import type { ReleaseRow } from '../../src/db/release-repository';
import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github';
import { fakeSha } from '../fakes/fake-github-model';
import { databaseSnapshot } from '../helpers/database-snapshot';
import {
  outboxDelivered,
  postedMessage,
  seedRelease,
  textOf,
  viewAnswer,
} from '../helpers/revision-fixtures';
import { blockAction } from '../helpers/slack-request';
import { signoffSubmission } from '../helpers/signoff-submission';
import { answerText, RELEASE_CHANNEL, startTestApp, type TestApp } from '../helpers/start-app';

const MANIFESTS = 'kubeflow/manifests';
const KFP = 'kubeflow/pipelines';
/** Distribution representatives of examples/team.yml (AWS, Azure), and the release manager. */
const KNUTH = 'U0DONA001';
const LAMPORT = 'U0LESL001';
const RM = 'U0ADA0001';
const M = { m1: fakeSha('c-1'), m2: fakeSha('c-2'), m3: fakeSha('c-3') };

/** Waits until kfrelease has recorded a check of the manifests repository after `since`. */
async function checkedAfter(app: TestApp, release: ReleaseRow, since: string): Promise<void> {
  const until = Date.now() + 3000;
  while (Date.now() < until) {
    const last = app.services.store.rcTags.lastCheck(release.id);
    if (last && last.checkedAt > since) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the manifests repository was not checked within 3 s');
}

describe('sign-offs look at the manifests repository, and blocked ones track their issues', () => {
  let github: FakeGitHub;
  let app: TestApp;
  let release: ReleaseRow;
  const manifestsLookups = () =>
    github.requests.filter((r) => r.path.includes('/repos/kubeflow/manifests/git/matching-refs')).length;

  beforeAll(async () => {
    github = await startFakeGitHub();
    github.addRepo(MANIFESTS);
    github.addRepo(KFP);
    github.addCommit(MANIFESTS, M.m1, [], { date: '2026-05-11T08:00:00Z' });
    github.addCommit(MANIFESTS, M.m2, [M.m1], { date: '2026-05-22T08:00:00Z' });
    github.addCommit(MANIFESTS, M.m3, [M.m2], { date: '2026-06-03T08:00:00Z' });
    github.addTag(MANIFESTS, 'v1.10.0-rc.0', M.m1);
    github.addTag(MANIFESTS, 'v1.10.0-rc.1', M.m2);
    github.addIssue(MANIFESTS, 3001, { title: 'Istio gateway fails on EKS 1.30', labels: ['kind/bug'] });
    github.addIssue(KFP, 501, { title: 'Fix the cache server on EKS', pull_request: true });
    github.addIssue(KFP, 502, { title: 'Metadata writer crashes on rc.4' });
    // Tuesday of week 14: distribution testing. The manifests repository has never been checked.
    app = await startTestApp({ now: '2026-06-02T10:00:00Z', githubUrl: github.url });
    release = seedRelease(app);
    for (const id of [KNUTH, LAMPORT]) app.slack.addUser({ id, name: id.toLowerCase() });
    for (const method of ['chat.postMessage', 'chat.postEphemeral', 'conversations.open', 'views.open'])
      app.slack.expect(method);
  });
  afterAll(async () => {
    await app.stop();
    await github.close();
    app.slack.assertNoUnexpectedCalls();
    github.assertNoUnexpectedRequests();
  });

  it('does not look at GitHub for someone who may not sign off', async () => {
    const text = answerText(await app.command('signoff', RM));
    expect(text).toContain("Only a distribution's representatives can sign off on v1.10.0");
    expect(manifestsLookups()).toBe(0);
    expect(app.services.store.rcTags.lastCheck(release.id)).toBeNull();
  });

  it('opens the sign-off form on a never-checked repository once the check has answered', async () => {
    expect(app.services.store.rcTags.lastCheck(release.id)).toBeNull();

    const answer = answerText(await app.command('signoff', KNUTH));

    expect(answer).toContain(
      ':mag: No RC tag of Kubeflow v1.10.0 is known yet: kfrelease is checking `kubeflow/manifests` for one now. Press the button in a moment to sign off on what it finds.',
    );
    expect(answer).toContain('Open the sign-off form');
    await checkedAfter(app, release, '');
    const press = blockAction({ user: KNUTH, actionId: 'open_signoff_form', value: 'v1.10.0' });
    expect((await app.interact(press)).status).toBe(200);
    const call = await app.slack.waitForCall('views.open', (c) =>
      JSON.stringify(c.args).includes('distribution_signoff'),
    );
    const view = call.args.view as { blocks: { block_id?: string; element?: Record<string, unknown> }[] };
    expect(view.blocks.find((b) => b.block_id === 'rc')?.element).toMatchObject({
      options: [{ value: 'rc.1', text: { text: 'v1.10.0-rc.1 (latest)' } }, { value: 'rc.0' }],
      initial_option: { value: 'rc.1' },
    });
    expect(manifestsLookups()).toBeGreaterThan(0);
  });

  it('looks again from `signoffs` when the last check is over two minutes old', async () => {
    const lookups = manifestsLookups();
    // Within two minutes: no new look.
    app.clock.set('2026-06-02T10:01:30Z');
    expect(answerText(await app.command('signoffs', KNUTH))).not.toContain('Checking');
    expect(manifestsLookups()).toBe(lookups);

    github.addTag(MANIFESTS, 'v1.10.0-rc.2', M.m3);
    app.clock.set('2026-06-02T10:03:00Z');
    const text = answerText(await app.command('signoffs', KNUTH));
    expect(text).toContain(
      ':mag: Checking `kubeflow/manifests` for newer RC tags now; anything new is announced in the release channel.',
    );
    await checkedAfter(app, release, '2026-06-02T10:02');
    expect(answerText(await app.command('signoffs', KNUTH))).toContain(
      '*Success criterion not met yet:* 0 of 2 distributions gave a thumbs up on `v1.10.0-rc.2`.',
    );
  });

  it('checks again when the form is submitted, so a sign-off on an RC superseded meanwhile says so', async () => {
    github.addTag(MANIFESTS, 'v1.10.0-rc.3', M.m3);
    app.clock.set('2026-06-02T10:10:00Z');

    const answer = viewAnswer(
      await app.interact(
        signoffSubmission(LAMPORT, {
          distribution: 'Azure',
          rc: 'rc.2',
          result: 'thumbs_up',
          kubernetes: '1.30',
        }),
      ),
    );

    expect(answer.response_action).toBe('update');
    expect(textOf(answer.view)).toContain('`v1.10.0-rc.2` is not the latest RC');
    expect(app.services.store.rcTags.latestRc(release.id)?.normalized).toBe('v1.10.0-rc.3');
  });

  it('tracks the issues of a blocked sign-off as release-blocking, shown in blockers and the agenda', async () => {
    const issues = [
      'kubeflow/manifests#3001',
      'https://github.com/kubeflow/pipelines/pull/501',
      'kubeflow/manifests#3999',
    ].join('\n');

    const answer = viewAnswer(
      await app.interact(
        signoffSubmission(KNUTH, {
          distribution: 'AWS',
          rc: 'rc.3',
          result: 'blocked',
          issues,
          kubernetes: '1.30',
        }),
      ),
    );

    expect(answer.response_action).toBe('update');
    const saved = textOf(answer.view);
    expect(saved).toContain('*AWS*: :no_entry: blocked on `v1.10.0-rc.3`, recorded.');
    expect(saved).toContain(
      ':pushpin: Tracked as blocking issues: <https://github.com/kubeflow/manifests/issues/3001|kubeflow/manifests#3001>, <https://github.com/kubeflow/pipelines/issues/501|kubeflow/pipelines#501> (see `/kfrelease blockers`).',
    );
    expect(saved).toContain(
      ':warning: `kubeflow/manifests#3999` is not tracked: GitHub has no such issue or pull request (or it is private).',
    );
    const rows = app.services.store.blockers.forRelease(release.id);
    expect(
      rows.map((r) => [`${r.owner}/${r.repo}#${r.number}`, r.wg, r.submittedBy, r.blocksRelease]),
    ).toEqual([
      ['kubeflow/manifests#3001', 'Manifests', KNUTH, true],
      ['kubeflow/pipelines#501', 'Pipelines', KNUTH, true],
    ]);

    const blockers = answerText(await app.command('blockers', RM));
    expect(blockers).toContain(
      '*Manifests* · 1 open · 1 release-blocking\n:rotating_light: <https://github.com/kubeflow/manifests/issues/3001|kubeflow/manifests#3001> Istio gateway fails on EKS 1.30\nopen issue · tracked 0 days · reported as blocking, not triaged',
    );
    expect(blockers).toContain(
      '*Pipelines* · 1 open · 1 release-blocking\n:rotating_light: <https://github.com/kubeflow/pipelines/pull/501|kubeflow/pipelines#501> Fix the cache server on EKS',
    );

    expect(answerText(await app.command('meeting set tue 16:00', RM))).not.toContain(':warning:');
    const agenda = answerText(await app.command('agenda', RM));
    expect(agenda).toContain('Manifests: 1 open, 0 at risk');
    expect(agenda).toContain('Pipelines: 1 open, 0 at risk');
    expect(agenda).toContain('1 release-blocking');

    await outboxDelivered(app);
    const rowIds = rows.map((r) => r.id);
    const announced = await postedMessage(
      app,
      RELEASE_CHANNEL,
      `blockers:${release.id}:reported:${rowIds[0]}`,
    );
    expect(textOf(announced.blocks)).toContain(
      `:rotating_light: <@${KNUTH}> reported 1 issue for *Manifests* in Kubeflow v1.10.0 as blocking the release`,
    );
  });

  it('does not track an issue twice when another sign-off names it again', async () => {
    const before = app.services.store.blockers.forRelease(release.id).length;
    const answer = viewAnswer(
      await app.interact(
        signoffSubmission(LAMPORT, {
          distribution: 'Azure',
          rc: 'rc.3',
          result: 'blocked',
          issues: 'kubeflow/manifests#3001',
          kubernetes: '1.30',
        }),
      ),
    );
    expect(textOf(answer.view)).toContain(
      'Already tracked: <https://github.com/kubeflow/manifests/issues/3001|kubeflow/manifests#3001>.',
    );
    expect(app.services.store.blockers.forRelease(release.id)).toHaveLength(before);
  });

  it('takes a sign-off on an RC tagged after the last check, tracking its issues', async () => {
    github.addTag(MANIFESTS, 'v1.10.0-rc.4', M.m3);
    app.clock.set('2026-06-02T10:20:00Z');

    const answer = viewAnswer(
      await app.interact(
        signoffSubmission(KNUTH, {
          distribution: 'AWS',
          rc: 'rc.4',
          result: 'blocked',
          issues: 'kubeflow/pipelines#502',
          kubernetes: '1.31',
        }),
      ),
    );

    expect(answer.response_action).toBe('update');
    expect(textOf(answer.view)).toContain('*AWS*: :no_entry: blocked on `v1.10.0-rc.4`, recorded.');
    expect(textOf(answer.view)).toContain(
      ':pushpin: Tracked as blocking issues: <https://github.com/kubeflow/pipelines/issues/502|kubeflow/pipelines#502>',
    );
    expect(
      app.services.store.blockers.byRef(release.id, { owner: 'kubeflow', repo: 'pipelines', number: 502 }),
    ).toMatchObject({ title: 'Metadata writer crashes on rc.4', submittedBy: KNUTH, blocksRelease: true });
  });

  it('refuses a blocked sign-off without issues, saving nothing', async () => {
    await outboxDelivered(app);
    const before = databaseSnapshot(app.services.store.db);
    const answer = viewAnswer(
      await app.interact(
        signoffSubmission(KNUTH, { distribution: 'AWS', rc: 'rc.4', result: 'blocked', kubernetes: '1.30' }),
      ),
    );
    expect(answer).toEqual({
      response_action: 'errors',
      errors: { issues: 'Name the issues that block you, e.g. kubeflow/manifests#123.' },
    });
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });
});

describe('a sign-off while GitHub refuses to answer', () => {
  let github: FakeGitHub;
  let app: TestApp;
  let release: ReleaseRow;

  beforeAll(async () => {
    github = await startFakeGitHub();
    github.addRepo(MANIFESTS);
    github.addCommit(MANIFESTS, M.m1, [], { date: '2026-05-11T08:00:00Z' });
    github.addTag(MANIFESTS, 'v1.10.0-rc.0', M.m1);
    app = await startTestApp({ now: '2026-06-02T10:00:00Z', githubUrl: github.url });
    release = seedRelease(app);
    app.slack.addUser({ id: KNUTH, name: 'knuth' });
    for (const method of ['chat.postMessage', 'chat.postEphemeral']) app.slack.expect(method);
  });
  afterAll(async () => {
    await app.stop();
    await github.close();
    app.slack.assertNoUnexpectedCalls();
  });

  it('says the manifests repository could not be checked, not that there is no RC', async () => {
    github.failNext('/repos/kubeflow/manifests/git/matching-refs', {
      rateLimited: true,
      resetInSeconds: 3600,
    });

    expect(answerText(await app.command('signoff', KNUTH))).toContain('Open the sign-off form');
    await checkedAfter(app, release, '');
    expect(app.services.store.rcTags.lastCheck(release.id)?.lastError).toBeTruthy();
    await app.interact(blockAction({ user: KNUTH, actionId: 'open_signoff_form', value: 'v1.10.0' }));

    const call = await app.slack.waitForCall('chat.postEphemeral');
    expect(String(call.args.text)).toContain(
      'kfrelease could not look at kubeflow/manifests for the RC tags of v1.10.0 (last tried Tue 2 Jun, 12:00 Europe/Berlin): GitHub rate limit reached until',
    );
    expect(String(call.args.text)).toContain(
      'There is no RC to sign off on until it can. Try again in a few minutes; `/kfrelease rcs` shows what is known.',
    );
    expect(app.slack.callsTo('views.open')).toHaveLength(0);
  });
});
