import { runCli } from '../../src/cli/main';
import type { ReleaseRow } from '../../src/db/release-repository';
import { occurrencesOf, loadReleaseSchedule } from '../../src/workflows/release-schedule';
import { createRelease } from '../../src/workflows/create-release';
import { importTeam } from '../../src/workflows/import-team';
import { runDueJobs } from '../../src/workflows/run-due-jobs';
import { syncFeatures } from '../../src/workflows/sync-features';
import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github';
import { dmChannelId } from '../fakes/fake-slack';
import { issueLookupsFor } from '../helpers/blocker-harness';
import { EXAMPLE_TEAM_YAML } from '../helpers/release-with-team';
import { blockAction, postSlashCommand, viewSubmission } from '../helpers/slack-request';
import {
  answerText,
  RELEASE_CHANNEL,
  SIGNING_SECRET,
  startTestApp,
  type TestApp,
} from '../helpers/start-app';
import { openHome } from '../helpers/open-home';

const RM = 'U0ADA0001';
const GRACE = 'U0GRACE01'; // Notebooks liaison, and the release manager's shadow
const ALAN = 'U0ALAN001'; // Pipelines liaison
const KATH = 'U0KATH001'; // Training and AutoML liaison
const MARGARET = 'U0MARG001'; // Docs Lead
const PM = 'U0RADI001'; // product manager
const STRANGER = 'U0NOBODY1';
const TEAM_YAML = EXAMPLE_TEAM_YAML.replace('github: rperlman\n', `github: rperlman\n    slack: ${PM}\n`);

const KFP_101 = 'https://github.com/kubeflow/pipelines/pull/101';
const KF_202 = 'https://github.com/kubeflow/kubeflow/issues/202';

interface FormValues {
  wg?: string;
  title: string;
  ref: string;
  docs?: boolean;
  pages?: string;
  highlight?: boolean;
}

type FormAnswer = { response_action?: string; errors?: Record<string, string>; view?: unknown };

