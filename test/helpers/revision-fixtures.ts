import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReleaseRow } from '../../src/db/release-repository';
import type { RevisionRow } from '../../src/db/revision-repository';
import { createRelease } from '../../src/workflows/create-release';
import { importTeam } from '../../src/workflows/import-team';
import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github';
import { fakeSha } from '../fakes/fake-github-model';
import type { StoredMessage, StoredView } from '../fakes/fake-slack';
import { blockAction, viewSubmission, type SlackHttpResponse } from './slack-request';
import { ADMIN, RELEASE_CHANNEL, startTestApp, type TestApp } from './start-app';

export const RELEASE = 'v1.10.0';
/** Release manager (examples/team.yml). */
export const RM = 'U0ADA0001';
/** Notebooks liaison, and the release manager's shadow (which gives no authority to decide). */
export const GRACE = 'U0GRACE01';
/** Pipelines liaison. */
export const ALAN = 'U0ALAN001';
/** Docs lead: on the team, but no working group's liaison. */
export const MARGARET = 'U0MARG001';
const TEAM_SLACK_IDS = [RM, GRACE, ALAN, MARGARET, 'U0KATH001', 'U0EDSG001', 'U0BARB001', 'U0FRAN001'];

/** v1.10.0 starts on 2026-03-02 (handbook-17w, Europe/Berlin): Feature Freeze starts 2026-05-11. */
export const BEFORE_FREEZE = '2026-04-15T10:00:00Z';
export const DURING_FREEZE = '2026-05-12T10:00:00Z';

/** A working group's form as `/kfrelease submit` builds it: the repositories in field order. */
export interface FormShape {
  wg: string;
  repos: string[];
}
export const NOTEBOOKS: FormShape = { wg: 'Notebooks', repos: ['kubeflow/kubeflow'] };
export const PIPELINES: FormShape = { wg: 'Pipelines', repos: ['kubeflow/pipelines', 'kubeflow/kfp-tekton'] };

export const KF = 'kubeflow/kubeflow';
export const KFP = 'kubeflow/pipelines';

/**
 * kubeflow/kubeflow:
 *   K0 - K1 (v1.10.0) - K2 (v1.10.1, PR #11 bug) - K3 (PR #12 feature) - K4 (v1.11.0, PR #13 docs)
 *          \- K5 (v1.10.2: diverged from v1.10.1)
 * plus tags that break the freeze rules: no release, an empty release, a draft release, not a version.
 */
export const K = {
  k0: fakeSha('kf-0'),
  k1: fakeSha('kf-1'),
  k2: fakeSha('kf-2'),
  k3: fakeSha('kf-3'),
  k4: fakeSha('kf-4'),
  k5: fakeSha('kf-5'),
};
export const P = { p0: fakeSha('kfp-0'), p1: fakeSha('kfp-1') };

const CHANGELOG = '## Changelog\n\n* Fixes and features, see the pull requests.';

export function seedGitHub(github: FakeGitHub): void {
  github.addRepo(KF, { defaultBranch: 'master' });
  github.addCommit(KF, K.k0, [], { message: 'Initial import' });
  github.addCommit(KF, K.k1, [K.k0], { message: 'Notebooks 1.10 features' });
  github.addCommit(KF, K.k2, [K.k1], { message: 'Fix culling of idle notebooks (#11)' });
  github.addCommit(KF, K.k3, [K.k2], { message: 'Add a GPU picker to the spawner (#12)' });
  github.addCommit(KF, K.k4, [K.k3], { message: 'Fix broken links in the docs (#13)' });
  github.addCommit(KF, K.k5, [K.k1], { message: 'Hotfix on a side branch' });
  github.addBranch(KF, 'master', K.k4);
  github.addBranch(KF, 'release-1.10', K.k2);
  github.addTag(KF, 'v1.10.0', K.k1, { annotated: true });
  github.addTag(KF, 'v1.10.1', K.k2);
  github.addTag(KF, 'v1.11.0', K.k4);
  github.addTag(KF, 'v1.10.2', K.k5);
  github.addTag(KF, 'v1.10.0-rc.0', K.k0);
  github.addTag(KF, 'v1.10.0-rc.1', K.k0);
  github.addTag(KF, 'v1.10.0-rc.2', K.k0);
  github.addTag(KF, 'notebooks-latest', K.k1);
  for (const tag of ['v1.10.0', 'v1.10.1', 'v1.11.0', 'v1.10.2', 'notebooks-latest'])
    github.addRelease(KF, { tag, body: CHANGELOG });
  github.addRelease(KF, { tag: 'v1.10.0-rc.1', body: '' });
  github.addRelease(KF, { tag: 'v1.10.0-rc.2', body: CHANGELOG, draft: true });
  github.addPullRequest(KF, 11, {
    title: 'Fix culling of idle notebooks',
    labels: ['kind/bug'],
    commits: [K.k2],
  });
  github.addPullRequest(KF, 12, {
    title: 'Add a GPU picker to the spawner',
    labels: ['kind/feature'],
    commits: [K.k3],
  });
  github.addPullRequest(KF, 13, {
    title: 'Fix broken links in the docs',
    labels: ['area/docs'],
    commits: [K.k4],
  });

  github.addRepo(KFP, { defaultBranch: 'master' });
  github.addCommit(KFP, P.p0, [], { message: 'KFP 2.5' });
  github.addCommit(KFP, P.p1, [P.p0], { message: 'Work in progress' });
  github.addBranch(KFP, 'master', P.p1);
  github.addTag(KFP, '2.5.0', P.p0);
  github.addRelease(KFP, { tag: '2.5.0', body: CHANGELOG });
}

