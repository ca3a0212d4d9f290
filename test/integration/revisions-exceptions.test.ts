import type { ReleaseRow } from '../../src/db/release-repository';
import type { FakeGitHub } from '../fakes/fake-github';
import { dmChannelId } from '../fakes/fake-slack';
import {
  GRACE,
  heldAfterBugFix,
  K,
  NOTEBOOKS,
  outboxDelivered,
  postedMessage,
  revisionsOf,
  submitNotebooks,
  submitRevisionForm,
  textOf,
  useRevisionApp,
  viewAnswer,
} from '../helpers/revision-fixtures';
import type { TestApp } from '../helpers/start-app';

const PR = (n: number) => `<https://github.com/kubeflow/kubeflow/pull/${n}|#${n}>`;
const FEATURE = ':warning: _labelled kind/feature_';

describe('revisions after the freeze: bug fixes accepted, anything else held for the release manager', () => {
  let github: FakeGitHub;
  let app: TestApp;
  let release: ReleaseRow;

  useRevisionApp((world) => {
    ({ github, app, release } = world);
  });

  it('accepts a bug-fix tag that descends from the previous accepted one', async () => {
    app.slack.expect('chat.postMessage', 2);
    await submitNotebooks(app, release, 'v1.10.0');

    const response = await submitRevisionForm(app, GRACE, NOTEBOOKS, ['v1.10.1']);

    expect(textOf(viewAnswer(response).view)).toContain('`v1.10.1`: :white_check_mark: accepted');
    const fix = revisionsOf(app, release).at(-1);
    expect(fix).toMatchObject({ revision: 'v1.10.1', status: 'accepted', commitSha: K.k2, freeze: true });
    expect(fix?.review).toMatchObject({
      reasons: [],
      previous: 'v1.10.0',
      commits: [{ sha: K.k2, message: 'Fix culling of idle notebooks (#11)' }],
      pullRequests: [expect.objectContaining({ number: 11, labels: ['kind/bug'], flagged: false })],
    });
    expect(github.requestsTo('GET', '/repos/kubeflow/kubeflow/compare/')).toHaveLength(1);
    await outboxDelivered(app);
  });

  it('holds a minor bump, listing the pull requests since the previous tag and flagging the feature', async () => {
    const { row, message } = await heldAfterBugFix(app, release, 'v1.11.0');

    expect(row.review?.reasons).toEqual([
      'The minor version moved from v1.10.1 to v1.11.0; after the freeze only patch or RC numbers may move.',
      'A pull request since `v1.10.1` is not bug-fix-only: #12 (labelled kind/feature). After the freeze only bug fixes, docs, tests and chores may ship.',
    ]);
    const text = textOf(message.blocks);
    expect(text).toContain(
      '*Notebooks* revision for Kubeflow v1.10.0 needs an exception from the release manager',
    );
    expect(text).toContain('*kubeflow/kubeflow* `v1.11.0`');
    expect(text).toContain('• The minor version moved from v1.10.1 to v1.11.0');
    expect(text).toContain('Previous accepted revision: `v1.10.1`.');
    expect(text).toContain('*2 commit(s) since then*');
    expect(text).toContain(
      '• A pull request since `v1.10.1` is not bug-fix-only: #12 (labelled kind/feature).',
    );
    expect(text).toContain(`${PR(12)} Add a GPU picker to the spawner ${FEATURE}`);
    expect(text).toContain(`${PR(13)} Fix broken links in the docs`);
    expect(text).not.toContain(`${PR(13)} Fix broken links in the docs :warning:`);
    expect(text).not.toContain(PR(11));
    expect(text).toContain(
      '<https://github.com/kubeflow/kubeflow/releases/tag/v1.11.0|GitHub release and changelog>',
    );
    const buttons = (message.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? []);
    expect(buttons.map((b) => [b.action_id, b.value])).toEqual([
      ['revision_approve', String(row.id)],
      ['revision_deny', String(row.id)],
    ]);
  });

  it("tells the working group's liaisons by direct message that a revision is held", async () => {
    const { row } = await heldAfterBugFix(app, release, 'v1.11.0');
    const dm = await postedMessage(app, dmChannelId(GRACE), `revision:${row.id}:held:${GRACE}`);
    expect(textOf(dm.blocks)).toContain('A revision of your working group is held for the release manager');
    expect(textOf(dm.blocks)).toContain('The minor version moved');
    expect(app.slack.callsTo('conversations.open').map((c) => c.args.users)).toEqual([GRACE]);
  });

  it('holds a tag that diverged from the previous accepted one', async () => {
    const { row, message } = await heldAfterBugFix(app, release, 'v1.10.2');

    expect(row).toMatchObject({ status: 'needs_exception', commitSha: K.k5, version: 'v1.10.2' });
    expect(row.review?.reasons).toEqual([
      'It does not descend from the previous revision `v1.10.1` (diverged), so it may carry more than bug fixes.',
    ]);
    expect(textOf(message.blocks)).toContain('Hotfix on a side branch');
    expect(revisionsOf(app, release).map((r) => [r.revision, r.status])).toEqual([
      ['v1.10.0', 'accepted'],
      ['v1.10.1', 'accepted'],
      ['v1.10.2', 'needs_exception'],
    ]);
  });

  it('says "held" in the modal, with what happens next', async () => {
    app.slack.expect('chat.postMessage');
    app.slack.expect('conversations.open');
    await submitNotebooks(app, release, 'v1.10.0');
    const response = await submitRevisionForm(app, GRACE, NOTEBOOKS, ['v1.11.0']);
    expect(response.status).toBe(200);
    expect(textOf(viewAnswer(response).view)).toContain(
      '`v1.11.0`: :raised_hand: held for the release manager (you and the liaisons will hear the decision)',
    );
    await outboxDelivered(app);
  });
});
