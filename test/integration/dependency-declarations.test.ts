import { runCli } from '../../src/cli/main';
import type { ReleaseRow } from '../../src/db/release-repository';
import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github';
import { dmChannelId } from '../fakes/fake-slack';
import { databaseSnapshot } from '../helpers/database-snapshot';
import {
  ALAN,
  BEFORE_FREEZE,
  DURING_FREEZE,
  GRACE,
  MARGARET,
  outboxDelivered,
  postedMessage,
  RM,
  seedGitHub,
  startRevisionApp,
  submitNotebooks,
  textOf,
  viewAnswer,
} from '../helpers/revision-fixtures';
import { viewSubmission } from '../helpers/slack-request';
import { answerText, type TestApp } from '../helpers/start-app';

const NOTEBOOK_COMPONENTS = [
  'Notebook Controller',
  'PVC Viewer Controller',
  'Tensorboard Controller',
  'Central Dashboard',
  'Profiles + KFAM',
  'PodDefaults Webhook',
  'Jupyter Web App',
  'Tensorboards Web App',
  'Volumes Web App',
];
const PIPELINE_COMPONENTS = ['Kubeflow Pipelines', 'Kubeflow Tekton Pipelines'];

/** The declaration form as Slack submits it: component versions in field order, ranges by dependency id. */
function declaration(
  user: string,
  wg: string,
  components: string[],
  versions: string[],
  ranges: Record<string, string>,
): object {
  const values: Record<string, Record<string, string>> = {};
  components.forEach((_c, i) => (values[`component:${i}`] = { value: versions[i] ?? '' }));
  for (const id of ['kubernetes', 'istio', 'knative', 'cert-manager', 'dex', 'oauth2-proxy', 'python'])
    values[`dep:${id}`] = { value: ranges[id] ?? '' };
  return viewSubmission({
    user,
    callbackId: 'declare_dependencies',
    privateMetadata: JSON.stringify({ release: 'v1.10.0', wg, components }),
    values,
  });
}

const NOTEBOOKS_RANGES = { kubernetes: '>=1.29 <1.32', istio: '1.24.x', python: '>=3.9 <3.13' };
const PIPELINES_RANGES = { kubernetes: '>=1.31', istio: '>=1.26', python: '>=3.10', 'cert-manager': '^1.16' };