const TEAM_YAML = readFileSync(join(__dirname, '..', '..', 'examples', 'team.yml'), 'utf8');

/** Release v1.10.0 in the release channel with the example team, whose members the fake Slack knows. */
export function seedRelease(app: TestApp): ReleaseRow {
  const { release } = createRelease(app.services, {
    version: RELEASE,
    startDate: '2026-03-02',
    template: 'handbook-17w',
    timeZone: 'Europe/Berlin',
    channel: RELEASE_CHANNEL,
    actor: { kind: 'slack', userId: ADMIN },
  });
  importTeam(app.services, { yaml: TEAM_YAML, source: 'team.yml', actor: { kind: 'cli', name: 'test' } });
  for (const id of TEAM_SLACK_IDS) app.slack.addUser({ id, name: id.toLowerCase() });
  return release;
}

/** The real app against `github`, with v1.10.0 and its team. */
export async function startRevisionApp(
  github: FakeGitHub,
  options: { now?: string; githubDeadlineMs?: number } = {},
): Promise<{ app: TestApp; release: ReleaseRow }> {
  const app = await startTestApp({
    now: options.now ?? DURING_FREEZE,
    githubUrl: github.url,
    ...(options.githubDeadlineMs === undefined ? {} : { githubDeadlineMs: options.githubDeadlineMs }),
  });
  return { app, release: seedRelease(app) };
}

/** A view_submission of the revision form: one value per repository field, in order. */
export function revisionFormSubmission(
  user: string,
  form: FormShape & { release?: string },
  revisions: (string | null)[],
  note = '',
): object {
  const values: Record<string, Record<string, string | { type: string; value: null }>> = {};
  form.repos.forEach((_repo, i) => {
    const value = revisions[i];
    values[`repo:${i}`] = {
      revision: value === null || value === undefined ? { type: 'plain_text_input', value: null } : value,
    };
  });
  values.note = { note };
  return viewSubmission({
    user,
    callbackId: 'submit_revision',
    privateMetadata: JSON.stringify({ release: form.release ?? RELEASE, wg: form.wg, repos: form.repos }),
    values,
  });
}

export async function submitRevisionForm(
  app: TestApp,
  user: string,
  form: FormShape & { release?: string },
  revisions: (string | null)[],
  note = '',
): Promise<SlackHttpResponse> {
  return app.interact(revisionFormSubmission(user, form, revisions, note));
}

/** What a view_submission was answered with. */
export interface ViewAnswer {
  response_action?: 'errors' | 'update';
  errors?: Record<string, string>;
  view?: { blocks: unknown[]; callback_id: string };
}

export const viewAnswer = (response: SlackHttpResponse): ViewAnswer => response.json<ViewAnswer>() ?? {};

/** Every text in a Block Kit structure (message, view or blocks), joined by newlines. */
export function textOf(node: unknown): string {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'text' && typeof child === 'string') texts.push(child);
      else walk(child);
    }
  };
  walk(node);
  return texts.join('\n');
}

export function revisionsOf(app: TestApp, release: ReleaseRow): RevisionRow[] {
  return app.services.store.revisions.forRelease(release.id);
}

