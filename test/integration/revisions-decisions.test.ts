import type { ReleaseRow } from '../../src/db/release-repository';
import { dmChannelId, type StoredMessage } from '../fakes/fake-slack';
import { databaseSnapshot } from '../helpers/database-snapshot';
import {
  ALAN,
  GRACE,
  heldAfterBugFix,
  outboxDelivered,
  postedMessage,
  pressButton,
  RELEASE,
  RM,
  textOf,
  useRevisionApp,
  viewAnswer,
} from '../helpers/revision-fixtures';
import { viewSubmission } from '../helpers/slack-request';
import { RELEASE_CHANNEL, type TestApp } from '../helpers/start-app';

const hasButtons = (message: StoredMessage | undefined) =>
  (message?.blocks as { type: string }[] | undefined)?.some((b) => b.type === 'actions') ?? false;

describe("the release manager's decision on a held revision", () => {
  let app: TestApp;
  let release: ReleaseRow;

  useRevisionApp((world) => {
    ({ app, release } = world);
  });

  const channelMessage = (ts: string) => app.slack.messages(RELEASE_CHANNEL).find((m) => m.ts === ts);
  const press = (
    user: string,
    action: 'revision_approve' | 'revision_deny',
    id: number,
    message: StoredMessage,
  ) => pressButton(app, { user, actionId: action, value: String(id), message });

  it('approves: accepted as an exception, message updated, audit logged, submitter told', async () => {
    const { row, message } = await heldAfterBugFix(app, release, 'v1.11.0');
    app.slack.expect('chat.update', 1);

    const response = await press(RM, 'revision_approve', row.id, message);

    expect(response.status).toBe(200);
    await app.slack.waitForCall('chat.update');
    const updated = channelMessage(message.ts);
    expect(textOf(updated?.blocks)).toContain(
      ':white_check_mark: Exception granted by <@U0ADA0001> for Kubeflow v1.10.0',
    );
    expect(hasButtons(updated)).toBe(false);
    expect(app.services.store.revisions.byId(row.id)).toMatchObject({ status: 'accepted', decidedBy: RM });
    expect(app.services.store.audit.forRelease(release.id).at(-1)).toMatchObject({
      actor: RM,
      action: 'revision.approved',
      details: { id: row.id, wg: 'Notebooks', repo: 'kubeflow/kubeflow', revision: 'v1.11.0' },
    });
    const announced = await postedMessage(app, RELEASE_CHANNEL, `revision:${row.id}:accepted`);
    expect(textOf(announced.blocks)).toContain('exception granted by <@U0ADA0001>');
    const dm = await postedMessage(app, dmChannelId(GRACE), `revision:${row.id}:approved:${GRACE}`);
    expect(textOf(dm.blocks)).toContain('The release manager approved your revision');
    await outboxDelivered(app);
  });

  it('answers a second press on a decided revision with who decided it, changing nothing', async () => {
    const { row, message } = await heldAfterBugFix(app, release, 'v1.11.0');
    app.slack.expect('chat.update', 1);
    app.slack.expect('chat.postEphemeral', 2);
    await press(RM, 'revision_approve', row.id, message);
    await app.slack.waitForCall('chat.update');
    await outboxDelivered(app);
    const before = databaseSnapshot(app.services.store.db);

    for (const action of ['revision_approve', 'revision_deny'] as const) {
      const seen = app.slack.callsTo('chat.postEphemeral').length;
      expect((await press(RM, action, row.id, message)).status).toBe(200);
      const answer = await app.slack.waitForCall(
        'chat.postEphemeral',
        (call) => app.slack.callsTo('chat.postEphemeral').indexOf(call) === seen,
      );
      expect(answer.args).toMatchObject({ channel: RELEASE_CHANNEL, user: RM });
      expect(String(answer.args.text)).toContain(
        'no longer waiting for a decision (it is accepted, decided by <@U0ADA0001>)',
      );
    }
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });

  it('denies with a reason: the reason modal, status denied, message updated, liaisons told why', async () => {
    const { row, message } = await heldAfterBugFix(app, release, 'v1.10.2');
    app.slack.expect('views.open', 1);
    app.slack.expect('chat.update', 1);

    expect((await press(RM, 'revision_deny', row.id, message)).status).toBe(200);
    const open = await app.slack.waitForCall('views.open');
    const modal = open.args.view as { callback_id: string; private_metadata: string };
    expect(modal.callback_id).toBe('deny_revision');
    expect(textOf(modal)).toContain(
      'Deny *Notebooks* revision `v1.10.2` of kubeflow/kubeflow for Kubeflow v1.10.0?',
    );
    const deny = (reason: string) =>
      app.interact(
        viewSubmission({
          user: RM,
          callbackId: 'deny_revision',
          privateMetadata: modal.private_metadata,
          values: { reason: { reason } },
        }),
      );

    const tooShort = await deny('no');
    expect(tooShort.status).toBe(200);
    expect(viewAnswer(tooShort).errors?.reason).toContain('Say why the revision is denied');
    expect(app.services.store.revisions.byId(row.id)?.status).toBe('needs_exception');

    const reason = 'Diverged from v1.10.1: tag the fix on release-1.10 instead.';
    const denied = await deny(reason);
    expect(denied.status).toBe(200);
    expect(denied.text).toBe('');
    expect(app.services.store.revisions.byId(row.id)).toMatchObject({
      status: 'denied',
      decidedBy: RM,
      decisionReason: reason,
    });
    expect(app.services.store.audit.forRelease(release.id).at(-1)).toMatchObject({
      actor: RM,
      action: 'revision.denied',
      details: { id: row.id, reason },
    });
    await app.slack.waitForCall('chat.update');
    expect(textOf(channelMessage(message.ts)?.blocks)).toContain(':no_entry: Denied by <@U0ADA0001>');
    expect(textOf(channelMessage(message.ts)?.blocks)).toContain(`Reason: ${reason}`);
    expect(hasButtons(channelMessage(message.ts))).toBe(false);
    const dm = await postedMessage(app, dmChannelId(GRACE), `revision:${row.id}:denied:${GRACE}`);
    expect(textOf(dm.blocks)).toContain('The release manager denied a revision of your working group');
    expect(textOf(dm.blocks)).toContain(`Reason: ${reason}`);
    await outboxDelivered(app);
  });

  it('escapes a denial reason once in the direct messages and the channel: it pings nobody, links nothing', async () => {
    const { row, message } = await heldAfterBugFix(app, release, 'v1.10.2');
    app.slack.expect('views.open', 1);
    app.slack.expect('chat.update', 1);
    await press(RM, 'revision_deny', row.id, message);
    const open = await app.slack.waitForCall('views.open');
    const modal = open.args.view as { private_metadata: string };
    // Modal inputs come as typed: nothing is escaped by Slack.
    const reason = '<!channel> R&D says <https://evil.example/phish|Changelog> is wrong';
    await app.interact(
      viewSubmission({
        user: RM,
        callbackId: 'deny_revision',
        privateMetadata: modal.private_metadata,
        values: { reason: { reason } },
      }),
    );
    const escaped = '&lt;!channel&gt; R&amp;D says &lt;https://evil.example/phish|Changelog&gt; is wrong';
    const dm = await postedMessage(app, dmChannelId(GRACE), `revision:${row.id}:denied:${GRACE}`);
    expect(textOf(dm.blocks)).toContain(`Reason: ${escaped}`);
    await app.slack.waitForCall('chat.update');
    const updated = textOf(channelMessage(message.ts)?.blocks);
    expect(updated).toContain(`Reason: ${escaped}`);
    for (const text of [textOf(dm.blocks), dm.text ?? '', updated]) {
      expect(text).not.toContain('<!channel>');
      expect(text).not.toContain('<https://evil.example');
    }
    await outboxDelivered(app);
  });

  it.each([
    ['the release manager’s shadow', 'Approve', GRACE, 'revision_approve', 'approve'],
    ['a liaison', 'Approve', ALAN, 'revision_approve', 'approve'],
    ['a liaison', 'Deny', ALAN, 'revision_deny', 'deny'],
  ] as const)(
    'refuses %s pressing %s, naming who may, changing nothing',
    async (_who, _button, user, action, verb) => {
      const { row, message } = await heldAfterBugFix(app, release, 'v1.11.0');
      app.slack.expect('chat.postEphemeral', 1);
      const before = databaseSnapshot(app.services.store.db);

      expect((await press(user, action, row.id, message)).status).toBe(200);

      const refusal = await app.slack.waitForCall('chat.postEphemeral');
      expect(refusal.args).toMatchObject({ channel: RELEASE_CHANNEL, user });
      expect(String(refusal.args.text)).toContain(
        `Only the release manager of ${RELEASE} or an admin can ${verb} a held revision.`,
      );
      expect(databaseSnapshot(app.services.store.db)).toBe(before);
      expect(hasButtons(channelMessage(message.ts))).toBe(true);
    },
  );

  it('keeps an approval when the held message cannot be updated, and shows the decision instead of an apology', async () => {
    const { row, message } = await heldAfterBugFix(app, release, 'v1.11.0');
    app.slack.expect('chat.update', 1);
    app.slack.expect('chat.postEphemeral', 1);
    app.slack.failNext('chat.update', { kind: 'not_ok', error: 'message_not_found' });

    await press(RM, 'revision_approve', row.id, message);

    await app.slack.waitForCall('chat.update');
    await postedMessage(app, RELEASE_CHANNEL, `revision:${row.id}:accepted`);
    expect(app.services.store.revisions.byId(row.id)?.status).toBe('accepted');
    await outboxDelivered(app);
    const shown = await app.slack.waitForCall('chat.postEphemeral', (call) => call.args.user === RM);
    expect(shown.args.text).toMatch(/revision approved: .* v1\.11\.0/);
    expect(JSON.stringify(shown.args.blocks)).toContain('Exception granted by');
    expect(JSON.stringify(shown.args)).not.toMatch(/Sorry|nothing (was )?changed/i);
  });
});