describe('features of the release, from Development to the announcement', () => {
  let github: FakeGitHub;
  let app: TestApp;
  let release: ReleaseRow;
  const store = () => app.services.store;
  const features = () => store().features.forRelease(release.id);
  const byTitle = (title: string) => features().find((f) => f.title === title)!;
  const sync = () => syncFeatures({ ...app.services, github: issueLookupsFor(github) });

  function submitFeature(user: string, values: FormValues) {
    const ticked = (on?: boolean) => ({ type: 'checkboxes', selected_options: on ? [{ value: 'yes' }] : [] });
    return app.interact(
      viewSubmission({
        user,
        callbackId: 'feature_add',
        privateMetadata: JSON.stringify({ release: 'v1.10.0' }),
        values: {
          wg: { wg: { type: 'static_select', selected_option: values.wg ? { value: values.wg } : null } },
          title: { title: values.title },
          ref: { ref: values.ref },
          docs: { docs: ticked(values.docs) },
          pages: { pages: values.pages ?? '' },
          highlight: { highlight: ticked(values.highlight) },
        },
      }),
    );
  }

  async function addFeature(user: string, values: FormValues): Promise<FormAnswer> {
    const response = await submitFeature(user, values);
    expect(response.status).toBe(200);
    return response.json<FormAnswer>() ?? {};
  }

  beforeAll(async () => {
    github = await startFakeGitHub();
    for (const repo of [
      'kubeflow/pipelines',
      'kubeflow/kubeflow',
      'kubeflow/katib',
      'kubeflow/training-operator',
    ])
      github.addRepo(repo);
    const at = '2026-04-01T00:00:00Z';
    github.addIssue('kubeflow/pipelines', 101, {
      title: 'Cache runs across namespaces',
      labels: ['kind/feature'],
      pull_request: true,
      updatedAt: at,
    });
    github.addIssue('kubeflow/pipelines', 103, {
      title: 'Sub-DAG outputs',
      labels: ['kind/feature'],
      pull_request: true,
      updatedAt: at,
    });
    github.addIssue('kubeflow/kubeflow', 202, {
      title: 'Cull idle GPU notebooks',
      labels: ['kind/feature', 'area/notebooks'],
      updatedAt: at,
    });
    github.addIssue('kubeflow/katib', 5, {
      title: 'Early stopping',
      state: 'merged',
      pull_request: true,
      updatedAt: at,
    });
    github.addIssue('kubeflow/training-operator', 7, { title: 'Distributed checkpoints', updatedAt: at });
    app = await startTestApp({ now: '2026-04-20T10:00:00Z', githubUrl: github.url });
    for (const method of [
      'chat.postMessage',
      'chat.postEphemeral',
      'conversations.open',
      'views.open',
      'views.publish',
    ])
      app.slack.expect(method);
    for (const id of [RM, GRACE, ALAN, KATH, MARGARET, PM, STRANGER])
      app.slack.addUser({ id, name: id.toLowerCase() });
    const actor = { kind: 'cli' as const, name: 'test' };
    ({ release } = createRelease(app.services, {
      version: 'v1.10.0',
      startDate: '2026-03-02',
      template: 'handbook-17w',
      timeZone: 'Europe/Berlin',
      channel: RELEASE_CHANNEL,
      actor,
    }));
    importTeam(app.services, { yaml: TEAM_YAML, source: 'team.yml', actor });
  });
  afterAll(async () => {
    app.slack.assertNoUnexpectedCalls();
    github.assertNoUnexpectedRequests();
    await app.stop();
    await github.close();
  });

  it('opens the form with the working groups the person may track features for, and refuses others', async () => {
    const trigger = '1111.2222.feature';
    const opened = await postSlashCommand(app.url, SIGNING_SECRET, {
      command: '/kfrelease',
      text: 'feature add',
      user_id: ALAN,
      channel_id: RELEASE_CHANNEL,
      trigger_id: trigger,
    });
    expect(opened.text).toBe('');
    const call = await app.slack.waitForCall('views.open', (c) => c.args.trigger_id === trigger);
    const view = call.args.view as {
      callback_id: string;
      blocks: { block_id?: string; element?: { options?: { value: string }[] } }[];
    };
    expect(view.callback_id).toBe('feature_add');
    expect(view.blocks.find((b) => b.block_id === 'wg')?.element?.options?.map((o) => o.value)).toEqual([
      'Pipelines',
    ]);

    for (const who of [STRANGER, MARGARET]) {
      const refused = await app.command('feature add', who);
      expect(answerText(refused)).toContain(
        "Only the release manager and a working group's liaison can track features of v1.10.0.",
      );
    }
  });

  it('answers bad references and fields next to the field, and saves nothing', async () => {
    const cases: [FormValues, Record<string, string>][] = [
      [
        { wg: 'Pipelines', title: 'Run caching', ref: 'pipelines#101' },
        { ref: 'Not read: "pipelines" is not a GitHub owner/repository name.' },
      ],
      [
        { wg: 'Pipelines', title: 'Run caching', ref: 'kubeflow/pipelines#999' },
        { ref: 'GitHub has no issue or pull request kubeflow/pipelines#999 (or it is private).' },
      ],
      [
        { wg: 'Notebooks', title: 'Run caching', ref: 'kubeflow/pipelines#101' },
        {
          wg: "Only the release manager and Notebooks's liaison can track features of Notebooks; you can for Pipelines.",
        },
      ],
      [
        { wg: 'Pipelines', title: ' ', ref: '', docs: true },
        {
          title: 'Name the feature, e.g. "Pipelines: run caching across namespaces".',
          ref: 'Give the GitHub issue or pull request that tracks it: owner/repo#123 or its link.',
        },
      ],
      [
        { wg: 'Pipelines', title: 'Run caching', ref: 'kubeflow/pipelines#101', docs: true },
        { pages: 'Say which kubeflow.org pages change, one a line (or untick "docs needed").' },
      ],
    ];
    for (const [values, errors] of cases) {
      expect(await addFeature(ALAN, values)).toEqual({ response_action: 'errors', errors });
    }
    expect(features()).toEqual([]);
    expect(store().docsItems.forRelease(release.id)).toEqual([]);
  });

  it('tracks good references as GitHub describes them, and creates or links docs items', async () => {
    const saved = await addFeature(ALAN, {
      wg: 'Pipelines',
      title: 'Run caching across namespaces',
      ref: `<${KFP_101}>`,
      docs: true,
      pages: '/docs/components/pipelines/caching\n/docs/components/pipelines/namespaces',
      highlight: true,
    });
    expect(saved.response_action).toBe('update');
    const text = JSON.stringify(saved.view);
    expect(text).toContain(
      '*On GitHub:* Cache runs across namespaces (open pull request) · labels: `kind/feature`',
    );
    expect(text).toContain('Docs item #1 was created for the Docs Lead.');

    store().docsItems.insert({
      releaseId: release.id,
      wgId: store().workingGroups.findByName('AutoML')!.id,
      feature: 'Katib: early stopping',
      pages: '/docs/components/katib/early-stopping',
      owner: null,
      status: 'in_progress',
      by: KATH,
      at: '2026-04-20T10:00:00.000Z',
    });
    const linked = await addFeature(KATH, {
      wg: 'AutoML',
      title: 'Katib: Early stopping',
      ref: 'kubeflow/katib#5',
      docs: true,
      pages: '/docs/components/katib/early-stopping',
    });
    expect(JSON.stringify(linked.view)).toContain(
      'Docs item #2 already recorded under this title is linked.',
    );
    expect(
      (await addFeature(RM, { wg: 'Notebooks', title: 'GPU culling', ref: KF_202, highlight: true }))
        .response_action,
    ).toBe('update');
    expect(
      (await addFeature(ALAN, { wg: 'Pipelines', title: 'Sub-DAG outputs', ref: 'kubeflow/pipelines#103' }))
        .response_action,
    ).toBe('update');
    expect(await addFeature(RM, { wg: 'Pipelines', title: 'Again', ref: 'Kubeflow/Pipelines#101' })).toEqual({
      response_action: 'errors',
      errors: {
        ref: 'kubeflow/pipelines#101 already tracks feature #1 "Run caching across namespaces" (Pipelines).',
      },
    });

    expect(features().map((f) => [f.id, f.wg, f.state, f.docsItemId, f.docsStatus, f.highlight])).toEqual([
      [2, 'AutoML', 'landed', 2, 'in_progress', false],
      [3, 'Notebooks', 'tracked', null, null, true],
      [1, 'Pipelines', 'tracked', 1, 'needed', true],
      [4, 'Pipelines', 'tracked', null, null, false],
    ]);
    expect(store().docsItems.byId(1)).toMatchObject({
      wg: 'Pipelines',
      feature: 'Run caching across namespaces',
      status: 'needed',
    });
    const docs = answerText(await app.command('docs', MARGARET));
    expect(docs).toContain('*#1* Run caching across namespaces (Needed) · _no owner_');
  });

  it('lists the features by working group with state and docs status, for one working group too', async () => {
    const all = answerText(await app.command('features', ALAN));
    expect(all).toContain('*1 landed* · 3 tracked · 0 at risk · 0 punted');
    expect(all).toContain(
      '*AutoML*\n:white_check_mark: *#2* Katib: Early stopping · Landed · <https://github.com/kubeflow/katib/pull/5|kubeflow/katib#5> · docs in progress',
    );
    expect(all).toContain(
      `*Pipelines*\n:large_blue_circle: *#1* Run caching across namespaces :star: · Tracked · <${KFP_101}|kubeflow/pipelines#101> · docs needed\n:large_blue_circle: *#4* Sub-DAG outputs · Tracked · <https://github.com/kubeflow/pipelines/pull/103|kubeflow/pipelines#103> · no docs needed`,
    );
    const one = answerText(await app.command('features v1.10.0 notebooks', ALAN));
    expect(one).toContain('Notebooks features of Kubeflow v1.10.0');
    expect(one).not.toContain('Pipelines');
    expect(answerText(await app.command('features Nope', ALAN))).toContain(
      'There is no working group "Nope".',
    );
  });

  it('marks a feature landed when its pull request merges, and tells the Docs Lead once that its docs are not done', async () => {
    expect(await sync()).toEqual({ requests: 1, landed: 0 });
    github.updateIssue('kubeflow/pipelines', 101, { state: 'merged', updatedAt: '2026-04-21T08:00:00Z' });
    expect(await sync()).toEqual({ requests: 1, landed: 1 });
    expect(byTitle('Run caching across namespaces')).toMatchObject({
      state: 'landed',
      githubState: 'merged',
    });
    await app.deliverOutbox();
    expect(await sync()).toEqual({ requests: 1, landed: 0 });
    await app.deliverOutbox();
    const dms = app.slack.messages(dmChannelId(MARGARET));
    // Katib's pull request had merged before it was added: it landed then, its docs in progress.
    expect(dms.map((m) => m.text)).toEqual([
      'A feature of Kubeflow v1.10.0 landed without its docs: Katib: Early stopping',
      'A feature of Kubeflow v1.10.0 landed without its docs: Run caching across namespaces',
    ]);
    expect(JSON.stringify(dms[1]?.blocks)).toContain(
      '_pages:_ /docs/components/pipelines/caching, /docs/components/pipelines/namespaces',
    );
  });

  it('turns every feature not landed at risk at the start of Feature Freeze, exactly once, and asks the release manager', async () => {
    const schedule = loadReleaseSchedule(store(), release)!;
    const start = occurrencesOf(schedule).find((o) => o.key === `phase_start:${release.id}:feature_freeze`)!;
    expect(start.dueAt.toUTC().toISO()).toBe('2026-05-11T07:00:00.000Z');
    app.clock.set('2026-05-11T07:00:00Z');
    const first = runDueJobs(app.services, app.clock.now());
    expect(first.ran).toContain(start.key);
    expect(runDueJobs(app.services, app.clock.now()).ran).toEqual([]);
    expect(features().map((f) => [f.id, f.state])).toEqual([
      [2, 'landed'],
      [3, 'at_risk'],
      [1, 'landed'],
      [4, 'at_risk'],
    ]);
    expect(
      store()
        .audit.forRelease(release.id)
        .filter((e) => e.action === 'feature.at_risk'),
    ).toHaveLength(1);
    await app.deliverOutbox();
    const dms = app.slack.messages(dmChannelId(RM));
    const freeze = dms.filter((m) => m.text.startsWith('Feature Freeze for Kubeflow v1.10.0'));
    expect(freeze.map((m) => m.text)).toEqual(['Feature Freeze for Kubeflow v1.10.0: 2 feature(s) at risk']);
    const blocks = JSON.stringify(freeze[0]?.blocks);
    expect(blocks).toContain('"block_id":"features_at_risk:Notebooks"');
    expect(blocks).toContain(
      '"action_id":"feature_keep","text":{"type":"plain_text","text":"Keep #3","emoji":true},"value":"3"',
    );
    expect(blocks).toContain('"text":"Punt #4…"');
    expect(app.slack.messages(dmChannelId(GRACE)).filter((m) => m.text.startsWith('Feature Freeze'))).toEqual(
      [],
    );
  });

  it('lists at-risk features on the agenda and keeps the Feature Freeze criterion unmet', async () => {
    await app.command('meeting set tue 16:00 Europe/Berlin', RM);
    const agenda = answerText(await app.command('agenda', RM));
    expect(agenda).toContain('Features at risk: land, keep or punt');
    expect(agenda).toContain('#3 GPU culling (kubeflow/kubeflow#202)');
    const phase = answerText(await app.command('phase', RM));
    expect(phase).toContain(
      'neither landed nor punted: #3 GPU culling (Notebooks), #4 Sub-DAG outputs (Pipelines)',
    );
  });

  it("lets the release manager or the working group's liaison keep or punt, and refuses everyone else", async () => {
    const press = (user: string, actionId: string, value: string) =>
      app.interact(blockAction({ user, actionId, value, channel: `D${user}` }));
    await press(KATH, 'feature_keep', '3');
    const refusal = await app.slack.waitForCall('chat.postEphemeral', (c) => c.args.user === KATH);
    expect(refusal.args.text).toBe(
      "Only the release manager and Notebooks's liaison can keep feature #3 (Notebooks) in the release. See who holds which role with `/kfrelease team`.",
    );
    expect(byTitle('GPU culling').kept).toBe(false);

    await press(GRACE, 'feature_keep', '3');
    const kept = await app.slack.waitForCall('chat.postEphemeral', (c) => c.args.user === GRACE);
    expect(kept.args.text).toBe('Feature #3 stays in the release, at risk until it lands.');
    expect(byTitle('GPU culling')).toMatchObject({ state: 'at_risk', kept: true, keptBy: GRACE });

    const wrong = answerText(await app.command('feature punt 4 Out of time', KATH));
    expect(wrong).toContain(
      "Only the release manager and Pipelines's liaison can punt feature #4 (Pipelines).",
    );
    const shadow = answerText(await app.command('feature punt 4 Out of time', GRACE));
    expect(shadow).toContain(
      "Only the release manager and Pipelines's liaison can punt feature #4 (Pipelines).",
    );
    expect(byTitle('Sub-DAG outputs').state).toBe('at_risk');

    const trigger = '3333.4444.punt';
    await app.interact(
      blockAction({
        user: ALAN,
        actionId: 'feature_punt_open',
        value: '4',
        channel: `D${ALAN}`,
        triggerId: trigger,
      }),
    );
    const form = await app.slack.waitForCall('views.open', (c) => c.args.trigger_id === trigger);
    expect((form.args.view as { callback_id: string }).callback_id).toBe('feature_punt');
    const punt = (reason: string) =>
      app.interact(
        viewSubmission({
          user: ALAN,
          callbackId: 'feature_punt',
          privateMetadata: JSON.stringify({ feature: 4 }),
          values: { reason: { reason } },
        }),
      );
    expect((await punt('  ')).json()).toEqual({
      response_action: 'errors',
      errors: {
        reason: 'Say why it is punted, e.g. "API review not finished; retry in the next release".',
      },
    });
    expect(byTitle('Sub-DAG outputs').state).toBe('at_risk');
    expect((await punt('The backend rework slipped; retry in v1.11')).status).toBe(200);
    expect(byTitle('Sub-DAG outputs')).toMatchObject({
      state: 'punted',
      reason: 'The backend rework slipped; retry in v1.11',
      kept: false,
    });
    expect(answerText(await app.command('feature punt 1 too late', RM))).toContain(
      'Feature #1 "Run caching across namespaces" has landed: it ships in v1.10.0.',
    );

    const decisions = answerText(await app.command('decisions', RM));
    expect(decisions).toContain(
      'Kept at-risk feature #3 "GPU culling" (Notebooks, kubeflow/kubeflow#202) in the release',
    );
    expect(decisions).toContain(
      'Punted feature #4 "Sub-DAG outputs" (Pipelines, kubeflow/pipelines#103) to the next release',
    );
    await app.deliverOutbox();
    expect(
      app.slack
        .messages(RELEASE_CHANNEL)
        .map((m) => m.text)
        .join('\n'),
    ).toContain(
      '<@U0ALAN001> punted feature #4 "Sub-DAG outputs" (Pipelines, kubeflow/pipelines#103) to the next release',
    );
  });

  it('tracks a feature added during Feature Freeze as at risk from the start; its liaison punts it', async () => {
    const added = await addFeature(KATH, {
      wg: 'Training',
      title: 'Distributed checkpoints',
      ref: 'kubeflow/training-operator#7',
    });
    expect(added.response_action).toBe('update');
    expect(byTitle('Distributed checkpoints')).toMatchObject({ id: 5, state: 'at_risk', kept: false });
    expect(answerText(await app.command('feature punt 5', KATH))).toContain(
      'Say why it is punted, e.g. "API review not finished; retry in the next release".',
    );
    expect(answerText(await app.command('feature punt #5 Waiting for the new scheduler', KATH))).toContain(
      'Feature #5 is punted to the next release.',
    );
    expect(answerText(await app.command('feature keep 5', KATH))).toContain(
      'Feature #5 "Distributed checkpoints" is punted, not at risk: there is nothing to keep.',
    );
  });

  it('meets the Feature Freeze criterion once every feature landed or was punted', async () => {
    github.updateIssue('kubeflow/kubeflow', 202, { state: 'closed', updatedAt: '2026-05-12T08:00:00Z' });
    expect(await sync()).toEqual({ requests: 1, landed: 1 });
    const phase = answerText(await app.command('phase', RM));
    expect(phase).toContain('every feature landed or was punted');
    expect(phase).not.toContain('neither landed nor punted');
  });

  it('drafts the announcement and release notes from the features and the versions table, one line each', async () => {
    const notebooks = store().workingGroups.findByName('Notebooks')!;
    store().revisions.insertSubmission(
      {
        releaseId: release.id,
        wgId: notebooks.id,
        submittedBy: GRACE,
        submittedAt: '2026-05-12T08:00:00.000Z',
        note: '',
      },
      [
        {
          repo: 'kubeflow/kubeflow',
          revision: 'v1.10.0',
          freeze: true,
          nextValidationAt: null,
          status: 'accepted',
          kind: 'tag',
          commitSha: 'b'.repeat(40),
          version: 'v1.10.0',
          warnings: [],
          review: { reasons: [], commits: [], pullRequests: [], releaseUrl: null, previous: null },
          lastError: null,
        },
      ],
    );
    const announcement = answerText(await app.command('announcement', PM));
    expect(announcement).toContain(
      `Highlights:\n- GPU culling (Notebooks): ${KF_202}\n- Run caching across namespaces (Pipelines): ${KFP_101} (docs: /docs/components/pipelines/caching, /docs/components/pipelines/namespaces)\n\nNew features:\n\nAutoML:\n- Katib: Early stopping: https://github.com/kubeflow/katib/pull/5 (docs: /docs/components/katib/early-stopping)`,
    );
    expect(announcement).toContain(
      'Notebooks:\n- Notebook Controller, PVC Viewer Controller, Tensorboard Controller, Central Dashboard, Profiles + KFAM, PodDefaults Webhook, Jupyter Web App, Tensorboards Web App, Volumes Web App v1.10.0: https://github.com/kubeflow/kubeflow/releases/tag/v1.10.0\n',
    );
    expect(announcement.match(/Notebook Controller/g)).toHaveLength(1);
    expect(announcement).toContain(
      '[Punted to the next release, for its planning; remove before sending:\n- Sub-DAG outputs (Pipelines): https://github.com/kubeflow/pipelines/pull/103 — The backend rework slipped; retry in v1.11\n- Distributed checkpoints (Training): https://github.com/kubeflow/training-operator/issues/7 — Waiting for the new scheduler\n]',
    );

    const notes = answerText(await app.command('release-notes', RM));
    expect(notes).toContain('*Draft release notes for Kubeflow v1.10.0* (Markdown)');
    expect(notes).toContain('3 landed feature(s), 2 highlight(s), 2 punted');

    const out: string[] = [];
    const env = {
      DATABASE_PATH: app.databasePath,
      KFRELEASE_NOW: '2026-05-12T10:00:00Z',
      LOG_LEVEL: 'silent',
    };
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
    expect(await runCli(['release-notes', 'v1.10.0'], env, io)).toBe(0);
    const markdown = out.join('\n');
    expect(markdown).toContain(
      `## Highlights\n\n- GPU culling (Notebooks): [kubeflow/kubeflow\\#202](${KF_202})\n- Run caching across namespaces (Pipelines): [kubeflow/pipelines\\#101](${KFP_101}) · docs: /docs/components/pipelines/caching, /docs/components/pipelines/namespaces\n\n## Features by working group\n\n### AutoML\n\n- Katib: Early stopping: [kubeflow/katib\\#5](https://github.com/kubeflow/katib/pull/5) · docs: /docs/components/katib/early-stopping\n\n## Component versions\n\n### Notebooks\n\n- Notebook Controller, PVC Viewer Controller, Tensorboard Controller, Central Dashboard, Profiles \\+ KFAM, PodDefaults Webhook, Jupyter Web App, Tensorboards Web App, Volumes Web App (kubeflow/kubeflow): [v1.10.0](https://github.com/kubeflow/kubeflow/releases/tag/v1.10.0)`,
    );
    expect(markdown).toContain(
      "## Punted to the next release\n\n_For the next cycle's planning; not part of this release._\n\n- Sub-DAG outputs (Pipelines): [kubeflow/pipelines\\#103](https://github.com/kubeflow/pipelines/pull/103) — The backend rework slipped; retry in v1.11",
    );

    out.length = 0;
    expect(await runCli(['features', '--json'], env, io)).toBe(0);
    const json = JSON.parse(out.join('\n')) as {
      features: { id: number; state: string; docs: { status: string | null } }[];
    };
    expect(json.features.map((f) => [f.id, f.state, f.docs.status])).toEqual([
      [2, 'landed', 'in_progress'],
      [3, 'landed', null],
      [1, 'landed', 'needed'],
      [4, 'punted', null],
      [5, 'punted', null],
    ]);
    out.length = 0;
    expect(await runCli(['features', 'Pipelines', '--markdown'], env, io)).toBe(0);
    expect(out.join('\n')).toBe(
      `# Features of Kubeflow v1.10.0 (Pipelines)\n\n## Pipelines\n\n| # | Feature | State | Issue or PR | Docs | Highlight |\n| --- | --- | --- | --- | --- | --- |\n| 1 | Run caching across namespaces | Landed | [kubeflow/pipelines\\#101](${KFP_101}) | docs needed | yes |\n| 4 | Sub-DAG outputs | Punted: The backend rework slipped; retry in v1.11 | [kubeflow/pipelines\\#103](https://github.com/kubeflow/pipelines/pull/103) | no docs needed |  |`,
    );
  });

  it('shows the product manager the highlight candidates on the App Home', async () => {
    const call = await openHome(app, PM);
    const text = JSON.stringify(call.args.view);
    expect(text).toContain(':star: *Highlight candidates* (2):');
    expect(text).toContain(':white_check_mark: *#3* GPU culling :star: · Landed');
  });

  it('shows landed features on the public schedule, titles and links only, unless the release manager hides them', async () => {
    const page = async () => (await fetch(`${app.url}/schedule/v1.10.0`)).text();
    const html = await page();
    expect(html).toContain('<h2>Features landed</h2>');
    expect(html).toContain(`<a href="${KF_202}">GPU culling</a>`);
    expect(html).not.toContain('Sub-DAG outputs');
    const json = (await (await fetch(`${app.url}/api/releases/v1.10.0.json`)).json()) as {
      features: unknown;
    };
    expect(json.features).toEqual([
      {
        workingGroup: 'AutoML',
        title: 'Katib: Early stopping',
        url: 'https://github.com/kubeflow/katib/pull/5',
      },
      { workingGroup: 'Notebooks', title: 'GPU culling', url: KF_202 },
      { workingGroup: 'Pipelines', title: 'Run caching across namespaces', url: KFP_101 },
    ]);
    expect(answerText(await app.command('feature public hide', ALAN))).toContain(
      'Only the release manager of v1.10.0',
    );
    expect(answerText(await app.command('feature public hide', RM))).toContain(
      'The public schedule of Kubeflow v1.10.0 does not show its landed features.',
    );
    expect(await page()).not.toContain('Features landed');
  });
});
