import type { ReleaseRow } from '../../src/db/release-repository';
import type { FakeGitHub } from '../fakes/fake-github';
import type { StoredView } from '../fakes/fake-slack';
import { databaseSnapshot } from '../helpers/database-snapshot';
import {
  ALAN,
  GRACE,
  MARGARET,
  NOTEBOOKS,
  pickWorkingGroup,
  PIPELINES,
  RELEASE,
  RM,
  submitRevisionForm,
  textOf,
  useRevisionApp,
  viewAnswer,
} from '../helpers/revision-fixtures';
import { blockAction } from '../helpers/slack-request';
import { answerText, RELEASE_CHANNEL, type TestApp } from '../helpers/start-app';

interface InputBlock {
  type: string;
  block_id?: string;
  label?: { text: string };
  accessory?: { action_id: string; options: { value: string }[] };
}

/** The modal views.open was last called with, as the fake Slack stored it. */
async function openedView(app: TestApp, user: string): Promise<StoredView> {
  const response = await app.command('submit', user);
  expect(response.status).toBe(200);
  expect(response.text).toBe('');
  const call = await app.slack.waitForCall('views.open');
  const views = [...app.slack.state.views.values()];
  const view = views.at(-1);
  if (!view) throw new Error('no view stored');
  expect(call.args.view).toMatchObject({ callback_id: 'submit_revision' });
  return view;
}

const blocksOf = (view: StoredView) => view.blocks as InputBlock[];
const repoFields = (view: StoredView) =>
  blocksOf(view)
    .filter((b) => b.type === 'input' && b.block_id?.startsWith('repo:'))
    .map((b) => [b.block_id, b.label?.text]);

describe('/kfrelease submit and who may submit revisions', () => {
  let github: FakeGitHub;
  let app: TestApp;
  let release: ReleaseRow;

  useRevisionApp((world) => {
    ({ github, app, release } = world);
  });

  it("opens the form with the repositories of the liaison's working group", async () => {
    app.slack.expect('views.open', 1);

    const view = await openedView(app, GRACE);

    expect(JSON.parse(String(view.private_metadata))).toEqual({ release: RELEASE, ...NOTEBOOKS });
    expect(repoFields(view)).toEqual([['repo:0', 'kubeflow/kubeflow']]);
    expect(textOf(view.blocks)).toContain('*Working group:* Notebooks');
    expect(textOf(view.blocks)).toContain('Feature Freeze has started: give a *tag*');
    expect(textOf(view.blocks)).toContain('Components: Notebook Controller');
    expect(view.submit).toMatchObject({ text: 'Submit' });
    expect(blocksOf(view).some((b) => b.accessory?.action_id === 'submit_revision_pick_wg')).toBe(false);
  });

  it('gives the release manager a working group picker, then the chosen group’s repositories', async () => {
    app.slack.expect('views.open', 1);
    app.slack.expect('views.update', 1);

    const view = await openedView(app, RM);
    const picker = blocksOf(view).find((b) => b.accessory?.action_id === 'submit_revision_pick_wg');
    expect(picker?.accessory?.options.map((o) => o.value)).toEqual([
      'AutoML',
      'KServe',
      'Manifests',
      'Notebooks',
      'Pipelines',
      'Training',
    ]);
    expect(repoFields(view)).toEqual([]);
    expect(view.submit).toBeNull();

    const picked = await pickWorkingGroup(app, RM, view, 'Pipelines');
    expect(picked.status).toBe(200);
    const update = await app.slack.waitForCall('views.update');
    expect(update.args).toMatchObject({ view_id: view.id, hash: view.hash });
    const updated = app.slack.view(view.id);
    if (!updated) throw new Error('view gone');
    expect(JSON.parse(String(updated.private_metadata))).toEqual({ release: RELEASE, ...PIPELINES });
    expect(repoFields(updated)).toEqual([
      ['repo:0', 'kubeflow/pipelines'],
      ['repo:1', 'kubeflow/kfp-tekton'],
    ]);
    expect(updated.submit).toMatchObject({ text: 'Submit' });
  });

  it('opens the same form from the "Submit revisions" button of the status message', async () => {
    app.slack.expect('views.open', 1);
    const press = await app.interact(
      blockAction({ user: GRACE, actionId: 'open_submit_revision', value: '' }),
    );
    expect(press.status).toBe(200);
    const call = await app.slack.waitForCall('views.open');
    expect(JSON.parse((call.args.view as { private_metadata: string }).private_metadata)).toEqual({
      release: RELEASE,
      ...NOTEBOOKS,
    });
  });

  it('answers the "Submit revisions" button of someone who is no liaison with who may', async () => {
    app.slack.expect('chat.postEphemeral', 1);
    await app.interact(blockAction({ user: MARGARET, actionId: 'open_submit_revision', value: '' }));
    const refusal = await app.slack.waitForCall('chat.postEphemeral');
    expect(refusal.args).toMatchObject({ channel: RELEASE_CHANNEL, user: MARGARET });
    expect(String(refusal.args.text)).toContain(
      "Only a working group's liaisons, the release manager or an admin",
    );
  });

  it('refuses /kfrelease submit from someone who is no liaison, saying who may', async () => {
    const before = databaseSnapshot(app.services.store.db);

    const response = await app.command('submit', MARGARET);

    expect(response.status).toBe(200);
    expect(response.json<{ response_type: string }>()?.response_type).toBe('ephemeral');
    expect(answerText(response)).toContain(
      "Only a working group's liaisons, the release manager or an admin can submit git revisions for v1.10.0",
    );
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });

  it("refuses /kfrelease submit for another liaison's working group, naming the user's own", async () => {
    const response = await app.command('submit Notebooks', ALAN);
    expect(answerText(response)).toContain('You cannot submit revisions for "Notebooks"');
    expect(answerText(response)).toContain('You can submit for: Pipelines');
  });

  it.each([
    [
      'from someone who is no liaison',
      MARGARET,
      NOTEBOOKS,
      "Only a working group's liaisons, the release manager or an admin can submit",
    ],
    [
      'from the liaison of another working group',
      ALAN,
      NOTEBOOKS,
      'You cannot submit revisions for Notebooks',
    ],
    [
      'naming a repository of another working group',
      GRACE,
      { wg: 'Notebooks', repos: ['kubeflow/pipelines'] },
      'kubeflow/pipelines is not a repository of Notebooks',
    ],
  ])('refuses a form %s next to the field, changing nothing', async (_case, user, form, error) => {
    const before = databaseSnapshot(app.services.store.db);

    const response = await submitRevisionForm(app, user, form, ['2.5.0']);

    expect(response.status).toBe(200);
    expect(viewAnswer(response)).toEqual({
      response_action: 'errors',
      errors: { 'repo:0': expect.stringContaining(error) },
    });
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
    expect(github.requests).toEqual([]);
  });

  it('lets the release manager submit for any working group', async () => {
    app.slack.expect('chat.postMessage', 1);
    const response = await submitRevisionForm(app, RM, PIPELINES, ['2.5.0', null]);
    expect(viewAnswer(response).response_action).toBe('update');
    expect(app.services.store.revisions.forRelease(release.id)).toEqual([
      expect.objectContaining({ wg: 'Pipelines', repo: 'kubeflow/pipelines', status: 'accepted' }),
    ]);
  });
});
