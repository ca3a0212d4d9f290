import type { ReleaseRow } from '../../src/db/release-repository';
import { checkRcTags, rcCheckDeps } from '../../src/workflows/check-rc-tags';
import { signoffSummary } from '../../src/workflows/signoff-matrix';
import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github';
import { fakeSha } from '../fakes/fake-github-model';
import { dmChannelId } from '../fakes/fake-slack';
import { databaseSnapshot } from '../helpers/database-snapshot';
import {
  outboxDelivered,
  postedMessage,
  seedRelease,
  textOf,
  viewAnswer,
} from '../helpers/revision-fixtures';

import { signoffSubmission, type SignoffForm } from '../helpers/signoff-submission';
import { ADMIN, answerText, RELEASE_CHANNEL, startTestApp, type TestApp } from '../helpers/start-app';

const MANIFESTS = 'kubeflow/manifests';
/** Distribution representatives of examples/team.yml, and a liaison who is none. */
const KNUTH = 'U0DONA001';
const LAMPORT = 'U0LESL001';
const ALAN = 'U0ALAN001';
const M = { m1: fakeSha('s-1'), m2: fakeSha('s-2'), m3: fakeSha('s-3') };

const THUMBS_UP: SignoffForm = {
  rc: 'rc.1',
  result: 'thumbs_up',
  kubernetes: '1.29',
  evidence: 'https://ci.example.org/run/1',
};