describe('expected versions and dependency ranges, from Feature Freeze on', () => {
  let github: FakeGitHub;
  let app: TestApp;
  let release: ReleaseRow;
  const snapshot = () => databaseSnapshot(app.services.store.db);
  const cli = async (...argv: string[]) => {
    const out: string[] = [];
    const code = await runCli(
      argv,
      { DATABASE_PATH: app.databasePath, KFRELEASE_NOW: DURING_FREEZE, LOG_LEVEL: 'silent' },
      { out: (l: string) => out.push(l), err: (l: string) => out.push(l) },
    );
    return { code, out: out.join('\n') };
  };

  beforeAll(async () => {
    github = await startFakeGitHub();
    seedGitHub(github);
    ({ app, release } = await startRevisionApp(github, { now: BEFORE_FREEZE }));
    for (const method of ['chat.postMessage', 'conversations.open', 'views.open']) app.slack.expect(method);
  });
  afterAll(async () => {
    await app.stop();
    await github.close();
    app.slack.assertNoUnexpectedCalls();
    github.assertNoUnexpectedRequests();
  });

  it('refuses before Feature Freeze, saying from which day', async () => {
    const before = snapshot();
    const text = answerText(await app.command('deps', GRACE));
    expect(text).toContain(
      'Expected versions and dependency ranges of v1.10.0 are declared from the start of Feature Freeze on 2026-05-11; it has not started yet.',
    );
    const submitted = viewAnswer(
      await app.interact(declaration(GRACE, 'Notebooks', ['Notebook Controller'], ['v1.10.0'], {})),
    );
    expect(submitted.response_action).toBe('errors');
    expect(Object.values(submitted.errors ?? {})).toEqual([
      expect.stringContaining('declared from the start of Feature Freeze on 2026-05-11'),
    ]);
    expect(app.slack.callsTo('views.open')).toHaveLength(0);
    expect(snapshot()).toBe(before);
    // Before the freeze nobody owes a declaration yet: status says nothing about it.
    expect(answerText(await app.command('status', GRACE))).not.toContain('Dependency ranges');
    app.clock.set(DURING_FREEZE);
  });

  it("refuses someone who is not the working group's liaison, naming who may, saving nothing", async () => {
    const before = snapshot();
    expect(answerText(await app.command('deps Notebooks', ALAN))).toContain(
      'Only the liaisons of Notebooks (Grace Hopper), the release manager or an admin can declare the expected versions and dependency ranges of Notebooks.',
    );
    expect(answerText(await app.command('deps', MARGARET))).toContain(
      "Only a working group's liaisons, the release manager or an admin can declare expected versions and dependency ranges.",
    );
    const forged = viewAnswer(
      await app.interact(declaration(ALAN, 'Notebooks', ['Notebook Controller'], ['v1.10.0'], {})),
    );
    expect(forged).toEqual({
      response_action: 'errors',
      errors: {
        'component:0':
          'Only the liaisons of Notebooks (Grace Hopper), the release manager or an admin can declare the expected versions and dependency ranges of Notebooks. See who holds which role with `/kfrelease team`.',
      },
    });
    expect(app.slack.callsTo('views.open')).toHaveLength(0);
    expect(snapshot()).toBe(before);
  });

  it("opens the liaison's form: one expected version per component, one range per common dependency", async () => {
    expect((await app.command('deps', GRACE)).text).toBe('');
    const call = await app.slack.waitForCall('views.open', (c) =>
      JSON.stringify(c.args).includes('declare_dependencies'),
    );
    const view = call.args.view as { title: { text: string }; blocks: Record<string, unknown>[] };
    expect(view.title.text).toBe('Declare Notebooks');
    const inputs = view.blocks.filter((b) => b.type === 'input');
    expect(inputs.map((b) => b.block_id)).toEqual([
      ...NOTEBOOK_COMPONENTS.map((_c, i) => `component:${i}`),
      'dep:kubernetes',
      'dep:istio',
      'dep:knative',
      'dep:cert-manager',
      'dep:dex',
      'dep:oauth2-proxy',
      'dep:python',
    ]);
    expect(inputs[0]).toMatchObject({ label: { text: 'Notebook Controller: expected final version' } });
    expect(inputs[9]).toMatchObject({
      label: { text: 'Kubernetes: supported range' },
      optional: true,
      element: { placeholder: { text: 'e.g. >=1.29 <1.32' } },
      hint: { text: 'Leave empty if Notebooks does not depend on Kubernetes.' },
    });
  });

  it('asks no expected version for a component marked as not shipping, and asks again once it ships', async () => {
    const fieldsOfNextForm = async () => {
      const before = app.slack.callsTo('views.open').length;
      expect((await app.command('deps', GRACE)).text).toBe('');
      const call = await app.slack.waitForCall(
        'views.open',
        (c) =>
          JSON.stringify(c.args).includes('declare_dependencies') &&
          app.slack.callsTo('views.open').length > before,
      );
      const view = call.args.view as { blocks: { type: string; label?: { text: string } }[] };
      return view.blocks.filter((b) => b.type === 'input').map((b) => b.label?.text ?? '');
    };
    answerText(
      await app.command('component skip Tensorboard Controller Merged into the notebooks image', RM),
    );
    const fields = await fieldsOfNextForm();
    expect(fields.filter((f) => f.endsWith('expected final version'))).toHaveLength(
      NOTEBOOK_COMPONENTS.length - 1,
    );
    expect(fields).not.toContain('Tensorboard Controller: expected final version');
    answerText(await app.command('component ship Tensorboard Controller', RM));
    expect(await fieldsOfNextForm()).toContain('Tensorboard Controller: expected final version');
  });

  it('answers every bad field next to it, naming the problem, and saves nothing', async () => {
    const before = snapshot();
    const versions = NOTEBOOK_COMPONENTS.map((_c, i) =>
      i === 1 ? 'v1.10.0-rc.1' : i === 2 ? 'latest' : 'v1.10.0',
    );
    const answer = viewAnswer(
      await app.interact(
        declaration(GRACE, 'Notebooks', NOTEBOOK_COMPONENTS, versions, {
          kubernetes: '1.29 to 1.31',
          istio: '>=1.26 <1.24',
          python: '>=3.9 || >=3.11',
        }),
      ),
    );
    expect(answer).toEqual({
      response_action: 'errors',
      errors: {
        'component:1':
          '"v1.10.0-rc.1" is a pre-release: give the version the final release will have, e.g. v1.10.0.',
        'component:2': '"latest" is not a version: write it like v1.10.0 or 2.5.0.',
        'dep:kubernetes':
          '"to" is not a version: write numbers separated by dots, e.g. 1.29 or v1.29.3 (e.g. >=1.29 <1.32, 1.29.x or ^1.29).',
        'dep:istio': 'No version satisfies ">=1.26 <1.24": its bounds exclude each other.',
        'dep:python': 'Give one range, not alternatives ("||"): e.g. >=1.29 <1.32, 1.29.x or ^1.29.',
      },
    });
    expect(snapshot()).toBe(before);
  });

  it('records two working groups, and flags the dependency whose ranges do not intersect', async () => {
    const notebooks = viewAnswer(
      await app.interact(
        declaration(
          GRACE,
          'Notebooks',
          NOTEBOOK_COMPONENTS,
          NOTEBOOK_COMPONENTS.map(() => 'v1.10.0'),
          NOTEBOOKS_RANGES,
        ),
      ),
    );
    expect(notebooks.response_action).toBe('update');
    expect(textOf(notebooks.view)).toContain(
      '*Notebooks*: expected versions and dependency ranges for v1.10.0, recorded.',
    );
    expect(textOf(notebooks.view)).not.toContain('Conflicts');

    const pipelines = viewAnswer(
      await app.interact(
        declaration(ALAN, 'Pipelines', PIPELINE_COMPONENTS, ['2.5.0', 'v1.9.2'], PIPELINES_RANGES),
      ),
    );
    expect(pipelines.response_action).toBe('update');
    const saved = textOf(pipelines.view);
    expect(saved).toContain(
      ':warning: *Istio*: `&gt;=1.26` has no version in common with Notebooks (`1.24.x`)',
    );
    expect(saved).toContain('• Kubeflow Pipelines: `2.5.0`');
    expect(saved).toContain('• cert-manager: `^1.16`');

    const matrix = answerText(await app.command('deps matrix', MARGARET));
    expect(matrix).toContain(':rotating_light: *Ranges that do not intersect:* Istio');
    expect(matrix).toContain(
      ':x: *Istio*: *conflict* (Notebooks / Pipelines)\nNotebooks `1.24.x` · Pipelines `&gt;=1.26`',
    );
    expect(matrix).toContain(
      ':white_check_mark: *Kubernetes*: common `&gt;=1.31 &lt;1.32`\nNotebooks `&gt;=1.29 &lt;1.32` · Pipelines `&gt;=1.31`',
    );
    expect(matrix).toContain(':white_check_mark: *Python*: common `&gt;=3.10 &lt;3.13`');
    expect(matrix).toContain('*Knative*: _no working group declared a range_');
    expect(matrix).toContain('*Not declared yet:* AutoML, KServe, Manifests, Training');
    expect(matrix).toContain('• Pipelines · Kubeflow Tekton Pipelines: `v1.9.2`');
  });

  it('shows in status and the agenda who has not declared, and the conflict', async () => {
    expect(answerText(await app.command('status', MARGARET))).toContain(
      'Dependency ranges: 2 of 6 working groups declared; not yet: AutoML, KServe, Manifests, Training; conflicting: Istio',
    );
    expect(answerText(await app.command('meeting set tue 16:00', RM))).not.toContain(':warning:');
    const agenda = answerText(await app.command('agenda', MARGARET));
    expect(agenda).toContain('Expected versions and dependency ranges');
    expect(agenda).toContain('Not declared yet by: AutoML, KServe, Manifests, Training');
    expect(agenda).toContain('Ranges that do not intersect: Istio');
  });

  it('exports the matrix as JSON and as Markdown on the command line', async () => {
    const json = await cli('deps', '--json');
    expect(json.code).toBe(0);
    const view = JSON.parse(json.out);
    expect(view).toMatchObject({
      version: 'v1.10.0',
      freeze: true,
      missing: ['AutoML', 'KServe', 'Manifests', 'Training'],
      conflicts: ['Istio'],
    });
    expect(view.rows.find((r: { id: string }) => r.id === 'istio')).toEqual({
      id: 'istio',
      name: 'Istio',
      cells: [
        { wg: 'Notebooks', range: '1.24.x' },
        { wg: 'Pipelines', range: '>=1.26' },
      ],
      common: null,
      conflicts: [['Notebooks', 'Pipelines']],
    });
    const markdown = await cli('deps', 'v1.10.0', '--markdown');
    expect(markdown.code).toBe(0);
    expect(markdown.out).toContain('| Dependency | Notebooks | Pipelines | Common range |');
    expect(markdown.out).toContain('| Istio | `1.24.x` | `>=1.26` | **conflict**: Notebooks / Pipelines |');
    expect(markdown.out).toContain('| Kubernetes | `>=1.29 <1.32` | `>=1.31` | `>=1.31 <1.32` |');
    expect(markdown.out).toContain('| Pipelines | Kubeflow Pipelines | `2.5.0` |');
    expect(markdown.out).toContain('Not declared yet: AutoML, KServe, Manifests, Training.');
  });

  it('points a final revision other than the declared version out to the release manager, once', async () => {
    await submitNotebooks(app, release, 'v1.10.0');
    await submitNotebooks(app, release, 'v1.10.1');
    await outboxDelivered(app);

    const notice = await postedMessage(
      app,
      dmChannelId(RM),
      `expected-version:${release.id}:kubeflow/kubeflow:v1.10.1:v1.10.0:${RM}`,
    );
    const text = textOf(notice.blocks);
    expect(text).toContain(
      'Kubeflow v1.10.0: Notebooks shipped kubeflow/kubeflow v1.10.1, not the final version it declared',
    );
    expect(text).toContain('Notebook Controller: v1.10.1 accepted, v1.10.0 expected');
    const notices = () =>
      app.slack
        .messages(dmChannelId(RM))
        .filter((m) => String(m.metadata?.event_payload.key).startsWith('expected-version:'));
    expect(notices()).toHaveLength(1);
  });

  it('checks a declaration made after the final revision against it, and says each thing once', async () => {
    const declare = async (version: string) => {
      const versions = NOTEBOOK_COMPONENTS.map(() => version);
      const response = await app.interact(
        declaration(GRACE, 'Notebooks', NOTEBOOK_COMPONENTS, versions, NOTEBOOKS_RANGES),
      );
      expect(viewAnswer(response).response_action).toBe('update');
      await outboxDelivered(app);
    };
    const notices = () =>
      app.slack
        .messages(dmChannelId(RM))
        .filter((m) => String(m.metadata?.event_payload.key).startsWith('expected-version:'));

    // The accepted v1.10.1 is the version now declared: nothing to point out.
    await declare('v1.10.1');
    expect(notices()).toHaveLength(1);
    // A declaration the accepted revision does not match is pointed out, once however often saved.
    await declare('v1.10.3');
    await declare('v1.10.3');
    const later = await postedMessage(
      app,
      dmChannelId(RM),
      `expected-version:${release.id}:kubeflow/kubeflow:v1.10.1:v1.10.3:${RM}`,
    );
    expect(textOf(later.blocks)).toContain('Notebook Controller: v1.10.1 accepted, v1.10.3 expected');
    expect(notices()).toHaveLength(2);
  });
});
