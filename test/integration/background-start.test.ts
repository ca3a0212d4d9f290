import { BACKGROUND_START_DELAY_MS } from '../../src/jobs/background-work-soon';
import { startTestApp, type TestApp } from '../helpers/start-app';

/**
 * After a restart Slack sends again what went unanswered, all at once: those requests are answered
 * before the background work loads and catches up, which starts a second later and then delivers
 * what was queued.
 */
describe('the background work, a moment after the app listens', () => {
  let app: TestApp;
  afterEach(() => app.stop());

  it('answers at once, and delivers a queued post only once the background work has started', async () => {
    const startedAt = Date.now();
    app = await startTestApp({ backgroundStartDelayMs: BACKGROUND_START_DELAY_MS });
    app.slack.expect('chat.postMessage', 1);
    app.services.store.outbox.enqueue(
      {
        key: 'restart:queued',
        releaseId: null,
        channel: 'C0QUEUED',
        notice: { kind: 'missed_posts', version: 'v1.10.0', items: ['queued before the restart'] },
      },
      app.clock.now().toUTC().toISO() ?? '',
    );
    app.services.deliverSoon();
    const answered = await app.command('help');
    expect(answered.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(app.slack.callsTo('chat.postMessage')).toEqual([]);
    const posted = await app.slack.waitForCall(
      'chat.postMessage',
      () => true,
      BACKGROUND_START_DELAY_MS + 3000,
    );
    expect(posted.args.channel).toBe('C0QUEUED');
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(BACKGROUND_START_DELAY_MS);
    app.slack.assertExpectedCallsMade();
  });
});
