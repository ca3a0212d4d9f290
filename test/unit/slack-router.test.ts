import { SlackRouter } from '../../src/slack/listeners/slack-router';

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
