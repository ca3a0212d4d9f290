import { createReleaseInSlack } from '../helpers/create-release-in-slack';
import {
  blockActionsPayload,
  viewClosedPayload,
  viewSubmissionPayload,
} from '../../src/sandbox/slack-payloads';
import { OPEN_SUBMIT_FORM } from '../../src/slack/blocks/status-blocks';
import { STALE_BUTTON, STALE_FORM } from '../../src/slack/listeners/unknown-interactions';
import { databaseSnapshot } from '../helpers/database-snapshot';
import { textOf } from '../helpers/revision-fixtures';
import { postSlashCommand } from '../helpers/slack-request';
import { ADMIN, RELEASE_CHANNEL, SIGNING_SECRET, startTestApp, type TestApp } from '../helpers/start-app';

const USER = { id: 'U0ALAN001', name: 'alan' };

/** The first message to USER (ephemeral, or a direct message) among the Slack calls since `seen`. */
async function toPresser(
  app: TestApp,
  seen: number,
  method: string,
): Promise<{ args: Record<string, unknown> }> {
  const until = Date.now() + 2000;
  for (;;) {
    const call = app.slack.calls
      .slice(seen)
      .find((c) => c.method === method && (c.args.user === USER.id || c.args.channel === USER.id));
    if (call) return call;
    if (Date.now() > until) throw new Error(`no ${method} to the person who pressed`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** An interaction no listener takes (an older kfrelease's button or form) is answered at once. */
describe('interactions kfrelease no longer listens for', () => {
  let app: TestApp;
  let before: string;

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-05-06T10:00:00Z' });
    app.slack.expect('chat.postMessage');
    await createReleaseInSlack(app, 'release create v1.10.0 2026-03-02 handbook-17w Europe/Berlin', ADMIN);
  });
  beforeEach(() => {
    before = databaseSnapshot(app.services.store.db);
  });
  afterEach(() => {
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });
  afterAll(async () => {
    app.slack.assertNoUnexpectedCalls();
    await app.stop();
  });

  /** A press of the button `actionId` on a message in the release channel. */
  const messageButton = (actionId: string, triggerId: string, ts: string) =>
    blockActionsPayload({
      user: USER,
      triggerId,
      action: { type: 'button', action_id: actionId, block_id: 'b', value: '7' },
      where: {
        kind: 'message',
        channel: { id: RELEASE_CHANNEL, name: 'release' },
        ts,
        message: { ts, text: 'an earlier kfrelease message' },
        responseUrl: app.slack.responseUrl(`button-${ts}`),
      },
    });

  const oldView = (callbackId: string) => ({
    id: 'V0OLDFORM1',
    type: 'modal',
    callback_id: callbackId,
    hash: '1767225600.AbCdEfGh',
    private_metadata: JSON.stringify({ release: 'v1.10.0' }),
    state: { values: { wg: { wg: { type: 'static_select', selected_option: { value: 'Notebooks' } } } } },
  });

  it('tells the person who pressed an old button in a message that it no longer does anything', async () => {
    app.slack.expect('chat.postEphemeral');
    const seen = app.slack.calls.length;
    const started = Date.now();
    const response = await app.interact(messageButton('revision_approve_v0', '1.2.old', '1767225600.000100'));
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
    const told = await toPresser(app, seen, 'chat.postEphemeral');
    expect(told.args).toMatchObject({ channel: RELEASE_CHANNEL, text: STALE_BUTTON.value });
    expect(app.slack.calls.slice(seen).map((c) => c.method)).toEqual(['chat.postEphemeral']);
  });

  it('tells the person by direct message when the old button is in a modal or the Home tab', async () => {
    app.slack.expect('chat.postMessage');
    const seen = app.slack.calls.length;
    const response = await app.interact(
      blockActionsPayload({
        user: USER,
        triggerId: '1.3.old',
        action: { type: 'button', action_id: 'home.refresh_v0', block_id: 'b' },
        where: { kind: 'view', view: oldView('app_home_v0') },
      }),
    );
    expect(response.status).toBe(200);
    const told = await toPresser(app, seen, 'chat.postMessage');
    expect(told.args.text).toBe(STALE_BUTTON.value);
  });

  it('answers the submission of a form an older version opened with a modal saying nothing was saved', async () => {
    const response = await app.interact(
      viewSubmissionPayload({ user: USER, view: oldView('submit_revision_v0') }),
    );
    expect(response.status).toBe(200);
    const body = response.json<{ response_action: string; view: unknown }>();
    expect(body?.response_action).toBe('update');
    expect(textOf(body?.view)).toContain(STALE_FORM.value);
  });

  it('takes the closing of an unknown form quietly', async () => {
    const seen = app.slack.calls.length;
    const response = await app.interact(
      viewClosedPayload({ user: USER, view: oldView('submit_revision_v0') }),
    );
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(app.slack.calls.length).toBe(seen);
  });

  it('points a slash command under another name at /kfrelease', async () => {
    const response = await postSlashCommand(app.url, SIGNING_SECRET, {
      command: '/kfrelease-old',
      text: 'status',
      user_id: USER.id,
      channel_id: RELEASE_CHANNEL,
    });
    expect(response.status).toBe(200);
    expect(response.json<{ response_type: string; text: string }>()).toEqual({
      response_type: 'ephemeral',
      text: 'kfrelease does not answer `/kfrelease-old`: its command is `/kfrelease`. Try `/kfrelease help`.',
    });
  });

  it('still hands a known button to its listener', async () => {
    app.slack.expect('chat.postEphemeral');
    const seen = app.slack.calls.length;
    const response = await app.interact(messageButton(OPEN_SUBMIT_FORM, '1.4.new', '1767225600.000200'));
    expect(response.status).toBe(200);
    const told = await toPresser(app, seen, 'chat.postEphemeral');
    expect(told.args.text).toContain('v1.10.0');
    expect(app.slack.calls.slice(seen).map((c) => c.args.text)).not.toContain(STALE_BUTTON.value);
  });
});
