import type { ReleaseRow } from '../../src/db/release-repository';
import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github';
import {
  ALAN,
  KFP,
  MARGARET,
  outboxRows,
  RELEASE,
  startBlockerApp,
  submitReport,
} from '../helpers/blocker-harness';
import { databaseSnapshot } from '../helpers/database-snapshot';
import { answerText, RELEASE_CHANNEL, type TestApp } from '../helpers/start-app';

interface ViewAnswer {
  response_action: string;
  errors?: Record<string, string>;
  view?: { callback_id: string; private_metadata?: string; blocks: Record<string, unknown>[] };
}

const answerOf = (response: { json<T>(): T | undefined }) =>
  response.json<ViewAnswer>() ?? { response_action: '' };
const textOf = (blocks: unknown[] = []) => JSON.stringify(blocks);
const input = (answer: ViewAnswer, blockId: string) =>
  answer.view?.blocks.find((b) => b.block_id === blockId) as { element: Record<string, unknown> } | undefined;

/** A title someone could give an issue on GitHub, to make a link, a team mention and a tracking pixel. */
const HOSTILE_TITLE =
  'Crash](https://evil.example/phish) @kubeflow/release-team ![pixel](https://evil.example/t.png) [more <!channel>';

describe('/kfrelease block: reporting blocking issues', () => {
  let github: FakeGitHub;
  let app: TestApp;
  let release: ReleaseRow;
  const graphqlRequests = () => github.requestsTo('POST', '/graphql').length;

  beforeAll(async () => {
    github = await startFakeGitHub();
    github.addRepo(KFP);
    github.addIssue(KFP, 101, {
      title: 'Run list crashes',
      labels: ['kind/bug', 'area/frontend'],
      assignees: ['octo'],
    });
    github.addIssue(KFP, 102, {
      title: 'Pin argo to 3.4',
      state: 'open',
      pull_request: true,
      labels: ['lgtm'],
    });
    github.addIssue(KFP, 103, { title: 'Old bug', state: 'closed' });
    github.addIssue(KFP, 104, { title: HOSTILE_TITLE, labels: ['kind/bug'] });
  });
  afterAll(() => github.close());
  beforeEach(async () => {
    ({ app, release } = await startBlockerApp(github));
    app.slack.expect('views.open');
    app.slack.expect('chat.postMessage');
  });
  afterEach(async () => {
    app.slack.assertNoUnexpectedCalls();
    github.assertNoUnexpectedRequests();
    await app.stop();
  });

  it('opens the form with the liaison’s working group chosen', async () => {
    const response = await app.command('block', ALAN);
    expect(response.text).toBe('');
    const call = await app.slack.waitForCall('views.open');
    const view = call.args.view as {
      callback_id: string;
      blocks: { block_id?: string; element?: unknown }[];
    };
    expect(view.callback_id).toBe('blocker_report');
    expect(view.blocks.map((b) => b.block_id).filter(Boolean)).toEqual([
      'wg:0',
      'refs:0',
      'blocks:0',
      'note:0',
    ]);
    expect(JSON.stringify(view.blocks[1])).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"Pipelines"',
    );
  });

  it('answers an unknown working group in the command with the ones there are', async () => {
    const response = await app.command('block Nope', ALAN);
    expect(response.json<{ response_type: string }>()?.response_type).toBe('ephemeral');
    expect(response.text).toContain('There is no working group \\"Nope\\"');
    expect(response.text).toContain('Pipelines');
  });

  it('saves the good references of a mixed submission and gives back only the bad lines to fix', async () => {
    const refs = [
      'kubeflow/pipelines#101',
      'nonsense',
      'https://github.com/kubeflow/pipelines/pull/102',
      'kubeflow/pipelines#999',
      'kubeflow/nope#1',
      '#7',
    ].join('\n');
    const answer = answerOf(
      await submitReport(app, MARGARET, {
        wg: 'Pipelines',
        refs,
        blocks: true,
        note: 'Found in distribution testing',
      }),
    );

    expect(answer.response_action).toBe('update');
    expect(answer.view?.callback_id).toBe('blocker_report');
    expect(JSON.parse(answer.view?.private_metadata ?? '{}')).toEqual({ release: RELEASE, attempt: 1 });
    expect(input(answer, 'refs:1')?.element.initial_value).toBe(
      'nonsense\nkubeflow/pipelines#999\nkubeflow/nope#1\n#7',
    );
    expect(input(answer, 'wg:1')?.element.initial_option).toMatchObject({ value: 'Pipelines' });
    expect(input(answer, 'blocks:1')?.element.initial_option).toMatchObject({ value: 'yes' });
    expect(input(answer, 'note:1')?.element.initial_value).toBe('Found in distribution testing');
    const shown = textOf(answer.view?.blocks);
    expect(shown).toContain('Saved');
    expect(shown).toContain('kubeflow/pipelines#101> Run list crashes');
    expect(shown).toContain('`nonsense`: not an issue or pull request');
    expect(shown).toContain('`kubeflow/pipelines#999`: GitHub has no such issue or pull request');
    expect(shown).toContain('`kubeflow/nope#1`: GitHub has no such issue');
    expect(shown).toContain('`#7`: say which repository');

    expect(graphqlRequests()).toBe(1);
    const rows = app.services.store.blockers.forRelease(release.id);
    expect(rows).toEqual([
      expect.objectContaining({
        wg: 'Pipelines',
        number: 101,
        title: 'Run list crashes',
        state: 'open',
        isPullRequest: false,
        labels: ['kind/bug', 'area/frontend'],
        assignees: ['octo'],
        blocksRelease: true,
        decision: 'none',
        submittedBy: MARGARET,
        note: 'Found in distribution testing',
      }),
      expect.objectContaining({
        number: 102,
        isPullRequest: true,
        url: 'https://github.com/kubeflow/pipelines/pull/102',
      }),
    ]);
    const audit = app.services.store.audit
      .forRelease(release.id)
      .filter((e) => e.action.startsWith('blocker.'));
    expect(audit).toEqual([
      expect.objectContaining({
        actor: MARGARET,
        action: 'blocker.reported',
        details: expect.objectContaining({ issue: 'kubeflow/pipelines#101' }),
      }),
      expect.objectContaining({
        action: 'blocker.reported',
        details: expect.objectContaining({ issue: 'kubeflow/pipelines#102' }),
      }),
    ]);
    const posts = outboxRows(app).filter((p) => p.key.startsWith('blockers:'));
    expect(posts).toHaveLength(1);
    expect(posts[0]?.channel).toBe(RELEASE_CHANNEL);
    expect(posts[0]?.payload).toContain('reported 2 issues for *Pipelines*');
    expect(posts[0]?.payload).toContain('blocker_triage');
  });

  it('saves the fixed lines on the second attempt and names those already tracked', async () => {
    await submitReport(app, ALAN, {
      wg: 'Pipelines',
      refs: 'kubeflow/pipelines#101\nkubeflow/pipelines 102',
    });
    const answer = answerOf(
      await submitReport(
        app,
        ALAN,
        { wg: 'Pipelines', refs: 'kubeflow/pipelines#102\nkubeflow/pipelines#101' },
        1,
      ),
    );
    expect(answer.response_action).toBe('update');
    expect(answer.view?.callback_id).toBe('blocker_report_done');
    const shown = textOf(answer.view?.blocks);
    expect(shown).toContain('Tracking for *Pipelines*');
    expect(shown).toContain('Pin argo to 3.4');
    expect(shown).toContain('Already tracked, left as they were: kubeflow/pipelines#101 (Pipelines)');
    expect(app.services.store.blockers.forRelease(release.id).map((r) => r.number)).toEqual([101, 102]);
  });

  it('tracks closed issues too, as GitHub says they are', async () => {
    await submitReport(app, ALAN, {
      wg: 'Pipelines',
      refs: 'https://github.com/kubeflow/pipelines/issues/103',
    });
    expect(app.services.store.blockers.forRelease(release.id)).toEqual([
      expect.objectContaining({ number: 103, state: 'closed' }),
    ]);
  });

  it.each([
    [
      'every line bad',
      { wg: 'Pipelines', refs: 'nonsense\nkubeflow/pipelines#999' },
      'refs:0',
      'Line 1 "nonsense"',
    ],
    ['no working group', { refs: 'kubeflow/pipelines#101' }, 'wg:0', 'Choose the working group'],
    ['an empty field', { wg: 'Pipelines', refs: '  \n ' }, 'refs:0', 'at least one issue'],
    [
      'a note too long',
      { wg: 'Pipelines', refs: 'kubeflow/pipelines#101', note: 'x'.repeat(501) },
      'note:0',
      'under 500',
    ],
  ])('answers %s next to the field, saving nothing', async (_case, values, field, message) => {
    const before = databaseSnapshot(app.services.store.db);
    const answer = answerOf(await submitReport(app, ALAN, values));
    expect(answer.response_action).toBe('errors');
    expect(answer.errors?.[field]).toContain(message);
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });

  it('lists every bad line next to the field when none could be saved', async () => {
    const answer = answerOf(
      await submitReport(app, ALAN, { wg: 'Pipelines', refs: 'nonsense\nkubeflow/pipelines#999' }),
    );
    expect(answer.errors?.['refs:0']).toBe(
      'Line 1 "nonsense": not an issue or pull request: write owner/repo#123 or paste its GitHub link.\n' +
        'Line 2 "kubeflow/pipelines#999": GitHub has no such issue or pull request (or it is private).',
    );
  });

  it('saves nothing and says so when GitHub does not answer in time', async () => {
    github.failNext('/graphql', { delayMs: 3000 });
    const before = databaseSnapshot(app.services.store.db);
    const answer = answerOf(
      await submitReport(app, ALAN, { wg: 'Pipelines', refs: 'kubeflow/pipelines#101' }),
    );
    expect(answer.errors?.['refs:0']).toContain('nothing was saved. Submit again in a minute.');
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });

  it('keeps a hostile GitHub title inert in Slack and in the tracking issue preview', async () => {
    await submitReport(app, ALAN, { wg: 'Pipelines', refs: `${KFP}#104` });
    const listed = answerText(await app.command('blockers', ALAN));
    expect(listed).toContain(
      '<https://github.com/kubeflow/pipelines/issues/104|kubeflow/pipelines#104> Crash](https://evil.example/phish)',
    );
    expect(listed).toContain('[more &lt;!channel&gt;');
    expect(listed).not.toContain('<!channel>');
    expect(listed).not.toMatch(/<https:\/\/evil/);

    const preview = answerText(await app.command('tracking-issue preview', ALAN));
    const line = preview.split('\n').find((l) => l.includes('issues/104')) ?? '';
    expect(line).toContain('- [ ] [Crash\\]\\(https:&amp;#8203;//evil.example/phish\\) @&amp;#8203;kubeflow');
    expect(line).toContain('](https://github.com/kubeflow/pipelines/issues/104)');
    // GitHub would read no link, image, mention or address in it:
    expect(line).not.toMatch(/(^|[^\\])\]\(https:\/\/evil/);
    expect(line).not.toMatch(/(^|[^\\])!\[/);
    expect(line).not.toMatch(/@kubeflow\/release-team/);
    expect(line).toContain('@&amp;#8203;kubeflow/release-team');
  });
});
