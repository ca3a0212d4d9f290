import { SlackRouter } from '../../src/slack/listeners/slack-router';
import { createLogger } from '../../src/logger';

describe('the Slack router', () => {
  it('refuses a second listener for the same ID at start, naming it', () => {
    const router = new SlackRouter();
    router.action('open_submit_revision', async () => {});
    router.view('open_submit_revision', async () => {});
    expect(() => router.action('open_submit_revision', async () => {})).toThrow(
      'two action listeners for "open_submit_revision"',
    );
  });
});

describe('listeners registered on first use', () => {
  it('registers a kind when the first request of that kind comes, once, and not for other kinds', async () => {
    const router = new SlackRouter();
    const registered: string[] = [];
    const pressed: string[] = [];
    router.command('/kfrelease', async () => void pressed.push('command'));
    router.later('action', () => {
      registered.push('action');
      router.action('approve_revision', async () => void pressed.push('approve_revision'));
    });
    const dispatch = router.middleware(createLogger('silent'));
    const send = (body: object) =>
      dispatch({ body, next: async () => undefined } as unknown as Parameters<typeof dispatch>[0]);
    expect(registered).toEqual([]);
    await send({ command: '/kfrelease' });
    expect(registered).toEqual([]);
    await send({ type: 'block_actions', actions: [{ action_id: 'approve_revision' }] });
    await send({ type: 'block_actions', actions: [{ action_id: 'approve_revision' }] });
    expect(registered).toEqual(['action']);
    expect(pressed).toEqual(['command', 'approve_revision', 'approve_revision']);
  });
});