describe('distribution sign-offs', () => {
  let github: FakeGitHub;
  let app: TestApp;
  let release: ReleaseRow;
  const signoffs = async (user = ALAN) => answerText(await app.command('signoffs', user));
  const submit = (user: string, form: SignoffForm) => app.interact(signoffSubmission(user, form));
  const check = () => checkRcTags(rcCheckDeps(app.services), release);

  beforeAll(async () => {
    github = await startFakeGitHub();
    github.addRepo(MANIFESTS);
    github.addCommit(MANIFESTS, M.m1, [], { date: '2026-05-11T08:00:00Z' });
    github.addCommit(MANIFESTS, M.m2, [M.m1], { date: '2026-05-22T08:00:00Z' });
    github.addCommit(MANIFESTS, M.m3, [M.m2], { date: '2026-06-03T08:00:00Z' });
    github.addTag(MANIFESTS, 'v1.10.0-rc.0', M.m1);
    github.addTag(MANIFESTS, 'v1.10.0-rc.1', M.m2);
    // Tuesday of week 14: distribution testing.
    app = await startTestApp({ now: '2026-06-02T10:00:00Z', env: { GITHUB_API_URL: github.url } });
    release = seedRelease(app);
    for (const id of [KNUTH, LAMPORT]) app.slack.addUser({ id, name: id.toLowerCase() });
    for (const method of ['chat.postMessage', 'conversations.open', 'views.open']) app.slack.expect(method);
    await check();
    // Nothing kicks the sender after a check outside a request: deliver as its next run would.
    await app.deliverOutbox();
    await outboxDelivered(app);
  });
  afterAll(async () => {
    await app.stop();
    await github.close();
    app.slack.assertNoUnexpectedCalls();
    github.assertNoUnexpectedRequests();
  });

  it('refuses /kfrelease signoff to someone who represents no distribution, naming who may', async () => {
    const before = databaseSnapshot(app.services.store.db);
    const opened = app.slack.callsTo('views.open').length;

    const response = await app.command('signoff', ALAN);

    expect(response.json<{ response_type: string }>()?.response_type).toBe('ephemeral');
    expect(answerText(response)).toContain(
      "Only a distribution's representatives can sign off on v1.10.0: Donald Knuth (AWS), Leslie Lamport (Azure) or an admin.",
    );
    expect(app.slack.callsTo('views.open')).toHaveLength(opened);
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });

  it("opens the form with the representative's distribution and the RCs found, latest first", async () => {
    const response = await app.command('signoff', KNUTH);
    expect(response.text).toBe('');
    const call = await app.slack.waitForCall('views.open', (c) =>
      JSON.stringify(c.args).includes('distribution_signoff'),
    );

    const view = call.args.view as { blocks: { block_id?: string; element?: Record<string, unknown> }[] };
    const element = (id: string) => view.blocks.find((b) => b.block_id === id)?.element ?? {};
    expect(element('distribution')).toMatchObject({
      options: [{ value: 'AWS' }],
      initial_option: { value: 'AWS' },
    });
    expect(element('rc')).toMatchObject({
      options: [{ value: 'rc.1', text: { text: 'v1.10.0-rc.1 (latest)' } }, { value: 'rc.0' }],
      initial_option: { value: 'rc.1' },
    });
  });

  it('refuses an evidence link that would break out of a Slack link, next to the field, saving nothing', async () => {
    const before = databaseSnapshot(app.services.store.db);
    const hostile = 'https://evil.example/a><!channel><https://evil.example/phish|Changelog';
    const answer = viewAnswer(await submit(KNUTH, { ...THUMBS_UP, distribution: 'AWS', evidence: hostile }));
    expect(answer.response_action).toBe('errors');
    expect(answer.errors).toEqual({
      evidence: 'That link cannot be used: a link may not contain spaces or any of < > | " ` \\.',
    });
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });

  it('answers every problem next to its field and saves nothing', async () => {
    const before = databaseSnapshot(app.services.store.db);

    const answer = viewAnswer(
      await submit(KNUTH, {
        distribution: 'AWS',
        rc: 'rc.1',
        result: 'blocked',
        kubernetes: 'latest',
        evidence: 'ci',
      }),
    );

    expect(answer.response_action).toBe('errors');
    expect(answer.errors).toEqual({
      issues: 'Name the issues that block you, e.g. kubeflow/manifests#123.',
      kubernetes: 'Write the Kubernetes version you tested on, e.g. 1.29 or v1.29.3.',
      evidence: 'Give a web link (https://...).',
    });
    const noResult = viewAnswer(
      await submit(KNUTH, { ...THUMBS_UP, distribution: 'AWS', result: undefined, issues: '#12' }),
    );
    expect(noResult.errors).toMatchObject({
      result: 'Choose thumbs up or blocked.',
      issues: '"#12": say which repository, e.g. kubeflow/pipelines#12.',
    });
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });

  it("refuses a sign-off for another representative's distribution, naming who may", async () => {
    const before = databaseSnapshot(app.services.store.db);

    const answer = viewAnswer(await submit(KNUTH, { ...THUMBS_UP, distribution: 'Azure' }));

    expect(answer).toEqual({
      response_action: 'errors',
      errors: {
        distribution:
          'Only the Azure distribution representatives (Leslie Lamport) or an admin can sign off for Azure.',
      },
    });
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });

  it('records a thumbs up, announces it, and shows the criterion not met yet', async () => {
    const answer = viewAnswer(await submit(KNUTH, { ...THUMBS_UP, distribution: 'AWS' }));

    expect(answer.response_action).toBe('update');
    expect(textOf(answer.view)).toContain('*AWS*: :+1: thumbs up on `v1.10.0-rc.1`, recorded.');
    const [saved] = app.services.store.signoffs.forRelease(release.id);
    expect(saved).toMatchObject({
      distribution: 'AWS',
      rcTag: 'v1.10.0-rc.1',
      result: 'thumbs_up',
      signedBy: KNUTH,
    });
    const post = await postedMessage(app, RELEASE_CHANNEL, `signoff:${saved?.id}`);
    expect(post.text).toBe('AWS: thumbs up on v1.10.0-rc.1 (Kubeflow v1.10.0)');
    const text = await signoffs();
    expect(text).toContain(
      '*Success criterion not met yet:* 1 of 2 distributions gave a thumbs up on `v1.10.0-rc.1`.',
    );
    expect(text).toContain(`*AWS*: :+1: thumbs up on \`v1.10.0-rc.1\` by <@${KNUTH}>`);
    expect(text).toContain('Kubernetes 1.29 · <https://ci.example.org/run/1|evidence>');
    expect(text).toContain(`*Azure*: :hourglass_flowing_sand: *pending* · <@${LAMPORT}>`);
  });

  it('meets the criterion when every distribution gives a thumbs up on the current RC, and says so once', async () => {
    const answer = viewAnswer(
      await submit(LAMPORT, { ...THUMBS_UP, distribution: 'Azure', kubernetes: 'v1.30.2' }),
    );

    expect(textOf(answer.view)).toContain(
      '*Success criterion met:* thumbs up from every distribution on `v1.10.0-rc.1`.',
    );
    const met = await postedMessage(app, RELEASE_CHANNEL, `signoff-criterion:${release.id}:rc.1`);
    expect(met.text).toContain('Every distribution gave a thumbs up on v1.10.0-rc.1');
    expect(await signoffs()).toContain(':white_check_mark: *Success criterion met:*');
    expect(signoffSummary(app.services, release.id)).toMatchObject({
      rc: 'v1.10.0-rc.1',
      thumbsUp: ['AWS', 'Azure'],
      criterionMet: true,
      text: 'Sign-offs on v1.10.0-rc.1: thumbs up from every distribution (criterion met)',
    });
  });

  it('sends every sign-off back to pending when a newer RC appears, telling the representatives', async () => {
    github.addTag(MANIFESTS, '1.10.0-rc.2', M.m3);
    app.clock.set('2026-06-03T10:00:00Z');

    const result = await check();
    await app.deliverOutbox();

    expect(result.retest.map((s) => s.distribution)).toEqual(['AWS', 'Azure']);
    for (const [user, distribution] of [
      [KNUTH, 'AWS'],
      [LAMPORT, 'Azure'],
    ]) {
      const dm = await postedMessage(
        app,
        dmChannelId(user as string),
        `signoff-retest:${release.id}:v1.10.0-rc.2:${distribution}:${user}`,
      );
      expect(textOf(dm.blocks)).toContain('Please re-test on `v1.10.0-rc.2`');
    }
    const announcement = await postedMessage(app, RELEASE_CHANNEL, `artifacts-found:${release.id}:rc.2`);
    expect(textOf(announcement.blocks)).toContain(
      'Distribution sign-offs are back to pending: re-test on `v1.10.0-rc.2`',
    );
    const text = await signoffs();
    expect(text).toContain(
      '*Success criterion not met yet:* 0 of 2 distributions gave a thumbs up on `v1.10.0-rc.2`.',
    );
    expect(text).toContain(
      '*AWS*: :hourglass_flowing_sand: *pending* re-test on `v1.10.0-rc.2`; earlier thumbs up on `v1.10.0-rc.1`',
    );
    expect(text).toContain('History: AWS :+1: v1.10.0-rc.1 · Azure :+1: v1.10.0-rc.1');
    expect(app.services.store.signoffs.forRelease(release.id)).toHaveLength(2);
  });

  it('records a blocked result with its issues, and lets an admin sign off for any distribution', async () => {
    const issues = 'kubeflow/manifests#3001\nhttps://github.com/kubeflow/kubeflow/issues/7702';
    const blocked = viewAnswer(
      await submit(LAMPORT, {
        distribution: 'Azure',
        rc: 'rc.2',
        result: 'blocked',
        issues,
        kubernetes: '1.30',
      }),
    );
    expect(blocked.response_action).toBe('update');
    const admin = viewAnswer(await submit(ADMIN, { ...THUMBS_UP, distribution: 'AWS', rc: 'rc.2' }));
    expect(admin.response_action).toBe('update');

    const text = await signoffs();
    expect(text).toContain(
      '*Azure*: :no_entry: blocked on `v1.10.0-rc.2` by <https://github.com/kubeflow/manifests/issues/3001|kubeflow/manifests#3001>, <https://github.com/kubeflow/kubeflow/issues/7702|kubeflow/kubeflow#7702>',
    );
    expect(text).toContain(`*AWS*: :+1: thumbs up on \`v1.10.0-rc.2\` by <@${ADMIN}>`);
    expect(signoffSummary(app.services, release.id).text).toBe(
      'Sign-offs on v1.10.0-rc.2: thumbs up from AWS; blocked: Azure (criterion not met)',
    );
  });

  it('keeps a late sign-off on an older RC as history only', async () => {
    const late = viewAnswer(await submit(LAMPORT, { ...THUMBS_UP, distribution: 'Azure', rc: 'rc.1' }));

    expect(textOf(late.view)).toContain('`v1.10.0-rc.1` is not the latest RC');
    expect(signoffSummary(app.services, release.id)).toMatchObject({
      blocked: ['Azure'],
      criterionMet: false,
    });
    await outboxDelivered(app);
    const criterionPosts = app.slack
      .messages(RELEASE_CHANNEL)
      .filter((m) => String(m.metadata?.event_payload.key).startsWith('signoff-criterion'));
    expect(criterionPosts).toHaveLength(1);
  });
});
