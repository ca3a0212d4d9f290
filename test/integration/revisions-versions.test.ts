import { runCli } from '../../src/cli/main';
import { getComponentVersions, type ComponentVersionsView } from '../../src/workflows/component-versions';
import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github';
import {
  ALAN,
  DURING_FREEZE,
  heldMessage,
  K,
  outboxDelivered,
  P,
  PIPELINES,
  pressButton,
  RM,
  seedGitHub,
  startRevisionApp,
  submitNotebooks,
  submitRevisionForm,
  viewAnswer,
} from '../helpers/revision-fixtures';
import { answerText, type TestApp } from '../helpers/start-app';

/** Working groups still owing a revision, each with the repositories that have none (Pipelines: only kfp-tekton). */
const INCOMPLETE =
  'AutoML (kubeflow/katib), KServe (kserve/kserve, kserve/models-web-app), Manifests (istio/istio, knative/serving, knative/eventing, cert-manager/cert-manager), Pipelines (kubeflow/kfp-tekton), Training (kubeflow/training-operator)';
const NOTEBOOKS_COMPONENTS = [
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

describe('the versions table and status line match what was accepted', () => {
  let github: FakeGitHub;
  let app: TestApp;
  let heldId: number;

  const cli = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const env = { DATABASE_PATH: app.databasePath, KFRELEASE_NOW: DURING_FREEZE, LOG_LEVEL: 'silent' };
    const code = await runCli(argv, env, {
      out: (l: string) => out.push(l),
      err: (l: string) => err.push(l),
    });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    return out.join('\n');
  };

  beforeAll(async () => {
    github = await startFakeGitHub();
    seedGitHub(github);
    const started = await startRevisionApp(github);
    app = started.app;
    app.slack.expect('chat.postMessage');
    app.slack.expect('conversations.open');
    // Notebooks: v1.10.0 accepted, then the minor bump v1.11.0 held. Pipelines: one of two repositories.
    await submitNotebooks(app, started.release, 'v1.10.0');
    heldId = (await submitNotebooks(app, started.release, 'v1.11.0')).id;
    const pipelines = await submitRevisionForm(app, ALAN, PIPELINES, ['2.5.0', '']);
    expect(viewAnswer(pipelines).response_action).toBe('update');
    await outboxDelivered(app);
  });
  afterAll(async () => {
    await app.stop();
    app.slack.assertNoUnexpectedCalls();
    github.assertNoUnexpectedRequests();
    await github.close();
  });

  it('/kfrelease versions lists every component with its accepted revision, what waits, and who owes one', async () => {
    const response = await app.command('versions', ALAN);
    expect(response.status).toBe(200);
    const text = answerText(response);
    expect(text).toContain('Component versions of Kubeflow v1.10.0');
    expect(text).toContain(
      `:rotating_light: *Feature Freeze has started and these repositories have no accepted revision yet:* ${INCOMPLETE}`,
    );
    expect(text).toContain('*Notebooks* :white_check_mark:');
    for (const component of NOTEBOOKS_COMPONENTS) {
      expect(text).toContain(
        `• ${component}: \`v1.10.0\` (${K.k1.slice(0, 7)}) by <@U0GRACE01> 2026-05-12 · \`v1.11.0\` held for the release manager`,
      );
    }
    expect(text).toContain(
      `• Kubeflow Pipelines: \`2.5.0\` (${P.p0.slice(0, 7)}) by <@U0ALAN001> 2026-05-12`,
    );
    expect(text).toContain('• Kubeflow Tekton Pipelines: :red_circle: _missing_');
    expect(text).toContain('1 held for the release manager · 0 pending validation');
  });

  it('kfrelease versions --json carries the same facts', async () => {
    const view = JSON.parse(await cli('versions', '--json')) as ComponentVersionsView;
    expect(view).toMatchObject({ version: 'v1.10.0', freeze: true, held: 1, pending: 0 });
    expect(view.missing.join(', ')).toBe(INCOMPLETE);
    const notebooks = view.groups.find((g) => g.wg === 'Notebooks');
    expect(notebooks?.complete).toBe(true);
    expect(notebooks?.components.map((c) => c.component)).toEqual(NOTEBOOKS_COMPONENTS);
    for (const c of notebooks?.components ?? []) {
      expect(c).toMatchObject({
        repo: 'kubeflow/kubeflow',
        accepted: {
          revision: 'v1.10.0',
          version: 'v1.10.0',
          commitSha: K.k1,
          kind: 'tag',
          submittedBy: 'U0GRACE01',
        },
        waiting: { revision: 'v1.11.0', status: 'needs_exception' },
      });
    }
    const pipelines = view.groups.find((g) => g.wg === 'Pipelines');
    expect(pipelines?.components.map((c) => [c.component, c.accepted?.revision ?? null])).toEqual([
      ['Kubeflow Pipelines', '2.5.0'],
      ['Kubeflow Tekton Pipelines', null],
    ]);
    // kubeflow/pipelines tags without a v ('{version}' in config/kubeflow.yml): 2.5.0 is v2.5.0, no RC.
    expect(pipelines?.components[0]).toMatchObject({
      tagPattern: '{version}',
      accepted: { revision: '2.5.0', version: 'v2.5.0', rc: false },
      notShipping: null,
    });
    expect(view.missingRepos.find((m) => m.wg === 'Pipelines')).toEqual({
      wg: 'Pipelines',
      repos: [{ repo: 'kubeflow/kfp-tekton', components: ['Kubeflow Tekton Pipelines'] }],
    });
  });

  it('counts every revision still held or pending, not only the latest of each repository', async () => {
    const { db } = app.services.store;
    const copy = (revision: string, status: string) =>
      db
        .prepare(
          `INSERT INTO revisions (submission_id, release_id, wg_id, repo, revision, status, freeze, updated_at)
           SELECT submission_id, release_id, wg_id, repo, ?, ?, freeze, updated_at FROM revisions WHERE id = ?`,
        )
        .run(revision, status, heldId);
    db.exec('SAVEPOINT extra');
    try {
      copy('v1.11.1', 'needs_exception');
      copy('v1.11.2', 'pending_validation');
      const view = getComponentVersions(app.services, 'v1.10.0');
      expect(view).toMatchObject({ held: 2, pending: 1 });
      const notebooks = view.groups.find((g) => g.wg === 'Notebooks');
      expect(notebooks?.components[0]?.waiting).toEqual({
        revision: 'v1.11.2',
        status: 'pending_validation',
      });
    } finally {
      db.exec('ROLLBACK TO extra; RELEASE extra');
    }
  });

  it('kfrelease versions --markdown prints the table for the manifests README', async () => {
    const lines = (await cli('versions', '--markdown')).split('\n');
    expect(lines.slice(0, 2)).toEqual([
      '| Component | Working group | Repository | Version | Commit |',
      '| --- | --- | --- | --- | --- |',
    ]);
    expect(lines).toContain(
      `| Jupyter Web App | Notebooks | kubeflow/kubeflow | [v1.10.0](https://github.com/kubeflow/kubeflow/tree/v1.10.0) | ${K.k1.slice(0, 12)} |`,
    );
    expect(lines).toContain(
      `| Kubeflow Pipelines | Pipelines | kubeflow/pipelines | [2.5.0](https://github.com/kubeflow/pipelines/tree/2.5.0) | ${P.p0.slice(0, 12)} |`,
    );
    expect(lines).toContain('| Kubeflow Tekton Pipelines | Pipelines | kubeflow/kfp-tekton | _missing_ |  |');
  });

  it('/kfrelease status shows the revisions in one line', async () => {
    const text = answerText(await app.command('status', ALAN));
    expect(text).toContain(
      `*Revisions:* 1 of 6 working groups complete · 1 held for the release manager · :rotating_light: missing: ${INCOMPLETE} · \`/kfrelease versions\``,
    );
  });

  it('shows an approved exception as the revision that ships', async () => {
    app.slack.expect('chat.update', 1);
    const message = await heldMessage(app, heldId);
    await pressButton(app, { user: RM, actionId: 'revision_approve', value: String(heldId), message });
    await app.slack.waitForCall('chat.update');
    await outboxDelivered(app);

    const text = answerText(await app.command('versions', ALAN));
    expect(text).toContain(`• Jupyter Web App: \`v1.11.0\` (${K.k4.slice(0, 7)}) by <@U0GRACE01> 2026-05-12`);
    expect(text).not.toContain('`v1.11.0` held for the release manager');
    expect(text).toContain('0 held for the release manager · 0 pending validation');
    const view = JSON.parse(await cli('versions', '--json')) as ComponentVersionsView;
    expect(view.groups.find((g) => g.wg === 'Notebooks')?.components[0]).toMatchObject({
      accepted: { revision: 'v1.11.0', commitSha: K.k4 },
      waiting: null,
    });
  });
});