/** The posted message carrying outbox key `key` in `channel`, once the outbox delivered it. */
export async function postedMessage(app: TestApp, channel: string, key: string, timeoutMs = 3000) {
  await app.slack.waitForCall(
    'chat.postMessage',
    (call) => call.args.channel === channel && JSON.stringify(call.args.metadata ?? {}).includes(`"${key}"`),
    timeoutMs,
  );
  const message = app.slack.messages(channel).find((m) => m.metadata?.event_payload.key === key);
  if (!message) throw new Error(`no message ${key} in ${channel}`);
  return message;
}

/** The release channel's message asking the release manager to decide on revision `id`. */
export const heldMessage = (app: TestApp, id: number): Promise<StoredMessage> =>
  postedMessage(app, RELEASE_CHANNEL, `revision:${id}:held:${RELEASE_CHANNEL}`);

/** A button on a message in the release channel pressed by `user`. */
export function pressButton(
  app: TestApp,
  input: { user: string; actionId: string; value: string; message: StoredMessage },
): Promise<SlackHttpResponse> {
  const payload = blockAction({ user: input.user, actionId: input.actionId, value: input.value });
  return app.interact({
    ...payload,
    container: { ...(payload.container as object), message_ts: input.message.ts },
    message: { ...input.message },
  });
}

/** A working group chosen in the form's picker (a block action inside the modal). */
export function pickWorkingGroup(app: TestApp, user: string, view: StoredView, wg: string) {
  const payload = blockAction({ user, actionId: 'submit_revision_pick_wg', value: wg, blockId: 'wg' });
  const option = { text: { type: 'plain_text', text: wg, emoji: true }, value: wg };
  const { channel: _channel, message: _message, ...rest } = payload;
  return app.interact({
    ...rest,
    container: { type: 'view', view_id: view.id },
    view: { ...view, state: { values: {} } },
    actions: [
      {
        type: 'static_select',
        action_id: 'submit_revision_pick_wg',
        block_id: 'wg',
        selected_option: option,
        action_ts: String(Date.now() / 1000),
      },
    ],
  });
}

/** Waits until the outbox has nothing left to deliver (every queued post is sent or given up). */
export async function outboxDelivered(app: TestApp, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (app.services.store.outbox.pending().length > 0) {
    if (Date.now() > deadline) {
      const keys = app.services.store.outbox.pending().map((row) => row.key);
      throw new Error(`outbox still holds ${keys.join(', ')} after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Submits Notebooks revision `revision` as Grace and answers the row it saved. */
export async function submitNotebooks(
  app: TestApp,
  release: ReleaseRow,
  revision: string,
): Promise<RevisionRow> {
  const response = await submitRevisionForm(app, GRACE, NOTEBOOKS, [revision]);
  expect(response.status).toBe(200);
  expect(viewAnswer(response)).toMatchObject({ response_action: 'update' });
  const row = revisionsOf(app, release).at(-1);
  if (!row || row.revision !== revision) throw new Error(`${revision} was not saved`);
  return row;
}

/**
 * During the freeze: v1.10.0 and the bug fix v1.10.1 accepted, then `revision` submitted, which
 * the rules hold for the release manager. Its held message and notices are delivered.
 */
export async function heldAfterBugFix(
  app: TestApp,
  release: ReleaseRow,
  revision: 'v1.11.0' | 'v1.10.2',
): Promise<{ row: RevisionRow; message: StoredMessage }> {
  app.slack.expect('chat.postMessage');
  app.slack.expect('conversations.open');
  await submitNotebooks(app, release, 'v1.10.0');
  await submitNotebooks(app, release, 'v1.10.1');
  const row = await submitNotebooks(app, release, revision);
  expect(row.status).toBe('needs_exception');
  const message = await heldMessage(app, row.id);
  await outboxDelivered(app);
  return { row, message };
}

/**
 * One GitHub stand-in per file and a fresh app per test, seeded with v1.10.0 and the example
 * team; after each test, no Slack call or GitHub request that the test did not expect. `use`
 * receives them before each test; `seedMore` adds a file's own repositories to the stand-in.
 */
export function useRevisionApp(
  use: (world: { github: FakeGitHub; app: TestApp; release: ReleaseRow }) => void,
  seedMore?: (github: FakeGitHub) => void,
): void {
  let github: FakeGitHub;
  let app: TestApp;
  beforeAll(async () => {
    github = await startFakeGitHub();
    seedGitHub(github);
    seedMore?.(github);
  });
  afterAll(() => github.close());
  beforeEach(async () => {
    const started = await startRevisionApp(github);
    app = started.app;
    use({ github, ...started });
  });
  afterEach(async () => {
    await app.stop();
    app.slack.assertNoUnexpectedCalls();
    github.assertNoUnexpectedRequests();
  });
}
