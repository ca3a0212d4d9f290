import type { SlackCall } from '../fakes/fake-slack';
import { postEvent } from './slack-request';
import { SIGNING_SECRET, type TestApp } from './start-app';

/**
 * Opens `user`'s Home tab as Slack does (a signed `app_home_opened` event) and waits for the
 * `views.publish` kfrelease answers it with: the call, with the published view in its args.
 */
export async function openHome(app: TestApp, user: string): Promise<SlackCall> {
  const before = app.slack.callsTo('views.publish').length;
  const response = await postEvent(app.url, SIGNING_SECRET, {
    type: 'app_home_opened',
    user,
    channel: `D${user}`,
    tab: 'home',
    event_ts: `${Math.floor(Date.now() / 1000)}.000100`,
  });
  if (response.status !== 200) throw new Error(`the app_home_opened event got HTTP ${response.status}`);
  return app.slack.waitForCall(
    'views.publish',
    (c) => c.args.user_id === user && app.slack.callsTo('views.publish').indexOf(c) >= before,
  );
}
